// A requestor whose need has gone can withdraw a request that offers alone have fully pledged: the offers are
// declined (the suppliers emailed why) and their share given back. Before, a fully pledged request could not be
// withdrawn at all: the manage page offered no way, and the requestor had to decline every offer by hand first.
// Work already accepted still keeps it from being withdrawn.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as manageAction } from "~/routes/requests.$id.manage.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let vcseCookie: string;

beforeAll(async () => {
  world = await createWorld();
  vcseCookie = await sessionCookieFor(world.users.vcseOwner.id);
});

async function fullyPledged(second: "OFFERED" | "ACCEPTED") {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity: 8,
    pledgedQuantity: 8,
    status: "FULLY_PLEDGED",
  });
  const first = await createPledge({
    requestId: need.id,
    supplierOrganisationId: world.supplier.id,
    createdById: world.users.supplierOwner.id,
    quantity: 5,
  });
  const other = await createPledge({
    requestId: need.id,
    supplierOrganisationId: world.otherSupplier.id,
    createdById: world.users.otherSupplierOwner.id,
    quantity: 3,
    status: second,
  });
  return { need, first, other };
}

const withdraw = (id: string) =>
  callAction(manageAction, {
    path: "/",
    params: { id },
    cookie: vcseCookie,
    form: { intent: "withdraw", reason: "The event was cancelled" },
  });

describe("withdrawing a fully pledged request", () => {
  it("is allowed while its pledges are only offers, declining them", async () => {
    const { need, first, other } = await fullyPledged("OFFERED");
    expect((await withdraw(need.id)).status).toBe(302);
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "WITHDRAWN",
      pledgedQuantity: 0,
    });
    for (const pledge of [first, other])
      expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("DECLINED");
    expect(
      await db.emailOutbox.count({
        where: {
          to: { in: [world.users.supplierOwner.email, world.users.otherSupplierOwner.email] },
          template: "marketplace.decline",
          text: { contains: need.title },
        },
      }),
    ).toBe(2);
  });

  it("is refused while a pledge to it is accepted, changing nothing", async () => {
    const { need, first, other } = await fullyPledged("ACCEPTED");
    const refused = await withdraw(need.id);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await jsonOf(refused))).toContain("while a pledge to it is accepted");
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "FULLY_PLEDGED",
      pledgedQuantity: 8,
    });
    expect((await db.pledge.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("OFFERED");
    expect((await db.pledge.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("ACCEPTED");
  });
});
