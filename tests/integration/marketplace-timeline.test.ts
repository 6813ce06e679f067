// The history on a request's page says why each step happened where that is safe to publish: the system's own
// reasons and an extension's new date, never an officer's comment, a requestor's reason or anybody's name.
import { beforeAll, describe, expect, it } from "vitest";
import { changePledge, createPledge } from "~/domain/marketplace/pledges.server.ts";
import { changeRequest } from "~/domain/marketplace/requests.server.ts";
import { loader as requestLoader } from "~/routes/requests.$id._index.tsx";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
const PRIVATE = "Jane Smith on 07700 900123";

type Page = {
  events: { toStatus: string; note: { text: string; date?: string } | null }[];
};

beforeAll(async () => {
  world = await createWorld();
});

const submitted = () =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "SUBMITTED",
    quantity: 10,
    neededBy: new Date(`${inDays(20)}T00:00:00Z`),
  });

describe("the public request page's history", () => {
  it("gives the reasons that are safe to publish, and no comment anybody typed", async () => {
    const need = await submitted();
    const officer = { roles: ["OFFICER" as const], actor: { userId: world.users.officerA.id } };
    const requestor = { roles: ["REQUESTOR" as const], actor: { userId: world.users.vcseOwner.id } };
    expect(
      await changeRequest({
        ...officer,
        requestId: need.id,
        action: "approve",
        reason: `Approved after a call with ${PRIVATE}`,
      }),
    ).toMatchObject({ ok: true });
    const newDate = inDays(40);
    expect(
      await changeRequest({ ...requestor, requestId: need.id, action: "extend", neededBy: newDate }),
    ).toMatchObject({ ok: true });
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      actor: { userId: world.users.supplierOwner.id },
      submissionKey: `timeline-${need.id}`,
      quantity: 3,
      expectedDeliveryDate: inDays(10),
    });
    expect(pledge.ok).toBe(true);
    if (!pledge.ok) return;
    await changePledge({
      ...requestor,
      pledgeId: pledge.pledgeId,
      action: "decline",
      reason: `Not this time, ask ${PRIVATE}`,
    });

    const response = await callLoader(requestLoader, { path: "/", params: { id: need.id } });
    expect(response.status).toBe(200);
    const page = await jsonOf<Page>(response);
    expect(page.events.map((e) => [e.toStatus, e.note])).toEqual([
      ["OPEN", { text: "Approved by the council" }],
      ["OPEN", { text: "Needed-by date extended to", date: newDate }],
      ["PARTIALLY_PLEDGED", { text: "Pledge received" }],
      ["OPEN", { text: "A pledge was declined or withdrawn" }],
    ]);
    const body = JSON.stringify(page);
    expect(body).not.toContain("Jane");
    expect(body).not.toContain("07700");
    expect(body).not.toContain(world.users.officerA.email);
  });

  it("says a request was withdrawn, not what its requestor wrote about it", async () => {
    const need = await submitted();
    await changeRequest({
      requestId: need.id,
      action: "withdraw",
      roles: ["REQUESTOR"],
      actor: { userId: world.users.vcseOwner.id },
      reason: `${PRIVATE} is in hospital`,
    });
    const response = await callLoader(requestLoader, {
      path: "/",
      params: { id: need.id },
      cookie: await sessionCookieFor(world.users.vcseMember.id),
    });
    const page = await jsonOf<Page>(response);
    expect(page.events.at(-1)).toMatchObject({
      toStatus: "WITHDRAWN",
      note: { text: "Withdrawn by the organisation that posted it" },
    });
    expect(JSON.stringify(page)).not.toContain("Jane");
  });
});
