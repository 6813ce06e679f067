// The council dashboard's "needs action" list for the requests the council posted itself: the council's own
// requests only (not a partner council's, nor a VCSE's in its area), read fresh, and not for a partner's shared staff.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader } from "~/routes/council.dashboard.tsx";
import {
  addMember,
  createPledge,
  createRequest,
  createUser,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let clothes: { id: string };
let laptops: { id: string };
let partners: { id: string };

type Actions = Record<"toAnswer" | "toConfirm" | "disputed", { count: number; requestId: string | null }>;

async function actionsFor(userId: string, acting?: string): Promise<Actions | null> {
  const cookie = await sessionCookieFor(userId);
  const response = await callLoader(loader, {
    path: "/council/dashboard",
    cookie: acting ? `${cookie}; svm_org=${acting}` : cookie,
  });
  expect(response.status).toBe(200);
  return (await response.json()).requestActions;
}

beforeAll(async () => {
  world = await createWorld();
  const { councilA, councilB, vcse, supplier, otherSupplier, category } = world;
  const pledge = (requestId: string, status: Parameters<typeof createPledge>[0]["status"], quantity = 2) =>
    createPledge({ requestId, supplierOrganisationId: supplier.id, status, quantity });

  const own = { councilId: councilA.id, organisationId: councilA.id, categoryId: category.id, quantity: 50 };
  clothes = await createRequest({ ...own, title: "Winter coats for the shelter" });
  laptops = await createRequest({ ...own, title: "Laptops for the library" });
  await pledge(clothes.id, "OFFERED");
  await createPledge({
    requestId: clothes.id,
    supplierOrganisationId: otherSupplier.id,
    status: "OFFERED",
    quantity: 3,
  });
  await pledge(clothes.id, "DELIVERED");
  await pledge(laptops.id, "DELIVERED");
  await pledge(laptops.id, "DISPUTED");
  // nothing for the council to do on these
  await pledge(clothes.id, "ACCEPTED");
  await pledge(laptops.id, "CONFIRMED");
  await pledge(laptops.id, "DECLINED");

  // a partner council's request in this council's area, and a VCSE's: not the council's to answer
  partners = await createRequest({
    councilId: councilA.id,
    organisationId: councilB.id,
    categoryId: category.id,
    title: "Partner council's need",
  });
  await pledge(partners.id, "OFFERED");
  await pledge(partners.id, "DISPUTED");
  const groups = await createRequest({
    councilId: councilA.id,
    organisationId: vcse.id,
    categoryId: category.id,
    title: "A group's need",
  });
  await pledge(groups.id, "OFFERED");
  await pledge(groups.id, "DELIVERED");
});

describe("council dashboard: the council's own requests", () => {
  it("counts pledges to answer, deliveries to confirm and disputes on its own requests only", async () => {
    expect(await actionsFor(world.users.officerA.id)).toEqual({
      // both offers are on one request: the link goes to its manage page
      toAnswer: { count: 2, requestId: clothes.id },
      // on two requests: the link goes to the council's list of requests
      toConfirm: { count: 2, requestId: null },
      disputed: { count: 1, requestId: laptops.id },
    });
  });

  it("counts the partner council's own requests on the partner's dashboard, not this council's", async () => {
    expect(await actionsFor(world.users.officerB.id)).toEqual({
      toAnswer: { count: 1, requestId: partners.id },
      toConfirm: { count: 0, requestId: null },
      disputed: { count: 1, requestId: partners.id },
    });
  });

  it("counts a new offer on the next view", async () => {
    await createPledge({
      requestId: laptops.id,
      supplierOrganisationId: world.otherSupplier.id,
      status: "OFFERED",
    });
    const after = await actionsFor(world.users.councilAdmin.id);
    expect(after?.toAnswer).toEqual({ count: 3, requestId: null });
  });

  it("says nothing needs action to an officer whose council has none", async () => {
    const council = world.councilB;
    await db.pledge.updateMany({
      where: { request: { organisationId: council.id } },
      data: { status: "CONFIRMED" },
    });
    expect(await actionsFor(world.users.officerB.id)).toEqual({
      toAnswer: { count: 0, requestId: null },
      toConfirm: { count: 0, requestId: null },
      disputed: { count: 0, requestId: null },
    });
  });

  it("is left out for a partner's shared staff, who do not act for the council as a requestor", async () => {
    const shared = await createUser();
    await addMember(world.councilB.id, shared.id, "OFFICER");
    await db.membership.updateMany({ where: { userId: shared.id }, data: { partnershipWide: true } });
    expect(await actionsFor(shared.id, world.councilA.id)).toBeNull();
    expect(await actionsFor(shared.id, world.councilB.id)).not.toBeNull();
  });
});
