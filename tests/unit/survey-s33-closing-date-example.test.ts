// A survey cycle may close only today or later, yet its closing date's hint and its error for a date that does not
// exist said "for example 27/03/2027", a fixed day the field refuses from 28/03/2027 (the portal runs for years).
// The example is now among the days the field takes (closingDays, which the form's date box also gets as its min
// and max), worked out when the form is checked.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ukDayAsIso } from "~/domain/calendar.ts";
import { closingDays, cycleSchema } from "~/domain/survey/schemas.ts";

afterEach(() => {
  vi.useRealTimers();
});

const closingDateError = () => {
  const result = cycleSchema.safeParse({
    opensOn: "01/04/2028",
    closesOn: "31/02/2028",
    privacyNotice: "We use your answers to plan how we buy from small businesses.",
    dpiaReference: "DPIA-S33",
    retentionMonths: "24",
  });
  expect(result.success).toBe(false);
  return result.error!.issues.find((issue) => issue.path.join(".") === "closesOn")!.message;
};

describe("the survey's closing date example", () => {
  it("after 27/03/2027 is a day the closing date takes, not a past one", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2028-05-10T12:00:00Z") });
    const message = closingDateError();
    const example = /for example (\d{2}\/\d{2}\/\d{4})$/.exec(message)?.[1];
    expect(example).toBe("10/05/2028");
    const { min, max } = closingDays();
    expect(min).toBe("2028-05-10");
    const iso = ukDayAsIso(example!) as string;
    expect(iso >= min && iso <= max).toBe(true);
  });

  it("before then keeps the usual example", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-04T12:00:00Z") });
    expect(closingDateError()).toBe(
      "Enter the date the survey closes as a real date, for example 27/03/2027",
    );
  });
});
