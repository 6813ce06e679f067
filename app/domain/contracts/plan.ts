// The rules a commitment and its quarterly delivery plan must meet. Pure: the form, the CSV import and the
// tests all use this one check.
import { hasVisibleText, invisibleTextMessage } from "~/domain/content/visible-text.ts";
import { listInWords } from "~/domain/format.ts";
import { formatHundredths, toHundredths } from "~/domain/reporting/progress.ts";
import { QUARTER_MAXIMA } from "~/domain/reporting/returns-rules.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { formatMeasureQuantity } from "./labels.ts";
import { amountsAddUp } from "./quantities.ts";
import {
  isQuarterNumber,
  quarterIndex,
  quarterLabel,
  quarterOf,
  quartersBetween,
  type FinancialQuarter,
} from "./quarters.ts";

export type PlanEntry = { financialYear: number; quarter: number; quantity: string };

export type CommitmentDraft = {
  unit: MeasureUnit;
  targetQuantity?: string | null;
  qualitativeText?: string | null;
  plan: PlanEntry[];
};

export type Term = { startDate: Date; endDate: Date };

/** A term with only the dates that could be read (an import row with one bad date): a plan quarter is checked
 * against each date that is known, so one after a readable end date is told though the start date is not. */
export type TermBounds = { startDate: Date | null; endDate: Date | null };

export type CheckedCommitment = {
  targetQuantity: string | null;
  qualitativeText: string | null;
  /** non-zero quarters only, in order */
  plan: (FinancialQuarter & { quantity: string })[];
};

export type CommitmentErrors = Partial<Record<"targetQuantity" | "qualitativeText" | "plan", string[]>>;

/** Quantities add up over quarters for every unit except a percentage (a level to keep) and words. */
export function planIsRequired(unit: MeasureUnit) {
  return amountsAddUp(unit);
}

/** `term` is null when the contract's dates are not known (an import row whose dates cannot be read, or end before
 * they start): every other rule is checked, but not which quarters fall in the term. When only one of its dates is
 * known, the plan's quarters are checked against that one. */
