/**
 * Delivered-vs-committed progress for one commitment: the single rule every page and report uses.
 *
 * Pure: no database, no dates. Callers turn dates into financial quarters with
 * `app/domain/contracts/quarters.ts` and pass quarter references in.
 *
 * How delivery is counted, so nothing is counted twice:
 *  - A confirmed marketplace pledge linked to the commitment counts once, in the quarter it was delivered
 *    (its `deliveredQuantity`, or its pledged quantity when none was recorded).
 *  - A KPI return line records ONLY what was delivered in the quarter *outside* linked pledges. The return
 *    page shows the quarter's confirmed pledges pre-filled as a separate, read-only figure; the supplier's
 *    own figure is added to it, never replaced by it.
 *  - Only ACCEPTED returns count. Drafts, submitted and queried returns do not.
 *
 * Plan to date is the sum of the per-quarter plan for every quarter that has ENDED (strictly before the
 * quarter containing the as-of date). Delivered to date counts every accepted return and confirmed pledge up
 * to and including the current quarter, so early delivery is credited straight away.
 *
 * A contract terminated early (decision 025) passes `lastQuarter`, the quarter holding its termination date:
 * the plan of later quarters no longer counts, neither in plan to date nor in the committed figure. The
 * quarter holding the termination date still counts, as the quarter holding a contract's end date does.
 *
 * Percentage measures ("% of staff paid the Real Living Wage") are levels, not amounts: summing quarters
 * means nothing. With `aggregation: "latest"` the delivered figure is the most recent accepted return's
 * figure and the plan to date is the most recent ended quarter's plan (or the target when there is no
 * per-quarter plan). Pledges do not contribute to levels. A level with no accepted figure is not reported
 * (`reported: false`, no percentage); it is RED once a quarter with a plan above zero has ended, as an
 * unreported sum is, and NOT_YET_DUE before then.
 *
 * "Not yet due" is never said of a figure whose return is overdue: a commitment that would read NOT_YET_DUE (a level
 * nobody has reported, usually a percentage, which has no per-quarter plan; or nothing planned to date and nothing
 * delivered) reads OVERDUE, "Not reported (overdue)", when the caller names an ended quarter whose return is overdue
 * (`overdueQuarters`). Whether a return is overdue is a matter of dates, which callers work out (isChasedAsOverdue).
 *
 * Quantities are held as integer hundredths (bigint), matching the database's Decimal(14, 2), so sums never
 * drift the way binary floating point does.
 */

import {
  isQuarterNumber,
  quarterIndex as financialQuarterIndex,
  quarterOf,
} from "~/domain/contracts/quarters.ts";

export type QuarterRef = { financialYear: number; quarter: number };

/** Anything with a decimal string form: a number, a string like "12.50" or a Prisma Decimal. */
export type DecimalLike = number | string | { toString(): string };

export type QuarterQuantity = QuarterRef & { quantity: DecimalLike };

export type Rag = "GREEN" | "AMBER" | "RED" | "NOT_YET_DUE" | "OVERDUE";
export type QualitativeStatus = "REPORTED" | "NOT_REPORTED";

export const GREEN_THRESHOLD_PERCENT = 90;
export const AMBER_THRESHOLD_PERCENT = 60;

export type NumericProgressInput = {
  kind: "numeric";
  /** Target over the whole contract term (for "x of y" displays); may be null if only a plan exists. */
  target?: DecimalLike | null;
  plan: QuarterQuantity[];
  acceptedReturns: QuarterQuantity[];
  confirmedPledges: QuarterQuantity[];
  /** The quarter containing the as-of date. */
  current: QuarterRef;
  /** "sum" (default) adds quarters up; "latest" is for levels such as percentages. */
  aggregation?: "sum" | "latest";
  /** A terminated contract's last quarter (the one holding its termination date): later plan does not count. */
  lastQuarter?: QuarterRef | null;
  /** The quarters whose return is overdue (with the supplier after its due date, and chased): what would read
   * "Not yet due" reads "Not reported (overdue)" once one of them has ended. */
  overdueQuarters?: QuarterRef[];
};

/** The plan a terminated contract still answers for: the quarters up to its last one (all of it when the
 * contract was not terminated). computeProgress applies the same cut itself; this is for figures built from the
 * plan quarter by quarter (local £ by financial year). */
export function planUpTo<Q extends QuarterRef>(plan: Q[], lastQuarter: QuarterRef | null | undefined): Q[] {
  if (!lastQuarter) return plan;
  const last = quarterIndex(lastQuarter);
  return plan.filter((q) => quarterIndex(q) <= last);
}

