// The quarterly KPI return's rules: states, who may move it where, when it is due, reminded and overdue.
// Pure, so pages, jobs and dashboards all answer the same way.
import { londonDay } from "~/domain/calendar.ts";
import { formatMeasureQuantity } from "~/domain/contracts/labels.ts";
import { dueDateFor } from "~/domain/contracts/quarters.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { ContractStatus, MeasureUnit, ReturnStatus } from "~/generated/prisma/enums.ts";

export type ReturnAction = "save" | "submit" | "accept" | "query";

// NOT_STARTED → DRAFT → SUBMITTED → ACCEPTED | QUERIED → (amended, resubmitted) SUBMITTED …
const TRANSITIONS: Record<ReturnAction, { from: ReturnStatus[]; to: ReturnStatus | "same" }> = {
  // saving a queried return keeps it QUERIED: the officer's query stands until it is resubmitted
  save: { from: ["NOT_STARTED", "DRAFT", "QUERIED"], to: "same" },
  submit: { from: ["NOT_STARTED", "DRAFT", "QUERIED"], to: "SUBMITTED" },
  accept: { from: ["SUBMITTED"], to: "ACCEPTED" },
  query: { from: ["SUBMITTED"], to: "QUERIED" },
};

/** The state a return moves to, or null if the action is not allowed from `from`. */
export function nextStatus(from: ReturnStatus, action: ReturnAction): ReturnStatus | null {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) return null;
  if (rule.to !== "same") return rule.to;
  return from === "NOT_STARTED" ? "DRAFT" : from;
}

export function allowedFrom(action: ReturnAction): ReturnStatus[] {
  return [...TRANSITIONS[action].from];
}

/** The supplier may change figures and evidence. */
export function isEditableBySupplier(status: ReturnStatus): boolean {
  return TRANSITIONS.save.from.includes(status);
}

export const RETURN_STATUS_LABELS: Record<ReturnStatus, string> = {
  NOT_STARTED: "Not started",
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  ACCEPTED: "Accepted",
  QUERIED: "Queried",
};

export const RETURN_STATUS_COLOURS = {
  NOT_STARTED: "grey",
  DRAFT: "yellow",
  SUBMITTED: "blue",
  ACCEPTED: "green",
  QUERIED: "orange",
} as const satisfies Record<ReturnStatus, string>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** 00:00 UTC of the calendar day `moment` falls on in London (due dates are stored as DATE). */
export const startOfDay = londonDay;

// Still with the supplier (a queried return is back with them too).
const AWAITING_SUPPLIER: ReturnStatus[] = ["NOT_STARTED", "DRAFT", "QUERIED"];

export function isAwaitingSupplier(status: ReturnStatus): boolean {
  return AWAITING_SUPPLIER.includes(status);
}

/**
 * The one line between "due" and "past due": at `now`, a return due before this day is past due. Due dates
 * are days in London, where the council works: due on 30 July means it may be sent all of 30 July, London
 * time, and is past due from midnight that night (00:00 UTC in winter, 23:00 UTC on the 30th in summer).
 * Queries filter with it (`dueDate < pastDueBefore(now)`), code asks isPastDue.
 */
export function pastDueBefore(now: Date): Date {
  return londonDay(now);
}

/** Whether the due date had ended, in London, at `moment` (now, or when a return was first sent). */
export function isPastDue(dueDate: Date, moment: Date): boolean {
  return dueDate.getTime() < pastDueBefore(moment).getTime();
}

/**
 * When a return was first submitted: the first submission in its history or, for a return with no history (written
 * before it was kept), its latest. A return queried and sent again keeps the timeliness of its first sending. The
 * council dashboard's compliance figures read the same moment in SQL (dashboard-council.server.ts).
 */
export function firstSubmittedAt(
  history: { toStatus: ReturnStatus; createdAt: Date }[],
  submittedAt: Date | null,
): Date | null {
  const times = history.filter((e) => e.toStatus === "SUBMITTED").map((e) => e.createdAt.getTime());
  return times.length ? new Date(Math.min(...times)) : submittedAt;
}

/**
 * Submitted late: first submitted after its due date had ended (isPastDue), as the council dashboard counts a
 * return "First submitted late" (firstSentPastDue, dashboard-council.server.ts). How many London days after the
 * due date it was first sent, or null when it was sent by then or has not been sent.
 */
export function daysSubmittedLate(dueDate: Date, firstSubmitted: Date | null): number | null {
  if (!firstSubmitted || !isPastDue(dueDate, firstSubmitted)) return null;
  return -daysUntilDue(dueDate, firstSubmitted);
}

/** Overdue: with the supplier after its due date has ended (see pastDueBefore). */
export function isOverdue(kpiReturn: { status: ReturnStatus; dueDate: Date }, now: Date): boolean {
  return isAwaitingSupplier(kpiReturn.status) && isPastDue(kpiReturn.dueDate, now);
}

export const OVERDUE_STATUSES = AWAITING_SUPPLIER;

/**
 * Contracts whose returns are opened and chased (reminders, overdue notices, the overdue queue): live ones,
 * and ones that ran their term (their last quarters are still owed). A terminated contract, or one put back
 * in the pipeline, is not chased: its supplier is no longer delivering it.
 */
export const REPORTING_CONTRACT_STATUSES: ContractStatus[] = ["ACTIVE", "ENDED"];

/** Contracts that ran on or after `from`: live ones, ones that ran their term (they still report the quarters
 * they ran in), and ones terminated early on or after it (decision 025). A where-clause for Prisma. */
