// A contract terminated early (decision 025): the day it ended, the rules it must meet and the quarter its plan
// stops at. Pure and safe for browser code: the form, the CSV import, the progress loaders and the returns job
// all use this one rule.
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
