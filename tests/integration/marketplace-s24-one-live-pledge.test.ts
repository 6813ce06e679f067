// A supplier with a pledge still going on (offered, accepted, delivered or disputed) was still offered "Pledge to
// this request" and the pledge form, and a second pledge was taken: two pledges from one supplier, each holding a
// share. The request page and the form now show what it pledged, its status and a link to it, and a second pledge
// posted anyway (or at the same moment as the first) is refused with a message saying why.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { ALREADY_PLEDGED } from "~/domain/marketplace/pledges.server.ts";
import { action as pledgeFormAction } from "~/routes/requests.$id.pledge.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage, readableText } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let supplier: string;
const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  supplier = await sessionCookieFor(world.users.supplierOwner.id);
});

async function requestWithOffer(status: "OFFERED" | "ACCEPTED" | "DELIVERED" | "DISPUTED" = "OFFERED") {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "PARTIALLY_PLEDGED",
    quantity: 20,
    pledgedQuantity: 5,
  });
  const pledge = await createPledge({
    requestId: need.id,
    supplierOrganisationId: world.supplier.id,
    quantity: 5,
    status,
  });
  return { need, pledge };
}

const pledgeAgain = (requestId: string, quantity = "3") =>
  callAction(pledgeFormAction, {
    path: `/requests/${requestId}/pledge`,
    params: { id: requestId },
    cookie: supplier,
    form: { submissionKey: crypto.randomUUID(), quantity, expectedDeliveryDate: inDays(10) },
  });

describe("a supplier with a pledge still going on", () => {
  it("is shown its pledge on the request page, not offered another", async () => {
    for (const status of ["OFFERED", "ACCEPTED", "DELIVERED", "DISPUTED"] as const) {
      const { need, pledge } = await requestWithOffer(status);
      const html = await (await renderPage(`/requests/${need.id}`, supplier)).text();
      expect(html, status).not.toMatch(/Pledge to this request/);
      expect(readableText(html)).toMatch(
        new RegExp(`You have pledged 5 hours to this request\\. Status: ${status}`, "i"),
      );
      expect(html).toMatch(new RegExp(`href="/pledges/${pledge.id}"[^>]*>View your pledge`));
    }
  });

  it("is shown its pledge on the pledge form's page, without the form", async () => {
    const { need, pledge } = await requestWithOffer();
    const html = await (await renderPage(`/requests/${need.id}/pledge`, supplier)).text();
    expect(html).not.toMatch(/Send pledge/);
    expect(readableText(html)).toMatch(/You have pledged 5 hours to this request/);
    expect(html).toMatch(new RegExp(`href="/pledges/${pledge.id}"`));
  });

  it("cannot pledge again: a second pledge posted is refused and takes no share", async () => {
    const { need } = await requestWithOffer();
    const response = await pledgeAgain(need.id);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain(ALREADY_PLEDGED);
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(1);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).pledgedQuantity).toBe(5);
  });

  it("is told so, not given a quantity error, when more is asked than is left", async () => {
    const { need } = await requestWithOffer();
    await db.request.update({ where: { id: need.id }, data: { pledgedQuantity: 18 } });
    const response = await pledgeAgain(need.id, "3");
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain(ALREADY_PLEDGED);
  });

  it("sending two first pledges at the same moment gets one", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "OPEN",
      quantity: 20,
    });
    const answers = await Promise.all([pledgeAgain(need.id, "4"), pledgeAgain(need.id, "6")]);
    expect(answers.map((a) => a.status).sort()).toEqual([302, 400]);
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(1);
    const { pledgedQuantity } = await db.request.findUniqueOrThrow({ where: { id: need.id } });
    expect([4, 6]).toContain(pledgedQuantity);
  });

  it("may pledge again once its pledge is withdrawn or declined", async () => {
    const { need, pledge } = await requestWithOffer();
    await db.pledge.update({ where: { id: pledge.id }, data: { status: "WITHDRAWN" } });
    await db.request.update({ where: { id: need.id }, data: { pledgedQuantity: 0, status: "OPEN" } });
    const html = await (await renderPage(`/requests/${need.id}`, supplier)).text();
    expect(html).toMatch(/Pledge to this request/);
    expect((await pledgeAgain(need.id)).status).toBe(302);
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(2);
  });
});
