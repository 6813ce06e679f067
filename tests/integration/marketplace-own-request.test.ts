// Someone who belongs to both a VCSE and a supplier cannot pledge, for the supplier, to the VCSE's request: they
// could then accept the pledge and confirm its delivery alone. Refused in the domain, not only on the page.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createPledge } from "~/domain/marketplace/pledges.server.ts";
import { action as pledgeAction, loader as pledgeLoader } from "~/routes/requests.$id.pledge.tsx";
import { loader as publicLoader } from "~/routes/requests.$id._index.tsx";
import {
  addMember,
  createMember,
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
