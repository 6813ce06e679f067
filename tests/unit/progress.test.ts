import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeProgress,
  currentQuarter,
  formatHundredths,
  progressStatus,
  progressStatusText,
  ragFor,
  sumQuantities,
  toHundredths,
  type QuarterQuantity,
} from "~/domain/reporting/progress.ts";

const q = (financialYear: number, quarter: number, quantity: number | string): QuarterQuantity => ({
  financialYear,
  quarter,
  quantity,
});

// a four-quarter plan of 25 a quarter in 2026/27; "current" is Q3, so Q1 + Q2 (50) are due
const plan = [q(2026, 1, 25), q(2026, 2, 25), q(2026, 3, 25), q(2026, 4, 25)];
const current = { financialYear: 2026, quarter: 3 };

function numeric(
  acceptedReturns: QuarterQuantity[],
  confirmedPledges: QuarterQuantity[] = [],
  overrides: Partial<Parameters<typeof computeProgress>[0]> = {},
) {
  return computeProgress({
    kind: "numeric",
    target: 100,
    plan,
    acceptedReturns,
    confirmedPledges,
    current,
    ...overrides,
  } as Parameters<typeof computeProgress>[0] & { kind: "numeric" });
}

describe("plan to date", () => {
  it("counts only quarters that have ended, not the quarter in progress", () => {
    expect(numeric([]).planToDate).toBe("50.00");
  });

  it("counts the whole plan once the contract's quarters are all over", () => {
    expect(numeric([], [], { current: { financialYear: 2027, quarter: 1 } }).planToDate).toBe("100.00");
  });

  it("is zero before the first planned quarter ends", () => {
    expect(numeric([], [], { current: { financialYear: 2026, quarter: 1 } }).planToDate).toBe("0.00");
  });
});

describe("delivered to date: returns and pledges, never counted twice", () => {
  it("adds accepted return figures and confirmed pledges", () => {
    const p = numeric([q(2026, 1, 20), q(2026, 2, 10)], [q(2026, 2, 15)]);
    expect(p.fromReturns).toBe("30.00");
    expect(p.fromPledges).toBe("15.00");
    expect(p.deliveredToDate).toBe("45.00");
  });

  it("counts each confirmed pledge exactly once, however many returns cover its quarter", () => {
    // the return line holds only the supplier's own delivery (5); the pledge (15) is shown beside it
    const p = numeric([q(2026, 2, 5)], [q(2026, 2, 15)]);
    expect(p.deliveredToDate).toBe("20.00");
  });

  it("credits pledges delivered in the quarter in progress straight away", () => {
    const p = numeric([], [q(2026, 3, 10)]);
    expect(p.deliveredToDate).toBe("10.00");
  });

  it("ignores anything dated after the current quarter", () => {
    const p = numeric([q(2026, 4, 99)], [q(2027, 1, 99)]);
    expect(p.deliveredToDate).toBe("0.00");
  });

  it("sums decimals without floating-point drift", () => {
    const p = numeric([q(2026, 1, "0.1"), q(2026, 2, "0.2")], [], { plan: [q(2026, 1, "0.3")] });
    expect(p.deliveredToDate).toBe("0.30");
    expect(p.percent).toBe(100);
    expect(p.rag).toBe("GREEN");
  });

  it("accepts Prisma-Decimal-like objects", () => {
    const decimal = (s: string) => ({ toString: () => s });
    const p = numeric([q(2026, 1, 0), { financialYear: 2026, quarter: 2, quantity: decimal("12.34") }]);
    expect(p.deliveredToDate).toBe("12.34");
  });
});

