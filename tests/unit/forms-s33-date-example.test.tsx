// A date field's hint said "For example, 27/03/2027" whatever days it takes, and the date delivered's error for a
// date that does not exist said "for example 27/03/2026" whatever the day: each may be a date the field refuses.
// A date field with a `min` or `max` now gives an example among its days, and the date delivered's error gives the
// same example as its hint (today), whatever day it is.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EXAMPLE_DAY, exampleDayWithin } from "~/domain/calendar.ts";
import { pledgeActionSchema } from "~/domain/marketplace/schemas.ts";
import { DateInput } from "~/ui/form.tsx";

afterEach(() => {
  vi.useRealTimers();
});

const hintOf = (props: { min?: string; max?: string; hint?: string }) =>
  /<div id="d-hint"[^>]*>([^<]*)<\/div>/.exec(
    renderToStaticMarkup(createElement(DateInput, { name: "d", label: "Date", ...props })),
  )?.[1];

describe("a date field's example", () => {
  it("is the usual day for a field that takes any day, or one whose range holds it", () => {
    expect(hintOf({})).toBe("For example, 27/03/2027");
    expect(hintOf({ min: "2026-01-01", max: "2027-12-31" })).toBe("For example, 27/03/2027");
    expect(exampleDayWithin("2027-03-27", "2027-03-27")).toBe(EXAMPLE_DAY);
  });

  it("is the latest day a field takes when the usual one is after it (a date no later than today)", () => {
    expect(hintOf({ max: "2026-02-10" })).toBe("For example, 10/02/2026");
  });

  it("is the earliest day a field takes when the usual one is before it (a date no earlier than today)", () => {
    expect(hintOf({ min: "2027-06-01" })).toBe("For example, 01/06/2027");
  });

  it("is the page's own hint when it gives one, or none when it gives an empty one", () => {
    expect(hintOf({ max: "2026-02-10", hint: "Today or earlier" })).toBe("Today or earlier");
    expect(hintOf({ hint: "" })).toBeUndefined();
  });
});

describe("the date delivered's error for a date that does not exist", () => {
  it("gives today (in London) as its example, as the field's hint does, on any day", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-02-10T12:00:00Z") });
    const result = pledgeActionSchema.safeParse({
      intent: "reportDelivery",
      deliveredQuantity: 1,
      deliveredOn: "31/02/2026",
      deliveryNote: "Done",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Date delivered must be a real date, for example 10/02/2026",
    ]);
  });
});
