import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareQuarters,
  dueDateFor,
  financialYearLabel,
  hasQuarterEnded,
  nextQuarter,
  previousQuarter,
  quarterIndex,
  quarterLabel,
  quarterOf,
  quarterPeriod,
  quartersBetween,
  type FinancialQuarter,
  type QuarterNumber,
} from "~/domain/contracts/quarters.ts";
import { londonDay } from "~/domain/calendar.ts";
import {
  computeProgress,
  currentQuarter,
  sumQuantities,
  type DecimalLike,
} from "~/domain/reporting/progress.ts";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

const quarterArb = fc.record({
  financialYear: fc.integer({ min: 1990, max: 2100 }),
  quarter: fc.constantFrom<QuarterNumber>(1, 2, 3, 4),
});
const dateArb = fc.date({
  min: new Date("1990-01-01T00:00:00Z"),
  max: new Date("2100-12-31T23:59:59Z"),
  noInvalidDate: true,
});

describe("quarterOf", () => {
  it.each([
    ["2026-04-01", 2026, 1],
    ["2026-06-30", 2026, 1],
    ["2026-07-01", 2026, 2],
    ["2026-09-30", 2026, 2],
    ["2026-10-01", 2026, 3],
    ["2026-12-31", 2026, 3],
    ["2027-01-01", 2026, 4],
    ["2027-02-28", 2026, 4],
    ["2027-03-31", 2026, 4],
    ["2027-04-01", 2027, 1],
    ["2024-02-29", 2023, 4],
    ["2000-02-29", 1999, 4],
  ])("%s is in FY %i Q%i", (day, financialYear, quarter) => {
    expect(quarterOf(d(day))).toEqual({ financialYear, quarter });
  });

  it("reads a moment on the day it is in London: summer time moves the line an hour earlier", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST)
    expect(quarterOf(new Date("2026-06-30T22:59:59.999Z"))).toEqual({ financialYear: 2026, quarter: 1 });
    expect(quarterOf(new Date("2026-06-30T23:00:00.000Z"))).toEqual({ financialYear: 2026, quarter: 2 });
    expect(quarterOf(new Date("2026-06-30T23:30:00.000Z"))).toEqual({ financialYear: 2026, quarter: 2 });
    // 31 March 2027 is already summer time (from 28 March)
    expect(quarterOf(new Date("2027-03-31T23:30:00.000Z"))).toEqual({ financialYear: 2027, quarter: 1 });
  });

  it("in winter (GMT) London's day is UTC's: 31 December and 1 January", () => {
    expect(quarterOf(new Date("2026-12-31T23:30:00.000Z"))).toEqual({ financialYear: 2026, quarter: 3 });
    expect(quarterOf(new Date("2026-12-31T23:59:59.999Z"))).toEqual({ financialYear: 2026, quarter: 3 });
    expect(quarterOf(new Date("2027-01-01T00:00:00.000Z"))).toEqual({ financialYear: 2026, quarter: 4 });
    expect(quarterOf(new Date("2027-01-01T00:30:00.000Z"))).toEqual({ financialYear: 2026, quarter: 4 });
  });

  it("a stored date (00:00 UTC) is in the quarter of its own calendar day, summer or winter", () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
        const q = quarterOf(day);
        const { start, end } = quarterPeriod(q.financialYear, q.quarter);
        return start.getTime() <= day.getTime() && day.getTime() <= end.getTime();
      }),
    );
  });

  it("always returns the quarter whose period contains the moment's London day", () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const q = quarterOf(date);
        const { start, end } = quarterPeriod(q.financialYear, q.quarter);
        const day = londonDay(date).getTime();
        return start.getTime() <= day && day <= end.getTime();
      }),
    );
  });
});

