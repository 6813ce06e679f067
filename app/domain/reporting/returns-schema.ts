// Validation of a quarterly return's figures; no server imports (the form uses the same rules).
import { z } from "zod";
import { FORM_NOT_RECOGNISED, intentOf } from "~/domain/form-intent.ts";
import {
  badlyGroupedMessage,
  figureForForm,
  isBadlyGrouped,
  withoutThousandsSeparators,
} from "~/domain/numbers.ts";
import { countedIn } from "~/domain/contracts/labels.ts";
import { capitalise } from "~/domain/format.ts";
import { isWholeNumber, takesWholeNumbers } from "~/domain/contracts/quantities.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { hasCredentials } from "./evidence-link.ts";
import { QUARTER_MAXIMA } from "./returns-rules.ts";

export type ReturnLineSpec = { commitmentId: string; unit: MeasureUnit; measureName: string };

// PostgreSQL text cannot hold NUL: the database drops it, so an answer of NUL and spaces would be stored blank
// (a narrative breaking its "has text" rule, a 500). It goes before the trim, so what is checked is what is kept.
const withoutNul = (value: string) => value.replaceAll("\0", "");

// A line's text answer: its length, and the evidence link's form, are checked with the line's commitment known, so
// each message names it (the error summary lists every line's problems together)
const lineText = z
  .string()
  .overwrite(withoutNul)
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const NARRATIVE_MAX = 5000;
const NOTE_MAX = 2000;
const EVIDENCE_URL_MAX = 2000;

/** What is wrong with the evidence link given for a commitment, or null. Only web addresses are linked to from the
 * council's pages. */
export function evidenceUrlError(value: string, measureName: string): string | null {
  const link = `the evidence link for ${measureName}`;
  if (value.length > EVIDENCE_URL_MAX)
    return `${capitalise(link)} must be ${EVIDENCE_URL_MAX.toLocaleString("en-GB")} characters or fewer`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `Enter ${link} as a full web address, like https://example.org/report`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    // "javascript:", "data:", "file:", "mailto:", "ftp:": the page would link to them, so each is refused
    return `Enter ${link} as a web address starting with https:// or http://`;
  }
  // a user name or password in the link would be shown on the page and sent to everyone who opens it
  if (hasCredentials(value)) {
    return `Enter ${link} without a user name or password: everyone who can see this return can read the link`;
  }
  return null;
}

// "12", "12.5" and ".5" (as many write a half): at most two decimal places
const QUANTITY_PATTERN = /^(?:\d+(?:\.\d{1,2})?|\.\d{1,2})$/;

// The sign a unit's figures may be written with: "£1,250" for pounds, "95%" for a percentage. Any other unit
// takes neither, so "£40" against hours is refused rather than read as 40 hours.
// A space may follow "£" or come before "%" ("£ 1,250", "95 %").
const SIGNS: { sign: "£" | "%"; unit: MeasureUnit; strip: RegExp; other: string }[] = [
  { sign: "£", unit: "GBP", strip: /^£\s*/, other: "pounds" },
  { sign: "%", unit: "PERCENT", strip: /\s*%$/, other: "a percentage" },
];

/** The figure trimmed, without the sign its unit may be written with. Spaces inside it are left for the thousands
 * rule to judge: taken out, "1 5" was saved as 15. */
function withoutUnitSign(raw: string, unit: MeasureUnit) {
  const text = raw.trim();
  const own = SIGNS.find((s) => s.unit === unit);
  return own ? text.replace(own.strip, "") : text;
}

/** Checks a figure for a unit; returns an error message or null. Accepts "1,250", "1 250" and "£1,250.50", not "12,5"
 * or "1 5". */
