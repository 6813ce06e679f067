// Form schemas for contracts, commitments and measures: used by the server actions and the forms.
import { z } from "zod";
import { FORM_NOT_RECOGNISED } from "~/domain/page-filled-fields.ts";
import { ContractStatus, HelpType, MeasureTheme, MeasureUnit } from "~/generated/prisma/enums.ts";
import { helpTypeMismatch } from "./measure-help-types.ts";
import { endedProblem, futureAwardProblem, terminationProblem } from "./termination.ts";
import { checkCommitment, type PlanEntry } from "./plan.ts";
import { amountsAddUp, quantityIn, type Figure } from "./quantities.ts";
import { quarterLabel, type QuarterNumber } from "./quarters.ts";
import { dayProblem, isTooLargeNumber, LARGEST_AMOUNT, parseAmount, parseDay } from "./values.ts";
import { londonDayIso } from "~/domain/calendar.ts";
import { badlyGroupedMessage, isBadlyGrouped, withoutThousandsSeparators } from "~/domain/numbers.ts";
import { pageNumberField } from "~/domain/page-number.ts";
import { hasVisibleText, invisibleTextMessage, withoutNul } from "~/domain/content/visible-text.ts";

// `what` names the answer in its errors (one that is too long, or shows nothing: only zero-width spaces, say): the
// error summary lists each apart from its field, where "Must be 200 characters or fewer" did not say which
const tooLong = (what: string, max: number) =>
  `${what} must be ${max.toLocaleString("en-GB")} characters or fewer`;

// NUL goes first (the database drops it): a title saved again with one was logged as changed to itself
const text = (required: string, max: number, what: string) =>
  z
    .string({ error: required })
    .overwrite(withoutNul)
    .trim()
    .min(1, required)
    .max(max, tooLong(what, max))
    .refine((v) => v === "" || hasVisibleText(v), invisibleTextMessage(what));

const optionalText = (max: number, what: string) =>
  z.string().overwrite(withoutNul).trim().max(max, tooLong(what, max)).optional();

export const amount = (required: string, invalid: string | ((value: string) => string)) =>
  z.string({ error: required }).transform((value, ctx) => {
    const parsed = parseAmount(value);
    if (parsed === null) {
      ctx.addIssue({ code: "custom", message: typeof invalid === "string" ? invalid : invalid(value) });
      return z.NEVER;
    }
    return parsed;
  });

export const day = (required: string, invalid = "Enter a real date, for example 27/03/2027") =>
  z.string({ error: required }).transform((value, ctx) => {
    const parsed = parseDay(value);
    if (parsed === null) {
      ctx.addIssue({ code: "custom", message: dayProblem(value, invalid) });
      return z.NEVER;
    }
    return parsed;
  });

/** A contract's start and end dates, each read as the form reads it. */
export const termSchema = z.object({ startDate: day(""), endDate: day("") });
const terminationSchema = termSchema.extend({ status: z.enum(ContractStatus) });
const awardSchema = z.object({ awardedOn: day("").optional() });
const statusSchema = z.enum(ContractStatus);

/** "1 5", "£12,50", "0,500": an amount in pounds with commas or spaces other than between thousands. */
const isBadlyGroupedAmount = (value: string) => isBadlyGrouped(value.trim().replace(/^£\s*/, ""));

/** What to tell someone whose contract value was refused: a value below zero or too large is told so, and one
 * grouped wrongly ("1 5", "12,5") how to group it, not that it is not a value in pounds. The contract form and the
 * import say the same. */
export function contractValueProblem(value: string) {
  if (isBadlyGroupedAmount(value)) return badlyGroupedMessage("the contract value");
  if (isNegativeAmount(value)) return "The contract value must be £0 or more";
  if (isTooLargeNumber(value)) return `The contract value must be £${LARGEST_AMOUNT} or less`;
  // "12.345" is a value in pounds, only with a fraction of a penny: said so, not that it is not one
  if (hasPartsOfAPenny(value))
    return "The contract value can have up to 2 decimal places (pence), for example 250000.50";
  return "Enter the value in pounds, for example 250000";
}

/** "12.345", "£1,250.505": an amount with more than two decimal places. */
function hasPartsOfAPenny(value: string) {
  const plain = withoutThousandsSeparators(value.trim().replace(/^£\s*/, ""));
  return plain !== null && /^\d*\.\d{3,}$/.test(plain);
}

