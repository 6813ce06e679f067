// The requestor's list of requests said "1 pledge(s)" under "Waiting for you"; it now says what waits, in
// words that agree with the number: pledges offered to answer, and deliveries to confirm, disputed ones included
// as on the group's dashboard.
import { beforeAll, describe, expect, it } from "vitest";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  const base = { councilId: world.councilA.id, organisationId: world.vcse.id, categoryId: world.category.id };
  const one = await createRequest({
    ...base,
    title: "One waiting",
    status: "PARTIALLY_PLEDGED",
    quantity: 50,
  });
  await createPledge({ requestId: one.id, supplierOrganisationId: world.supplier.id, quantity: 5 });
  const two = await createRequest({
    ...base,
    title: "Two waiting",
    status: "PARTIALLY_PLEDGED",
    quantity: 50,
  });
  await createPledge({ requestId: two.id, supplierOrganisationId: world.supplier.id, quantity: 5 });
  await createPledge({
    requestId: two.id,
    supplierOrganisationId: world.otherSupplier.id,
    quantity: 5,
    status: "DELIVERED",
  });
  // disputed: the group may still confirm it, and its dashboard counts it as waiting for it
  await createPledge({
    requestId: two.id,
    supplierOrganisationId: world.otherSupplier.id,
    quantity: 5,
    status: "DISPUTED",
  });
  // accepted: waits for the supplier, not the group
  await createPledge({
    requestId: two.id,
    supplierOrganisationId: world.otherSupplier.id,
    quantity: 5,
    status: "ACCEPTED",
  });
});

describe("the requestor's list of requests", () => {
  it("says how many pledges wait for an answer or a confirmation, singular or plural", async () => {
    const response = await renderPage("/my-requests", await sessionCookieFor(world.users.vcseOwner.id));
    expect(response.status).toBe(200);
    const text = readableText(await response.text());
    expect(text).not.toContain("(s)");
    expect(text).toMatch(/One waiting .*1 pledge to answer or confirm/);
    expect(text).toMatch(/Two waiting .*3 pledges to answer or confirm/);
  });
});