export function quantityError(raw: string, unit: MeasureUnit, measureName: string): string | null {
  if (unit === "QUALITATIVE") return null;
  const cleaned = withoutUnitSign(raw, unit);
  const what = `the amount for ${measureName}`;
  const wrongSign = SIGNS.find((s) => s.unit !== unit && cleaned.includes(s.sign));
  if (wrongSign)
    return `Enter ${what} without a ${wrongSign.sign} sign: it is ${countedIn(unit)}, not ${wrongSign.other}`;
  if (cleaned.startsWith("-")) return `Enter ${what} as 0 or more`;
  if (isBadlyGrouped(cleaned)) return badlyGroupedMessage(what);
  const text = withoutThousandsSeparators(cleaned);
  // items are counted whole: "2.5 items" is a slip (takesWholeNumbers, as a commitment's target and plan)
  const whole = takesWholeNumbers(unit);
  if (whole && text !== null && /^\d*\.\d+$/.test(text) && !isWholeNumber(text))
    return `Enter ${what} as a whole number, like 12`;
  if (text === null || !QUANTITY_PATTERN.test(text)) {
    if (whole) return `Enter ${what} as a whole number, like 12`;
    return text !== null && /^\d*\.\d{3,}$/.test(text)
      ? `Enter ${what} with no more than 2 decimal places`
      : `Enter ${what} as a number, like 12 or 12.5`;
  }
  const max = QUARTER_MAXIMA[unit];
  if (Number(text) > max) {
    return unit === "PERCENT"
      ? `Enter ${what} as a percentage from 0 to 100`
      : `Enter ${what} of ${max.toLocaleString("en-GB")} or less for one quarter`;
  }
  return null;
}

/** "£1,250.50" → "1250.50" for a measure in pounds, ".5" → "0.5"; blank → undefined. Only called after quantityError passed. */
export function normaliseQuantity(raw: string | undefined, unit: MeasureUnit): string | undefined {
  const text = raw === undefined ? "" : (withoutThousandsSeparators(withoutUnitSign(raw, unit)) ?? "");
  return text ? text.replace(/^\./, "0.") : undefined;
}

/** A stored figure as the return form shows it again: "1250.5" in pounds as "1,250.50", 1500 hours as "1,500";
 * blank when there is none. */
export function returnFigureForForm(stored: string | null, unit: MeasureUnit): string {
  if (stored === null) return "";
  return unit === "GBP" ? figureForForm(stored, 2) : figureForForm(stored);
}

export const FORM_OUT_OF_DATE = "The form is out of date: reload the page";

/**
 * The form without the fields of a list entry at `max` or past it ("lines[100000].note"), and whether it had any.
 * Parsing builds each list up to the highest index named, so one such field would have every empty entry before
 * it checked and answered, holding the server.
 */
export function withoutFarEntries(form: FormData, max: number): { fields: FormData; outOfRange: boolean } {
  const fields = new FormData();
  let outOfRange = false;
  for (const [name, value] of form) {
    if ([...name.matchAll(/\[(\d+)\]/g)].some((m) => Number(m[1]) >= max)) outOfRange = true;
    else fields.append(name, value);
  }
  return { fields, outOfRange };
}

// The form carries the review its page showed (the time of the last review, or "none"): a submit from a page
// read before the contract manager queried the return would resubmit it without the supplier seeing the query.
export const NO_REVIEW_SHOWN = "none";

export const QUERIED_SINCE_OPENED =
  "The council queried this return after you opened this page, so it was not submitted. Read the comments below, check your answers and submit it again.";

/** The value of the form's `reviewShown` field for a page showing a return last reviewed at `reviewedAt`. */
export function reviewShownValue(reviewedAt: string | null): string {
  return reviewedAt ?? NO_REVIEW_SHOWN;
}

/** True when the return is queried by a review the page the form came from did not show. */
export function queriedSinceShown(
  current: { status: string; reviewedAt: Date | null },
  reviewShown: string | undefined,
): boolean {
  // a form without the field (sent by something other than the page) is not checked
  if (reviewShown === undefined || current.status !== "QUERIED") return false;
  const shown = reviewShown === NO_REVIEW_SHOWN ? null : Date.parse(reviewShown);
  return (current.reviewedAt?.getTime() ?? null) !== shown;
}

export const COMMITMENTS_CHANGED =
  "The commitments on this contract changed while you were filling in this return, so nothing was saved. Check your answers below, choose any files again, and send the form again.";

