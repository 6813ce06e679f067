// A commitment's figure took "£" and "%" whatever its measure counted: "£500" against hours was read as 500 hours.
// Only a measure in pounds takes "£", only a percentage takes "%"; with no measure known yet, either is taken.
import { describe, expect, it } from "vitest";
import { parseImportRow, parsePlanText } from "~/domain/contracts/import-rows.ts";
import { quantityIn } from "~/domain/contracts/quantities.ts";
import { importRecord } from "../helpers/contract-forms.ts";

const target = { target: true } as const;

describe("a commitment's figure read in its measure's unit", () => {
  it.each([
    ["£500", "HOURS", "Enter the target without a £ sign: this measure is counted in hours, not pounds"],
    ["£ 95", "PERCENT", "Enter the target without a £ sign: this measure is a percentage, not pounds"],
    [
      "95%",
      "GBP",
      "Enter the target without a % sign: this measure is counted in pounds (£), not a percentage",
    ],
    ["12 %", "COUNT", "Enter the target without a % sign: this measure is a count, not a percentage"],
    [
      "£5%",
      "GBP",
      "Enter the target without a % sign: this measure is counted in pounds (£), not a percentage",
    ],
    [
      "lots",
      "WEEKS",
      "Enter the target as a number of 0 or more, with up to 2 decimal places: this measure is counted in weeks",
    ],
  ] as const)("%j against %s is refused", (typed, unit, message) => {
    expect(quantityIn(typed, unit, target)).toEqual({ ok: false, message });
  });

  it.each([
    ["£1,500", "GBP", "1500.00"],
    ["£ 1,500.5", "GBP", "1500.50"],
    ["95%", "PERCENT", "95.00"],
    ["95 %", "PERCENT", "95.00"],
    ["1,250", "HOURS", "1250.00"],
    ["£500", null, "500.00"],
    ["95%", null, "95.00"],
  ] as const)("%j against %s is read as %s", (typed, unit, quantity) => {
    expect(quantityIn(typed, unit, target)).toEqual({ ok: true, quantity });
  });

  it("takes a sign once, in its place", () => {
    for (const typed of ["££5", "5£", "%95", "95%%"])
      expect(quantityIn(typed, null, target).ok, typed).toBe(false);
  });

  it("names the quarter of a plan's figure, in the import as on the form", () => {
    expect(parsePlanText("Q1 2026/27=25; Q2 2026/27=£25", "HOURS")).toEqual({
      ok: false,
      messages: [
        "Enter the plan for Q2 2026/27 without a £ sign: this measure is counted in hours, not pounds",
      ],
    });
    expect(parsePlanText("Q1 2026/27=£25", "GBP")).toEqual({
      ok: true,
      plan: [{ financialYear: 2026, quarter: 1, quantity: "25.00" }],
    });
  });

  it("reads an imported row's target in the unit of its measure code", () => {
    const row = importRecord({ measure_code: "hrs-1", target_quantity: "£40" });
    const unitOf = (code: string) => (code === "HRS-1" ? ("HOURS" as const) : null);
    // toMatchObject: a refused row also says what of it could be read
    expect(parseImportRow(2, row, unitOf)).toMatchObject({
      ok: false,
      errors: [
        {
          line: 2,
          column: "target_quantity",
          message: "Enter the target without a £ sign: this measure is counted in hours, not pounds",
        },
      ],
    });
    // a code not in the library: the measure is reported later, the figure is taken as written
    expect(parseImportRow(2, { ...row, measure_code: "OTHER" }, unitOf).ok).toBe(true);
  });
});
