// Whole numbers in council settings and survey cycles, read alike: the settings' numbers of days typed past 2^53
// were told "Enter … as a whole number of days" as well as the limit (zod's int() refuses such numbers as not
// whole), and a number too long to hold as not a number; months to keep survey answers told "0.5" it was too few
// where the days told it to be whole. Each now gets one message, the same kind for each field.
import { describe, expect, it } from "vitest";
import { councilSettingsSchema } from "~/domain/content/schemas.ts";
import { cycleSchema } from "~/domain/survey/schemas.ts";
import { errorsOf } from "../helpers/schema-errors.ts";

const days = (typed: string) => errorsOf(councilSettingsSchema, "returnDueDays", typed);
const months = (typed: string) => errorsOf(cycleSchema, "retentionMonths", typed);

describe("a council setting's number of days", () => {
  it.each(["99999999999999999999", "9007199254740993", `1${"0".repeat(400)}`])(
    "%s, far past the limit, is told only the limit",
    (typed) => {
      expect(days(typed)).toEqual(["The days a return is due after quarter end must be 90 days or fewer"]);
    },
  );

  it("a fraction is told only to be whole", () => {
    expect(days("0.5")).toEqual([
      "Enter the days a return is due after quarter end as a whole number of days",
    ]);
  });
});

describe("each whole-number field reads what is typed alike", () => {
  it.each([
    ["12.0", null, null],
    [" 12 ", null, null],
    [
      "1e1",
      "Enter the days a return is due after quarter end as a number of days",
      "Enter the months to keep answers as a number, like 36",
    ],
    [
      "12 months",
      "Enter the days a return is due after quarter end as a number of days",
      "Enter the months to keep answers as a number, like 36",
    ],
    [
      "0.5",
      "Enter the days a return is due after quarter end as a whole number of days",
      "Enter a whole number of months",
    ],
  ])("%j", (typed, dayError, monthError) => {
    expect(days(typed)).toEqual(dayError && [dayError]);
    expect(months(typed)).toEqual(monthError && [monthError]);
  });
});