export function checkCommitment(
  draft: CommitmentDraft,
  term: Term | TermBounds | null,
): { ok: true; value: CheckedCommitment } | { ok: false; errors: CommitmentErrors } {
  const errors: CommitmentErrors = {};
  const add = (field: keyof CommitmentErrors, message: string) => (errors[field] ??= []).push(message);
  const text = draft.qualitativeText?.trim() || null;
  const nonZero = draft.plan.filter((entry) => toHundredths(entry.quantity) !== 0n);

  if (draft.unit === "QUALITATIVE") {
    if (!text) add("qualitativeText", "Describe what the supplier has committed to");
    else if (!hasVisibleText(text)) add("qualitativeText", invisibleTextMessage("The commitment"));
    if (draft.targetQuantity != null) add("targetQuantity", "A qualitative measure has no numeric target");
    if (nonZero.length) add("plan", "A qualitative measure has no quarterly plan: leave the plan blank");
    if (Object.keys(errors).length) return { ok: false, errors };
    return { ok: true, value: { targetQuantity: null, qualitativeText: text, plan: [] } };
  }

  if (text && hasVisibleText(text))
    add("qualitativeText", "Only qualitative measures are described in words: use the narrative instead");
  if (draft.targetQuantity == null) add("targetQuantity", "Enter the target over the contract term");
  else if (draft.unit === "PERCENT" && toHundredths(draft.targetQuantity) > 10_000n)
    add("targetQuantity", "A percentage cannot be more than 100");

  if (draft.unit === "PERCENT") {
    if (nonZero.length) add("plan", "A percentage is a level to keep, not added up: leave the plan blank");
    if (Object.keys(errors).length) return { ok: false, errors };
    return { ok: true, value: { targetQuantity: draft.targetQuantity!, qualitativeText: null, plan: [] } };
  }

  // the term's first and last quarters, each only when its date is known
  const firstInTerm = term?.startDate ? quarterIndex(quarterOf(term.startDate)) : -Infinity;
  const lastInTerm = term?.endDate ? quarterIndex(quarterOf(term.endDate)) : Infinity;
  const outsideTerm = (index: number) =>
    term?.startDate && term.endDate && term.endDate < term.startDate
      ? true
      : index < firstInTerm || index > lastInTerm;
  const seen = new Set<number>();
  const plan: CheckedCommitment["plan"] = [];
  for (const entry of nonZero) {
    if (!isQuarterNumber(entry.quarter) || !Number.isInteger(entry.financialYear)) {
      add("plan", `Quarter ${entry.quarter} of ${entry.financialYear} does not exist`);
      continue;
    }
    const q = { financialYear: entry.financialYear, quarter: entry.quarter };
    const label = quarterLabel(q.financialYear, q.quarter);
    if (seen.has(quarterIndex(q))) add("plan", `${label} appears more than once in the plan`);
    else if (outsideTerm(quarterIndex(q))) add("plan", `${label} is outside the contract term`);
    // no more than a supplier's return may report for one quarter: anything bigger is a typing slip
    else if (toHundredths(entry.quantity) > BigInt(QUARTER_MAXIMA[draft.unit]) * 100n)
      add(
        "plan",
        `${label}: plan ${formatMeasureQuantity(draft.unit, QUARTER_MAXIMA[draft.unit])} or less for one quarter, the most a quarterly return can report`,
      );
    seen.add(quarterIndex(q));
    plan.push({ ...q, quantity: formatHundredths(toHundredths(entry.quantity)) });
  }
  // told with the plan's other problems, not only once they are fixed: a quarter outside the term and a total short
  // of the target are two things to change (an import's row lists every problem at once)
  if (draft.targetQuantity != null) {
    const total = nonZero.reduce((sum, entry) => sum + toHundredths(entry.quantity), 0n);
    const target = toHundredths(draft.targetQuantity);
    // a plan with no quarter filled in is missing, not short: "adds up to 0 hours" did not say what to do
    if (total !== target && draft.plan.length === 0)
      add(
        "plan",
        `Enter the delivery plan: how much of the target of ${inUnit(draft.unit, target)} is planned for each quarter`,
      );
    else if (total !== target)
      add(
        "plan",
        // in the measure's unit ("75 hours", "£75.00"), so the officer sees what the figures are counted in
        `The quarterly plan adds up to ${inUnit(draft.unit, total)} but the target is ${inUnit(draft.unit, target)}: they must be equal`,
      );
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  plan.sort((a, b) => quarterIndex(a) - quarterIndex(b));
  return { ok: true, value: { targetQuantity: draft.targetQuantity!, qualitativeText: null, plan } };
}

/** Plan quarters that a new contract term would leave outside it (an edit must not strand them). */
export function quartersOutsideTerm(plan: { financialYear: number; quarter: number }[], term: Term) {
  const inTerm = new Set(quartersBetween(term.startDate, term.endDate).map(quarterIndex));
  return plan.filter(
    (q) =>
      isQuarterNumber(q.quarter) &&
      !inTerm.has(quarterIndex({ financialYear: q.financialYear, quarter: q.quarter })),
  );
}

/**
 * The plan quarters a new term leaves out, named ("Q1 2026/27") by the date that leaves them out: those before its
 * start (a later start date) and those after its end (an earlier end date), each told next to its own date.
 */
export function quartersLeftOut(plan: { financialYear: number; quarter: number }[], term: Term) {
  const first = quarterIndex(quarterOf(term.startDate));
  const labels = (quarters: FinancialQuarter[]) =>
    Array.from(
      new Set(
        [...quarters]
          .sort((a, b) => quarterIndex(a) - quarterIndex(b))
          .map((q) => quarterLabel(q.financialYear, q.quarter)),
      ),
    );
  const outside = quartersOutsideTerm(plan, term).map((q) => ({
    financialYear: q.financialYear,
    quarter: q.quarter as FinancialQuarter["quarter"],
  }));
  return {
    beforeStart: labels(outside.filter((q) => quarterIndex(q) < first)),
    afterEnd: labels(outside.filter((q) => quarterIndex(q) >= first)),
  };
}

/**
 * Why a new term is refused, next to the date that strands plan quarters: which commitments' plans (by measure
 * code) have targets outside it, and in which quarters. "The delivery plan has targets in Q3 2026/27" left an
 * officer with several commitments opening each to find the one to change.
 */
export function termProblems(
  commitments: { code: string; plan: { financialYear: number; quarter: number }[] }[],
  term: Term,
): Partial<Record<"startDate" | "endDate", string>> {
  // the quarters left out by all the plans together, and by each commitment's own
  const all = quartersLeftOut(
    commitments.flatMap((c) => c.plan),
    term,
  );
  const each = commitments.map(({ code, plan }) => ({ code, ...quartersLeftOut(plan, term) }));
  const problems: Partial<Record<"startDate" | "endDate", string>> = {};
  for (const [field, side] of [
    ["startDate", "beforeStart"],
    ["endDate", "afterEnd"],
  ] as const) {
    const codes = [...new Set(each.filter((c) => c[side].length).map((c) => c.code))].sort();
    if (!codes.length) continue;
    const named = listInWords(codes);
    const when = listInWords(all[side]);
    problems[field] =
      codes.length === 1
        ? `The delivery plan of ${named} has targets in ${when}, outside these dates. Change that commitment’s plan first.`
        : `The delivery plans of ${named} have targets in ${when}, outside these dates. Change those commitments’ plans first.`;
  }
  return problems;
}

function inUnit(unit: MeasureUnit, hundredths: bigint) {
  return formatMeasureQuantity(unit, formatHundredths(hundredths));
}
