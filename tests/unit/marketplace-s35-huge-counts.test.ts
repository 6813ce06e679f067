// A number past 2^53 ("99999999999999999999") typed as how many people benefit was told "Enter a whole number of
// people", though it is one: zod's int() refuses such numbers before their maximum is checked. It is told the limit,
// as the quantity is; a fraction and a negative number keep their own words.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { requestFormSchema } from "~/domain/marketplace/schemas.ts";

const aRequest = {
  intent: "draft",
  title: "Laptops for the homework club",
  description: "Twenty refurbished laptops for children without one at home.",
  councilId: "council-1",
  categoryId: "category-1",
  helpType: "GOODS",
  quantity: "20",
  postcodeArea: "GU1",
  neededBy: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
};

function beneficiaryErrors(count: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(aRequest)) form.set(name, value);
  form.set("beneficiaryCount", count);
  const result = parseWithZod(form, { schema: requestFormSchema });
  return result.status === "success" ? undefined : result.error?.beneficiaryCount;
}

describe("how many people benefit", () => {
  it.each([
    ["99999999999999999999", "Number of people is too large"],
    ["10000001", "Number of people is too large"],
    ["2.5", "Enter a whole number of people"],
    ["-3", "Number of people cannot be negative"],
  ])("%s is told %s", (count, message) => {
    expect(beneficiaryErrors(count)).toEqual([message]);
  });

  it("takes 0 and the largest number allowed", () => {
    expect(beneficiaryErrors("0")).toBeUndefined();
    expect(beneficiaryErrors("10,000,000")).toBeUndefined();
  });
});