describe("quarterPeriod", () => {
  it.each([
    [2026, 1, "2026-04-01", "2026-06-30"],
    [2026, 2, "2026-07-01", "2026-09-30"],
    [2026, 3, "2026-10-01", "2026-12-31"],
    [2026, 4, "2027-01-01", "2027-03-31"],
    [2023, 4, "2024-01-01", "2024-03-31"],
    [1999, 4, "2000-01-01", "2000-03-31"],
  ] as const)("FY %i Q%i runs %s to %s", (fy, q, start, end) => {
    const period = quarterPeriod(fy, q);
    expect(iso(period.start)).toBe(start);
    expect(iso(period.end)).toBe(end);
    expect(period.start.getUTCHours()).toBe(0);
    expect(period.end.getUTCHours()).toBe(0);
  });

  it("Q4 has 91 days in a leap year (2024) and 90 otherwise", () => {
    const days = (fy: number) => {
      const { start, end } = quarterPeriod(fy, 4);
      return (end.getTime() - start.getTime()) / 86_400_000 + 1;
    };
    expect(days(2023)).toBe(91); // Jan–Mar 2024 includes 29 Feb
    expect(days(2024)).toBe(90);
    expect(days(2099)).toBe(90); // 2100 is not a leap year
    expect(days(1999)).toBe(91); // 2000 is
  });

  it("rejects quarters that do not exist", () => {
    expect(() => quarterPeriod(2026, 5 as QuarterNumber)).toThrow(RangeError);
    expect(() => quarterPeriod(2026, 0 as QuarterNumber)).toThrow(RangeError);
    expect(() => quarterPeriod(2026.5, 1)).toThrow(RangeError);
  });

  it("quarters tile time: each starts the day after the previous one ends", () => {
    fc.assert(
      fc.property(quarterArb, (q) => {
        const here = quarterPeriod(q.financialYear, q.quarter);
        const n = nextQuarter(q);
        const next = quarterPeriod(n.financialYear, n.quarter);
        return next.start.getTime() - here.end.getTime() === 86_400_000;
      }),
    );
  });
});

describe("nextQuarter / previousQuarter", () => {
  it("crosses financial year ends", () => {
    expect(nextQuarter({ financialYear: 2026, quarter: 4 })).toEqual({ financialYear: 2027, quarter: 1 });
    expect(nextQuarter({ financialYear: 2026, quarter: 3 })).toEqual({ financialYear: 2026, quarter: 4 });
    expect(previousQuarter({ financialYear: 2027, quarter: 1 })).toEqual({ financialYear: 2026, quarter: 4 });
    expect(previousQuarter({ financialYear: 2026, quarter: 2 })).toEqual({ financialYear: 2026, quarter: 1 });
  });

  it("are inverses and move by exactly one quarter", () => {
    fc.assert(
      fc.property(quarterArb, (q: FinancialQuarter) => {
        expect(previousQuarter(nextQuarter(q))).toEqual(q);
        expect(nextQuarter(previousQuarter(q))).toEqual(q);
        expect(compareQuarters(nextQuarter(q), q)).toBe(1);
        expect(quarterIndex(previousQuarter(q))).toBe(quarterIndex(q) - 1);
      }),
    );
  });
});

describe("quartersBetween", () => {
  it("lists every quarter a contract term touches, partial ones included", () => {
    const qs = quartersBetween(d("2026-03-15"), d("2027-04-01"));
    expect(qs.map((q) => quarterLabel(q.financialYear, q.quarter))).toEqual([
      "Q4 2025/26",
      "Q1 2026/27",
      "Q2 2026/27",
      "Q3 2026/27",
      "Q4 2026/27",
      "Q1 2027/28",
    ]);
  });

  it("gives one quarter for a term inside a quarter, and none for a backwards term", () => {
    expect(quartersBetween(d("2026-05-01"), d("2026-05-31"))).toEqual([{ financialYear: 2026, quarter: 1 }]);
    expect(quartersBetween(d("2026-05-01"), d("2026-05-01"))).toHaveLength(1);
    expect(quartersBetween(d("2026-06-01"), d("2026-05-01"))).toEqual([]);
  });

  it("a whole financial year is exactly four quarters", () => {
    expect(quartersBetween(d("2024-04-01"), d("2025-03-31"))).toEqual([
      { financialYear: 2024, quarter: 1 },
      { financialYear: 2024, quarter: 2 },
      { financialYear: 2024, quarter: 3 },
      { financialYear: 2024, quarter: 4 },
    ]);
  });

  it("is contiguous, ordered, and starts/ends with the quarters of the dates", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 3000 }), (start, days) => {
        const end = new Date(start.getTime() + days * 86_400_000);
        const qs = quartersBetween(start, end);
        expect(qs[0]).toEqual(quarterOf(start));
        expect(qs[qs.length - 1]).toEqual(quarterOf(end));
        for (let i = 1; i < qs.length; i++) expect(qs[i]).toEqual(nextQuarter(qs[i - 1]!));
      }),
    );
  });
});

