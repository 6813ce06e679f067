// Marketplace form and query-string schemas. No server imports: the forms use them for client hints too.
import { z } from "zod";
import { FORM_NOT_RECOGNISED, intentOf, intentUnion, pageFilled } from "~/domain/form-intent.ts";
import { dayToDate, exampleDayWithin, isoDayAsUk, londonDay, ukDayAsIso } from "~/domain/calendar.ts";
import { capitalise, formatDate, listInWords } from "~/domain/format.ts";
import { wholeNumberWithin, writtenNumber } from "~/domain/numbers.ts";
import { formatQuantity } from "~/domain/marketplace/help-types.ts";
import { inUkPostcodeArea } from "~/domain/marketplace/postcode-areas.ts";
import type { HelpType } from "~/generated/prisma/enums.ts";
import { pageNumberField } from "~/domain/page-number.ts";
import { hasVisibleText, invisibleTextMessage, withoutNul } from "~/domain/content/visible-text.ts";

export const HELP_TYPE_VALUES = ["VOLUNTEERING", "GOODS", "EXPERTISE", "FUNDING", "WORK_PLACEMENT"] as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
// Today in London, where the council works (between 00:00 and 01:00 in summer, UTC is still on yesterday).
const todayIso = (now = new Date()) => londonDay(now).toISOString().slice(0, 10);

// Year 0000 is a date to JavaScript but not to Postgres (there is no year 0): kept, the query would fail.
const yearZero = (value: string) => value.startsWith("0000");