/**
 * The form's line entries moved to where the return now lists their commitments, when the contract's
 * commitments changed since the page was read (`changed`): an entry for a commitment since removed is dropped,
 * one since added gets an empty entry. Sent back as they are, the answers would show against other commitments.
 */
export function alignedToCommitments(
  form: FormData,
  specs: ReturnLineSpec[],
): { fields: FormData; changed: boolean } {
  const sentAt = new Map<string, number>(); // commitment → index of its entry in the form
  const indexOf = (name: string) => /^lines\[(\d+)\]\./.exec(name)?.[1];
  for (const [name, value] of form) {
    const index = indexOf(name);
    if (index !== undefined && name === `lines[${index}].commitmentId` && typeof value === "string") {
      if (!sentAt.has(value)) sentAt.set(value, Number(index));
    }
  }
  const changed =
    sentAt.size !== specs.length || specs.some((spec, index) => sentAt.get(spec.commitmentId) !== index);
  if (!changed) return { fields: form, changed };
  const fields = new FormData();
  for (const [name, value] of form) if (indexOf(name) === undefined) fields.append(name, value);
  specs.forEach((spec, index) => {
    const sent = sentAt.get(spec.commitmentId);
    if (sent === undefined) fields.append(`lines[${index}].commitmentId`, spec.commitmentId);
    for (const [name, value] of form) {
      if (sent !== undefined && indexOf(name) === String(sent)) {
        fields.append(`lines[${index}]${name.slice(`lines[${sent}]`.length)}`, value);
      }
    }
  });
  return { fields, changed };
}

/**
 * The return form: one entry per commitment, `intent` save (blanks allowed) or submit (every line
 * answered and the declaration ticked).
 */
export function returnFormSchema(specs: ReturnLineSpec[]) {
  const line = z.object({
    commitmentId: z.string({ error: FORM_NOT_RECOGNISED }),
    quantity: z.string().trim().optional(),
    narrative: lineText,
    note: lineText,
    evidenceUrl: lineText,
  });
  return z
    .object({
      intent: intentOf(["save", "submit"]),
      lines: z.array(line).default([]),
      declaration: z.string().optional(),
      reviewShown: z.string().optional(),
    })
    .superRefine((value, ctx) => {
      specs.forEach((spec, index) => {
        const entry = value.lines[index];
        if (!entry || entry.commitmentId !== spec.commitmentId) {
          ctx.addIssue({
            code: "custom",
            path: ["lines"],
            message: FORM_OUT_OF_DATE,
          });
          return;
        }
        const refuse = (field: "narrative" | "note" | "evidenceUrl", message: string) =>
          ctx.addIssue({ code: "custom", path: ["lines", index, field], message });
        if (entry.narrative && entry.narrative.length > NARRATIVE_MAX)
          refuse(
            "narrative",
            `What was delivered for ${spec.measureName} must be ${NARRATIVE_MAX.toLocaleString("en-GB")} characters or fewer`,
          );
        if (entry.note && entry.note.length > NOTE_MAX)
          refuse(
            "note",
            `The note on ${spec.measureName} must be ${NOTE_MAX.toLocaleString("en-GB")} characters or fewer`,
          );
        const linkError = entry.evidenceUrl ? evidenceUrlError(entry.evidenceUrl, spec.measureName) : null;
        if (linkError) refuse("evidenceUrl", linkError);
        if (spec.unit === "QUALITATIVE") {
          if (value.intent === "submit" && !entry.narrative) {
            ctx.addIssue({
              code: "custom",
              path: ["lines", index, "narrative"],
              message: `Enter what was delivered for ${spec.measureName}`,
            });
          }
          return;
        }
        if (!entry.quantity) {
          if (value.intent === "submit") {
            ctx.addIssue({
              code: "custom",
              path: ["lines", index, "quantity"],
              message: `Enter the amount for ${spec.measureName}, or 0 if nothing was delivered`,
            });
          }
          return;
        }
        const error = quantityError(entry.quantity, spec.unit, spec.measureName);
        if (error) ctx.addIssue({ code: "custom", path: ["lines", index, "quantity"], message: error });
      });
      if (value.intent === "submit" && value.declaration !== "on") {
        ctx.addIssue({
          code: "custom",
          path: ["declaration"],
          message: "Confirm that this return relates only to this contract and this period",
        });
      }
    });
}

