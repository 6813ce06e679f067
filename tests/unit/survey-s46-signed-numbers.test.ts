// QA in session 46 found a supplier's staff typed "-0" taken while a return's figure so typed is refused. The survey's
// one typed number, the months a cycle keeps its answers, refuses a signed zero, and any number below 1 month, with
// its lower bound ("Keep answers for at least 1 month", as a return says "as 0 or more"): a negative zero read
// from "-0" is below nothing, so a lower bound of 0 would have let it through.
import { describe, expect, it } from "vitest";
import { cycleSchema } from "~/domain/survey/schemas.ts";

const cycle = (retentionMonths: string) =>
  cycleSchema.safeParse({
    opensOn: "2027-01-01",
    closesOn: "2027-02-01",
    privacyNotice: "We use your answers to understand the barriers small businesses face.",
    dpiaReference: "DPIA-2027-001",
    retentionMonths,
  });

const retentionErrors = (retentionMonths: string) => {
  const parsed = cycle(retentionMonths);
  return parsed.success
    ? []
    : parsed.error.issues.filter((i) => i.path[0] === "retentionMonths").map((i) => i.message);
};

describe("the months a survey keeps its answers", () => {
  it.each(["-0", "+0", "-00", "-0.0", "-0.00", "0", "-1", "-36", "-1,000"])(
    '"%s" is refused with the lower bound, and only that',
    (typed) => {
      expect(retentionErrors(typed)).toEqual(["Keep answers for at least 1 month"]);
    },
  );

  it.each([
    ["36", 36],
    ["1", 1],
  ])('"%s" is kept as %i months', (typed, months) => {
    const parsed = cycle(typed);
    expect(parsed.success && parsed.data.retentionMonths).toBe(months);
  });
});
