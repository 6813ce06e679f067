// Someone who belongs to both a VCSE and a supplier cannot pledge, for the supplier, to the VCSE's request: they
// could then accept the pledge and confirm its delivery alone. Refused in the domain, not only on the page.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createPledge } from "~/domain/marketplace/pledges.server.ts";
import { action as pledgeDetailAction, loader as pledgeDetailLoader } from "~/routes/pledges.$id.tsx";
import { action as pledgeAction, loader as pledgeLoader } from "~/routes/requests.$id.pledge.tsx";
import { loader as publicLoader } from "~/routes/requests.$id._index.tsx";
import {
  addMember,
  createMember,
  createPledge as createPledgeRow,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let both: { id: string };
let bothCookie: string;
const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
const REFUSAL =
  "You cannot pledge to this request: you are also a member of the organisation that posted it.";

beforeAll(async () => {
  world = await createWorld();
  // a supplier's member who also volunteers for the VCSE
  both = await createMember(world.supplier.id, "MEMBER");
  await addMember(world.vcse.id, both.id, "MEMBER");
  bothCookie = await sessionCookieFor(both.id);
});

const openRequest = () =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity: 10,
  });

describe("a member of the requesting organisation", () => {
  it("cannot pledge to its request by posting the form directly", async () => {
    const need = await openRequest();
    const refused = await callAction(pledgeAction, {
      path: "/",
      params: { id: need.id },
      cookie: bothCookie,
      form: { submissionKey: `both-${need.id}`, quantity: "5", expectedDeliveryDate: inDays(7) },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await jsonOf(refused))).toContain(REFUSAL);
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(0);
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "OPEN",
      pledgedQuantity: 0,
    });
  });

  it("is refused by the domain whichever way the pledge arrives", async () => {
    const need = await openRequest();
    const result = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      actor: { userId: both.id },
      submissionKey: `domain-${need.id}`,
      quantity: 2,
      expectedDeliveryDate: inDays(7),
    });
    expect(result).toEqual({ ok: false, fieldErrors: { "": [REFUSAL] } });
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(0);
  });

  it("is told on the pledge page and not offered the form; a colleague who is not a member can pledge", async () => {
    const need = await openRequest();
    const page = await jsonOf<{ own: boolean }>(
      await callLoader(pledgeLoader, { path: "/", params: { id: need.id }, cookie: bothCookie }),
    );
    expect(page.own).toBe(true);
    const request = await jsonOf<{ canPledge: boolean }>(
      await callLoader(publicLoader, { path: "/", params: { id: need.id }, cookie: bothCookie }),
    );
    expect(request.canPledge).toBe(false);

    const colleague = await sessionCookieFor(world.users.supplierOwner.id);
    const taken = await callAction(pledgeAction, {
      path: "/",
      params: { id: need.id },
      cookie: colleague,
      form: { submissionKey: `colleague-${need.id}`, quantity: "5", expectedDeliveryDate: inDays(7) },
    });
    expect(taken.status).toBe(302);
    expect(
      await db.pledge.count({ where: { requestId: need.id, supplierOrganisationId: world.supplier.id } }),
    ).toBe(1);
  });
});

describe("a member of both the requesting organisation and the supplier, on a colleague's pledge", () => {
  const today = new Date().toISOString().slice(0, 10);
  const pledgeTo = async (status: "ACCEPTED" | "DELIVERED") => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 10,
      pledgedQuantity: 4,
      status: "PARTIALLY_PLEDGED",
    });
    return createPledgeRow({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      createdById: world.users.supplierOwner.id,
      quantity: 4,
      status,
    });
  };
  const post = (pledgeId: string, cookie: string, form: Record<string, string>) =>
    callAction(pledgeDetailAction, { path: "/", params: { id: pledgeId }, cookie, form });

  it("acts only as the requestor: cannot report the delivery it would then confirm", async () => {
    const pledge = await pledgeTo("ACCEPTED");
    const page = await jsonOf<{ roles: string[] }>(
      await callLoader(pledgeDetailLoader, { path: "/", params: { id: pledge.id }, cookie: bothCookie }),
    );
    expect(page.roles).toEqual(["REQUESTOR"]);
    const report = {
      intent: "reportDelivery",
      deliveredQuantity: "4",
      deliveredOn: today,
      deliveryNote: "All four hours done",
    };
    const refused = await post(pledge.id, bothCookie, report);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await jsonOf(refused))).toContain("You cannot do this to a pledge.");
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("ACCEPTED");

    // the supplier's colleague who is not in the VCSE reports it; the dual member confirms it for the VCSE
    const colleague = await sessionCookieFor(world.users.supplierOwner.id);
    expect((await post(pledge.id, colleague, report)).status).toBe(302);
    expect((await post(pledge.id, bothCookie, { intent: "confirm" })).status).toBe(302);
    const events = await db.pledgeEvent.findMany({
      where: { pledgeId: pledge.id },
      orderBy: { createdAt: "asc" },
      select: { toStatus: true, actorUserId: true },
    });
    expect(events).toEqual([
      { toStatus: "DELIVERED", actorUserId: world.users.supplierOwner.id },
      { toStatus: "CONFIRMED", actorUserId: both.id },
    ]);
  });

  it("cannot withdraw the supplier's pledge either", async () => {
    const pledge = await pledgeTo("ACCEPTED");
    const refused = await post(pledge.id, bothCookie, { intent: "withdraw" });
    expect(refused.status).toBe(400);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("ACCEPTED");
  });
});