export type QualitativeProgressInput = {
  kind: "qualitative";
  /** Quarters whose ACCEPTED return carries a narrative for this commitment. */
  reportedQuarters: QuarterRef[];
  current: QuarterRef;
  /** The quarters whose return is overdue (as for a numeric commitment): with nothing reported, "Not reported"
   * reads "Not reported (overdue)" once one of them has ended, as numeric figures say it. */
  overdueQuarters?: QuarterRef[];
};

export type NumericProgress = {
  kind: "numeric";
  /** Decimal strings with two places, e.g. "120.50". */
  target: string | null;
  /** What the supplier is held to: the target, or for a contract terminated early the plan up to its last
   * quarter (a level keeps its target). Null when there is no target. */
  committed: string | null;
  planToDate: string;
  deliveredToDate: string;
  fromReturns: string;
  fromPledges: string;
  /** Delivered as a percentage of plan to date, one decimal place; null when nothing is planned yet, or for a
   * level nobody has reported yet. */
  percent: number | null;
  /** False for a level (aggregation "latest") with no accepted figure yet: its delivered 0 is not one that was
   * reported, and pages show "Not reported yet" instead. A sum starts at 0 and is always true. */
  reported: boolean;
  rag: Rag;
  overDelivered: boolean;
};

export type QualitativeProgress = {
  kind: "qualitative";
  status: QualitativeStatus | "OVERDUE";
  reportedQuarterCount: number;
};

export type Progress = NumericProgress | QualitativeProgress;

export function computeProgress(input: NumericProgressInput): NumericProgress;
export function computeProgress(input: QualitativeProgressInput): QualitativeProgress;
export function computeProgress(input: NumericProgressInput | QualitativeProgressInput): Progress;
export function computeProgress(input: NumericProgressInput | QualitativeProgressInput): Progress {
  if (input.kind === "qualitative") {
    const current = quarterIndex(input.current);
    const reported = new Set(
      input.reportedQuarters.filter((q) => quarterIndex(q) <= current).map(quarterIndex),
    );
    const overdue = (input.overdueQuarters ?? []).some((q) => quarterIndex(q) < current);
    return {
      kind: "qualitative",
      status: reported.size > 0 ? "REPORTED" : overdue ? "OVERDUE" : "NOT_REPORTED",
      reportedQuarterCount: reported.size,
    };
  }

  const last = input.lastQuarter ? quarterIndex(input.lastQuarter) : Infinity;
  // ended quarters count, up to the contract's last one
  const current = Math.min(quarterIndex(input.current), last + 1);
  const deliveredThrough = quarterIndex(input.current);
  const latest = input.aggregation === "latest";
  const latestPlanned = latest ? latestWhere(input.plan, (q) => q < current) : null;
  const planToDate = latest
    ? (latestPlanned ?? (input.plan.length === 0 && input.target != null ? toHundredths(input.target) : 0n))
    : sumWhere(input.plan, (q) => q < current);
  const target = input.target == null ? null : toHundredths(input.target);
  // a sum's commitment shrinks to the plan the terminated contract ran for; a level is still the level to keep
  const committed =
    latest || last === Infinity || input.plan.length === 0 ? target : sumWhere(input.plan, (q) => q <= last);
  const latestReturn = latest ? latestWhere(input.acceptedReturns, (q) => q <= deliveredThrough) : null;
  const fromReturns = latest
    ? (latestReturn ?? 0n)
    : sumWhere(input.acceptedReturns, (q) => q <= deliveredThrough);
  const fromPledges = latest ? 0n : sumWhere(input.confirmedPledges, (q) => q <= deliveredThrough);
  const delivered = fromReturns + fromPledges;
  const reported = !latest || latestReturn !== null;
  const rag = reported ? ragFor(delivered, planToDate) : unreportedLevelRag(latestPlanned);
  const returnOverdue = (input.overdueQuarters ?? []).some((q) => quarterIndex(q) < current);

  return {
    kind: "numeric",
    target: target === null ? null : formatHundredths(target),
    committed: committed === null ? null : formatHundredths(committed),
    planToDate: formatHundredths(planToDate),
    deliveredToDate: formatHundredths(delivered),
    fromReturns: formatHundredths(fromReturns),
    fromPledges: formatHundredths(fromPledges),
    percent: reported && planToDate > 0n ? percentOneDecimal(delivered, planToDate) : null,
    reported,
    rag: rag === "NOT_YET_DUE" && returnOverdue ? "OVERDUE" : rag,
    overDelivered: planToDate > 0n && delivered > planToDate,
  };
}

/**
 * A level nobody has reported yet. Once a quarter with a plan above zero has ended, it is behind (RED), as a sum
 * with nothing delivered against an ended quarter's plan is: its return is owed, and "Not yet due" would hide
 * that. Before then, or with no per-quarter plan to say when the level is due (a target alone), it is not yet
 * due, as a sum with no plan is.
 */
