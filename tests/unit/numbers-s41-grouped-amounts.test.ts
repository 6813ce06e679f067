// A contract value or a return's figure typed "1 500 000" was refused (or, in a return, "1 5" was saved as 15),
// though a request's quantity took "1 500": every number typed into the portal now follows one rule, thousands
// grouped by commas or by single spaces (a no-break or narrow no-break space too, as pasted from Word or Excel),
// and a figure grouped anywhere else is refused with its field's message. An amount in pounds saved as "1250.5"
// came back into its form as "1250.5": it now comes back as "1,250.50".
import { describe, expect, it } from "vitest";
import { contractSchema, contractValueProblem } from "~/domain/contracts/schemas.ts";
import { isTooLargeNumber, parseAmount, parseQuantity } from "~/domain/contracts/values.ts";
import { quantityIn } from "~/domain/contracts/quantities.ts";
import { amountForForm, figureForForm, isBadlyGrouped } from "~/domain/numbers.ts";
import { returnFigureForForm, normaliseQuantity, quantityError } from "~/domain/reporting/returns-schema.ts";

const NBSP = "\u00a0";
const NARROW = "\u202f";
const BADLY_GROUPED = ["1 5", "15 00", "1,5 00", "1 500,000", "1  500", "12 34 5"];
const CONTRACT_VALUE = "Enter the value in pounds, for example 250000";
const GROUPING =
  "Enter the amount for M with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals";

describe("a contract value", () => {
  it.each([
    ["1 500 000", "1500000.00"],
    ["£1 500 000", "1500000.00"],
    ["£ 1 500 000.5", "1500000.50"],
    ["1,500,000", "1500000.00"],
    [`£1${NBSP}500${NBSP}000`, "1500000.00"],
    [`1${NARROW}250.75`, "1250.75"],
  ])("%j is read as %s", (typed, stored) => {
    expect(parseAmount(typed)).toBe(stored);
  });

  it.each(BADLY_GROUPED)("%j is refused as not a value in pounds", (typed) => {
    expect(parseAmount(typed)).toBeNull();
    expect(contractValueProblem(typed)).toBe(CONTRACT_VALUE);
  });

  it("grouped with spaces is told its limit and its pence as one with commas is", () => {
    expect(isTooLargeNumber("£2 000 000 000 000")).toBe(true);
    expect(contractValueProblem("£2 000 000 000 000")).toBe(
      "The contract value must be £999,999,999,999.99 or less",
    );
    expect(contractValueProblem("1 250.505")).toBe(
      "The contract value can have up to 2 decimal places (pence), for example 250000.50",
    );
  });

  it("is taken by the contract form grouped with spaces, and refused badly grouped", () => {
    const form = (valueGbp: string) =>
      contractSchema.safeParse({
        reference: "NCC-1",
        title: "Highways",
        supplierOrganisationId: "s1",
        department: "Highways",
        valueGbp,
        startDate: "2026-04-01",
        endDate: "2027-03-31",
        status: "ACTIVE",
      });
    const taken = form("£1 500 000");
    expect(taken.error?.issues ?? []).toEqual([]);
    expect(taken.data?.valueGbp).toBe("1500000.00");
    const refused = form("15 00");
    expect(refused.error?.issues.filter((i) => i.path[0] === "valueGbp").map((i) => i.message)).toEqual([
      CONTRACT_VALUE,
    ]);
  });
});

describe("a commitment's figure", () => {
  it("takes thousands grouped with spaces, and refuses them badly grouped", () => {
    expect(parseQuantity("£ 2 000")).toBe("2000.00");
    expect(parseQuantity("1 500 %")).toBe("1500.00");
    expect(quantityIn("1 500", "HOURS", { target: true })).toEqual({ ok: true, quantity: "1500.00" });
    expect(parseQuantity("1 5")).toBeNull();
  });
});

describe("a return's figure", () => {
  it.each([
    ["1 500 000", "GBP", "1500000"],
    ["£1 500 000", "GBP", "1500000"],
    ["£ 1 250.5", "GBP", "1250.5"],
    [`£1${NBSP}500${NBSP}000`, "GBP", "1500000"],
    [`1${NARROW}500`, "HOURS", "1500"],
    ["1,500", "HOURS", "1500"],
    [" 95 % ", "PERCENT", "95"],
  ] as const)("%j against %s is taken, as %s", (typed, unit, stored) => {
    expect(quantityError(typed, unit, "M")).toBeNull();
    expect(normaliseQuantity(typed, unit)).toBe(stored);
  });

  it.each(BADLY_GROUPED)("%j is refused for its grouping, not saved as another number", (typed) => {
    expect(quantityError(typed, "HOURS", "M")).toBe(GROUPING);
    expect(quantityError(`£${typed}`, "GBP", "M")).toBe(GROUPING);
  });

  it("words with spaces in them are still told to be a number", () => {
    expect(quantityError("twelve hours", "HOURS", "M")).toBe(
      "Enter the amount for M as a number, like 12 or 12.5",
    );
    expect(quantityError("12 hours", "HOURS", "M")).toBe(
      "Enter the amount for M as a number, like 12 or 12.5",
    );
  });
});

describe("a number typed with separators in the wrong places", () => {
  it.each(BADLY_GROUPED)("%j is badly grouped", (typed) => {
    expect(isBadlyGrouped(typed)).toBe(true);
  });

  it.each(["1 500", "1,500", "1500", "twelve", "12 hours", ""])("%j is not", (typed) => {
    expect(isBadlyGrouped(typed)).toBe(false);
  });
});

describe("a stored figure shown again in its form", () => {
  it.each([
    ["1250.5", "1,250.50"],
    ["1250.50", "1,250.50"],
    ["1500000", "1,500,000.00"],
    ["0.5", "0.50"],
    ["0", "0.00"],
    ["999", "999.00"],
  ])("an amount in pounds %j is shown as %j", (stored, shown) => {
    expect(amountForForm(stored)).toBe(shown);
  });

  it("a figure in another unit keeps its own decimals, grouped", () => {
    expect(figureForForm("1500")).toBe("1,500");
    expect(figureForForm("12.50")).toBe("12.5");
    expect(figureForForm(1250.5)).toBe("1,250.5");
    expect(figureForForm("not a number")).toBe("not a number");
  });

  it("a return's figure is shown by its unit, and reads back as what was stored", () => {
    expect(returnFigureForForm("1250.5", "GBP")).toBe("1,250.50");
    expect(returnFigureForForm("1500", "HOURS")).toBe("1,500");
    expect(returnFigureForForm("95", "PERCENT")).toBe("95");
    expect(returnFigureForForm(null, "HOURS")).toBe("");
    expect(normaliseQuantity(returnFigureForForm("1250.5", "GBP"), "GBP")).toBe("1250.50");
  });
});