describe("dueDateFor", () => {
  it("counts calendar days after the period end", () => {
    expect(iso(dueDateFor(d("2026-06-30"), 30))).toBe("2026-07-30");
    expect(iso(dueDateFor(d("2026-12-31"), 30))).toBe("2027-01-30");
    expect(iso(dueDateFor(d("2026-12-31"), 0))).toBe("2026-12-31");
  });

  it("handles February in leap and common years", () => {
    expect(iso(dueDateFor(d("2024-01-31"), 29))).toBe("2024-02-29");
    expect(iso(dueDateFor(d("2023-01-31"), 29))).toBe("2023-03-01");
    expect(iso(dueDateFor(d("2024-03-31"), 30))).toBe("2024-04-30");
  });

  it("ignores the time of day and rejects fractional days", () => {
    expect(iso(dueDateFor(new Date("2026-06-30T22:00:00Z"), 1))).toBe("2026-07-01");
    expect(dueDateFor(new Date("2026-06-30T22:00:00Z"), 1).getUTCHours()).toBe(0);
    expect(() => dueDateFor(d("2026-06-30"), 1.5)).toThrow(RangeError);
  });
});

describe("labels", () => {
  it("names quarters the way councils write them", () => {
    expect(quarterLabel(2026, 1)).toBe("Q1 2026/27");
    expect(quarterLabel(2099, 4)).toBe("Q4 2099/00");
    expect(quarterLabel(2008, 2)).toBe("Q2 2008/09");
    expect(financialYearLabel(2025)).toBe("2025/26");
  });
});

describe("hasQuarterEnded", () => {
  const q1 = { financialYear: 2026, quarter: 1 as const };
  it("a quarter ends at midnight in London after its last day: 23:00 UTC in summer time", () => {
    expect(hasQuarterEnded(q1, new Date("2026-06-30T22:59:59.999Z"))).toBe(false);
    expect(hasQuarterEnded(q1, new Date("2026-06-30T23:30:00.000Z"))).toBe(true);
    expect(hasQuarterEnded(q1, new Date("2026-07-01T00:00:00.000Z"))).toBe(true);
    expect(hasQuarterEnded(q1, d("2026-06-30"))).toBe(false);
    expect(hasQuarterEnded(q1, d("2026-07-01"))).toBe(true);
    expect(hasQuarterEnded(q1, d("2026-04-01"))).toBe(false);
  });
  it("in winter (GMT) at midnight UTC: Q3 ends after 31 December", () => {
    const q3 = { financialYear: 2026, quarter: 3 as const };
    expect(hasQuarterEnded(q3, new Date("2026-12-31T23:30:00.000Z"))).toBe(false);
    expect(hasQuarterEnded(q3, new Date("2026-12-31T23:59:59.999Z"))).toBe(false);
    expect(hasQuarterEnded(q3, new Date("2027-01-01T00:00:00.000Z"))).toBe(true);
  });
  it("Q4 ends after 29 February and 31 March in a leap year", () => {
    const q4 = { financialYear: 2023, quarter: 4 as const };
    expect(hasQuarterEnded(q4, d("2024-02-29"))).toBe(false);
    expect(hasQuarterEnded(q4, d("2024-03-31"))).toBe(false);
    expect(hasQuarterEnded(q4, d("2024-04-01"))).toBe(true);
  });
});