function unreportedLevelRag(latestPlanned: bigint | null): Rag {
  return latestPlanned !== null && latestPlanned > 0n ? "RED" : "NOT_YET_DUE";
}

/**
 * RAG for delivered against plan to date (both in the same units).
 * Nothing planned yet: GREEN if anything has been delivered early, otherwise NOT_YET_DUE (shown as
 * "Not yet due", never as red).
 */
export function ragFor(delivered: bigint, planToDate: bigint): Rag {
  if (planToDate <= 0n) return delivered > 0n ? "GREEN" : "NOT_YET_DUE";
  // delivered / plan >= 90%  ⇔  delivered * 100 >= plan * 90, exact in integers
  if (delivered * 100n >= planToDate * BigInt(GREEN_THRESHOLD_PERCENT)) return "GREEN";
  if (delivered * 100n >= planToDate * BigInt(AMBER_THRESHOLD_PERCENT)) return "AMBER";
  return "RED";
}

export const RAG_LABELS: Record<Rag | QualitativeStatus, string> = {
  GREEN: "On track",
  AMBER: "Slightly behind",
  RED: "Behind",
  NOT_YET_DUE: "Not yet due",
  OVERDUE: "Not reported (overdue)",
  REPORTED: "Reported",
  NOT_REPORTED: "Not reported",
};

const RAG_LETTER: Partial<Record<Rag | QualitativeStatus, string>> = {
  GREEN: "Green",
  AMBER: "Amber",
  RED: "Red",
};

/** A status in words, as pages and exports show it: "Amber: Slightly behind", "Not yet due", "Not reported
 * (overdue)", "Reported". */
export function progressStatusText(status: Rag | QualitativeStatus) {
  const letter = RAG_LETTER[status];
  return letter ? `${letter}: ${RAG_LABELS[status]}` : RAG_LABELS[status];
}

/** The status a page shows for any progress result. */
export function progressStatus(progress: Progress): Rag | QualitativeStatus {
  return progress.kind === "numeric" ? progress.rag : progress.status;
}

/** The quarter containing `asOf`, for the `current` input. */
export function currentQuarter(asOf: Date): QuarterRef {
  return quarterOf(asOf);
}

function quarterIndex(q: QuarterRef): number {
  if (!Number.isInteger(q.financialYear) || !isQuarterNumber(q.quarter)) {
    throw new RangeError(`Not a financial quarter: ${q.financialYear} Q${q.quarter}`);
  }
  return financialQuarterIndex({ financialYear: q.financialYear, quarter: q.quarter });
}

/** "12.345" → 1235n (half away from zero at the third decimal place). Throws on anything not a number. */
export function toHundredths(value: DecimalLike): bigint {
  const text = (typeof value === "number" ? numberToPlainString(value) : value.toString()).trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) {
    throw new RangeError(`Not a decimal quantity: ${JSON.stringify(text)}`);
  }
  const [, sign, whole, fraction = ""] = match;
  const padded = (fraction + "000").slice(0, 3);
  let hundredths = BigInt(whole || "0") * 100n + BigInt(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) hundredths += 1n;
  return sign === "-" ? -hundredths : hundredths;
}

/** 1235n → "12.35" */
export function formatHundredths(hundredths: bigint): string {
  const negative = hundredths < 0n;
  const abs = negative ? -hundredths : hundredths;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** Sum of decimal quantities without float drift, as a two-place string. */
export function sumQuantities(values: DecimalLike[]): string {
  return formatHundredths(values.reduce<bigint>((sum, v) => sum + toHundredths(v), 0n));
}

function sumWhere(rows: QuarterQuantity[], include: (index: number) => boolean): bigint {
  let sum = 0n;
  for (const row of rows) {
    if (include(quarterIndex(row))) sum += toHundredths(row.quantity);
  }
  return sum;
}

/** The figure of the latest included quarter, or null if none. */
function latestWhere(rows: QuarterQuantity[], include: (index: number) => boolean): bigint | null {
  let best: { index: number; value: bigint } | null = null;
  for (const row of rows) {
    const index = quarterIndex(row);
    if (include(index) && (!best || index > best.index)) best = { index, value: toHundredths(row.quantity) };
  }
  return best ? best.value : null;
}

/** delivered / plan × 100 rounded half-up to one decimal place, computed in integers. */
function percentOneDecimal(delivered: bigint, plan: bigint): number {
  const tenthsOfPercent = (delivered * 2000n + plan) / (2n * plan);
  return Number(tenthsOfPercent) / 10;
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a decimal quantity: ${value}`);
  // toFixed avoids exponent notation for small/large values; 3 places is enough to round to hundredths
  return value.toFixed(3);
}
