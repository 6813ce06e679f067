// A quarter of a delivery plan holds no more than a supplier's quarterly return may report for that unit (the
// returns' "sensible maxima"): a plan of 2,000,000 people in one quarter was accepted, a typing slip that no
// return could ever meet and that made the commitment's RAG red for its whole term.
import { describe, expect, it } from "vitest";
import { checkCommitment } from "~/domain/contracts/plan.ts";
import { QUARTER_MAXIMA } from "~/domain/reporting/returns-rules.ts";

const term = { startDate: new Date("2026-04-01Z"), endDate: new Date("2027-03-31Z") };

describe("a delivery plan quarter", () => {
  it("may hold up to what a quarter's return can report", () => {
    const max = String(QUARTER_MAXIMA.PEOPLE);
    const result = checkCommitment(
      { unit: "PEOPLE", targetQuantity: max, plan: [{ financialYear: 2026, quarter: 1, quantity: max }] },
      term,
    );
    expect(result.ok).toBe(true);
  });

  it("is refused above it, naming the quarter and the most allowed", () => {
    const result = checkCommitment(
      {
        unit: "PEOPLE",
        targetQuantity: "2000001",
        plan: [
          { financialYear: 2026, quarter: 1, quantity: "2000000" },
          { financialYear: 2026, quarter: 2, quantity: "1" },
        ],
      },
      term,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        plan: [
          "Q1 2026/27: plan 100,000 people or less for one quarter, the most a quarterly return can report",
        ],
      },
    });
  });

  it("of pounds may be large, as a return of pounds may", () => {
    const result = checkCommitment(
      {
        unit: "GBP",
        targetQuantity: "5000000",
        plan: [{ financialYear: 2026, quarter: 3, quantity: "5000000" }],
      },
      term,
    );
    expect(result.ok).toBe(true);
  });
});
