// The supplier dashboard's line about offers the groups have not answered read "1 of your pledges are waiting for
// the group to accept them" with one offer, and "0 of your pledges are waiting" with none. It no longer says "the
// group" either: a council team posts requests too.
import { beforeAll, describe, expect, it } from "vitest";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

async function supplierText(userId: string) {
  const response = await renderPage("/dashboard", await sessionCookieFor(userId));
  expect(response.status).toBe(200);
  return readableText(await response.text());
}

const offerTo = async (supplierOrganisationId: string) => {
  const request = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "OPEN",
  });
  await createPledge({ requestId: request.id, supplierOrganisationId, status: "OFFERED" });
};

describe("pledges waiting to be accepted", () => {
  it("reads as a sentence with none, one and several", async () => {
    expect(await supplierText(world.users.supplierOwner.id)).toContain(
      "None of your pledges are waiting to be accepted.",
    );
    await offerTo(world.supplier.id);
    expect(await supplierText(world.users.supplierOwner.id)).toContain(
      "1 of your pledges is waiting to be accepted.",
    );
    await offerTo(world.supplier.id);
    expect(await supplierText(world.users.supplierOwner.id)).toContain(
      "2 of your pledges are waiting to be accepted.",
    );
  });
});
