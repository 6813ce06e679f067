// Withdrawing a request declines the pledges still on offer and emails their suppliers, but the manage page's
// "Withdraw the request" form did not say so: a requestor with offers waiting learnt it only afterwards. The form
// now says what happens to them, and says nothing when there are none.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as manageAction } from "~/routes/requests.$id.manage.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
});

async function requestWithOffers(offers: number) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity: 10,
    pledgedQuantity: offers * 2,
    status: offers ? "PARTIALLY_PLEDGED" : "OPEN",
  });
  for (let i = 0; i < offers; i++)
    await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      createdById: world.users.supplierOwner.id,
      quantity: 2,
    });
  return need;
}

async function withdrawForm(id: string) {
  const response = await renderPage(`/requests/${id}/manage`, cookie);
  expect(response.status).toBe(200);
  const text = readableText(await response.text());
  const start = text.indexOf("Withdraw the request");
  expect(start).toBeGreaterThan(-1);
  return text.slice(start, text.indexOf("Withdraw request", start));
}

describe("the form to withdraw a request", () => {
  it("says the pledge waiting for an answer will be declined and its supplier told", async () => {
    const need = await requestWithOffers(1);
    expect(await withdrawForm(need.id)).toContain(
      "The pledge still waiting for your answer will be declined, and its supplier told that the request was withdrawn.",
    );
    // as it says: the offer is declined and its supplier emailed
    const withdrawn = await callAction(manageAction, {
      path: "/",
      params: { id: need.id },
      cookie,
      form: { intent: "withdraw" },
    });
    expect(withdrawn.status).toBe(302);
    expect(await db.pledge.findMany({ where: { requestId: need.id }, select: { status: true } })).toEqual([
      { status: "DECLINED" },
    ]);
    expect(
      await db.emailOutbox.count({
        where: {
          to: world.users.supplierOwner.email,
          template: "marketplace.decline",
          text: { contains: need.title },
        },
      }),
    ).toBe(1);
  });

  it("counts several", async () => {
    const need = await requestWithOffers(3);
    expect(await withdrawForm(need.id)).toContain(
      "The 3 pledges still waiting for your answer will be declined, and their suppliers told that the request was withdrawn.",
    );
  });

  it("says nothing of pledges when none is waiting", async () => {
    const need = await requestWithOffers(0);
    expect(await withdrawForm(need.id)).not.toContain("will be declined");
  });
});