describe("percentage and RAG", () => {
  it.each([
    [50, "GREEN", 100],
    [45, "GREEN", 90], // exactly 90% is green
    [44.99, "AMBER", 90], // 89.98% rounds to 90.0 for display but is amber
    [30, "AMBER", 60], // exactly 60% is amber
    [29.99, "RED", 60],
    [0, "RED", 0],
  ])("delivered %s of 50 planned is %s", (delivered, rag, percent) => {
    const p = numeric([q(2026, 1, delivered)]);
    expect(p.rag).toBe(rag);
    expect(p.percent).toBe(percent);
  });

  it("over-delivery is green, over 100% and flagged", () => {
    const p = numeric([q(2026, 1, 60)], [q(2026, 2, 15)]);
    expect(p.percent).toBe(150);
    expect(p.rag).toBe("GREEN");
    expect(p.overDelivered).toBe(true);
  });

  it("exactly on plan is not over-delivery", () => {
    expect(numeric([q(2026, 1, 50)]).overDelivered).toBe(false);
  });

  it("with nothing planned to date and nothing delivered it is 'not yet due', not red", () => {
    const p = numeric([], [], { current: { financialYear: 2026, quarter: 1 } });
    expect(p.percent).toBeNull();
    expect(p.rag).toBe("NOT_YET_DUE");
    expect(p.overDelivered).toBe(false);
  });

  it("with nothing planned to date, early delivery is green", () => {
    const p = numeric([], [q(2026, 1, 3)], { current: { financialYear: 2026, quarter: 1 } });
    expect(p.percent).toBeNull();
    expect(p.rag).toBe("GREEN");
  });

  it("with an empty plan and no target it still answers", () => {
    const p = numeric([q(2026, 1, 5)], [], { plan: [], target: null });
    expect(p.target).toBeNull();
    expect(p.rag).toBe("GREEN");
  });

  it("rounds the percentage to one decimal place", () => {
    expect(numeric([q(2026, 1, 1)], [], { plan: [q(2026, 1, 3)] }).percent).toBe(33.3);
    expect(numeric([q(2026, 1, 2)], [], { plan: [q(2026, 1, 3)] }).percent).toBe(66.7);
  });

  it("RAG agrees with the thresholds for any figures (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (d, p) => {
          const ratio = Number(d) / Number(p);
          const rag = ragFor(d, p);
          if (rag === "GREEN") expect(d * 100n >= p * 90n).toBe(true);
          if (rag === "AMBER") expect(d * 100n >= p * 60n && d * 100n < p * 90n).toBe(true);
          if (rag === "RED") expect(ratio < 0.6).toBe(true);
          expect(rag).not.toBe("NOT_YET_DUE");
        },
      ),
    );
  });

  it("delivered to date always equals returns plus pledges (property)", () => {
    const amount = fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 100).toFixed(2));
    const row = fc.record({
      financialYear: fc.constant(2026),
      quarter: fc.integer({ min: 1, max: 3 }),
      quantity: amount,
    });
    fc.assert(
      fc.property(fc.array(row), fc.array(row), (returns, pledges) => {
        const p = numeric(returns, pledges);
        const expected =
          toHundredths(sumQuantities(returns.map((r) => r.quantity))) +
          toHundredths(sumQuantities(pledges.map((r) => r.quantity)));
        expect(p.deliveredToDate).toBe(formatHundredths(expected));
      }),
    );
  });
});

describe("levels such as percentages (aggregation: latest)", () => {
  const level = (
    acceptedReturns: QuarterQuantity[],
    overrides: Partial<Parameters<typeof computeProgress>[0]> = {},
  ) =>
    numeric(acceptedReturns, [q(2026, 2, 40)], { aggregation: "latest", target: 95, plan: [], ...overrides });

  it("uses the most recent accepted figure, not the sum, and ignores pledges", () => {
    const p = level([q(2026, 2, 92), q(2026, 1, 80)]);
    expect(p.deliveredToDate).toBe("92.00");
    expect(p.fromPledges).toBe("0.00");
    expect(p.planToDate).toBe("95.00");
    expect(p.percent).toBe(96.8);
    expect(p.rag).toBe("GREEN");
  });

  it("compares with the latest ended quarter's plan when there is one", () => {
    const p = level([q(2026, 2, 50)], { plan: [q(2026, 1, 60), q(2026, 2, 80), q(2026, 3, 100)] });
    expect(p.planToDate).toBe("80.00");
    expect(p.rag).toBe("AMBER");
  });

  it("has no status, percentage or reported figure until a figure has been accepted", () => {
    const p = level([]);
    expect(p.rag).toBe("NOT_YET_DUE");
    expect(p.deliveredToDate).toBe("0.00");
    expect(p.reported).toBe(false);
    expect(p.percent).toBeNull();
    expect(level([q(2026, 1, 0)])).toMatchObject({ reported: true, percent: 0, rag: "RED" });
  });

  it("a sum is always reported, from 0", () => {
    expect(numeric([])).toMatchObject({ reported: true, deliveredToDate: "0.00", percent: 0, rag: "RED" });
  });

  it("a level well under target is red", () => {
    expect(level([q(2026, 1, 40)]).rag).toBe("RED");
  });
});

