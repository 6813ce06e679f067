// Found in the s36 survey QA: months to keep answers typed past 2^53 (a pasted number, a slip on the keyboard) was
// told "Enter a whole number of months", though it is one (zod's int() refuses such numbers before their maximum is
// checked); and words ("three") were told to "Enter how many months", as if the box were empty. The first is now told
// the limit, the second that the answer must be a number.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { cycleSchema } from "~/domain/survey/schemas.ts";

function retentionErrors(retentionMonths: string) {
  const form = new FormData();
  form.append("retentionMonths", retentionMonths);
  const submission = parseWithZod(form, { schema: cycleSchema });
  if (submission.status === "success") throw new Error("expected the form to be refused");
  return (submission.reply().error ?? {}).retentionMonths ?? null;
}

describe("months to keep answers", () => {
  it.each(["99999999999999999999", "9007199254740993", `1${"0".repeat(400)}`])(
    "%s, far past the limit, is told the limit",
    (typed) => {
      expect(retentionErrors(typed)).toEqual(["Keep answers for no more than 120 months"]);
    },
  );

  it("a number over the limit with a fraction is told the limit", () => {
    expect(retentionErrors("121.5")).toEqual(["Keep answers for no more than 120 months"]);
  });

  it("a fraction within the limit is told to be whole", () => {
    expect(retentionErrors("12.5")).toEqual(["Enter a whole number of months"]);
  });

  it("words are told the answer must be a number", () => {
    expect(retentionErrors("three")).toEqual(["Enter the months to keep answers as a number, like 36"]);
  });

  it("an empty box is asked for", () => {
    expect(retentionErrors("")).toEqual([
      "Enter how many months answers are kept before they are anonymised",
    ]);
  });

  it("none or a negative number is told the least", () => {
    expect(retentionErrors("0")).toEqual(["Keep answers for at least 1 month"]);
    expect(retentionErrors("-3")).toEqual(["Keep answers for at least 1 month"]);
  });
});
