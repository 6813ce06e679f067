// The needed-by date (new and edited request), the new needed-by date (extending a request) and a pledge's expected
// delivery date take only days from today, yet their errors for a date that does not exist said "for example
// 27/03/2027", a fixed day: refused from 28/03/2027 (the portal runs for years), and for an extension or a pledge
// even before, when the request is needed later (an extension must be later) or sooner (a pledge must be on or
// before it). Each now gives an example among the days the field takes, worked out when the form is checked, and
// the page's hint gives the same day (the page's date box takes its min and max from futureDayRange).
import { afterEach, describe, expect, it, vi } from "vitest";
import { isoDayAsUk, ukDayAsIso } from "~/domain/calendar.ts";
import {
  futureDayExample,
  futureDayRange,
  manageRequestSchemaFor,
  pledgeFormSchemaFor,
  requestFormSchema,
  type FutureDayBounds,
} from "~/domain/marketplace/schemas.ts";

afterEach(() => {
  vi.useRealTimers();
});

const on = (moment: string) => vi.useFakeTimers({ toFake: ["Date"], now: new Date(moment) });

const messagesOf = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);

const exampleIn = (message: string) => /for example (\d{2}\/\d{2}\/\d{4})$/.exec(message)?.[1];

/** Whether `day` (as typed in the UK) is among the days the field takes. */
function taken(day: string, bounds: FutureDayBounds) {
  const iso = ukDayAsIso(day) as string;
  const days = futureDayRange(bounds);
  return days !== null && iso >= days.min && iso <= days.max;
}

describe("a future-only date's example after 27/03/2027", () => {
  it("is today for the needed-by date, which the form then takes", () => {
    on("2028-05-10T12:00:00Z");
    expect(futureDayRange()).toEqual({ min: "2028-05-10", max: "2030-05-10" });
    const result = requestFormSchema.safeParse({ neededBy: "31/02/2028" });
    const message = messagesOf(result).find(([path]) => path === "neededBy")?.[1] ?? "";
    expect(message).toBe("The date you need it by must be a real date, for example 10/05/2028");
    const example = exampleIn(message)!;
    expect(example).toBe(futureDayExample());
    expect(taken(example, {})).toBe(true);
    const again = requestFormSchema.safeParse({ neededBy: example });
    expect(messagesOf(again).filter(([path]) => path === "neededBy")).toEqual([]);
  });

  it("is the day after the current needed-by date for an extension, the earliest the extension takes", () => {
    on("2028-05-10T12:00:00Z");
    const schema = manageRequestSchemaFor({ neededBy: "2028-06-30" });
    const result = schema.safeParse({ intent: "extend", neededBy: "31/02/2028" });
    expect(messagesOf(result)).toEqual([
      ["neededBy", "The new date must be a real date, for example 01/07/2028"],
    ]);
    expect(futureDayRange({ after: "2028-06-30" })).toEqual({ min: "2028-07-01", max: "2030-05-10" });
    expect(schema.safeParse({ intent: "extend", neededBy: "01/07/2028" }).success).toBe(true);
  });

  it("is today for an extension of a request whose needed-by date has passed", () => {
    on("2028-05-10T12:00:00Z");
    const result = manageRequestSchemaFor({ neededBy: "2028-05-01" }).safeParse({
      intent: "extend",
      neededBy: "x",
    });
    expect(messagesOf(result)).toEqual([
      ["neededBy", "The new date must be a real date, for example 10/05/2028"],
    ]);
  });

  it("is today for a pledge's expected delivery date, on or before the needed-by date", () => {
    on("2028-05-10T12:00:00Z");
    const schema = pledgeFormSchemaFor({ neededBy: "2028-06-30" });
    const form = { submissionKey: "key-0123456789", quantity: 1 };
    const result = schema.safeParse({ ...form, expectedDeliveryDate: "31/02/2028" });
    expect(messagesOf(result)).toEqual([
      ["expectedDeliveryDate", "The expected delivery date must be a real date, for example 10/05/2028"],
    ]);
    expect(schema.safeParse({ ...form, expectedDeliveryDate: "10/05/2028" }).success).toBe(true);
  });
});

describe("a future-only date's example before 27/03/2027", () => {
  it("stays 27/03/2027 where the field takes it", () => {
    on("2026-12-04T12:00:00Z");
    expect(futureDayExample()).toBe("27/03/2027");
    const result = requestFormSchema.safeParse({ neededBy: "31/02/2027" });
    expect(messagesOf(result).find(([path]) => path === "neededBy")?.[1]).toBe(
      "The date you need it by must be a real date, for example 27/03/2027",
    );
  });

  it("is the needed-by date for a pledge to a request needed sooner (27/03/2027 would be refused)", () => {
    on("2026-12-04T12:00:00Z");
    const result = pledgeFormSchemaFor({ neededBy: "2027-01-15" }).safeParse({
      submissionKey: "key-0123456789",
      quantity: 1,
      expectedDeliveryDate: "2027-02-30",
    });
    expect(messagesOf(result)).toEqual([
      ["expectedDeliveryDate", "The expected delivery date must be a real date, for example 15/01/2027"],
    ]);
    expect(isoDayAsUk(futureDayRange({ onOrBefore: "2027-01-15" })!.max)).toBe("15/01/2027");
  });

  it("is the day after the needed-by date for an extension of a request needed later", () => {
    on("2026-12-04T12:00:00Z");
    const result = manageRequestSchemaFor({ neededBy: "2027-06-01" }).safeParse({
      intent: "extend",
      neededBy: "2027-02-30",
    });
    expect(messagesOf(result)).toEqual([
      ["neededBy", "The new date must be a real date, for example 02/06/2027"],
    ]);
  });
});