export type ReturnFormValue = z.infer<ReturnType<typeof returnFormSchema>>;

export const REVIEW_COMMENT_MAX = 5000;
export const LINE_QUERY_MAX = 2000;

export const REVIEW_COMMITMENTS_CHANGED =
  "The commitments on this contract changed while you were reviewing this return, so nothing was sent. Check your comments below and send your review again.";

const commentText = z
  .string()
  .overwrite(withoutNul)
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export const REVIEW_LINE_NOT_SENT =
  "Part of this form that the page fills in itself was not sent: reload the page and review the return again.";

// A browser sends every line of the review; a hand-made request may leave lines out ("lineComments[1]" without [0])
// or send one that is not a line: such a line has no comment, rather than zod's "Invalid input" on the page.
const lineComment = z.preprocess(
  (v) => (v && typeof v === "object" ? v : {}),
  z.object({
    commitmentId: z.string({ error: REVIEW_LINE_NOT_SENT }).default(""),
    comment: commentText,
  }),
);

/**
 * The review form: accept, or query with an overall comment and a comment against any of the return's lines
 * (`lines`, each named by its commitment). Each too-long comment is named by its line in the error.
 */
export function reviewSchema(lines: Pick<ReturnLineSpec, "commitmentId" | "measureName">[]) {
  const names = new Map(lines.map((l) => [l.commitmentId, l.measureName]));
  return z
    .object({
      intent: intentOf(["accept", "query"]),
      // the version the officer reviewed (its submission time), so a resubmission they never saw is not accepted
      // (missing, the review is refused as made on an out-of-date page)
      submittedAt: z.iso
        .datetime({ error: "This review page is out of date. Reload it and review the return again." })
        .optional(),
      comment: z
        .string()
        .overwrite(withoutNul)
        .trim()
        .max(
          REVIEW_COMMENT_MAX,
          `Overall comment must be ${REVIEW_COMMENT_MAX.toLocaleString("en-GB")} characters or fewer`,
        )
        .optional()
        .transform((v) => (v ? v : undefined)),
      lineComments: z.array(lineComment, { error: REVIEW_LINE_NOT_SENT }).default([]),
    })
    .superRefine((value, ctx) => {
      value.lineComments.forEach((line, index) => {
        // a comment that does not say which line it is about cannot be sent against one
        if (!line.commitmentId) {
          if (line.comment) ctx.addIssue({ code: "custom", path: [], message: REVIEW_LINE_NOT_SENT });
          return;
        }
        const name = names.get(line.commitmentId);
        // a comment against a commitment the return no longer has would be dropped without a word
        if (name === undefined) {
          if (line.comment) ctx.addIssue({ code: "custom", path: [], message: REVIEW_COMMITMENTS_CHANGED });
          return;
        }
        if (line.comment && line.comment.length > LINE_QUERY_MAX) {
          ctx.addIssue({
            code: "custom",
            path: ["lineComments", index, "comment"],
            message: `Your query about ${name} must be ${LINE_QUERY_MAX.toLocaleString("en-GB")} characters or fewer`,
          });
        }
      });
      if (value.intent === "query" && !value.comment && !value.lineComments.some((l) => l.comment)) {
        ctx.addIssue({
          code: "custom",
          path: ["comment"],
          message: "Enter what the supplier needs to change, overall or against a line",
        });
      }
      // a line's query is only sent with a query: accepting would drop what the officer wrote without a word
      if (value.intent === "accept") {
        value.lineComments.forEach((line, index) => {
          if (!line.comment || !names.has(line.commitmentId)) return;
          ctx.addIssue({
            code: "custom",
            path: ["lineComments", index, "comment"],
            message: "Query the return to send this to the supplier, or clear it to accept the return",
          });
        });
      }
    });
}

export type ReviewValue = z.infer<ReturnType<typeof reviewSchema>>;