/** An award date after the contract's end is a typing slip (2062 for 2026): the dashboard would count it as
 * awarded in a year it never ran. */
export const AWARDED_AFTER_END = "The award date must be on or before the end date";

/** Whether an award date is after the contract's end date, told beside the award date. Against an end date typed
 * before the start (told beside the end date) not when the award is on or before the start: any end put right, on
 * or after the start, is after it too, so the end date alone is to blame. An award after the start as well is told
 * with the end date's problem, not in a second round once the end date is put right. `startDate` is null when it
 * could not be read. The contract form and the import say the same. */
export function isAwardedAfterEnd(v: { awardedOn: string; startDate: string | null; endDate: string }) {
  const endToBlame = v.startDate !== null && v.endDate < v.startDate && v.awardedOn <= v.startDate;
  return v.awardedOn > v.endDate && !endToBlame;
}

/** What is wrong with a contract's award date, or null: after its end date, or still to come for a contract past the
 * pipeline (futureAwardProblem). One after both is told against the earlier of the two, so that one change puts it
 * right. Days are "YYYY-MM-DD"; a date or status that could not be read is null; `today` is today in London. The
 * contract form's rule: the import checks the end date with the row (import-rows.ts) and today with the status the
 * contract will have (import.server.ts). */
export function awardDateProblem(
  v: {
    awardedOn: string | undefined | null;
    startDate: string | null;
    endDate: string | null;
    status: ContractStatus | null;
  },
  today: string,
): string | null {
  if (!v.awardedOn) return null;
  const afterEnd =
    v.endDate !== null &&
    isAwardedAfterEnd({ awardedOn: v.awardedOn, startDate: v.startDate, endDate: v.endDate });
  const future = v.status ? futureAwardProblem({ status: v.status, awardedOn: v.awardedOn }, today) : null;
  if (future && !(afterEnd && v.endDate! < today)) return future;
  return afterEnd ? AWARDED_AFTER_END : null;
}

/** The contract reference, as the contract form reads it: checked on its own too, to tell whether the council
 * already uses it alongside the form's other problems (contracts.server.ts referenceTakenAlongside). */
export const contractReference = text("Enter the contract reference", 60, "The contract reference");

export const contractSchema = z
  .object({
    reference: contractReference,
    title: text("Enter the contract title", 200, "The contract title"),
    supplierOrganisationId: z.string({ error: "Choose the supplier" }),
    department: text("Enter the department or service", 120, "The department or service"),
    contractManagerId: z.string().optional(),
    valueGbp: amount("Enter the contract value", contractValueProblem),
    awardedOn: day("Enter the award date").optional(),
    startDate: day("Enter the start date"),
    endDate: day("Enter the end date"),
    planReference: optionalText(60, "The procurement plan reference"),
    status: z.enum(ContractStatus, { error: "Choose the contract status" }),
    // asked for only when the status is Terminated, and read only then (see terminatedOnDay): a date left in
    // the box after choosing another status is not stored, and not an error
    terminatedOn: z.string().trim().max(40).optional(),
  })
  .refine((value) => value.endDate >= value.startDate, {
    path: ["endDate"],
    message: "The end date must be on or after the start date",
    // checked even when other fields are wrong, so every problem shows at once
    when: (payload) => termSchema.safeParse(payload.value).success,
  })
  // checked whatever the other fields' own problems, each date or status as it read, or left out when unreadable
  .superRefine(
    (v, ctx) => {
      const problem = awardDateProblem(
        {
          awardedOn: v.awardedOn,
          startDate: parseDay(String(v.startDate)),
          endDate: parseDay(String(v.endDate)),
          status: statusSchema.safeParse(v.status).data ?? null,
        },
        londonDayIso(new Date()),
      );
      if (problem) ctx.addIssue({ code: "custom", path: ["awardedOn"], message: problem });
    },
    { when: (payload) => awardSchema.safeParse(payload.value).success },
  )
  .superRefine(
    (value, ctx) => {
      if (value.status !== "TERMINATED") return;
      const terminatedOn = value.terminatedOn ? parseDay(value.terminatedOn) : null;
      const problem =
        value.terminatedOn && !terminatedOn
          ? dayProblem(value.terminatedOn, "Enter a real date, for example 27/03/2027")
          : terminationProblem({ ...value, terminatedOn });
      if (problem) ctx.addIssue({ code: "custom", path: ["terminatedOn"], message: problem });
    },
    { when: (payload) => terminationSchema.safeParse(payload.value).success },
  )
  .superRefine(
    (value, ctx) => {
      const problem = endedProblem(value, londonDayIso(new Date()));
      if (problem) ctx.addIssue({ code: "custom", path: ["status"], message: problem });
    },
    { when: (payload) => terminationSchema.safeParse(payload.value).success },
  );

