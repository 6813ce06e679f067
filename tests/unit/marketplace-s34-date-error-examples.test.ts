// A needed-by date, an extension's new date and a pledge's expected delivery date refused as past ("must be today
// or in the future") or too far ahead ("must be within 2 years from today") gave no example, though the same field's
// error for a date that does not exist did. Each now gives one, the day the real-date error and the page's hint
// give, worked out when the form is checked: a day the field then takes.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  futureDayExample,
  manageRequestSchemaFor,
  pledgeFormSchemaFor,
  requestFormSchema,
  type FutureDayBounds,
} from "~/domain/marketplace/schemas.ts";

afterEach(() => {
  vi.useRealTimers();
});

const on = (moment: string) => vi.useFakeTimers({ toFake: ["Date"], now: new Date(moment) });

type Parsed = { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
const messageOn = (result: Parsed, field: string) =>
  result.error?.issues.find((issue) => issue.path.join(".") === field)?.message;

const pledgeForm = { submissionKey: "key-0123456789", quantity: 1 };

// each field: how to check a date typed in it, its name, and what narrows its days
// (a date past a pledge's needed-by date, sooner than two years ahead, is told that date, whose day is the answer)
const fields: {
  name: string;
  field: string;
  check: (day: string) => Parsed;
  bounds: FutureDayBounds;
  tooFar?: string;
}[] = [
  {
    name: "the needed-by date",
    field: "neededBy",
    check: (day) => requestFormSchema.safeParse({ neededBy: day }),
    bounds: {},
  },
  {
    name: "an extension's new date",
    field: "neededBy",
    check: (day) =>
      manageRequestSchemaFor({ neededBy: "2028-06-30" }).safeParse({ intent: "extend", neededBy: day }),
    bounds: { after: "2028-06-30" },
  },
  {
    name: "a pledge's expected delivery date",
    field: "expectedDeliveryDate",
    check: (day) =>
      pledgeFormSchemaFor({ neededBy: "2028-06-30" }).safeParse({ ...pledgeForm, expectedDeliveryDate: day }),
    bounds: { onOrBefore: "2028-06-30" },
    tooFar: "The expected delivery date must be on or before 30 June 2028, the date the help is needed by",
  },
];

describe("a future-only date refused as past or too far ahead", () => {
  for (const { name, field, check, bounds, tooFar: toldTooFar } of fields) {
    it(`gives ${name} an example it takes, the one its other error gives`, () => {
      on("2028-05-10T12:00:00Z");
      const example = futureDayExample(bounds)!;
      const past = messageOn(check("09/05/2028"), field);
      const tooFar = messageOn(check("11/05/2030"), field);
      expect(past).toMatch(new RegExp(`must be today or in the future, for example ${example}$`));
      if (toldTooFar) expect(tooFar).toBe(toldTooFar);
      // since session 54 a date too far ahead is told the last day the field takes, rather than an example
      else expect(tooFar).toMatch(/must be on or before 10 May 2030, 2 years from today$/);
      expect(messageOn(check("31/02/2028"), field)).toMatch(new RegExp(`for example ${example}$`));
      // the example is a day the field takes
      expect(messageOn(check(example), field)).toBeUndefined();
    });
  }

  it("words the whole message as the real-date one", () => {
    on("2028-05-10T12:00:00Z");
    expect(messageOn(requestFormSchema.safeParse({ neededBy: "2028-05-09" }), "neededBy")).toBe(
      "The date you need it by must be today or in the future, for example 10/05/2028",
    );
    const extension = manageRequestSchemaFor({ neededBy: "2028-06-30" });
    expect(messageOn(extension.safeParse({ intent: "extend", neededBy: "2031-01-01" }), "neededBy")).toBe(
      "The new date must be on or before 10 May 2030, 2 years from today",
    );
  });

  it("works the example out when the form is checked, not when the schema was made", () => {
    on("2026-12-04T12:00:00Z");
    const schema = manageRequestSchemaFor();
    expect(messageOn(schema.safeParse({ intent: "extend", neededBy: "2026-12-01" }), "neededBy")).toBe(
      "The new date must be today or in the future, for example 27/03/2027",
    );
    on("2028-05-10T12:00:00Z");
    expect(messageOn(schema.safeParse({ intent: "extend", neededBy: "2028-05-01" }), "neededBy")).toBe(
      "The new date must be today or in the future, for example 10/05/2028",
    );
  });
});
