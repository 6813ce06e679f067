// Numbers (and dates) in forms are read as people write them: "1,500" is fifteen hundred; "1e3" and "0x10" are not numbers
// (read with Number() they were 1,000 and 16), and say so next to the field.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import {
  futureDayExample,
  pledgeActionSchema,
  pledgeFormSchema,
  requestFormSchema,
} from "~/domain/marketplace/schemas.ts";
import { asWritten, withoutThousandsSeparators } from "~/domain/numbers.ts";

const errorsOf = (result: { status?: string; error?: Record<string, string[] | null> | null }) =>
  result.status === "success" ? undefined : result.error;

const aRequest = {
  intent: "draft",
  title: "Laptops for the homework club",
  description: "Twenty refurbished laptops for children without one at home.",
  councilId: "council-1",
  categoryId: "category-1",
  helpType: "GOODS",
  quantity: "20",
  unitLabel: "laptops",
  // where the help is (a district, a postcode area or remote) is needed with the other fields
  postcodeArea: "GU1",
  neededBy: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
};

function pledge(quantity: string, expectedDeliveryDate?: string) {
  const form = new FormData();
  form.set("submissionKey", "a-one-off-key-1234");
  form.set("quantity", quantity);
  const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  form.set("expectedDeliveryDate", expectedDeliveryDate ?? nextYear);
  return parseWithZod(form, { schema: pledgeFormSchema });
}

describe("a quantity typed into a marketplace form", () => {
  it.each([
    ["12", 12],
    [" 7 ", 7],
    ["1,500", 1500],
    ["1,000,000", 1_000_000],
    // a space between thousands, as many type or paste it (a no-break or thin space from a document too)
    ["1 000", 1000],
    ["1 000 000", 1_000_000],
    ["1\u00a0500", 1500],
    ["2\u202f500", 2500],
    ["2\u2009500", 2500],
  ])("reads %j as %d", (typed, expected) => {
    const result = pledge(typed);
    expect(result.status).toBe("success");
    expect(result.status === "success" && result.value.quantity).toBe(expected);
  });

  it.each(["1e3", "0x10", "12abc", "Infinity", "½"])("refuses %j as not a number", (typed) => {
    const result = pledge(typed);
    expect(result.status).toBe("error");
    expect(errorsOf(result)?.quantity).toEqual(["Enter the quantity as a whole number, like 12"]);
  });

  // grouped anywhere but between thousands: told how to write it, as a contract value is (numbers-s42-grouped-fields)
  it.each(["1,50", "1 5", "12 34 5", "1 0000", "1,000 000"])("refuses %j as grouped wrongly", (typed) => {
    const result = pledge(typed);
    expect(result.status).toBe("error");
    expect(errorsOf(result)?.quantity).toEqual([
      "Enter the quantity with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals",
    ]);
  });

  it("refuses a fraction as not whole", () => {
    expect(errorsOf(pledge("1.5"))?.quantity).toEqual(["Enter the quantity as a whole number, like 12"]);
  });

  it("reads a delivered quantity the same way", () => {
    const form = new FormData();
    form.set("intent", "reportDelivery");
    form.set("deliveredOn", "2026-01-01");
    form.set("deliveryNote", "All delivered");
    form.set("deliveredQuantity", "1e2");
    expect(errorsOf(parseWithZod(form, { schema: pledgeActionSchema }))?.deliveredQuantity).toEqual([
      "Enter the quantity delivered as a whole number, like 12",
    ]);
    form.set("deliveredQuantity", "1,200");
    const ok = parseWithZod(form, { schema: pledgeActionSchema });
    expect(ok.status === "success" && ok.value).toMatchObject({ deliveredQuantity: 1200 });
  });
});

describe("asWritten, for every number field of the portal's forms", () => {
  it.each([
    ["25", 25],
    ["-3", -3],
    ["2.50", 2.5],
    ["12,345.6", 12345.6],
    ["12 345", 12345],
    ["12 345.6", 12345.6],
    ["-1 500", -1500],
    [".5", 0.5],
    ["-.25", -0.25],
  ])("reads %j as %d", (typed, expected) => expect(asWritten(typed)).toBe(expected));

  it.each([
    "1e3",
    "0x10",
    "1,2,3",
    "12,5",
    "1,50",
    ",500",
    "١٢",
    "1 5",
    "12 34 5",
    " 1 50",
    "1  000",
    "1 000,000",
    ".",
    "5.",
    "..5",
  ])("reads %j as not a number", (typed) => expect(asWritten(typed)).toBeNaN());

  it("takes out thousands commas or spaces, one kind throughout, and refuses them anywhere else", () => {
    expect(withoutThousandsSeparators("1 250 000.5")).toBe("1250000.5");
    expect(withoutThousandsSeparators("1,250,000.5")).toBe("1250000.5");
    expect(withoutThousandsSeparators("1250")).toBe("1250");
    expect(withoutThousandsSeparators("12 34 5")).toBeNull();
    expect(withoutThousandsSeparators("1 250,000")).toBeNull();
  });

  it("reads a blank field as no value", () => {
    expect(asWritten("")).toBeUndefined();
    expect(asWritten("   ")).toBeUndefined();
  });

  it("leaves an optional number left blank out, and still asks for a required one", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(aRequest)) form.set(name, value);
    form.set("beneficiaryCount", "");
    const result = parseWithZod(form, { schema: requestFormSchema });
    expect(errorsOf(result)).toBeUndefined();
    expect(result.status === "success" && result.value.beneficiaryCount).toBeUndefined();
    form.set("quantity", "  ");
    expect(errorsOf(parseWithZod(form, { schema: requestFormSchema }))?.quantity).toEqual([
      "Enter the quantity",
    ]);
  });

  it("leaves what is not text alone (a field left out)", () => {
    expect(asWritten(undefined)).toBeUndefined();
    expect(asWritten(7)).toBe(7);
  });
});

describe("a date typed into a marketplace form without a date picker", () => {
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
  const uk = (d: Date) => `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;

  it("reads the day as people in the UK write it", () => {
    const day = inDays(60);
    const result = pledge("3", uk(day));
    expect(result.status === "success" && result.value.expectedDeliveryDate).toBe(
      day.toISOString().slice(0, 10),
    );
  });

  it("says how to write one that is not a date, with an example it takes (27/03/2027 until it has passed)", () => {
    expect(errorsOf(pledge("3", "27 3 2027"))?.expectedDeliveryDate).toEqual([
      `The expected delivery date must be a real date, for example ${futureDayExample()}`,
    ]);
  });
});
