// A contract value or a return's figure typed "1 500 000" was refused (or, in a return, "1 5" was saved as 15),
// though a request's quantity took "1 500": every number typed into the portal now follows one rule, thousands
// grouped by commas or by single spaces (a no-break or narrow no-break space too, as pasted from Word or Excel),
// and a figure grouped anywhere else is refused with its field's message. An amount in pounds saved as "1250.5"
// came back into its form as "1250.5": it now comes back as "1,250.50".
import { describe, expect, it } from "vitest";
import {
  commitmentSchemaFor,
  contractSchema,
  contractValueProblem,
  measureSchema,
} from "~/domain/contracts/schemas.ts";
import { isTooLargeNumber, parseAmount, parseQuantity } from "~/domain/contracts/values.ts";
import { quantityIn } from "~/domain/contracts/quantities.ts";
import {
  amountForForm,
  asWritten,
  figureForForm,
  isBadlyGrouped,
  withoutThousandsSeparators,
} from "~/domain/numbers.ts";
import { returnFigureForForm, normaliseQuantity, quantityError } from "~/domain/reporting/returns-schema.ts";

const NBSP = "\u00a0";
const NARROW = "\u202f";
const BADLY_GROUPED = ["1 5", "15 00", "1,5 00", "1 500,000", "1  500", "12 34 5"];
const CONTRACT_VALUE =
  "Enter the contract value with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals";
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

  it.each(BADLY_GROUPED)("%j is refused, told how to group a value in pounds", (typed) => {
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

// A leading group of zeros was taken for a group of thousands: "0,500" (half a pound, as European notation writes
// it) was read as 500, a thousand times what was meant, and "0 500" or "000 500" as 500 too. A grouped number's
// first group is now one to three digits not starting with 0; a number written without separators reads as before.
const LEADING_ZEROS = [
  "0,500",
  "0 500",
  "000 500",
  "00,500",
  "0,500.5",
  "0 500 000",
  `0${NBSP}500`,
  "-0,500",
];

describe("a number grouped after a leading 0", () => {
  it.each(LEADING_ZEROS)("%j is badly grouped, not read as a number", (typed) => {
    expect(withoutThousandsSeparators(typed)).toBeNull();
    expect(isBadlyGrouped(typed)).toBe(true);
    expect(asWritten(typed)).toBeNaN();
    expect(parseAmount(typed)).toBeNull();
    expect(parseQuantity(typed)).toBeNull();
  });

  it.each(LEADING_ZEROS.filter((t) => !t.startsWith("-")))(
    "%j is told how to group it, as a contract value, a return's figure and a commitment's figure",
    (typed) => {
      expect(contractValueProblem(typed)).toBe(CONTRACT_VALUE);
      expect(contractValueProblem(`£${typed}`)).toBe(CONTRACT_VALUE);
      expect(quantityError(typed, "HOURS", "M")).toBe(GROUPING);
      expect(quantityError(`£${typed}`, "GBP", "M")).toBe(GROUPING);
      const read = commitmentSchemaFor("HOURS").safeParse({ measureId: "m", targetQuantity: typed });
      expect(read.error?.issues.map((i) => i.message)).toEqual([TARGET_GROUPING]);
    },
  );

  it.each([
    ["0", 0, "0.00"],
    ["0.5", 0.5, "0.50"],
    [".5", 0.5, "0.50"],
    ["0500", 500, "500.00"],
    ["500", 500, "500.00"],
    ["1,500", 1500, "1500.00"],
    ["100 000", 100000, "100000.00"],
    ["999,999.5", 999999.5, "999999.50"],
  ] as const)("%j, not grouped after a 0, reads as before", (typed, number, amount) => {
    expect(isBadlyGrouped(typed)).toBe(false);
    expect(asWritten(typed)).toBe(number);
    expect(parseAmount(typed)).toBe(amount);
  });
});

const TARGET_GROUPING =
  "Enter the target with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals";

// A contract value typed "1 5" was told "Enter the value in pounds, for example 250000", while a return's figure
// said how to group it: a contract value, a proxy value and a commitment's target and plan now say so too.
describe("a figure grouped wrongly in a contract's forms is told how to group it", () => {
  it.each(["1 5", "£1 5", "£ 12,5", "15 00", "1,5 00"])("a contract value %j", (typed) => {
    expect(contractValueProblem(typed)).toBe(CONTRACT_VALUE);
  });

  it("before its other problems, and only when it is a number grouped wrongly", () => {
    expect(contractValueProblem("-1 5")).toBe(CONTRACT_VALUE);
    expect(contractValueProblem("-5")).toBe("The contract value must be £0 or more");
    expect(contractValueProblem("lots")).toBe("Enter the value in pounds, for example 250000");
    expect(contractValueProblem("12 hours")).toBe("Enter the value in pounds, for example 250000");
  });

  it("a proxy value", () => {
    const measure = (proxyValueGbp: string) =>
      measureSchema.safeParse({ code: "JOB-1", name: "Jobs", theme: "JOBS", unit: "PEOPLE", proxyValueGbp });
    const told = (typed: string) =>
      measure(typed)
        .error?.issues.filter((i) => i.path[0] === "proxyValueGbp")
        .map((i) => i.message);
    expect(told("14,50")).toEqual([
      "Enter the proxy value with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals",
    ]);
    expect(told("£0,500")).toEqual([
      "Enter the proxy value with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals",
    ]);
    expect(told("fourteen")).toEqual(["Enter the value in pounds, for example 14.50"]);
    expect(measure("£14 500").data?.proxyValueGbp).toBe("14500.00");
  });

  it("a commitment's target and plan, in the measure's unit, with or without its sign", () => {
    const form = (targetQuantity: string, quantity: string, unit: "HOURS" | "GBP" | "PERCENT" | null) =>
      commitmentSchemaFor(unit).safeParse({
        measureId: "m",
        targetQuantity,
        plan: [{ quarter: "2026-1", quantity }],
      });
    const told = (read: ReturnType<typeof form>) =>
      read.error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(told(form("1 5", "12,5", "HOURS"))).toEqual([
      ["targetQuantity", TARGET_GROUPING],
      [
        "plan.0.quantity",
        "Enter the plan for Q1 2026/27 with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals",
      ],
    ]);
    expect(told(form("£1 5", "£ 2,5", "GBP"))?.map(([path]) => path)).toEqual([
      "targetQuantity",
      "plan.0.quantity",
    ]);
    expect(told(form("9,5 %", "10", "PERCENT"))).toEqual([["targetQuantity", TARGET_GROUPING]]);
    expect(told(form("1 5", "10", null))).toEqual([["targetQuantity", TARGET_GROUPING]]);
    // well grouped, it is read; words are still told to be a number
    expect(form("£1 250.50", "£1,250.50", "GBP").data).toMatchObject({
      targetQuantity: "1250.50",
      plan: [{ quarter: "2026-1", quantity: "1250.50" }],
    });
    expect(told(form("lots", "10", "HOURS"))).toEqual([
      [
        "targetQuantity",
        "Enter the target as a number of 0 or more, with up to 2 decimal places: this measure is counted in hours",
      ],
    ]);
  });
});
