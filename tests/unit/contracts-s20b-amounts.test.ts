// A contract value typed "£ 1,500,000" (a space after the pound sign) was refused with "Enter the value in pounds",
// though "£1,500,000" was taken.
import { describe, expect, it } from "vitest";
import { parseAmount, parseQuantity } from "~/domain/contracts/values.ts";

describe("an amount in pounds", () => {
  it.each([
    ["£1,500,000", "1500000.00"],
    ["£ 1,500,000", "1500000.00"],
    [" £  250000.5 ", "250000.50"],
    ["1500000", "1500000.00"],
  ])("%j is read as %s", (typed, stored) => {
    expect(parseAmount(typed)).toBe(stored);
  });

  it.each(["£", "£ ", "£-5", "£ 1,5", "££5", "5£"])("%j is still refused", (typed) => {
    expect(parseAmount(typed)).toBeNull();
  });

  it("a quantity in pounds takes the same forms", () => {
    expect(parseQuantity("£ 2,000")).toBe("2000.00");
  });
});