describe("qualitative commitments", () => {
  it("are NOT_REPORTED until an accepted return carries a narrative", () => {
    const p = computeProgress({ kind: "qualitative", reportedQuarters: [], current });
    expect(p).toEqual({ kind: "qualitative", status: "NOT_REPORTED", reportedQuarterCount: 0 });
    expect(progressStatus(p)).toBe("NOT_REPORTED");
  });

  it("are REPORTED once one has, counting each quarter once", () => {
    const p = computeProgress({
      kind: "qualitative",
      reportedQuarters: [
        { financialYear: 2026, quarter: 1 },
        { financialYear: 2026, quarter: 1 },
        { financialYear: 2026, quarter: 2 },
      ],
      current,
    });
    expect(p.status).toBe("REPORTED");
    expect(p.reportedQuarterCount).toBe(2);
  });

  it("ignore reports dated after the current quarter", () => {
    const p = computeProgress({
      kind: "qualitative",
      reportedQuarters: [{ financialYear: 2027, quarter: 1 }],
      current,
    });
    expect(p.status).toBe("NOT_REPORTED");
  });

  it("read OVERDUE, as numeric figures do, once a quarter whose return is overdue has ended with nothing reported", () => {
    const overdue = computeProgress({
      kind: "qualitative",
      reportedQuarters: [],
      current,
      overdueQuarters: [{ financialYear: 2026, quarter: 1 }],
    });
    expect(overdue.status).toBe("OVERDUE");
    expect(progressStatusText(progressStatus(overdue))).toBe("Not reported (overdue)");
    // the quarter being worked in is not over, so its return cannot be overdue yet
    const running = computeProgress({
      kind: "qualitative",
      reportedQuarters: [],
      current,
      overdueQuarters: [current],
    });
    expect(running.status).toBe("NOT_REPORTED");
    // something reported is reported, though a later quarter's return is late
    const reported = computeProgress({
      kind: "qualitative",
      reportedQuarters: [{ financialYear: 2026, quarter: 1 }],
      current,
      overdueQuarters: [{ financialYear: 2026, quarter: 2 }],
    });
    expect(reported.status).toBe("REPORTED");
  });
});

describe("decimal handling", () => {
  it.each([
    ["12", 1200n],
    ["12.5", 1250n],
    ["12.345", 1235n],
    ["12.344", 1234n],
    [".5", 50n],
    ["0", 0n],
    ["-1.25", -125n],
    [0.1, 10n],
    [1e12, 10n ** 14n],
  ])("%s is %s hundredths", (input, hundredths) => {
    expect(toHundredths(input)).toBe(hundredths);
  });

  it.each(["", "abc", "1e3", "1.2.3", "."])("rejects %j", (input) => {
    expect(() => toHundredths(input)).toThrow(RangeError);
  });

  it("rejects non-finite numbers", () => {
    expect(() => toHundredths(Number.NaN)).toThrow(RangeError);
    expect(() => toHundredths(Infinity)).toThrow(RangeError);
  });

  it("formats hundredths", () => {
    expect(formatHundredths(5n)).toBe("0.05");
    expect(formatHundredths(-105n)).toBe("-1.05");
    expect(formatHundredths(123456n)).toBe("1234.56");
  });

  it("rejects a quarter that does not exist", () => {
    expect(() => numeric([q(2026, 5, 1)])).toThrow(RangeError);
  });
});

describe("currentQuarter", () => {
  it("uses the council's financial year", () => {
    expect(currentQuarter(new Date("2026-04-01T00:00:00Z"))).toEqual({ financialYear: 2026, quarter: 1 });
    expect(currentQuarter(new Date("2027-03-31T22:59:59Z"))).toEqual({ financialYear: 2026, quarter: 4 });
    // summer time began on 28 March 2027: at 23:30 UTC on 31 March it is 1 April in London
    expect(currentQuarter(new Date("2027-03-31T23:30:00Z"))).toEqual({ financialYear: 2027, quarter: 1 });
  });
});
