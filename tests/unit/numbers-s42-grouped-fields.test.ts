// A request's or a pledge's quantity, the people who benefit, a supplier's staff, a council setting's days and the
// months survey answers are kept, typed "0,500" (half, in European notation) or "1,25", were told only to enter a
// number, while a contract value, a commitment figure or a return's figure so typed was told how to group it: every
// number typed into a form now follows the one rule (app/domain/numbers.ts) and says how to group thousands, and
// "1,250" is still read as 1,250.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { supplierSchema } from "~/domain/accounts/schemas.ts";
import { councilSettingsSchema } from "~/domain/content/schemas.ts";
import { pledgeActionSchema, pledgeFormSchema, requestFormSchema } from "~/domain/marketplace/schemas.ts";
import { badlyGroupedMessage, boundedWholeNumber, writtenNumber } from "~/domain/numbers.ts";
import { cycleSchema } from "~/domain/survey/schemas.ts";
import { errorsOf } from "../helpers/schema-errors.ts";

const grouping = (what: string) =>
  `Enter ${what} with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals`;
const BADLY_GROUPED = ["0,500", "1,25", "12,5", "1 5", "0 500", "000 500", "1,5 00"];

describe("the rule for a number typed into a form field", () => {
  const count = writtenNumber(z.number({ error: "Enter the count as a number" }).int(), "the count");
  const days = boundedWholeNumber({
    what: "the days",
    nan: "Enter the days as a number",
    whole: "Enter a whole number of days",
    min: 1,
    small: "At least 1 day",
    max: 5000,
    large: "At most 5,000 days",
  });

  it.each(BADLY_GROUPED)("%j is told how to group thousands, naming the answer", (typed) => {
    for (const [schema, what] of [
      [count, "the count"],
      [days, "the days"],
    ] as const) {
      const result = schema.safeParse(typed);
      expect(result.success, typed).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual([badlyGroupedMessage(what)]);
    }
  });

  it.each([
    ["1,250", 1250],
    ["1 250", 1250],
    ["1250", 1250],
    ["0500", 500],
  ])("%j is read as %d", (typed, read) => {
    expect(count.parse(typed)).toBe(read);
    expect(days.parse(typed)).toBe(read);
  });

  it("words are still told they are not a number, and blank is still no answer", () => {
    expect(count.safeParse("lots").error?.issues.map((i) => i.message)).toEqual([
      "Enter the count as a number",
    ]);
    expect(days.safeParse("1e3").error?.issues.map((i) => i.message)).toEqual(["Enter the days as a number"]);
    expect(writtenNumber(z.number().optional(), "the count").parse(" ")).toBeUndefined();
  });
});

describe("every number field of the portal's forms", () => {
  const request = (name: string, typed: string) => errorsOf(requestFormSchema, name, typed);
  const pledge = (typed: string) => errorsOf(pledgeFormSchema, "quantity", typed);
  const delivered = (typed: string) => {
    const form = new FormData();
    form.set("intent", "reportDelivery");
    form.set("deliveredQuantity", typed);
    const submission = parseWithZod(form, { schema: pledgeActionSchema });
    return submission.status === "success" ? null : (submission.error?.deliveredQuantity ?? null);
  };
  const fields: [string, (typed: string) => string[] | null, string][] = [
    ["a request's quantity", (t) => request("quantity", t), "the quantity"],
    [
      "a request's people who benefit",
      (t) => request("beneficiaryCount", t),
      "the number of people who benefit",
    ],
    ["a pledge's quantity", pledge, "the quantity"],
    ["a pledge's quantity delivered", delivered, "the quantity delivered"],
    ["a supplier's staff", (t) => errorsOf(supplierSchema, "staffHeadcount", t), "the number of staff"],
    [
      "the days a return is due",
      (t) => errorsOf(councilSettingsSchema, "returnDueDays", t),
      "the days a return is due after quarter end",
    ],
    [
      "the reminder's days",
      (t) => errorsOf(councilSettingsSchema, "reminderDaysBefore", t),
      "the reminder before the due date",
    ],
    [
      "the days between overdue reminders",
      (t) => errorsOf(councilSettingsSchema, "overdueReminderDays", t),
      "the days between overdue reminders",
    ],
    [
      "the months survey answers are kept",
      (t) => errorsOf(cycleSchema, "retentionMonths", t),
      "the months to keep answers",
    ],
  ];

  it.each(fields)('%s: "0,500" and "1,25" are told how to group thousands', (_, errors, what) => {
    for (const typed of ["0,500", "1,25"]) expect(errors(typed), typed).toEqual([grouping(what)]);
  });

  it("a quantity of funding typed with its pound sign is told the same", () => {
    expect(request("quantity", "£0,500")).toEqual([grouping("the quantity")]);
    expect(pledge("£1,25")).toEqual([grouping("the quantity")]);
  });

  it.each(fields.slice(0, 5))('%s: "1,250" is read as a number', (_, errors) => {
    expect(errors("1,250")).toBeNull();
  });
});
