// A quantity typed as "1e3" or "abc" (the amount asked for, pledged or delivered) was told to enter it "as a number",
// though it looked like one to whoever typed it, and "1.5" that it "must be a whole number" (a delivery: "Enter a
// whole number", naming no field). Each form now says what to type, with an example, in the words of its schema (the
// one the browser's form and the server check with): "Enter the quantity as a whole number, like 12". A box left
// blank is asked for, and "-0", a whole number, is told the least it takes. The server answers 400 with the message
// beside the field and what was typed kept in it.
import { parseWithZod } from "@conform-to/zod/v4";
import { beforeAll, describe, expect, it } from "vitest";
import {
  pledgeActionSchemaFor,
  pledgeFormSchemaFor,
  requestFormSchemaFor,
} from "~/domain/marketplace/schemas.ts";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { daysFromToday, londonToday, ukDate } from "../helpers/london-days.ts";
import { formOf, postPage } from "../helpers/render-page.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { requestForm } from "../helpers/request-form.ts";

const WHOLE = (what: string) => `Enter ${what} as a whole number, like 12`;

// each field, what its messages call it, and the least it takes
const FIELDS = {
  request: { name: "quantity", what: "the quantity", small: "The quantity must be 1 or more" },
  pledge: { name: "quantity", what: "the quantity", small: "The quantity must be 1 or more" },
  delivery: {
    name: "deliveredQuantity",
    what: "the quantity delivered",
    small: "Quantity delivered must be 1 or more",
  },
} as const;
type Form = keyof typeof FIELDS;

const CASES = (Object.keys(FIELDS) as Form[]).flatMap((form) => {
  const { what, small } = FIELDS[form];
  return [
    { form, typed: "1e3", message: WHOLE(what) },
    { form, typed: "1.5", message: WHOLE(what) },
    { form, typed: "-0", message: small },
    { form, typed: " ", message: `Enter ${what}` },
    { form, typed: "abc", message: WHOLE(what) },
  ];
});

let world: Awaited<ReturnType<typeof createWorld>>;
let cookies: Record<Form, string>;
let addresses: Record<Form, string>;
let forms: Record<Form, (typed: string) => Record<string, string>>;

beforeAll(async () => {
  world = await createWorld();
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity: 10,
    status: "OPEN",
  });
  const { pledge } = await createPartlyPledgedRequest(world, { pledge: { status: "ACCEPTED" } });
  cookies = {
    request: await sessionCookieFor(world.users.vcseOwner.id),
    pledge: await sessionCookieFor(world.users.supplierOwner.id),
    delivery: await sessionCookieFor(world.users.supplierOwner.id),
  };
  addresses = {
    request: "/requests/new",
    pledge: `/requests/${need.id}/pledge`,
    delivery: `/pledges/${pledge.id}`,
  };
  let key = 0;
  forms = {
    request: (typed) => requestForm(world, { quantity: typed, postcodeArea: "GU1" }),
    pledge: (typed) => ({
      submissionKey: `key-s46-quantity-${key++}`,
      quantity: typed,
      expectedDeliveryDate: ukDate(daysFromToday(10)),
    }),
    delivery: (typed) => ({
      intent: "reportDelivery",
      deliveredQuantity: typed,
      deliveredOn: ukDate(londonToday()),
      deliveryNote: "All of it",
    }),
  };
});

// the schemas each form checks with, in the browser and on the server
const SCHEMAS = {
  request: () => requestFormSchemaFor("VOLUNTEERING"),
  pledge: () => pledgeFormSchemaFor({ neededBy: daysFromToday(60), left: 6, helpType: "VOLUNTEERING" }),
  delivery: () => pledgeActionSchemaFor({ quantity: 4, helpType: "VOLUNTEERING" }),
};

describe("a quantity that is not a whole number of 1 or more", () => {
  it.each(CASES)("$form: $typed is told “$message” by its schema", ({ form, typed, message }) => {
    const values = formOf({ ...forms[form](typed) });
    const result = parseWithZod(values, { schema: SCHEMAS[form]() });
    expect(result.status === "error" && result.error?.[FIELDS[form].name]).toEqual([message]);
  });

  it.each(CASES)(
    "$form: $typed is answered 400 with “$message” beside the field, and kept",
    async ({ form, typed, message }) => {
      const response = await postPage(addresses[form], formOf(forms[form](typed)), cookies[form]);
      expect(response.status).toBe(400);
      const html = await response.text();
      const name = FIELDS[form].name;
      expect(html).toContain(
        `<p id="${name}-error" class="mb-2 font-bold text-error"><span class="sr-only">Error: </span>${message}</p>`,
      );
      // what was typed stays in the box, as it was typed
      const box = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? "";
      expect(box).toContain(`value="${typed}"`);
    },
  );
});
