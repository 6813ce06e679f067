// The supplier dashboard's "requests that fit your commitments" are worked out once a minute per supplier and
// shared by its people. As each person sees them, they leave out a request the supplier has pledged to since
// (the shared copy is up to a minute old) and requests of a group the person belongs to (they may not pledge to
// those), as the full list on /matching does.
import { beforeAll, describe, expect, it } from "vitest";
import {
  addMember,
  createCommitment,
  createContract,
  createMeasure,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";
import { importWithSharedCache } from "../helpers/shared-cache.ts";

let dashboardLoader: typeof import("~/routes/dashboard.tsx").loader;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  // the suggestions are shared as in production
  dashboardLoader = await importWithSharedCache(async () => (await import("~/routes/dashboard.tsx")).loader);
  world = await createWorld();
});

describe("the supplier dashboard's suggested requests", () => {
  it("leave out one pledged to since they were worked out, and those of a group the person belongs to", async () => {
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
    const owner = await createMember(supplier.id, "OWNER");
    const volunteer = await createMember(supplier.id, "MEMBER");
    const group = await createOrganisation({ kind: "VCSE", councilId: world.councilA.id });
    await addMember(group.id, volunteer.id, "MEMBER");
    const measure = await createMeasure({
      councilId: world.councilA.id,
      contributingHelpTypes: ["VOLUNTEERING"],
    });
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: supplier.id,
    });
    await createCommitment({ contractId: contract.id, measureId: measure.id, targetQuantity: 500 });
    const need = (organisationId: string, title: string) =>
      createRequest({
        councilId: world.councilA.id,
        organisationId,
        categoryId: world.category.id,
        helpType: "VOLUNTEERING",
        quantity: 10,
        neededBy: new Date(Date.now() + 10 * 86_400_000),
        title,
      });
    const pledgedTo = await need(world.vcse.id, "Pledged to after the list was worked out");
    const theGroups = await need(group.id, "Posted by the volunteer's group");
    const suggested = async (userId: string) =>
      (
        await jsonOf<{ supplier: { matches: { id: string }[] } }>(
          await callLoader(dashboardLoader, { path: "/dashboard", cookie: await sessionCookieFor(userId) }),
        )
      ).supplier.matches.map((m) => m.id);

    expect(await suggested(owner.id)).toEqual(expect.arrayContaining([pledgedTo.id, theGroups.id]));
    await createPledge({
      requestId: pledgedTo.id,
      supplierOrganisationId: supplier.id,
      quantity: 2,
      status: "OFFERED",
    });
    expect(await suggested(owner.id)).toEqual([theGroups.id]);
    expect(await suggested(volunteer.id)).toEqual([]);
  });
});