function validDate(value: string) {
  if (!isoDate.test(value) || yearZero(value)) return false;
  const date = dayToDate(value);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

// The furthest ahead a needed-by or expected delivery date may be: a request is a need of the coming months,
// and one dated 9999 would never expire.
export const MAX_YEARS_AHEAD = 2;

/** The same day `years` years from `day` (ISO days); 29 February, in a year without one, is 28 February (the
 * latest day a form dated 29/02/2028 takes is 28/02/2030, not the day "2030-02-29" no date box takes). */
function yearsFrom(day: string, years: number) {
  const moved = `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
  return validDate(moved) ? moved : `${moved.slice(0, 8)}28`;
}

const latestIso = (now = new Date()) => yearsFrom(todayIso(now), MAX_YEARS_AHEAD);

/** What narrows a future-only date field's days further than today to MAX_YEARS_AHEAD years ahead (ISO days): a new
 * needed-by date must be `after` the current one, an expected delivery date `onOrBefore` the request's needed-by. */
export type FutureDayBounds = { after?: string; onOrBefore?: string };

/** The first and last days (ISO) a date field takes, both included. */
export type DayRange = { min: string; max: string };

function dayAfter(day: string) {
  const date = dayToDate(day);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The days a future-only date field takes at `now`, as ISO days: from today (or the day after `after`, if later)
 * to MAX_YEARS_AHEAD years from today (or `onOrBefore`, if sooner). The page gives them to the date box (its min,
 * max and so its hint) and the schema takes its example from them, so the hint and the error show the same day, one
 * the field takes, whatever the year (a fixed 27/03/2027 is refused from 28/03/2027).
 *
 * Null when the bounds leave no day at all: a request needed by a day already passed takes no expected delivery
 * date (`onOrBefore` before today), and one already needed by the latest day allowed no later date (`after` that
 * day or beyond). A caller must then say why instead of showing a date box, whose min would be after its max. With
 * no bounds there is always a day (today). */
export function futureDayRange(bounds?: undefined, now?: Date): DayRange;
export function futureDayRange(bounds: FutureDayBounds, now?: Date): DayRange | null;
export function futureDayRange(bounds: FutureDayBounds = {}, now = new Date()): DayRange | null {
  const today = todayIso(now);
  const next = bounds.after ? dayAfter(bounds.after) : undefined;
  const latest = latestIso(now);
  const min = next && next > today ? next : today;
  const max = bounds.onOrBefore && bounds.onOrBefore < latest ? bounds.onOrBefore : latest;
  return min <= max ? { min, max } : null;
}

/** The example day a future-only date field gives at `now`, as typed in the UK ("27/03/2027"): one of the days it
 * takes (futureDayRange), worked out when asked. Null when it takes none. */
export function futureDayExample(bounds?: undefined, now?: Date): string;
export function futureDayExample(bounds: FutureDayBounds, now?: Date): string | null;
export function futureDayExample(bounds: FutureDayBounds = {}, now = new Date()): string | null {
  const days = futureDayRange(bounds, now);
  return days ? isoDayAsUk(exampleDayWithin(days.min, days.max)) : null;
}

/** Why a request needed by `neededBy` (an ISO day) cannot be given a later needed-by date at `now`, as the page
 * says it and the form is refused: the portal takes dates up to MAX_YEARS_AHEAD years from today and it is already
 * needed by that day (or later), so no day is both later and allowed. That limit moves on a day each day, so the
 * message says from which day a later date can be chosen. Null while there is such a day. */
export function noLaterNeededBy(neededBy: string, now = new Date()): string | null {
  if (futureDayRange({ after: neededBy }, now)) return null;
  // the first day whose limit is later than the needed-by date (the day after it, two years back, give or take
  // 29 February)
  let from = yearsFrom(neededBy, -MAX_YEARS_AHEAD);
  while (yearsFrom(from, MAX_YEARS_AHEAD) <= neededBy) from = dayAfter(from);
  return (
    `This request is already needed by ${formatDate(neededBy)}, and the portal only takes dates up to ` +
    `${MAX_YEARS_AHEAD} years from today (${formatDate(latestIso(now))}). That limit moves on by a day each day, ` +
    `so you can choose a later date from ${formatDate(from)}.`
  );
}

/** What a new needed-by date no later than the current one (`neededBy`, an ISO day) is told at `now`, with no full
 * stop as the other date messages: with the example the extension form's hint and its other errors give, a day the
 * form takes and later than the current one. With no such day (already needed by the latest day allowed), why
 * there is none. */
export function laterNeededByMessage(neededBy: string, now = new Date()): string {
  const example = futureDayExample({ after: neededBy }, now);
  return example
    ? `The new date must be later than the current one, for example ${example}`
    : (noLaterNeededBy(neededBy, now) ?? "The new date must be later than the current one");
}

/** A future-only date field, `what` naming it in its errors. `onOrBeforeIs` says what the `onOrBefore` bound is
 * ("the date the help is needed by"): while that day is still to come and sooner than MAX_YEARS_AHEAD years from
 * today, a later date is told it, in the domain's words (pledges.server.ts), whether it is a day or years past it.
 * An expected delivery date of 2030 was told it must be within 2 years, and when changed to one a year away, told
 * it must be on or before the needed-by date: the limit that held all along. */
export const futureDate = (what: string, bounds: FutureDayBounds = {}, onOrBeforeIs?: string) => {
  // each error's example is the one the form's hint gives (from the same days, worked out when the form is
  // checked), so a date refused as past or too far ahead is shown a day the field takes, as a misspelt one is. When
  // the bounds leave no day (a request that no longer takes one: its page says why, and so does the domain), no
  // example rather than one the field refuses
  const forExample = () => {
    const example = futureDayExample(bounds);
    return example ? `, for example ${example}` : "";
  };
  // the `onOrBefore` day, when it is the latest day the field takes (not passed, and sooner than the portal's
  // limit) and the field says what it is; worked out when the form is checked, as the days are
  const tighterOnOrBefore = () => {
    const { onOrBefore } = bounds;
    if (!onOrBefore || !onOrBeforeIs) return null;
    return onOrBefore >= todayIso() && onOrBefore < latestIso() ? onOrBefore : null;
  };
  return z.preprocess(
    ukDayAsIso,
    z
      .string({ error: `Enter ${what}` })
      .trim()
      .refine(validDate, {
        error: () => `${capitalise(what)} must be a real date${forExample()}`,
      })
      .refine((v) => !validDate(v) || v >= todayIso(), {
        error: () => `${capitalise(what)} must be today or in the future${forExample()}`,
      })
      .refine((v) => !validDate(v) || !tighterOnOrBefore() || v <= tighterOnOrBefore()!, {
        error: () =>
          `${capitalise(what)} must be on or before ${formatDate(tighterOnOrBefore()!)}, ${onOrBeforeIs}`,
      })
      .refine((v) => !validDate(v) || tighterOnOrBefore() || v <= latestIso(), {
        // the last day it takes, named: "within 2 years, for example 27/03/2027" left the limit to be worked out
        error: () =>
          `${capitalise(what)} must be on or before ${formatDate(latestIso())}, ${MAX_YEARS_AHEAD} years from today`,
      }),
  );
};

// A quantity of funding is in pounds, and may be typed with its sign ("£2,500"); other text stays not a number.
const withoutPoundSign = (value: unknown) =>
  typeof value === "string" ? value.trim().replace(/^£\s*/, "") : value;

const quantity = <T extends z.ZodType>(schema: T, what: string) =>
  z.preprocess(withoutPoundSign, writtenNumber(schema, what));

/** A quantity of 1 to `max` of a type of help (`helpType`: funding is in whole pounds); `limit` narrows it further
 * where the form is checked knowing less is left (a pledge is at most what the request still needs), in the words
 * the domain's own check uses. */
const wholeNumber = (
  what: string,
  max: number,
  helpType: HelpType | undefined,
  limit?: { max: number; message: string },
) => {
  const narrowed = limit && limit.max >= 1 && limit.max < max;
  return quantity(
    wholeNumberWithin({
      ...notWholeMessages(what, helpType),
      min: 1,
      small: `${capitalise(what)} must be 1 or more`,
      max: narrowed ? limit.max : max,
      large: narrowed ? limit.message : `${capitalise(what)} must be ${max.toLocaleString("en-GB")} or less`,
    }),
    what,
  );
};

// Funding is asked for, pledged and delivered in whole pounds: "£10.50" was told "The quantity must be a whole
// number", which did not say that pence are what is refused.
export const WHOLE_POUNDS = "Enter whole pounds, without pence, for example 250";

/** What a quantity left blank, or typed as other than a whole number, is told (request, pledge and delivery alike):
 * "1e3" and "abc" were told to enter it "as a number", and "1.5" that it "must be a whole number", neither saying
 * what to type. Each now says what the field takes, with an example: "Enter the quantity as a whole number, like 12"
 * (funding: whole pounds, like 250). `what` names the answer ("the quantity delivered"). */
export function notWholeMessages(what: string, helpType: HelpType | undefined) {
  return {
    blank: `Enter ${what}`,
    nan:
      helpType === "FUNDING"
        ? `Enter ${what} in whole pounds, like 250`
        : `Enter ${what} as a whole number, like 12`,
    whole: helpType === "FUNDING" ? WHOLE_POUNDS : `Enter ${what} as a whole number, like 12`,
  };
}

// A required answer in words. PostgreSQL text cannot hold NUL (db.server.ts drops it from every query), so it goes
// before the trim and the checks: what is checked is what is stored. One of characters that show nothing (zero-width
// spaces, NUL) was kept, and listed as a request with no title, or sent as a reason with no words.
function requiredText(o: {
  blank: string;
  min: number;
  short: string;
  max: number;
  long: string;
  what: string;
}) {
  return (
    z
      .string({ error: o.blank })
      .overwrite(withoutNul)
      .trim()
      // a blank answer (once NUL is dropped) is told only this, not also that it is too short
      .min(1, { error: o.blank, abort: true })
      .min(o.min, o.short)
      .max(o.max, o.long)
      .refine((v) => v.length < o.min || v.length > o.max || hasVisibleText(v), invisibleTextMessage(o.what))
  );
}

// An optional answer in words: NUL dropped before the trim, as for a required one. One of only characters that show
// nothing (zero-width spaces, direction marks) is no answer, as a blank one is: kept, it showed as a "Who benefits",
// message or reason with no words.
function optionalText(max: number, long: string) {
  return z
    .string()
    .overwrite(withoutNul)
    .trim()
    .max(max, long)
    .transform((v) => (hasVisibleText(v) ? v : undefined))
    .optional();
}

// A form's one-off key (a hidden input the page fills in) makes the form sent twice save once. One the page did not
// make (cut short, too long, missing where the form needs one: a broken or tampered client) is not the user's to
// correct and has no field to be shown beside, so it is not refused on the field in zod's words ("Too small:
// expected string to have >=10 characters"): the form as a whole is refused, saying to reload the page, as
// parse-form.server.ts does for a hidden field sent twice (decision 038).
export const SUBMISSION_KEY_REFUSED =
  "This form was not sent as the page made it: reload the page and try again";

const submissionKeyField = z.string().optional().catch(undefined);

/** `schema` with its `submissionKey` checked as one its page makes (`min` to `max` characters; absent only if not
 * `required`), refused for the form as a whole, whatever the other fields' errors. */
function withSubmissionKey<T extends z.ZodObject>(
  schema: T,
  { min, max, required }: { min: number; max: number; required: boolean },
): T {
  return schema.refine(
    (value) => {
      const key = (value as { submissionKey?: unknown } | null)?.submissionKey;
      if (key === undefined) return !required;
      return typeof key === "string" && key.length >= min && key.length <= max;
    },
    { when: () => true, path: [], message: SUBMISSION_KEY_REFUSED },
  );
}

/** What a request with no district, no postcode area and not remote is told, by its district field. */
export const PLACE_NEEDED = "Select a district, enter a postcode area, or say it can be done remotely";

/** The councils the request form offers, each with the categories and districts it lists under that council's name
 * (requestFormOptions). */
export type RequestFormChoices = { id: string; categories: { id: string }[]; districts: { id: string }[] }[];

/** What a council ticked as "also for" that is not another council on the instance is told, by that field. */
export const ALSO_FOR_NOT_A_COUNCIL = "Tick only councils from the list";
/** What ticking the lead council ("Which council is it for?") as "also for" too is told, by that field. */
export const ALSO_FOR_THE_LEAD = "Tick only other councils: leave the council you chose above unticked";

/** Why the councils ticked as "also for" (`alsoFor`) do not stand with the lead council `councilId`, or null: each
 * must be one of the form's councils (`choices`; unknown when not given) and none the lead. */
export function alsoForProblem(councilId: unknown, alsoFor: readonly string[], choices?: { id: string }[]) {
  if (choices && alsoFor.some((id) => !choices.some((c) => c.id === id))) return ALSO_FOR_NOT_A_COUNCIL;
  if (typeof councilId === "string" && alsoFor.includes(councilId)) return ALSO_FOR_THE_LEAD;
  return null;
}

export const CATEGORY_OF_OTHER_COUNCIL = "Select a category from the chosen council's list";
export const DISTRICT_OF_OTHER_COUNCIL = "Select a district from the chosen council's list";

// Whether `id`, one of the form's choices of `kind`, is listed under a council other than `councilId` (and not under
// it): a choice the form offers under another council's name. One the form does not offer at all (retired, or never
// one) is left to the domain, which says so in its own words.
function listedUnderAnotherCouncil(
  choices: RequestFormChoices,
  councilId: unknown,
  kind: "categories" | "districts",
  id: unknown,
) {
  if (typeof councilId !== "string" || !councilId || typeof id !== "string" || !id) return false;
  const council = choices.find((c) => c.id === councilId);
  if (!council || council[kind].some((o) => o.id === id)) return false;
  return choices.some((c) => c.id !== councilId && c[kind].some((o) => o.id === id));
}

/** The request form's schema; with the help type the form was sent with, a funding amount in pence is told to be
 * in whole pounds. With the form's choices, a category or district listed under another council than the one chosen
 * is told with the other errors (the domain checks it again, requests.server.ts): told only once they were right,
 * it came as a second round of errors. */
export const requestFormSchemaFor = (helpType?: unknown, choices?: RequestFormChoices) =>
  withSubmissionKey(
    z
      .object({
        intent: intentOf(["draft", "submit"]).default("draft"),
        title: requiredText({
          blank: "Enter a title",
          min: 5,
          short: "Title must be 5 characters or more",
          max: 120,
          long: "Title must be 120 characters or fewer",
          what: "The title",
        }),
        description: requiredText({
          blank: "Enter a description of what you need",
          min: 20,
          short: "Description must be 20 characters or more",
          max: 4000,
          long: "Description must be 4,000 characters or fewer",
          what: "The description",
        }),
        councilId: z.string({ error: "Select which council the request is for" }).trim().min(1),
        // the other councils it is for besides the lead one (decision 050): ticked boxes, each once
        alsoForCouncilIds: z
          .array(z.string().trim().max(40, ALSO_FOR_NOT_A_COUNCIL))
          .max(100, ALSO_FOR_NOT_A_COUNCIL)
          .default([])
          .transform((ids) => [...new Set(ids.filter(Boolean))]),
        categoryId: z.string({ error: "Select a category" }).trim().min(1),
        helpType: z.enum(HELP_TYPE_VALUES, { error: "Select the type of help you need" }),
        quantity: wholeNumber("the quantity", 1_000_000, helpType === "FUNDING" ? "FUNDING" : undefined),
        unitLabel: optionalText(40, "Unit must be 40 characters or fewer"),
        districtId: z.string().trim().optional(),
        postcodeArea: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{1,2}\d[A-Z\d]?$/, {
            message: "Enter the first half of a postcode, like GU1",
            abort: true,
          })
          .refine(inUkPostcodeArea, {
            error: (issue) =>
              `${String(issue.input)} is not in a UK postcode area: enter the first half of a postcode, like GU1`,
            abort: true,
          })
          .optional(),
        isRemote: z.boolean().default(false),
        neededBy: futureDate("the date you need it by"),
        beneficiaries: optionalText(500, "Who benefits must be 500 characters or fewer"),
        beneficiaryCount: writtenNumber(
          wholeNumberWithin({
            nan: "Enter how many people benefit as a number",
            whole: "Enter a whole number of people",
            min: 0,
            small: "Number of people cannot be negative",
            max: 10_000_000,
            large: "Number of people is too large",
          }).optional(),
          "the number of people who benefit",
        ),
        // as the other optional answers: one of only characters that show nothing is no answer ("Not given"), not a
        // contact a supplier is shown with no words
        contactPreference: optionalText(300, "Contact preference must be 300 characters or fewer"),
        // the new-request form's one-off key: posted twice, it is one request (an edit sends none)
        submissionKey: submissionKeyField,
        // the edit form's version of the request (updatedAt, as app/ui/stale-edit.tsx): none from a new-request form, or a
        // page shown before forms carried it, which is saved as before
        version: z.iso.datetime({ precision: 3 }).optional().catch(undefined),
      })
      .refine(
        // where the help is, checked with the other fields (a draft too: it is saved placed): told only once they
        // were right, it came as a second round of errors. The domain checks it again (requests.server.ts)
        (v) => Boolean(v.districtId || v.postcodeArea || v.isRemote),
        { when: () => true, path: ["districtId"], message: PLACE_NEEDED },
      )
      .refine(
        (v) => !choices || !listedUnderAnotherCouncil(choices, v?.councilId, "categories", v?.categoryId),
        {
          when: () => true,
          path: ["categoryId"],
          message: CATEGORY_OF_OTHER_COUNCIL,
        },
      )
      .refine(
        (v) => !choices || !listedUnderAnotherCouncil(choices, v?.councilId, "districts", v?.districtId),
        {
          when: () => true,
          path: ["districtId"],
          message: DISTRICT_OF_OTHER_COUNCIL,
        },
      )
      .superRefine(
        (v, ctx) => {
          // told with the other errors, as a category of another council is; the domain checks it again
          const ids = Array.isArray(v?.alsoForCouncilIds) ? v.alsoForCouncilIds : [];
          const problem = alsoForProblem(v?.councilId, ids, choices);
          if (problem) ctx.addIssue({ code: "custom", path: ["alsoForCouncilIds"], message: problem });
        },
        { when: () => true },
      ),
    { min: 1, max: 100, required: false },
  );
export const requestFormSchema = requestFormSchemaFor();
export type RequestForm = z.infer<typeof requestFormSchema>;

// the submission the officer reviewed (see RequestChange.reviewedSubmission); older pages sent none
const reviewedSubmission = z.iso
  .datetime({ error: "This page is out of date. Reload it and review the request again." })
  .optional();

export const moderationSchema = intentUnion([
  z.object({
    intent: z.literal("approve"),
    reviewedSubmission,
    comment: optionalText(1000, "Comment must be 1,000 characters or fewer"),
  }),
  z.object({
    intent: z.literal("requestChanges"),
    reviewedSubmission,
    comment: requiredText({
      blank: "Say what needs to change",
      min: 5,
      short: "Say what needs to change",
      max: 1000,
      long: "Comment must be 1,000 characters or fewer",
      what: "The comment",
    }),
  }),
]);

const reason = (message: string) =>
  requiredText({
    blank: message,
    min: 3,
    short: message,
    max: 1000,
    long: "Reason must be 1,000 characters or fewer",
    what: "The reason",
  });

/** The manage-request forms' schema for a request needed by `request.neededBy` (an ISO day): a new date must be
 * later than it (requests.server.ts), so the new date's example is. */
export const manageRequestSchemaFor = (request?: { neededBy: string }) =>
  intentUnion([
    z.object({ intent: z.literal("submit") }),
    z.object({
      intent: z.literal("withdraw"),
      reason: optionalText(1000, "Reason must be 1,000 characters or fewer"),
    }),
    z.object({
      intent: z.literal("extend"),
      neededBy: futureDate("the new date", { after: request?.neededBy }),
    }),
    z.object({ intent: z.literal("showcase"), showcaseConsent: z.boolean().default(false) }),
  ]);

export const manageRequestSchema = manageRequestSchemaFor();

/** What a pledge of more than a request still needs is told (`left` in its unit), by the form and the domain. */
export const pledgeOverLeftMessage = (
  request: { helpType: HelpType; unitLabel?: string | null },
  left: number,
) =>
  `Enter ${formatQuantity(request.helpType, left, request.unitLabel)} or less: that is what is still needed`;

/** What a delivery reported of more than was pledged is told (`pledged`, the pledge's quantity in its unit). */
export const deliveredOverPledgedMessage = (
  request: { helpType: HelpType; unitLabel?: string | null },
  pledged: number,
) =>
  `Enter ${formatQuantity(request.helpType, pledged, request.unitLabel)} or less: that is what you pledged`;

/** The pledge form's schema for a request needed by `request.neededBy` (an ISO day): the help is expected on or
 * before it (pledges.server.ts), so the expected delivery date's example is. With what the request still needs
 * (`left`), a larger quantity is refused with the other errors; the domain checks it again, as another pledge may
 * have come in since. */
export const pledgeFormSchemaFor = (request?: {
  neededBy: string;
  left?: number;
  helpType?: HelpType;
  unitLabel?: string | null;
}) =>
  withSubmissionKey(
    z.object({
      // required: checked by withSubmissionKey ("" only when it is missing, which is refused)
      submissionKey: z.string().catch(""),
      quantity: wholeNumber(
        "the quantity",
        1_000_000,
        request?.helpType,
        request?.left !== undefined && request.helpType
          ? {
              max: request.left,
              message: pledgeOverLeftMessage(
                { helpType: request.helpType, unitLabel: request.unitLabel },
                request.left,
              ),
            }
          : undefined,
      ),
      message: optionalText(2000, "Message must be 2,000 characters or fewer"),
      expectedDeliveryDate: futureDate(
        "the expected delivery date",
        { onOrBefore: request?.neededBy },
        "the date the help is needed by",
      ),
      commitmentId: z.string().trim().optional(),
    }),
    { min: 10, max: 64, required: true },
  );

export const pledgeFormSchema = pledgeFormSchemaFor();

// what a decline without a reason is told (calling off an agreed pledge words it so: pledges.$id.tsx)
export const DECLINE_REASON_MISSING = "Give a reason for declining";

/** The pledge page's forms' schema. With the pledge (its quantity and the request's unit), a delivery reported of
 * more than was pledged is refused with the form's other errors; the domain checks it again (pledges.server.ts). */
export const pledgeActionSchemaFor = (pledge?: {
  quantity: number;
  helpType: HelpType;
  unitLabel?: string | null;
}) => {
  // the example every error of the date delivered gives, as its hint does (pledges.$id.tsx): today, a day it takes
  const deliveredExample = () => isoDayAsUk(todayIso());
  const pledgedMax = pledge && pledge.quantity >= 1 && pledge.quantity < 1_000_000 ? pledge.quantity : null;
  return intentUnion([
    z.object({ intent: z.literal("accept") }),
    z.object({ intent: z.literal("decline"), reason: reason(DECLINE_REASON_MISSING) }),
    z.object({
      intent: z.literal("confirm"),
      rating: z
        .number({ error: "Choose a rating from 1 to 5" })
        .int()
        .min(1, "Choose a rating from 1 to 5")
        .max(5, "Choose a rating from 1 to 5")
        .optional(),
      feedback: optionalText(2000, "Feedback must be 2,000 characters or fewer"),
    }),
    z.object({ intent: z.literal("dispute"), reason: reason("Say what is wrong") }),
    z.object({
      intent: z.literal("withdraw"),
      reason: optionalText(1000, "Reason must be 1,000 characters or fewer"),
    }),
    z.object({
      intent: z.literal("reportDelivery"),
      deliveredQuantity: quantity(
        wholeNumberWithin({
          ...notWholeMessages("the quantity delivered", pledge?.helpType),
          min: 1,
          small: "Quantity delivered must be 1 or more",
          max: pledgedMax ?? 1_000_000,
          large:
            pledge && pledgedMax !== null
              ? deliveredOverPledgedMessage(pledge, pledgedMax)
              : "Quantity delivered is too large",
        }),
        "the quantity delivered",
      ),
      deliveredOn: z.preprocess(
        ukDayAsIso,
        z
          .string({ error: "Enter the date it was delivered" })
          .trim()
          // its example is the one the form gives (today), never a date it refuses
          .refine(validDate, {
            error: () => `Date delivered must be a real date, for example ${deliveredExample()}`,
          })
          .refine((v) => !validDate(v) || v <= todayIso(), {
            error: () => `Date delivered cannot be in the future, for example ${deliveredExample()}`,
          }),
      ),
      deliveryNote: requiredText({
        blank: "Add a note about what was delivered",
        min: 3,
        short: "Note must be 3 characters or more: say what was delivered",
        max: 2000,
        long: "Note must be 2,000 characters or fewer",
        what: "The note",
      }),
    }),
  ]);
};

export const pledgeActionSchema = pledgeActionSchemaFor();

// The pages that ask before a pledge is ended (pledges.$id_.withdraw.tsx, pledges.$id_.call-off.tsx): the supplier's
// reason is optional, as on the pledge page's form it replaced; the group calling off agreed work says why.
export const pledgeWithdrawSchema = z.object({
  reason: optionalText(1000, "Reason must be 1,000 characters or fewer"),
});
export const pledgeCallOffSchema = z.object({ reason: reason("Give a reason for calling off the pledge") });

// At most 200 characters of a search, cut after a whole word (half a word would match nothing).
function firstWords(sent: string) {
  const text = sent.trimStart();
  const cut = text.slice(0, 200);
  const whole = text.length > 200 && /\S/.test(text.charAt(200)) ? cut.replace(/\S+$/, "") : cut;
  return (whole.trim() || cut).trim();
}

// The /requests query string: shareable, and stored as a saved search's filters. Bad values are dropped.
const optionalId = z
  .string()
  .trim()
  .max(40)
  .regex(/^[a-z0-9]+$/)
  .optional()
  .catch(undefined);
export const searchSchema = z.object({
  // a longer search (a pasted description) is searched for by its first 200 characters, not dropped
  // control characters (NUL, tabs, line breaks pasted in) are spaces, and a search that shows nothing once they are
  // (q=%00, zero-width spaces) is no search: "0 requests matching “”" was listed for it, where every request is
  q: z
    .string()
    .transform((sent) => firstWords(sent.replace(/\p{Cc}/gu, " ")))
    .transform((words) => (hasVisibleText(words) ? words : undefined))
    .optional()
    .catch(undefined),
  category: optionalId,
  helpType: z.enum(HELP_TYPE_VALUES).optional().catch(undefined),
  district: optionalId,
  council: optionalId,
  remote: z.literal("1").optional().catch(undefined),
  // typed as the forms take it too (27/03/2027), where a browser shows the date box as a text box
  closingBefore: z.preprocess(ukDayAsIso, z.string().refine(validDate)).optional().catch(undefined),
  // published after this moment (ISO 8601, UTC): a digest's link to every request it announces
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/)
    .refine((v) => !yearZero(v) && !Number.isNaN(new Date(v).getTime()))
    .optional()
    .catch(undefined),
  sort: z.enum(["newest", "closing", "relevance"]).optional().catch(undefined),
  // any page: one past the last listed page says so (searchRequests), rather than quietly showing page 1
  page: pageNumberField.optional(),
});
export type SearchFilters = z.infer<typeof searchSchema>;

export function parseSearch(params: URLSearchParams | Record<string, unknown>): SearchFilters {
  // A repeated parameter counts once (its first value); empty fields mean "any".
  const raw =
    params instanceof URLSearchParams
      ? Object.fromEntries(
          [...new Set(params.keys())].map((key) => [key, params.get(key)]).filter(([, v]) => v !== ""),
        )
      : params;
  return searchSchema.parse(raw);
}

/** A saved search's stored filters (JSON the save wrote from parseSearch): null if the value is not an object of
 * filters at all, so nobody mistakes a damaged row for a search for everything. */
export function readSavedFilters(stored: unknown): SearchFilters | null {
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return null;
  return searchSchema.parse(stored);
}

export { searchQueryString } from "./search-query.ts";

export const savedSearchSchema = intentUnion([
  withSubmissionKey(
    z.object({
      intent: z.literal("create"),
      name: requiredText({
        blank: "Enter a name for the search",
        min: 2,
        short: "Name must be 2 characters or more",
        max: 80,
        long: "Name must be 80 characters or fewer",
        what: "The name",
      }),
      // the list's filters as its page writes them: a 200-character search in a script written with several bytes a
      // letter (Bengali, Chinese, Arabic) is up to 1,800 characters URL-encoded; parseSearch bounds what is kept
      query: z.string({ error: FORM_NOT_RECOGNISED }).max(4000, FORM_NOT_RECOGNISED).default(""),
      emailDigest: z.boolean().default(false),
      // optional: a page rendered before the key was added still saves
      submissionKey: submissionKeyField,
    }),
    { min: 10, max: 64, required: false },
  ),
  z.object({ intent: z.literal("delete"), id: pageFilled() }),
  z.object({ intent: z.literal("digest"), id: pageFilled(), emailDigest: z.boolean().default(false) }),
]);

// Retire or restore one entry of a council's list. The button says which ("active": the state wanted), so the
// same click sent twice, or sent from a page another officer has since changed, leaves it as asked instead of
// turning it back. Without it (an older page) the entry is switched over, as before.
const toggleSchema = z.object({
  intent: z.literal("toggle"),
  id: pageFilled(),
  active: z
    .enum(["true", "false"], { error: FORM_NOT_RECOGNISED })
    .transform((v) => v === "true")
    .optional(),
});

// A category's or district's name. Each check says what is wrong: one without its own message took the field's
// ("Enter a name", for a name of 81 characters). Names of characters that show nothing (zero-width spaces) made
// rows, buttons and filter options with no words.
const listEntryName = z
  .string({ error: "Enter a name" })
  .trim()
  // a blank name is told only this, not also that it is too short
  .min(1, { error: "Enter a name", abort: true })
  .min(2, "Name must be 2 characters or more")
  .max(80, "Name must be 80 characters or fewer")
  .refine((v) => v.length < 2 || hasVisibleText(v), invisibleTextMessage("The name"));

// The version (updatedAt) of the entry a change form was read from, as recordVersion in app/ui/stale-edit.tsx; none
// from a page shown before forms carried it, which is saved as before.
const entryVersion = z.iso.datetime({ precision: 3 }).optional().catch(undefined);

export const categorySchema = intentUnion([
  z.object({
    intent: z.literal("add"),
    name: listEntryName,
    description: z.string().trim().max(300, "Description must be 300 characters or fewer").optional(),
  }),
  z.object({
    intent: z.literal("update"),
    id: pageFilled(),
    name: listEntryName,
    description: z.string().trim().max(300, "Description must be 300 characters or fewer").optional(),
    version: entryVersion,
  }),
  toggleSchema,
]);

const POSTCODE_AREA = /^[A-Z]{1,2}\d[A-Z\d]?$/;
const FULL_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?\d[A-Z]{2}$/;

/** What is wrong with a district's postcode areas, naming the entries: one error only said "List postcode areas
 * like GU1, GU2", so "ZZ99, !!, GU1 1AA" left the officer to find the wrong ones. Entries are separated by commas
 * (spaces also separate areas: "GU1 GU2"); a full postcode typed as an area is told its first part. An area of
 * the right shape in no UK postcode area ("ZZ99", "QQ1") is refused as a request's postcode area is
 * (inUkPostcodeArea), so no district lists an area no request can be given. */
// a typed entry quoted, so a sentence about "not a postcode" reads as one: “not a postcode” is not a postcode area
const quoted = (entry: string) => `“${entry.length > 40 ? `${entry.slice(0, 40)}…` : entry}”`;

function postcodeAreaProblems(text: string) {
  const problems: string[] = [];
  const wrong: string[] = [];
  const notUk: string[] = [];
  for (const entry of text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const upper = entry.toUpperCase().replace(/\s+/g, " ");
    const full = FULL_POSTCODE.exec(upper);
    const areas = full ? [full[1]] : upper.split(" ");
    if (!full && !areas.every((area) => POSTCODE_AREA.test(area))) wrong.push(entry);
    else if (!areas.every(inUkPostcodeArea)) notUk.push(entry);
    else if (full)
      problems.push(`${quoted(entry)} is a full postcode: enter only its first part, ${full[1]}`);
  }
  if (notUk.length)
    problems.unshift(
      `${listInWords(notUk.map(quoted))} ${notUk.length === 1 ? "is not in a UK postcode area" : "are not in UK postcode areas"}: list postcode areas like GU1, GU2`,
    );
  if (wrong.length)
    problems.unshift(
      `${listInWords(wrong.map(quoted))} ${wrong.length === 1 ? "is not a postcode area" : "are not postcode areas"}: list postcode areas like GU1, GU2`,
    );
  return problems;
}

const districtFields = {
  name: listEntryName,
  postcodeAreas: z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      for (const message of postcodeAreaProblems(text)) ctx.addIssue({ code: "custom", message });
    })
    .toUpperCase()
    .optional(),
};

export const districtSchema = intentUnion([
  z.object({ intent: z.literal("add"), ...districtFields }),
  z.object({ intent: z.literal("update"), id: pageFilled(), ...districtFields, version: entryVersion }),
  toggleSchema,
]);

// each area once: "GU1, GU2, GU1" was kept and shown as typed
export function splitPostcodeAreas(text: string | undefined) {
  return [...new Set((text ?? "").split(/[ ,]+/).filter(Boolean))];
}
