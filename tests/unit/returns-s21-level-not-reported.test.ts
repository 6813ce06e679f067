// A level (a percentage, aggregation "latest") nobody has reported: it showed "Not yet due" for ever, even once
// quarters with a plan had ended and their returns were owed, while a sum with nothing delivered against an
// ended quarter's plan shows "Behind". It is now behind too, once a quarter planned above zero has ended.
import { describe, expect, it } from "vitest";
import { computeProgress, RAG_LABELS, type QuarterQuantity } from "~/domain/reporting/progress.ts";

const q = (financialYear: number, quarter: number, quantity: number): QuarterQuantity => ({
  financialYear,
  quarter,
  quantity,
});
const plan = [q(2026, 1, 80), q(2026, 2, 85), q(2026, 3, 90), q(2026, 4, 95)];

function level(current: { financialYear: number; quarter: number }, overrides: object = {}) {
  return computeProgress({
    kind: "numeric",
    target: 95,
    plan,
    acceptedReturns: [],
    confirmedPledges: [],
    current,
    aggregation: "latest",
    ...overrides,
  });
}

describe("a level with nothing reported", () => {
  it("is behind once a planned quarter has ended, as an unreported sum is", () => {
    const p = level({ financialYear: 2026, quarter: 3 });
    expect(p).toMatchObject({ rag: "RED", reported: false, percent: null, planToDate: "85.00" });
    expect(RAG_LABELS[p.rag]).toBe("Behind");
    // the same commitment as a sum, with nothing delivered
    expect(level({ financialYear: 2026, quarter: 3 }, { aggregation: "sum" }).rag).toBe("RED");
  });

  it("is not yet due before its first planned quarter has ended", () => {
    expect(level({ financialYear: 2026, quarter: 1 }).rag).toBe("NOT_YET_DUE");
  });

  it("is not yet due while the latest ended quarter plans nothing", () => {
    const p = level({ financialYear: 2026, quarter: 2 }, { plan: [q(2026, 1, 0), q(2026, 2, 50)] });
    expect(p.rag).toBe("NOT_YET_DUE");
  });

  it("is not yet due with a target but no per-quarter plan to say when it is owed", () => {
    expect(level({ financialYear: 2027, quarter: 1 }, { plan: [] }).rag).toBe("NOT_YET_DUE");
  });

  it("stops at a terminated contract's last quarter like the plan to date does", () => {
    const p = level(
      { financialYear: 2027, quarter: 1 },
      { lastQuarter: { financialYear: 2026, quarter: 1 } },
    );
    expect(p).toMatchObject({ rag: "RED", planToDate: "80.00" });
  });

  it("once reported is judged on its figure, not marked behind for being unreported", () => {
    const p = level({ financialYear: 2026, quarter: 3 }, { acceptedReturns: [q(2026, 2, 84)] });
    expect(p).toMatchObject({ reported: true, rag: "GREEN", percent: 98.8 });
  });
});