export type ContractInput = z.infer<typeof contractSchema>;

/** The termination date to store ("YYYY-MM-DD"): only a terminated contract has one (checked by the schema). */
export function terminatedOnDay(input: Pick<ContractInput, "status" | "terminatedOn">): string | null {
  return input.status === "TERMINATED" && input.terminatedOn ? parseDay(input.terminatedOn) : null;
}

// An edit form carries the version of the record it was read from (its updatedAt), so a colleague's later save is
// refused instead of overwritten. A save without one (a crafted request, a page cached from before, a script) could
// only overwrite blind, so it is refused too, as a problem with the whole form: no field of the form holds it.
// Missing or malformed, it reads as "", never a field error the user cannot see.
export const versionSchema = z.iso.datetime({ precision: 3 });
const editVersion = { version: versionSchema.catch("") };

function versionRequired<T extends z.ZodType<{ version: string }>>(schema: T, message: string) {
  return schema.refine((value) => value.version !== "", {
    path: [],
    message,
    // shown with any other problem, so a form fixed and sent again cannot slip through without it
    when: () => true,
  });
}

const noVersion = (what: "contract" | "commitment" | "measure") =>
  `Your changes were not saved: the form did not say which version of the ${what} they were made to, so they could overwrite someone else's. Check your answers below and save again.`;

export const contractEditSchema = versionRequired(
  contractSchema.safeExtend(editVersion),
  noVersion("contract"),
);

export type ContractEdit = z.infer<typeof contractEditSchema>;

// The target and the plan's figures are read in the chosen measure's unit (`unit`, null while none is chosen): a
// pound sign only for pounds, a per cent sign only for a percentage (quantities.ts).
const quantity = (unit: MeasureUnit | null, figure: Figure) =>
  z.string().transform((value, ctx) => {
    const read = quantityIn(value, unit, figure);
    if (!read.ok) {
      ctx.addIssue({ code: "custom", message: read.message });
      return z.NEVER;
    }
    return read.quantity;
  });

const QUARTER_KEY = /^(\d{4})-([1-4])$/;
// a quarter the page names in a hidden field: only a changed or broken page sends another
const QUARTER_UNREAD =
  "The delivery plan's quarters could not be read. Reload the page and enter the plan again.";

const planEntrySchema = (unit: MeasureUnit | null) =>
  z
    .object({
      quarter: z.string({ error: QUARTER_UNREAD }).regex(QUARTER_KEY, QUARTER_UNREAD),
      quantity: z.string().optional(),
    })
    .transform((entry, ctx) => {
      if (entry.quantity === undefined) return { quarter: entry.quarter, quantity: undefined };
      const [, year, quarter] = QUARTER_KEY.exec(entry.quarter)!;
      const figure = { quarter: quarterLabel(Number(year), Number(quarter) as QuarterNumber) };
      const read = quantityIn(entry.quantity, unit, figure);
      if (!read.ok) {
        ctx.addIssue({ code: "custom", path: ["quantity"], message: read.message });
        return z.NEVER;
      }
      return { quarter: entry.quarter, quantity: read.quantity };
    });

/** The commitment form for a measure of `unit`, or null while no measure is chosen (either sign taken). */
export function commitmentSchemaFor(unit: MeasureUnit | null) {
  return z.object({
    measureId: z.string({ error: "Choose a measure" }),
    targetQuantity: quantity(unit, { target: true }).optional(),
    qualitativeText: optionalText(2000, "What the supplier has committed to"),
    narrative: optionalText(2000, "The note"),
    plan: z.array(planEntrySchema(unit)).default([]),
  });
}

export const commitmentSchema = commitmentSchemaFor(null);

export type CommitmentInput = z.infer<typeof commitmentSchema>;

/** The form's plan inputs ("2026-1" → quantity) as the rules read them (plan.ts); blank quarters are left out, so
 * a plan with every quarter blank is told it is missing rather than that it adds up to 0. */
