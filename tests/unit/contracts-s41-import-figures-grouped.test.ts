// A commitment's target or plan figure grouped other than by thousands ("1 5", "0,500") is told how to group it, by
// the commitment form and the contracts import alike (quantityIn), not only that it is not a number.
import { describe, expect, it } from "vitest";
import { parseImportRow, parsePlanText } from "~/domain/contracts/import-rows.ts";
import { quantityIn } from "~/domain/contracts/quantities.ts";
import { importRecord } from "../helpers/contract-forms.ts";

const GROUPING =
  "with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals";

describe("a badly grouped commitment figure", () => {
  it.each([
    ["1 5", "HOURS"],
    ["0,500", "COUNT"],
    ["£1 5", "GBP"],
    ["12,5%", "PERCENT"],
  ] as const)("%j for a measure in %s is told how to group it", (typed, unit) => {
    expect(quantityIn(typed, unit, { target: true })).toEqual({
      ok: false,
      message: `Enter the target ${GROUPING}`,
    });
  });

  it("is told so in the import's target column", () => {
    const result = parseImportRow(5, importRecord({ measure_code: "soc-01", target_quantity: "1 5" }));
    expect(!result.ok && result.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [5, "target_quantity", `Enter the target ${GROUPING}`],
    ]);
  });

  it("is told so in the import's delivery plan, naming the quarter", () => {
    expect(parsePlanText("Q1 2026/27=0 500", "HOURS")).toEqual({
      ok: false,
      messages: [`Enter the plan for Q1 2026/27 ${GROUPING}`],
    });
  });

  it("grouped rightly, is read", () => {
    expect(quantityIn("1 500", "HOURS", { target: true })).toEqual({ ok: true, quantity: "1500.00" });
    expect(parsePlanText("Q1 2026/27=1 500", "HOURS")).toMatchObject({ ok: true });
  });

  it("for a qualitative measure, is told to be left blank however it is written", () => {
    expect(quantityIn("1 5", "QUALITATIVE", { target: true })).toEqual({
      ok: false,
      message: "A qualitative measure has no numeric target: leave the target blank",
    });
  });
});
