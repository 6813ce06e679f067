// A return's figure had every "£" and "%" taken off whatever the measure counted: "£40" against an hours measure
// was saved as 40 hours, "50%" against a measure in pounds as £50. Only a measure in pounds takes "£", and only a
// percentage takes "%"; any other sign is refused with what the measure is counted in.
import { describe, expect, it } from "vitest";
import { normaliseQuantity, quantityError } from "~/domain/reporting/returns-schema.ts";

describe("a return figure written with a sign", () => {
  it.each([
    ["£40", "HOURS", "Enter the amount for M without a £ sign: it is counted in hours, not pounds"],
    ["£ 40", "PEOPLE", "Enter the amount for M without a £ sign: it is counted in people, not pounds"],
    ["£95", "PERCENT", "Enter the amount for M without a £ sign: it is a percentage, not pounds"],
    ["50%", "GBP", "Enter the amount for M without a % sign: it is counted in pounds (£), not a percentage"],
    ["12%", "COUNT", "Enter the amount for M without a % sign: it is a count, not a percentage"],
    ["£5%", "WEEKS", "Enter the amount for M without a £ sign: it is counted in weeks, not pounds"],
  ] as const)("%j against %s is refused", (raw, unit, error) => {
    expect(quantityError(raw, unit, "M")).toBe(error);
  });

  it.each([
    ["£1,250.50", "GBP", "1250.50"],
    ["£ 40", "GBP", "40"],
    ["95%", "PERCENT", "95"],
    ["95 %", "PERCENT", "95"],
    ["1,250", "HOURS", "1250"],
  ] as const)("%j against %s is read as %s", (raw, unit, stored) => {
    expect(quantityError(raw, unit, "M")).toBeNull();
    expect(normaliseQuantity(raw, unit)).toBe(stored);
  });

  it("takes its own sign once, in its place", () => {
    expect(quantityError("40£", "GBP", "M")).toBe("Enter the amount for M as a number, like 12 or 12.5");
    expect(quantityError("%95", "PERCENT", "M")).toBe("Enter the amount for M as a number, like 12 or 12.5");
  });
});
