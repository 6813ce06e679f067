// A percentage nobody had reported read "Not yet due" on every page and report while its return was overdue, where
// a sum on the same contract read "Red: Behind": a percentage has no per-quarter plan to say when it is owed. The
// progress rule now takes the quarters whose return is overdue, and what would read "Not yet due" reads
// "Not reported (overdue)" once one of them has ended.
import { describe, expect, it } from "vitest";
import {
  computeProgress,
  progressStatus,
  progressStatusText,
  RAG_LABELS,
  type NumericProgressInput,
  type QuarterQuantity,
} from "~/domain/reporting/progress.ts";
import { contractProgressSummary, summariseByMeasure } from "~/domain/reporting/dashboard-totals.ts";

const q = (financialYear: number, quarter: number, quantity: number): QuarterQuantity => ({
  financialYear,
  quarter,
  quantity,
});
const Q1 = { financialYear: 2026, quarter: 1 };
const Q2 = { financialYear: 2026, quarter: 2 };
const Q3 = { financialYear: 2026, quarter: 3 };

/** "% of staff paid at least the Real Living Wage", 100% over the contract, no plan (percentages take none). */
const percentage = (overrides: Partial<NumericProgressInput> = {}) =>
  computeProgress({
    kind: "numeric",
    target: 100,
    plan: [],
    acceptedReturns: [],
    confirmedPledges: [],
    current: Q3,
    aggregation: "latest",
    ...overrides,
  });

describe("a figure whose return is overdue", () => {
  it("reads 'Not reported (overdue)' for a percentage nobody has reported", () => {
    const p = percentage({ overdueQuarters: [Q2] });
    expect(p).toMatchObject({ rag: "OVERDUE", reported: false, percent: null });
    expect(progressStatusText(progressStatus(p))).toBe("Not reported (overdue)");
    expect(RAG_LABELS.OVERDUE).toBe("Not reported (overdue)");
  });

  it("reads 'Not yet due' while no return is overdue, as before", () => {
    expect(percentage().rag).toBe("NOT_YET_DUE");
    expect(percentage({ overdueQuarters: [] }).rag).toBe("NOT_YET_DUE");
  });

  it("counts only a quarter ended by the as-of quarter (a report for an earlier quarter)", () => {
    // the report for Q1, read once Q2's return is overdue: Q1's figure is not what is owed
    expect(percentage({ current: Q2, overdueQuarters: [Q2] }).rag).toBe("NOT_YET_DUE");
    expect(percentage({ current: Q2, overdueQuarters: [Q1] }).rag).toBe("OVERDUE");
  });

  it("once reported is judged on its latest figure, an overdue return or not", () => {
    const p = percentage({ acceptedReturns: [q(2026, 1, 95)], overdueQuarters: [Q2] });
    expect(p).toMatchObject({ reported: true, rag: "GREEN", percent: 95 });
  });

  it("reads 'Not reported (overdue)' for a sum with nothing planned to date and nothing delivered", () => {
    const sum = computeProgress({
      kind: "numeric",
      target: 20,
      plan: [q(2026, 3, 10), q(2026, 4, 10)],
      acceptedReturns: [],
      confirmedPledges: [],
      current: Q3,
      overdueQuarters: [Q2],
    });
    expect(sum.rag).toBe("OVERDUE");
  });

  it("keeps red for a sum behind its plan, and green for one delivered early", () => {
    const base = {
      kind: "numeric" as const,
      target: 20,
      acceptedReturns: [],
      current: Q3,
      overdueQuarters: [Q2],
    };
    expect(
      computeProgress({ ...base, plan: [q(2026, 2, 10), q(2026, 3, 10)], confirmedPledges: [] }).rag,
    ).toBe("RED");
    expect(computeProgress({ ...base, plan: [q(2026, 3, 20)], confirmedPledges: [q(2026, 2, 5)] }).rag).toBe(
      "GREEN",
    );
  });

  it("is counted in the dashboard's statuses and heads a contract's summary after red", () => {
    const measure = {
      id: "m",
      code: "GRO-04",
      name: "Real Living Wage",
      unit: "PERCENT",
      proxyValueGbp: null,
    };
    const commitments = [{ id: "c1", targetQuantity: 100, measure }];
    const progress = new Map([["c1", percentage({ overdueQuarters: [Q2] })]]);
    expect(summariseByMeasure(commitments, progress)[0]!.statuses).toEqual({ OVERDUE: 1 });
    expect(contractProgressSummary(commitments, progress).worst).toBe("OVERDUE");
  });
});
