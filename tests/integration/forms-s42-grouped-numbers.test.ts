// A number typed "0,500" (half, in European notation) into a request's or a pledge's quantity, a delivery's quantity, a
// supplier's staff, a council setting's days or the months survey answers are kept was told only to enter a number,
// while a contract value or a return's figure so typed was told how to group thousands: every one of these forms now
// tells it so next to the field, keeps what was typed in the box, and saves nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { ROUTE_PERMISSIONS } from "../authorization/permissions-table.ts";
import { createMatrixWorld, type MatrixWorld } from "../authorization/world.ts";
import { cookieOf, type Actor } from "../helpers/hostile-values.ts";
import { forgetAllAttempts } from "../helpers/rate-limits.ts";
import { formOf, postPage } from "../helpers/render-page.ts";

let w: MatrixWorld;

beforeAll(async () => {
  w = await createMatrixWorld();
  // the delivery form is for an accepted pledge
  const accepted = await postPage(
    `/pledges/${w.pledge.id}`,
    formOf({ intent: "accept" }),
    await cookieOf(w, "otherVcseOwner"),
  );
  expect(accepted.status).toBe(302);
});

const grouping = (what: string) =>
  `Enter ${what} with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals`;
const errorOf = (html: string, field: string) =>
  new RegExp(`<p id="${field}-error"[^>]*><span[^>]*>Error:\\s*</span>([^<]*)</p>`).exec(html)?.[1];
const boxOf = (html: string, field: string) =>
  new RegExp(`<input[^>]*name="${field}"[^>]*value="([^"]*)"`).exec(html)?.[1];

// each form with a number field, the table's valid form (tests/authorization/permissions-table.ts) sent by who may
type Case = {
  form: string;
  path: () => string;
  routeId: string;
  intent: string;
  actor: Actor;
  field: string;
  what: string;
  // the table's forms send the intent themselves where they have one
  extra?: Record<string, string>;
};
const cases: Case[] = [
  {
    form: "a new request",
    path: () => "/requests/new",
    routeId: "routes/requests.new",
    intent: "draft",
    actor: "vcseOwner",
    field: "quantity",
    what: "the quantity",
  },
  {
    form: "a new request's people who benefit",
    path: () => "/requests/new",
    routeId: "routes/requests.new",
    intent: "draft",
    actor: "vcseOwner",
    field: "beneficiaryCount",
    what: "the number of people who benefit",
  },
  {
    form: "a request's edit form",
    path: () => `/requests/${w.draftRequest.id}/edit`,
    routeId: "routes/requests.$id.edit",
    intent: "draft",
    actor: "otherVcseOwner",
    field: "quantity",
    what: "the quantity",
  },
  {
    form: "a pledge",
    path: () => `/requests/${w.openRequest.id}/pledge`,
    routeId: "routes/requests.$id.pledge",
    intent: "",
    actor: "supplierOwner",
    field: "quantity",
    what: "the quantity",
  },
  {
    form: "a pledge's delivery",
    path: () => `/pledges/${w.pledge.id}`,
    routeId: "routes/pledges.$id",
    intent: "reportDelivery",
    actor: "otherSupplierOwner",
    field: "deliveredQuantity",
    what: "the quantity delivered",
  },
  {
    form: "a new supplier",
    path: () => "/organisations/new/supplier",
    routeId: "routes/organisations.new.supplier",
    intent: "",
    actor: "vcseOwner",
    field: "staffHeadcount",
    what: "the number of staff",
  },
  {
    form: "the council settings",
    path: () => "/council/settings",
    routeId: "routes/council.settings",
    intent: "",
    actor: "councilAdmin",
    field: "returnDueDays",
    what: "the days a return is due after quarter end",
  },
  {
    form: "a new survey",
    path: () => "/council/survey/new",
    routeId: "routes/council.survey.new",
    intent: "",
    actor: "councilAdmin",
    field: "retentionMonths",
    what: "the months to keep answers",
  },
  {
    form: "a survey's edit form",
    path: () => `/council/survey/${w.surveyCycle.id}/edit`,
    routeId: "routes/council.survey.$cycleId.edit",
    intent: "",
    actor: "councilAdmin",
    field: "retentionMonths",
    what: "the months to keep answers",
  },
];

// what each form would have saved: unchanged by a refused one
const fingerprint = async () =>
  JSON.stringify(
    await Promise.all([
      db.request.findMany({
        orderBy: { id: "asc" },
        select: { id: true, quantity: true, beneficiaryCount: true },
      }),
      db.pledge.findMany({
        orderBy: { id: "asc" },
        select: { id: true, status: true, deliveredQuantity: true },
      }),
      db.organisation.count(),
      db.councilSettings.findMany({ orderBy: { organisationId: "asc" } }),
      db.surveyCycle.findMany({ orderBy: { id: "asc" }, select: { id: true, retentionMonths: true } }),
    ]),
  );

describe("a number grouped wrongly in a form", () => {
  it.each(cases)(
    '$form: "0,500" is told how to group thousands beside the field, kept as typed',
    async (c) => {
      const valid = ROUTE_PERMISSIONS[c.routeId].forms![c.intent]!(w) as Record<string, string>;
      const sent = { ...valid, ...(c.intent ? { intent: c.intent } : {}), [c.field]: "0,500" };
      await forgetAllAttempts();
      const before = await fingerprint();
      const response = await postPage(c.path(), formOf(sent), await cookieOf(w, c.actor));
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(errorOf(html, c.field)).toBe(grouping(c.what));
      expect(boxOf(html, c.field)).toBe("0,500");
      expect(await fingerprint()).toBe(before);
    },
  );

  it('"1,250" is read as 1,250 where the field takes thousands', async () => {
    const sent = {
      ...ROUTE_PERMISSIONS["routes/requests.new"].forms!.draft!(w),
      intent: "draft",
      quantity: "1,250",
    };
    const title = `Thousands ${Date.now()}`;
    const response = await postPage(
      "/requests/new",
      formOf({ ...(sent as Record<string, string>), title }),
      await cookieOf(w, "vcseOwner"),
    );
    expect(response.status).toBe(302);
    expect((await db.request.findFirstOrThrow({ where: { title } })).quantity).toBe(1250);
  });
});
