// A delivery plan's financial year was read only as "2026/27": "Q1 2026-27=25" or "Q1 2026/2027=25", as councils
// (and GOV.UK, "2026-27") also write it, refused a whole file of otherwise good rows.
import { describe, expect, it } from "vitest";
import { parsePlanText } from "~/domain/contracts/import-rows.ts";

describe("a delivery plan's financial years", () => {
  it.each([
    "Q1 2026/27=5",
    "Q1 2026-27=5",
    "Q1 2026/2027=5",
    "Q1 2026-2027=5",
    "Q1 2026–27=5",
    "q1 2026 - 27 = 5",
  ])("reads %s as Q1 2026/27", (text) =>
    expect(parsePlanText(text)).toEqual({
      ok: true,
      plan: [{ financialYear: 2026, quarter: 1, quantity: "5.00" }],
    }),
  );

  it("reads the year across a century", () => {
    expect(parsePlanText("Q4 2099-2100=1; Q1 2099/00=1")).toMatchObject({
      ok: true,
      plan: [{ financialYear: 2099 }, { financialYear: 2099 }],
    });
  });

  it.each(["Q1 2026-28=5", "Q1 2026/2028=5", "Q1 2026/202=5", "Q1 2026_27=5"])("refuses %s", (text) =>
    expect(parsePlanText(text).ok).toBe(false),
  );
});
