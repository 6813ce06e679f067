// Council financial quarters. The financial year runs 1 April – 31 March and is named by the calendar
// year it starts in (2026 = Apr 2026 – Mar 2027, shown "2026/27"); Q1 = Apr–Jun … Q4 = Jan–Mar.
// Every date here is a calendar day as 00:00 UTC (the database stores these as DATE columns). A moment ("now", a
// timestamp) is first turned into the day it falls on in London, where the council works; a stored date is
// already 00:00 UTC of its day, which is the same day in London.
import { londonDay } from "~/domain/calendar.ts";

export type QuarterNumber = 1 | 2 | 3 | 4;

export type FinancialQuarter = { financialYear: number; quarter: QuarterNumber };

export type QuarterPeriod = {
  /** first day of the quarter, 00:00 UTC */
  start: Date;
  /** last day of the quarter, 00:00 UTC (inclusive, as stored in KpiReturn.periodEnd) */
  end: Date;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function isQuarterNumber(value: number): value is QuarterNumber {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The financial quarter of the day a moment falls on in London (a stored date: its own day). */
export function quarterOf(moment: Date): FinancialQuarter {
  const day = londonDay(moment);
  const month = day.getUTCMonth(); // 0 = January
  const year = day.getUTCFullYear();
  const monthsSinceApril = (month + 12 - 3) % 12;
  return {
    financialYear: month >= 3 ? year : year - 1,
    quarter: (Math.floor(monthsSinceApril / 3) + 1) as QuarterNumber,
  };
}

/** First and last day of a financial quarter. */
export function quarterPeriod(financialYear: number, quarter: QuarterNumber): QuarterPeriod {
  assertQuarter(financialYear, quarter);
  const firstMonth = 3 + (quarter - 1) * 3; // months past December roll into the next year
  return {
    start: new Date(Date.UTC(financialYear, firstMonth, 1)),
    // day 0 of the following month is the last day of this quarter
    end: new Date(Date.UTC(financialYear, firstMonth + 3, 0)),
  };
}

/** A number that increases by one per quarter: handy for ordering and counting quarters. */
export function quarterIndex({ financialYear, quarter }: FinancialQuarter): number {
  return financialYear * 4 + (quarter - 1);
}

function fromQuarterIndex(index: number): FinancialQuarter {
  return {
    financialYear: Math.floor(index / 4),
    quarter: ((((index % 4) + 4) % 4) + 1) as QuarterNumber,
  };
}

export function compareQuarters(a: FinancialQuarter, b: FinancialQuarter): number {
  return quarterIndex(a) - quarterIndex(b);
}

export function nextQuarter(q: FinancialQuarter): FinancialQuarter {
  return fromQuarterIndex(quarterIndex(q) + 1);
}

export function previousQuarter(q: FinancialQuarter): FinancialQuarter {
  return fromQuarterIndex(quarterIndex(q) - 1);
}

/**
 * Every quarter a period touches, in order, including the quarters holding `start` and `end`
 * (a contract from 15 Mar 2026 to 1 Apr 2027 touches Q4 2025/26 through Q1 2027/28). Empty if
 * `end` is before `start`.
 */
export function quartersBetween(start: Date, end: Date): FinancialQuarter[] {
  if (end.getTime() < start.getTime()) return [];
  const first = quarterIndex(quarterOf(start));
  const last = quarterIndex(quarterOf(end));
  const quarters: FinancialQuarter[] = [];
  for (let i = first; i <= last; i++) quarters.push(fromQuarterIndex(i));
  return quarters;
}

/** The calendar day `days` after a period's last day (00:00 UTC): when a quarterly return is due. */
export function dueDateFor(periodEnd: Date, days: number): Date {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  return new Date(
    Date.UTC(periodEnd.getUTCFullYear(), periodEnd.getUTCMonth(), periodEnd.getUTCDate() + days),
  );
}

/** "Q1 2026/27" */
export function quarterLabel(financialYear: number, quarter: QuarterNumber): string {
  assertQuarter(financialYear, quarter);
  return `Q${quarter} ${financialYearLabel(financialYear)}`;
}

/** "2026/27" */
export function financialYearLabel(financialYear: number): string {
  return `${financialYear}/${String((financialYear + 1) % 100).padStart(2, "0")}`;
}

/**
 * A quarter has ended once its last day is over in London: Q1 2026/27 (ends 30 June 2026) has ended at
 * midnight in London, 2026-06-30T23:00Z in summer time; Q3 (ends 31 December, winter) at 2027-01-01T00:00Z.
 */
export function hasQuarterEnded(q: FinancialQuarter, asOf: Date): boolean {
  const { end } = quarterPeriod(q.financialYear, q.quarter);
  return londonDay(asOf).getTime() >= end.getTime() + DAY_MS;
}

function assertQuarter(financialYear: number, quarter: number) {
  if (!Number.isInteger(financialYear)) throw new RangeError(`bad financial year ${financialYear}`);
  if (!isQuarterNumber(quarter)) throw new RangeError(`bad quarter ${quarter}`);
}