export function planEntries(input: Pick<CommitmentInput, "plan">): PlanEntry[] {
  return input.plan.flatMap((p) => {
    if (p.quantity === undefined) return [];
    const [fy, q] = p.quarter.split("-").map(Number);
    return [{ financialYear: fy!, quarter: q!, quantity: p.quantity }];
  });
}

type CommitmentAnswers = Pick<CommitmentInput, "targetQuantity" | "qualitativeText" | "plan">;
const RULED_FIELDS = ["targetQuantity", "qualitativeText", "plan"] as const;

/**
 * A commitment form's schema (`schema`, for a measure of `unit`) that also checks the commitment's rules
 * (checkCommitment: a target for a number, words for a qualitative measure, a plan adding up to the target), with
 * the fields' own problems rather than in a second round once those are put right. A field with a problem of its
 * own is not checked again, and the plan's total only once the target and all its figures could be read. The
 * contract's term is left to the save, which reads it (the form offers only the term's quarters).
 */
export function withCommitmentRules<Schema extends z.ZodType<CommitmentAnswers>>(
  schema: Schema,
  unit: MeasureUnit | null,
) {
  return schema.superRefine(
    (value, ctx) => {
      if (!unit) return;
      const own = (field: string) => ctx.issues.some((issue) => issue.path?.[0] === field);
      const unread = new Set(RULED_FIELDS.filter(own));
      const checked = checkCommitment(
        {
          unit,
          targetQuantity: unread.has("targetQuantity") ? undefined : value.targetQuantity,
          qualitativeText: unread.has("qualitativeText") ? undefined : value.qualitativeText,
          plan: unread.has("plan") ? [] : planEntries(value),
        },
        null,
      );
      if (checked.ok) return;
      for (const field of RULED_FIELDS) {
        // an answer that could not be read has its own problem told ("enter the target" is not for one mistyped)
        if (unread.has(field)) continue;
        for (const message of checked.errors[field] ?? [])
          ctx.addIssue({ code: "custom", path: [field], message });
      }
    },
    // with the fields' own problems, as the plan's total is told with its quarters'
    { when: () => true },
  );
}

/** The measure a commitment form names, read first: its unit decides how the form's figures are read. */
export const chosenMeasureSchema = z.object({ measureId: z.string().optional().catch(undefined) });

/** The commitment edit form for a measure of `unit` (its commitment's, which cannot change). */
export function commitmentEditSchemaFor(unit: MeasureUnit | null) {
  return versionRequired(commitmentSchemaFor(unit).safeExtend(editVersion), noVersion("commitment"));
}

export const commitmentEditSchema = commitmentEditSchemaFor(null);

export type CommitmentEdit = z.infer<typeof commitmentEditSchema>;

// The page asking "remove this commitment?" sends only the version it showed: a commitment a colleague has just
// changed is not removed unseen.
export const commitmentRemoveSchema = versionRequired(
  z.object(editVersion),
  "The commitment was not removed: the page did not say which version of it you were looking at. Check it below and remove it again.",
);

export type CommitmentRemoval = z.infer<typeof commitmentRemoveSchema>;

export const PROXY_VALUE_NEGATIVE = "The proxy value must be £0 or more";

/** "-5", "-£14.50", "£ -14.50" (a minus sign or a hyphen): an amount below zero. */
function isNegativeAmount(value: string) {
  const rest = value.trim().replace(/^£\s*/, "");
  return /^[-\u2212]/.test(rest) && parseAmount(rest.slice(1)) !== null;
}

const helpTypesSchema = z.object({
  unit: z.enum(MeasureUnit),
  contributingHelpTypes: z.array(z.enum(HelpType)).default([]),
});

const proxySchema = z.object({
  unit: z.enum(MeasureUnit),
  proxyValueGbp: amount("", "").optional(),
});