export function ranOnOrAfter(from: Date): Prisma.ContractWhereInput {
  return {
    OR: [
      { status: { in: REPORTING_CONTRACT_STATUSES } },
      { status: "TERMINATED", terminatedOn: { gte: from } },
    ],
  };
}

export function isReportingContract(status: ContractStatus): boolean {
  return REPORTING_CONTRACT_STATUSES.includes(status);
}

/**
 * Whether a return's quarter still falls within its contract's term. A term shortened, or moved to start later,
 * after the return was opened leaves it outside: the returns never sent are withdrawn (withdrawReturnsOutsideTerm),
 * and one already sent (queried, submitted, accepted) is kept with its history and may still be amended and
 * reviewed, but is not owed: never reminded, chased or counted overdue. The same test as returnWithinTermSql
 * (returns-term.server.ts) and the withdrawal.
 */
export function isWithinTerm(
  kpiReturn: { periodStart: Date; periodEnd: Date },
  contract: { startDate: Date; endDate: Date },
): boolean {
  return kpiReturn.periodStart <= contract.endDate && kpiReturn.periodEnd >= contract.startDate;
}

/** Why a return still with the supplier is not owed: its contract's status (terminated, or back in the pipeline),
 * or its quarter outside the contract's term as it now stands. */
export type NotOwedReason = ContractStatus | "OUTSIDE_TERM";

/** Overdue and to be chased: with the supplier after the due date, for a quarter within the term of a contract
 * still reporting. */
export function isChasedAsOverdue(
  kpiReturn: {
    status: ReturnStatus;
    dueDate: Date;
    periodStart: Date;
    periodEnd: Date;
    contract: { status: ContractStatus; startDate: Date; endDate: Date };
  },
  now: Date,
): boolean {
  return (
    isReportingContract(kpiReturn.contract.status) &&
    isWithinTerm(kpiReturn, kpiReturn.contract) &&
    isOverdue(kpiReturn, now)
  );
}

/** Whether the "due soon" reminder should go now: within `daysBefore` days of the due date, once. */
export function isReminderDue(
  kpiReturn: { status: ReturnStatus; dueDate: Date; reminderSentAt: Date | null },
  now: Date,
  daysBefore: number,
): boolean {
  if (!isAwaitingSupplier(kpiReturn.status) || kpiReturn.reminderSentAt) return false;
  if (isOverdue(kpiReturn, now)) return false;
  return daysUntilDue(kpiReturn.dueDate, now) <= daysBefore;
}

/** Whether an overdue notice should go now: first on the day after the due date, then every `everyDays`. */
export function isOverdueNoticeDue(
  kpiReturn: { status: ReturnStatus; dueDate: Date; overdueNoticeSentAt: Date | null },
  now: Date,
  everyDays: number,
): boolean {
  if (!isOverdue(kpiReturn, now)) return false;
  if (!kpiReturn.overdueNoticeSentAt) return true;
  if (everyDays <= 0) return false;
  return londonDaysBetween(kpiReturn.overdueNoticeSentAt, now) >= everyDays;
}

// Calendar days from one London day to another (a clock change makes a day 23 or 25 hours long).
function londonDaysBetween(from: Date, to: Date): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS);
}

/** Days until the due date (negative once it has passed), counting calendar days. */
export function daysUntilDue(dueDate: Date, now: Date): number {
  return londonDaysBetween(now, dueDate);
}

/**
 * When a return opened on `now` for a quarter that ended on `periodEnd` is due: the council's number of days after
 * the quarter ends, as usual. A return opened late (its contract registered, imported, awarded or moved to start
 * earlier after the quarter ended, a commitment added then, or the daily run missing days) with that date passed, or
 * fewer days away than the council's reminder before it, is due the council's number of days from the day it opens:
 * the supplier, who could not have known of it, has the usual time, and nothing is overdue or chased the day it
 * opens (decision 023, addendum of session 55). One rule for every quarter opened at once. The daily run opens a
 * quarter's returns the morning after it ends, with the usual days less one to go: never fewer than the reminder's,
 * which the council's settings keep below the usual days, so that opening keeps the usual date.
 */
export function dueDateOnOpening(
  periodEnd: Date,
  now: Date,
  { returnDueDays, reminderDaysBefore }: { returnDueDays: number; reminderDaysBefore: number },
): Date {
  const usual = dueDateFor(periodEnd, returnDueDays);
  return daysUntilDue(usual, now) < reminderDaysBefore ? dueDateFor(startOfDay(now), returnDueDays) : usual;
}

// The largest figure a supplier may report for one quarter, by unit: anything bigger is a typing slip.
export const QUARTER_MAXIMA: Record<Exclude<MeasureUnit, "QUALITATIVE">, number> = {
  PEOPLE: 100_000,
  HOURS: 1_000_000,
  WEEKS: 100_000,
  GBP: 1_000_000_000,
  PERCENT: 100,
  COUNT: 1_000_000,
  TONNES: 1_000_000,
  TONNES_CO2E: 1_000_000,
};

export const UNIT_LABELS: Record<MeasureUnit, string> = {
  PEOPLE: "people",
  HOURS: "hours",
  WEEKS: "weeks",
  GBP: "£",
  PERCENT: "%",
  COUNT: "",
  TONNES: "tonnes",
  TONNES_CO2E: "tonnes CO2e",
  QUALITATIVE: "",
};

/** "12 hours", "£5,000.50", "95%" */
export function formatQuantity(value: string | number, unit: MeasureUnit): string {
  return formatMeasureQuantity(unit, value);
}
