// A percentage target or plan may be written with its sign, as the return form already takes it: "95%" was
// refused by the commitment form and the import with "Enter a number of 0 or more", an error with nothing to fix.
import { describe, expect, it } from "vitest";
import { parsePlanText } from "~/domain/contracts/import-rows.ts";
import { commitmentSchema } from "~/domain/contracts/schemas.ts";
import { parseAmount, parseQuantity } from "~/domain/contracts/values.ts";

describe("a commitment's quantity", () => {
  it("may end with a per cent sign, once", () => {
    expect(parseQuantity("95%")).toBe("95.00");
    expect(parseQuantity(" 12.5 % ")).toBe("12.50");
    expect(parseQuantity("95")).toBe("95.00");
    expect(parseQuantity("95%%")).toBeNull();
    expect(parseQuantity("%95")).toBeNull();
    // a contract's value in pounds takes no per cent sign
    expect(parseAmount("95%")).toBeNull();
  });

  it("is read so on the commitment form and in an imported plan", () => {
    const parsed = commitmentSchema.safeParse({
      measureId: "m1",
      targetQuantity: "95%",
      plan: [{ quarter: "2026-1", quantity: "95%" }],
    });
    expect(parsed.success && parsed.data.targetQuantity).toBe("95.00");
    expect(parsed.success && parsed.data.plan[0]!.quantity).toBe("95.00");
    expect(parsePlanText("Q1 2026/27=90%; Q2 2026/27=95 %")).toEqual({
      ok: true,
      plan: [
        { financialYear: 2026, quarter: 1, quantity: "90.00" },
        { financialYear: 2026, quarter: 2, quantity: "95.00" },
      ],
    });
  });
});
