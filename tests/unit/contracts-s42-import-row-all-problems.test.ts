// A row of a contracts import with a bad value in one column was not checked across its columns: an end date
// before the start, an award after the end, no supplier or no measure for a commitment were told only once that
// value was fixed and the file uploaded again. Each row now tells every problem at once, in the order of its
// columns, each check across columns made on the columns that could be read.
import { describe, expect, it } from "vitest";
import { parseImportRow } from "~/domain/contracts/import-rows.ts";
import { checkCommitment } from "~/domain/contracts/plan.ts";
import { AWARDED_AFTER_END } from "~/domain/contracts/schemas.ts";
import { importRecord as record } from "../helpers/contract-forms.ts";

const problems = (result: ReturnType<typeof parseImportRow>) =>
  result.ok ? [] : result.errors.map((e) => `${e.line} ${e.column}: ${e.message}`);

const BAD_VALUE = "value_gbp: Enter the value in pounds, for example 250000";
const BAD_DAY = "Enter a real date as 2026-04-01 or 01/04/2026";
const END_BEFORE_START = "end_date: The end date must be on or after the start date";
const NO_SUPPLIER = "supplier_company_number: Enter the supplier's company number or name";
const NO_MEASURE = "measure_code: Enter the measure code this commitment is measured by";

describe("a row with a problem in one column", () => {
  it("still says its end date is before its start date", () => {
    const result = parseImportRow(2, record({ value_gbp: "abc", end_date: "2025-03-31" }));
    expect(problems(result)).toEqual([`2 ${BAD_VALUE}`, `2 ${END_BEFORE_START}`]);
  });

  it("still says its award date is after its end date, before the start date's own problem", () => {
    const result = parseImportRow(
      3,
      record({ awarded_on: "2027-06-01", start_date: "2026-02-30", end_date: "2027-03-31" }),
    );
    expect(problems(result)).toEqual([`3 awarded_on: ${AWARDED_AFTER_END}`, `3 start_date: ${BAD_DAY}`]);
  });

  it("tells an unreadable award date and the end date before the start, each once", () => {
    const result = parseImportRow(4, record({ awarded_on: "2026-02-30", end_date: "2025-03-31" }));
    expect(problems(result)).toEqual([`4 awarded_on: ${BAD_DAY}`, `4 ${END_BEFORE_START}`]);
  });

  it("still asks for a supplier and a measure code, in the order of the columns", () => {
    const result = parseImportRow(
      5,
      record({ supplier_company_number: "", contract_manager_email: "nobody", target_quantity: "5" }),
    );
    expect(problems(result)).toEqual([
      `5 ${NO_SUPPLIER}`,
      "5 contract_manager_email: Enter an email address like name@council.gov.uk",
      `5 ${NO_MEASURE}`,
    ]);
  });

  it("asks for the measure of a target that cannot be read, with the target's own problem", () => {
    const result = parseImportRow(6, record({ target_quantity: "lots" }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.column)).toEqual(["measure_code", "target_quantity"]);
  });

  it("does not ask for a supplier that is given but too long, nor order dates it cannot read", () => {
    const result = parseImportRow(
      7,
      record({ supplier_company_number: "", supplier_name: "x".repeat(201), end_date: "31/02/2027" }),
    );
    expect(problems(result)).toEqual([
      "7 supplier_name: Must be 200 characters or fewer",
      `7 end_date: ${BAD_DAY}`,
    ]);
  });

  it("tells only the end date when it is both before the start and before the award, as before", () => {
    const result = parseImportRow(8, record({ awarded_on: "2026-03-01", end_date: "2025-03-31" }));
    expect(problems(result)).toEqual([`8 ${END_BEFORE_START}`]);
  });

  it("comes back with the columns that could be read, for the checks against the council's records", () => {
    const result = parseImportRow(
      9,
      record({
        value_gbp: "abc",
        measure_code: "soc-01",
        target_quantity: "10",
        delivery_plan: "Q1 2026/27=5",
      }),
      (code) => (code === "SOC-01" ? "HOURS" : null),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.read).not.toHaveProperty("value_gbp");
    expect(result.read).toMatchObject({
      start_date: "2026-04-01",
      end_date: "2027-03-31",
      measure_code: "SOC-01",
      target_quantity: "10.00",
      delivery_plan: [{ financialYear: 2026, quarter: 1, quantity: "5.00" }],
    });
  });
});

describe("a row with no problem", () => {
  it("is still read whole", () => {
    const result = parseImportRow(2, record({ awarded_on: "2026-02-01" }));
    expect(result.ok && result.row).toMatchObject({ awarded_on: "2026-02-01", value_gbp: "1000.00" });
  });
});

describe("a commitment of a row whose dates cannot be read", () => {
  it("is checked for its total without a term, so no quarter is said to be outside it", () => {
    const plan = [
      { financialYear: 2026, quarter: 1, quantity: "5" },
      { financialYear: 2040, quarter: 1, quantity: "2" },
    ];
    expect(checkCommitment({ unit: "HOURS", targetQuantity: "10", plan }, null)).toEqual({
      ok: false,
      errors: {
        plan: ["The quarterly plan adds up to 7 hours but the target is 10 hours: they must be equal"],
      },
    });
    expect(checkCommitment({ unit: "HOURS", targetQuantity: "7", plan }, null).ok).toBe(true);
  });
});
