// ".5" is how many people write a half. A return's figure, a commitment's target or plan and a contract's value
// refused it ("Enter the amount … as a number, like 12 or 12.5", to someone who had typed a number); each reader
// now takes it as 0.5, and still refuses a point with no digits after it or nothing but a point.
import { describe, expect, it } from "vitest";
import { parseAmount, parseDecimal } from "~/domain/contracts/values.ts";
import { normaliseQuantity, quantityError } from "~/domain/reporting/returns-schema.ts";

describe("a figure written with a leading point", () => {
  it("is read by a return's figure as 0.5, in pounds too", () => {
    expect(quantityError(".5", "HOURS", "Volunteering")).toBeNull();
    expect(normaliseQuantity(".5", "HOURS")).toBe("0.5");
    expect(quantityError("£.75", "GBP", "Local spend")).toBeNull();
    expect(normaliseQuantity("£.75", "GBP")).toBe("0.75");
  });

  it("is read by a commitment's or a contract's figures", () => {
    expect(parseDecimal(".5")).toBe("0.50");
    expect(parseAmount("£.05")).toBe("0.05");
  });

  it.each([".", "5.", "..5", ".555"])("still refuses %j", (typed) => {
    expect(quantityError(typed, "HOURS", "Volunteering")).not.toBeNull();
    expect(parseDecimal(typed)).toBeNull();
  });
});
