// Plan to date and the committed figure of a contract terminated early (decision 025): pure rules.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  effectiveEndDate,
  lastPlannedQuarter,
  TERMINATION_MESSAGES,
  terminationProblem,
} from "~/domain/contracts/termination.ts";
import { computeProgress } from "~/domain/reporting/progress.ts";
import { CommitmentProgressTable } from "~/routes/contracts.$id._index/commitment-progress.tsx";

// 2026/27 plan: 40 a quarter, target 160; the contract was terminated in `last`
const q = (quarter: number, quantity: string | number, financialYear = 2026) => ({
  financialYear,
  quarter,
  quantity,
});
const plan = [q(1, 40), q(2, 40), q(3, 40), q(4, 40)];
const numeric = (current: number, last: number | null, delivered: ReturnType<typeof q>[] = []) =>
  computeProgress({
    kind: "numeric",
    target: 160,
    plan,
    acceptedReturns: delivered,
    confirmedPledges: [],
    current: { financialYear: 2026, quarter: current },
    lastQuarter: last === null ? null : { financialYear: 2026, quarter: last },
  });

describe("plan to date of a terminated contract", () => {
  it("a contract that was not terminated keeps its whole plan and target", () => {
    const p = numeric(4, null, [q(1, 40), q(2, 40), q(3, 40)]);
    expect(p).toMatchObject({ planToDate: "120.00", committed: "160.00", target: "160.00", rag: "GREEN" });
  });

  it("terminated in a quarter before the current one: later quarters' plan no longer counts", () => {
    // terminated in Q2, now Q4: plan to date is Q1 + Q2, not Q1..Q3
    const p = numeric(4, 2, [q(1, 40), q(2, 36)]);
    expect(p).toMatchObject({
      planToDate: "80.00",
      committed: "80.00",
      target: "160.00",
      deliveredToDate: "76.00",
      percent: 95,
      rag: "GREEN",
    });
    // the next year changes nothing: the plan stopped
    const later = computeProgress({
      kind: "numeric",
      target: 160,
      plan,
      acceptedReturns: [q(1, 40), q(2, 36)],
      confirmedPledges: [],
      current: { financialYear: 2028, quarter: 3 },
      lastQuarter: { financialYear: 2026, quarter: 2 },
    });
    expect(later).toMatchObject({ planToDate: "80.00", committed: "80.00", rag: "GREEN" });
  });

  it("the quarter holding the termination date counts once it has ended, as an end date's quarter does", () => {
    // terminated in Q2, now Q3: Q2 has ended, so its plan is due
    expect(numeric(3, 2, [q(1, 40), q(2, 10)])).toMatchObject({
      planToDate: "80.00",
      percent: 62.5,
      rag: "AMBER",
    });
  });

  it("terminated in the current quarter: plan to date is the ended quarters', as for any live contract", () => {
    const p = numeric(2, 2, [q(1, 40)]);
    expect(p).toMatchObject({ planToDate: "40.00", committed: "80.00", rag: "GREEN" });
  });

  it("terminated in its first quarter: nothing is due until that quarter ends, then only that quarter", () => {
    expect(numeric(1, 1)).toMatchObject({ planToDate: "0.00", committed: "40.00", rag: "NOT_YET_DUE" });
    expect(numeric(2, 1)).toMatchObject({ planToDate: "40.00", committed: "40.00", rag: "RED" });
  });

  it("delivery after the termination quarter is still counted (nothing delivered is thrown away)", () => {
    expect(numeric(4, 1, [q(1, 30), q(2, 10)])).toMatchObject({
      planToDate: "40.00",
      deliveredToDate: "40.00",
      rag: "GREEN",
    });
  });

  it("a level (a percentage) keeps its target, and its plan to date stops at the last quarter's", () => {
    const p = computeProgress({
      kind: "numeric",
      aggregation: "latest",
      target: 95,
      plan: [q(1, 90), q(2, 95), q(3, 100)],
      acceptedReturns: [q(1, 92)],
      confirmedPledges: [],
      current: { financialYear: 2026, quarter: 4 },
      lastQuarter: { financialYear: 2026, quarter: 1 },
    });
    expect(p).toMatchObject({ planToDate: "90.00", committed: "95.00", deliveredToDate: "92.00" });
  });
});

describe("the termination date", () => {
  const term = { startDate: "2026-04-01", endDate: "2027-03-31" };
  it("is required for a terminated contract and must lie within its term (both ends included)", () => {
    expect(terminationProblem({ ...term, status: "TERMINATED" })).toBe(TERMINATION_MESSAGES.missing);
    expect(terminationProblem({ ...term, status: "TERMINATED", terminatedOn: "2026-03-31" })).toBe(
      TERMINATION_MESSAGES.beforeStart,
    );
    expect(terminationProblem({ ...term, status: "TERMINATED", terminatedOn: "2027-04-01" })).toBe(
      TERMINATION_MESSAGES.afterEnd,
    );
    for (const day of ["2026-04-01", "2026-08-15", "2027-03-31"])
      expect(terminationProblem({ ...term, status: "TERMINATED", terminatedOn: day })).toBeNull();
  });

  it("is not asked of any other status", () => {
    for (const status of ["ACTIVE", "ENDED", "PIPELINE"] as const)
      expect(terminationProblem({ ...term, status, terminatedOn: "1999-01-01" })).toBeNull();
  });

  it("gives the last quarter the plan counts for, across a year end", () => {
    expect(lastPlannedQuarter({ terminatedOn: null })).toBeNull();
    expect(lastPlannedQuarter({ terminatedOn: new Date("2027-01-01") })).toEqual({
      financialYear: 2026,
      quarter: 4,
    });
    expect(lastPlannedQuarter({ terminatedOn: new Date("2027-03-31") })).toEqual({
      financialYear: 2026,
      quarter: 4,
    });
    expect(lastPlannedQuarter({ terminatedOn: new Date("2027-04-01") })).toEqual({
      financialYear: 2027,
      quarter: 1,
    });
    const end = new Date("2028-03-31");
    expect(effectiveEndDate({ endDate: end, terminatedOn: null })).toBe(end);
    expect(effectiveEndDate({ endDate: end, terminatedOn: new Date("2026-08-15") })).toEqual(
      new Date("2026-08-15"),
    );
  });
});

describe("the commitments table", () => {
  const render = (last: number | null) =>
    renderToStaticMarkup(
      createElement(CommitmentProgressTable, {
        caption: "Commitments",
        commitments: [
          {
            id: "c1",
            measure: { code: "SOC-01", name: "Volunteering hours", unit: "HOURS" },
            targetQuantity: "160.00",
            qualitativeText: null,
            progress: numeric(4, last),
          },
        ],
      }),
    );

  it("shows what a terminated contract is held to beside the whole term's target", () => {
    expect(render(2)).toContain("80 hours up to its termination");
    expect(render(null)).not.toContain("up to its termination");
  });
});
