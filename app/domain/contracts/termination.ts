// A contract terminated early (decision 025): the day it ended, the rules it must meet and the quarter its plan
// stops at, and the dates a contract's status rules out (ended before its end date, awarded after today). Pure and
// safe for browser code: the form, the CSV import, the progress loaders and the returns job all use these rules.
import type { ContractStatus } from "~/generated/prisma/enums.ts";
import { quarterOf, type FinancialQuarter } from "./quarters.ts";

export const TERMINATION_MESSAGES = {
  missing: "Enter the date the contract was terminated",
  beforeStart: "The termination date must be on or after the start date",
  afterEnd: "The termination date must be on or before the end date",
} as const;

/**
 * What is wrong with a termination date, or null. Days are "YYYY-MM-DD" strings, compared as text. A date given
 * for a contract that is not terminated is not a problem: it is dropped (see terminatedOnFor).
 */
export function terminationProblem(term: {
  status: ContractStatus;
  terminatedOn?: string | null;
  startDate: string;
  endDate: string;
}): string | null {
  if (term.status !== "TERMINATED") return null;
  if (!term.terminatedOn) return TERMINATION_MESSAGES.missing;
  if (term.terminatedOn < term.startDate) return TERMINATION_MESSAGES.beforeStart;
  if (term.terminatedOn > term.endDate) return TERMINATION_MESSAGES.afterEnd;
  return null;
}

export const ENDED_EARLY_MESSAGE =
  "A contract that stopped before its end date is terminated: choose Terminated and enter the day it stopped, or change the end date";

/**
 * What is wrong with calling a contract ended, or null. Ended means it ran its term: one marked ended before its
 * end date was chased for returns every quarter until that date, though its supplier had stopped delivering. A
 * contract that stopped early is terminated, with the day it stopped (decision 025). Days are "YYYY-MM-DD";
 * `today` is today in London.
 */
export function endedProblem(
  term: { status: ContractStatus; endDate: string },
  today: string,
): string | null {
  return term.status === "ENDED" && term.endDate > today ? ENDED_EARLY_MESSAGE : null;
}

export const AWARDED_IN_FUTURE_MESSAGE =
  "The award date must be today or in the past: only a contract in the pipeline can have an award date still to come";

/**
 * What is wrong with an award date still to come, or null. A contract past the pipeline (active, ended or
 * terminated) has been awarded; one dated after today was left out of the dashboard's "contracts awarded in the last
 * 12 months" until that day. A pipeline contract's date may be the one it is expected on. An award after the start
 * is not a problem: contracts are awarded retrospectively (decision 025). Days are "YYYY-MM-DD"; `today` is today
 * in London.
 */
export function futureAwardProblem(
  term: { status: ContractStatus; awardedOn?: string | null },
  today: string,
): string | null {
  return term.status !== "PIPELINE" && term.awardedOn && term.awardedOn > today
    ? AWARDED_IN_FUTURE_MESSAGE
    : null;
}

/**
 * The last quarter a contract's plan counts for: the quarter holding its termination date, or null for a
 * contract that was not terminated (its whole plan counts). The quarter holding the date counts, as the quarter
 * holding a contract's end date does: the supplier was delivering in it.
 */
export function lastPlannedQuarter(contract: { terminatedOn: Date | null }): FinancialQuarter | null {
  return contract.terminatedOn ? quarterOf(contract.terminatedOn) : null;
}

/** The day a contract's delivery stopped: its termination date if it ended early, else its end date. */
export function effectiveEndDate(contract: { endDate: Date; terminatedOn: Date | null }): Date {
  return contract.terminatedOn ?? contract.endDate;
}