// Plan to date as every page computes it (app/domain/reporting/progress.ts), at a moment in time.
type PlanRow = { financialYear: number; quarter: number; targetQuantity: DecimalLike };
function planToDate(plan: PlanRow[], asOf: Date): number {
  const progress = computeProgress({
    kind: "numeric",
    plan: plan.map((p) => ({
      financialYear: p.financialYear,
      quarter: p.quarter,
      quantity: p.targetQuantity,
    })),
    acceptedReturns: [],
    confirmedPledges: [],
    current: currentQuarter(asOf),
  });
  return Number(progress.planToDate);
}
const planTotal = (plan: PlanRow[]) => Number(sumQuantities(plan.map((p) => p.targetQuantity)));

describe("planToDate (the pages' computeProgress)", () => {
  const plan = [
    { financialYear: 2026, quarter: 1, targetQuantity: 10 },
    { financialYear: 2026, quarter: 2, targetQuantity: "20.5" },
    { financialYear: 2026, quarter: 3, targetQuantity: { toString: () => "30" } },
    { financialYear: 2026, quarter: 4, targetQuantity: 40 },
    { financialYear: 2027, quarter: 1, targetQuantity: 50 },
  ];

  it("counts only quarters that have ended by the date", () => {
    expect(planToDate(plan, d("2026-04-01"))).toBe(0);
    expect(planToDate(plan, new Date("2026-06-30T22:59:59Z"))).toBe(0);
    // already 1 July in London (BST)
    expect(planToDate(plan, new Date("2026-06-30T23:30:00Z"))).toBe(10);
    expect(planToDate(plan, d("2026-07-01"))).toBe(10);
    expect(planToDate(plan, d("2026-12-31"))).toBe(30.5);
    expect(planToDate(plan, d("2027-01-01"))).toBe(60.5);
    expect(planToDate(plan, d("2027-03-31"))).toBe(60.5);
    expect(planToDate(plan, d("2027-04-01"))).toBe(100.5);
    expect(planToDate(plan, d("2030-01-01"))).toBe(150.5);
  });

  it("counts Q4 only after 29 February and 31 March in a leap year", () => {
    const leap = [
      { financialYear: 2023, quarter: 3, targetQuantity: 5 },
      { financialYear: 2023, quarter: 4, targetQuantity: 7 },
    ];
    expect(planToDate(leap, d("2024-02-29"))).toBe(5);
    // summer time began on 31 March 2024: from 23:00 UTC it is 1 April in London
    expect(planToDate(leap, new Date("2024-03-31T22:59:59.999Z"))).toBe(5);
    expect(planToDate(leap, new Date("2024-03-31T23:30:00.000Z"))).toBe(12);
    expect(planToDate(leap, d("2024-04-01"))).toBe(12);
  });

  it("ignores row order and adds decimals exactly", () => {
    const rows = [
      { financialYear: 2025, quarter: 2, targetQuantity: "0.2" },
      { financialYear: 2025, quarter: 1, targetQuantity: "0.1" },
    ];
    expect(planToDate(rows, d("2026-01-01"))).toBe(0.3);
    expect(planTotal(rows)).toBe(0.3);
  });

  it("an empty plan is zero", () => {
    expect(planToDate([], d("2026-01-01"))).toBe(0);
  });

  it("never decreases as time passes and never exceeds the plan total", () => {
    const rowArb = fc.record({
      financialYear: fc.integer({ min: 2020, max: 2030 }),
      quarter: fc.constantFrom(1, 2, 3, 4),
      targetQuantity: fc.integer({ min: 0, max: 100_000 }).map((n) => (n / 100).toFixed(2)),
    });
    const moment = fc.date({
      min: new Date("2019-01-01Z"),
      max: new Date("2032-01-01Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), moment, moment, (rows, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(planToDate(rows, early)).toBeLessThanOrEqual(planToDate(rows, late));
        expect(planToDate(rows, late)).toBeLessThanOrEqual(planTotal(rows));
      }),
    );
  });
});
