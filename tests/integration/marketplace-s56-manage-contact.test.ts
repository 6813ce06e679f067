// A request's manage page said "How a supplier can contact you: Not given" when the request had no contact
// preference, though a supplier whose pledge was accepted is given an address (requestor-contact.server.ts). The group
// now reads there what its agreed suppliers are shown, the preference and the address, and whose address it is.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createWorld,
} from "../helpers/factories.ts";
import { decodeEntities, pageHtmlAs, readableMainText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

// the contact row of the manage page, as the group reads it
async function managePageRow(requestId: string, userId: string) {
  const text = decodeEntities(readableMainText(await pageHtmlAs(`/requests/${requestId}/manage`, userId)));
  const start = text.indexOf("How a supplier can contact you");
  expect(start).toBeGreaterThan(-1);
  // to the end of its note (the sentence saying when a supplier is given it, and how to give another address)
  const note = text.indexOf("Shown to a supplier once you accept its pledge.", start);
  expect(note).toBeGreaterThan(start);
  const end = text.indexOf("organisation's page", note);
  return text.slice(start, end > -1 ? end + 19 : note + 48);
}

// what the supplier reads on the accepted pledge's page
async function supplierReads(pledgeId: string) {
  return decodeEntities(
    readableMainText(await pageHtmlAs(`/pledges/${pledgeId}`, world.users.supplierOwner.id)),
  );
}

describe("the manage page's 'How a supplier can contact you'", () => {
  it("gives the address the supplier is given, and whose it is, as the group's details change", async () => {
    const group = await createOrganisation({ kind: "VCSE", councilId: world.councilA.id });
    const owner = await createMember(group.id, "OWNER");
    const poster = await createMember(group.id, "MEMBER");
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: group.id,
      categoryId: world.category.id,
      createdById: poster.id,
      quantity: 20,
      pledgedQuantity: 5,
      status: "PARTIALLY_PLEDGED",
    });
    await db.request.update({ where: { id: need.id }, data: { contactPreference: null } });
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      status: "ACCEPTED",
    });

    // no preference, no contact email: the poster's address, for the poster and the group's other members alike
    for (const reader of [poster.id, owner.id]) {
      const row = await managePageRow(need.id, reader);
      expect(row).not.toContain("Not given");
      expect(row).toContain(`Email: ${poster.email} (the email of the person who posted this request)`);
      expect(row).toContain("Your group's owner can give a contact email for suppliers to use instead");
    }
    expect(await supplierReads(pledge.id)).toContain(`Email: ${poster.email}`);

    // the poster left: its owners'
    await db.membership.deleteMany({ where: { organisationId: group.id, userId: poster.id } });
    const afterLeaving = await managePageRow(need.id, owner.id);
    expect(afterLeaving).not.toContain(poster.email);
    expect(afterLeaving).toContain(`Email: ${owner.email} (the email of your group's owners`);
    expect(await supplierReads(pledge.id)).toContain(`Email: ${owner.email}`);

    // a contact email, and a preference: both, as the supplier reads them
    await db.organisation.update({
      where: { id: group.id },
      data: { contactEmail: "hello@group.example.test" },
    });
    await db.request.update({
      where: { id: need.id },
      data: { contactPreference: "Ring Sam on 01483 000000" },
    });
    const withBoth = await managePageRow(need.id, owner.id);
    expect(withBoth).toContain("Ring Sam on 01483 000000");
    expect(withBoth).toContain("Email: hello@group.example.test (your group's contact email)");
    expect(withBoth).not.toContain(owner.email);
    expect(withBoth).not.toContain("can give a contact email");
    const supplier = await supplierReads(pledge.id);
    expect(supplier).toContain("Ring Sam on 01483 000000");
    expect(supplier).toContain("Email: hello@group.example.test");
    // the supplier is not told whose address it is: that is the group's to know, on the pledge's page too
    expect(supplier).not.toContain("your group's contact email");
    const groupsPledgePage = decodeEntities(
      readableMainText(await pageHtmlAs(`/pledges/${pledge.id}`, owner.id)),
    );
    expect(groupsPledgePage).toContain("Email: hello@group.example.test (your group's contact email)");
  });

  it("is shown before any pledge is accepted, saying when a supplier is given it", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      createdById: world.users.vcseMember.id,
      status: "OPEN",
    });
    await db.request.update({ where: { id: need.id }, data: { contactPreference: null } });
    const row = await managePageRow(need.id, world.users.vcseMember.id);
    expect(row).toContain(`Email: ${world.users.vcseMember.email}`);
    expect(row).toContain("Shown to a supplier once you accept its pledge");
    // and not to a supplier yet
    const publicPage = await pageHtmlAs(`/requests/${need.id}`, world.users.supplierOwner.id);
    expect(publicPage).not.toContain(world.users.vcseMember.email);
  });
});