export const measureSchema = z
  .object({
    code: z
      .string({ error: "Enter a code" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/, "Use up to 20 letters, numbers and hyphens, for example JOB-06"),
    name: text("Enter the measure name", 200, "The measure name"),
    theme: z.enum(MeasureTheme, { error: "Choose a theme" }),
    unit: z.enum(MeasureUnit, { error: "Choose a unit" }),
    helpText: optionalText(1000, "The help text"),
    frameworkMapping: optionalText(200, "The framework theme"),
    contributingHelpTypes: z.array(z.enum(HelpType)).default([]),
    proxyValueGbp: z
      .string()
      .transform((value, ctx) => {
        const parsed = parseAmount(value);
        if (parsed !== null) return parsed;
        // "-5" or "£-14.50" is a value, only not one a proxy can be: said so, not "Enter the value in pounds"
        ctx.addIssue({
          code: "custom",
          message: isBadlyGroupedAmount(value)
            ? badlyGroupedMessage("the proxy value")
            : isNegativeAmount(value)
              ? PROXY_VALUE_NEGATIVE
              : isTooLargeNumber(value)
                ? `The proxy value must be £${LARGEST_AMOUNT} or less`
                : "Enter the value in pounds, for example 14.50",
        });
        return z.NEVER;
      })
      .optional(),
  })
  .superRefine(
    (value, ctx) => {
      const problem = helpTypeMismatch(value.unit, value.contributingHelpTypes);
      if (problem) ctx.addIssue({ code: "custom", path: ["contributingHelpTypes"], message: problem });
    },
    // checked even when other fields are wrong, so every problem shows at once
    { when: (payload) => helpTypesSchema.safeParse(payload.value).success },
  )
  .superRefine(
    (value, ctx) => {
      // local £ figures add up amounts delivered: a level or words have none, so a proxy value would never count
      if (value.proxyValueGbp !== undefined && !hasProxyValue(value.unit))
        ctx.addIssue({
          code: "custom",
          path: ["proxyValueGbp"],
          message: `A ${value.unit === "PERCENT" ? "percentage" : "qualitative measure"} is not added up into local £ figures: leave the proxy value blank`,
        });
    },
    { when: (payload) => proxySchema.safeParse(payload.value).success },
  );

/** Whether a proxy value (£ per unit) can count for a measure of this unit: not a percentage or words. */
export function hasProxyValue(unit: MeasureUnit) {
  return amountsAddUp(unit);
}

export type MeasureInput = z.infer<typeof measureSchema>;

export const measureEditSchema = versionRequired(measureSchema.safeExtend(editVersion), noVersion("measure"));

export type MeasureEdit = z.infer<typeof measureEditSchema>;

export const measureStateSchema = z.object({
  intent: z.enum(["retire", "reinstate"], { error: FORM_NOT_RECOGNISED }),
});

export const contractFiltersSchema = z.object({
  // a whole title may be searched for (up to 200 characters): a longer search was dropped, listing every contract.
  // One longer than SEARCH_MAX is kept as typed (up to a length no address reaches), for the page to say it is too
  // long; being longer than any title or reference, it matches nothing
  q: z
    .string()
    .trim()
    .transform((v) => v.slice(0, 4000))
    .optional()
    .catch(undefined),
  department: z.string().max(120).optional().catch(undefined),
  supplier: z.string().max(40).optional().catch(undefined),
  manager: z.string().max(40).optional().catch(undefined),
  status: z.enum(ContractStatus).optional().catch(undefined),
  commitments: z.enum(["yes", "no"]).optional().catch(undefined),
  // has a commitment on this measure: the dashboard's "delivery by measure"
  measure: z.string().max(40).optional().catch(undefined),
  // awarded on or after this day (YYYY-MM-DD): the dashboard's "awarded in the last 12 months"
  awardedSince: z
    .string()
    .refine((v) => parseDay(v) === v)
    .optional()
    .catch(undefined),
  // past the pipeline with no award date recorded (contracts.server.ts missingAwardDate)
  awardDate: z.literal("none").optional().catch(undefined),
  // has a commitment valued in the council's local £ (a proxy value, not a level or text): the dashboard's local £
  localValue: z.literal("yes").optional().catch(undefined),
  // awarded: not in the pipeline (contracts.server.ts notInPipeline), as the dashboard's delivery figures count
  awarded: z.literal("yes").optional().catch(undefined),
  page: pageNumberField,
});

export type ContractFilters = z.infer<typeof contractFiltersSchema>;

/** The longest search of the contract list: a whole title. */
export const SEARCH_MAX = 200;

/** What the search box says of a search longer than SEARCH_MAX, or null. */
export const searchProblem = (q: string | undefined) =>
  q && q.length > SEARCH_MAX ? tooLong("Reference or title", SEARCH_MAX) : null;
