// The pledge form did not say the supplier had already pledged to the request. Two colleagues could each pledge,
// unaware of the other, and a supplier back on a request it had pledged to had no way from it to its pledge. The
// form's page now lists the organisation's pledges to the request that still stand, each linked to its page.
import { beforeAll, describe, expect, it } from "vitest";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  world = await createWorld();
  cookies.member = await sessionCookieFor(world.users.supplierMember.id);
  cookies.other = await sessionCookieFor(world.users.otherSupplierOwner.id);
});

const formPage = async (requestId: string, cookie: string) => {
  const html = await (await renderPage(`/requests/${requestId}/pledge`, cookie)).text();
  return { html, text: readableMainText(html) };
};

describe("the pledge form of a request the supplier has already pledged to", () => {
  it("lists the organisation's pledges that still stand, linked, and says another is in addition", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 30,
      pledgedQuantity: 9,
      status: "PARTIALLY_PLEDGED",
    });
    // a colleague's offer and an accepted pledge stand; a withdrawn one does not
    const offered = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 4,
      createdById: world.users.supplierOwner.id,
    });
    const accepted = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 5,
      status: "ACCEPTED",
    });
    await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 7,
      status: "WITHDRAWN",
    });
    // another supplier's pledge is not this supplier's to see
    const theirs = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.otherSupplier.id,
      quantity: 2,
    });

    const { html, text } = await formPage(need.id, cookies.member);
    expect(text).toContain(`${world.supplier.name} has already pledged to this request:`);
    expect(text).toContain("4 hours, offered");
    expect(text).toContain("5 hours, accepted");
    expect(text).not.toContain("7 hours, withdrawn");
    expect(text).toContain("A pledge sent here is in addition to these.");
    expect(html).toContain(`href="/pledges/${offered.id}"`);
    expect(html).toContain(`href="/pledges/${accepted.id}"`);
    expect(html).not.toContain(theirs.id);
    expect(text).toContain("Send pledge");

    // the other supplier sees only its own
    const other = await formPage(need.id, cookies.other);
    expect(other.text).toContain("2 hours, offered");
    expect(other.text).toContain("A pledge sent here is in addition to this.");
    expect(other.html).not.toContain(offered.id);
  });

  it("says nothing of the kind when the organisation has not pledged to it", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
    });
    expect((await formPage(need.id, cookies.member)).text).not.toContain("has already pledged");
  });
});
