// The requestor's answer to "How should a supplier contact you?" reaches a supplier once its pledge is accepted,
// on the pledge page and in the "pledge accepted" email; never while only offered, never on public pages.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import type { PledgeStatus } from "~/generated/prisma/enums.ts";
import { action as pledgeDetailAction, loader as pledgeDetailLoader } from "~/routes/pledges.$id.tsx";
import { loader as publicLoader } from "~/routes/requests.$id._index.tsx";
import { loader as pledgeFormLoader } from "~/routes/requests.$id.pledge.tsx";
import { loader as listLoader } from "~/routes/requests._index.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const cookies: Record<string, string> = {};
const CONTACT = "Ring Mrs Jones on 01632 960123";

beforeAll(async () => {
  world = await createWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
});

// partly pledged by the one pledge each test makes (5 of 20)
function openRequest() {
  return createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    createdById: world.users.vcseOwner.id,
    contactPreference: CONTACT,
    quantity: 20,
    pledgedQuantity: 5,
    status: "PARTIALLY_PLEDGED",
  });
}

async function pledgePageText(pledgeId: string, cookie: string) {
  const response = await callLoader(pledgeDetailLoader, { path: "/", params: { id: pledgeId }, cookie });
  expect(response.status).toBe(200);
  return response.text();
}

describe("the requestor's contact preference", () => {
  it("is not on the supplier's pledge page while the pledge is only offered, nor on any public page", async () => {
    const need = await openRequest();
    const pledge = await createPledge({ requestId: need.id, supplierOrganisationId: world.supplier.id });
    expect(await pledgePageText(pledge.id, cookies.supplierOwner)).not.toContain(CONTACT);
    const pages = [
      await callLoader(publicLoader, { path: "/", params: { id: need.id } }),
      await callLoader(publicLoader, { path: "/", params: { id: need.id }, cookie: cookies.supplierOwner }),
      await callLoader(pledgeFormLoader, {
        path: "/",
        params: { id: need.id },
        cookie: cookies.supplierOwner,
      }),
      await callLoader(listLoader, { path: "/requests" }),
    ];
    for (const page of pages) expect(await page.text()).not.toContain(CONTACT);
  });

  it("reaches the supplier when the requestor accepts: on its pledge page and in the email", async () => {
    const need = await openRequest();
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      createdById: world.users.supplierMember.id,
    });
    const accepted = await callAction(pledgeDetailAction, {
      path: "/",
      params: { id: pledge.id },
      cookie: cookies.vcseOwner,
      form: { intent: "accept" },
    });
    expect(accepted.status).toBe(302);
    expect(await pledgePageText(pledge.id, cookies.supplierOwner)).toContain(CONTACT);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: {
        template: "marketplace.accept",
        to: world.users.supplierMember.email,
        subject: { contains: need.title },
      },
    });
    expect(email.text).toContain(CONTACT);
    expect(email.html).toContain("Mrs Jones");
    // still not public once accepted
    const publicPage = await callLoader(publicLoader, { path: "/", params: { id: need.id } });
    expect(await publicPage.text()).not.toContain(CONTACT);
  });

  it("stays with the supplier through delivery, and is never shown for a declined or withdrawn pledge", async () => {
    const shown: PledgeStatus[] = ["ACCEPTED", "DELIVERED", "DISPUTED", "CONFIRMED"];
    const hidden: PledgeStatus[] = ["OFFERED", "DECLINED", "WITHDRAWN"];
    for (const status of [...shown, ...hidden]) {
      const need = await openRequest();
      const pledge = await createPledge({
        requestId: need.id,
        supplierOrganisationId: world.supplier.id,
        status,
      });
      const text = await pledgePageText(pledge.id, cookies.supplierMember);
      expect({ status, shown: text.includes(CONTACT) }).toEqual({ status, shown: shown.includes(status) });
    }
  });

  it("is not in the email when a pledge is declined", async () => {
    const need = await openRequest();
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      createdById: world.users.supplierOwner.id,
    });
    const declined = await callAction(pledgeDetailAction, {
      path: "/",
      params: { id: pledge.id },
      cookie: cookies.vcseOwner,
      form: { intent: "decline", reason: "We have enough help already." },
    });
    expect(declined.status).toBe(302);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { template: "marketplace.decline", subject: { contains: need.title } },
    });
    expect(email.text).not.toContain(CONTACT);
  });
});
