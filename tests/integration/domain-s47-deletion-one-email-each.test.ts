// Deleting the account of the last member of a group and of a supplier withdrew the group's requests (declining the
// pledges on offer to them) and the supplier's pledges on offer, and each of those changes sent its own email: a
// supplier with a pledge on three of the group's requests got three emails, a group with two of the supplier's
// pledges withdrawn got two, all about the one deletion. Each person now gets one email listing what changed for
// them, each as a link to its own page (the pledge's for a supplier, the request's for a group: the dashboard lists
// neither declined nor withdrawn pledges); someone with a single change gets that change's own email, as before.
// All are queued in the outbox, and the council's admin is told once of the organisations left with no members.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { appUrl } from "~/env.server.ts";
import {
  addMember,
  createCategory,
  createCouncil,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createUser,
  unique,
} from "../helpers/factories.ts";
import { sendAccountDeletion } from "../helpers/account-deletion.ts";

afterAll(() => closeRateLimits());

/** The links of an email's HTML, each with its address and its words. */
function linksIn(html: string) {
  return [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map(([, href, text]) => ({
    href: href!.replace(/&amp;/g, "&"),
    text: text!
      .replace(/<[^>]+>/g, "")
      .replace(/&#x27;|&#39;/g, "'")
      .trim(),
  }));
}

/** The last member of a group and of a supplier, the suppliers with offers to the group's requests, and the group
 * with the supplier's offers to its requests. */
async function groupAndSupplierWithOffers() {
  const council = await createCouncil();
  const councilAdmin = await createMember(council.id, "ADMIN");
  const category = await createCategory(council.id);
  const person = await createUser();
  const group = await createOrganisation({
    kind: "VCSE",
    councilId: council.id,
    name: unique("Acorn Group"),
  });
  const ownSupplier = await createOrganisation({
    kind: "SUPPLIER",
    councilId: council.id,
    name: unique("Acorn Supplies"),
  });
  for (const organisation of [group, ownSupplier]) await addMember(organisation.id, person.id, "OWNER");

  // a supplier (two owners) with an offer on three of the group's requests, another with an offer on one
  const busySupplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  const busyMembers = [
    await createMember(busySupplier.id, "OWNER"),
    await createMember(busySupplier.id, "OWNER"),
  ];
  const quietSupplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  const quietMember = await createMember(quietSupplier.id, "OWNER");
  const titles: string[] = [];
  const busyPledges: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const title = unique(`Laptops ${i}`);
    titles.push(title);
    const need = await createRequest({
      councilId: council.id,
      organisationId: group.id,
      categoryId: category.id,
      title,
      pledgedQuantity: i === 1 ? 10 : 5,
    });
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: busySupplier.id,
      quantity: 5,
    });
    busyPledges.push(pledge.id);
    if (i === 1)
      await createPledge({ requestId: need.id, supplierOrganisationId: quietSupplier.id, quantity: 5 });
  }
  // and a group (one member) with two of the person's supplier's pledges on offer to its requests
  const otherGroup = await createOrganisation({ kind: "VCSE", councilId: council.id });
  const otherGroupMember = await createMember(otherGroup.id, "OWNER");
  const otherRequests: string[] = [];
  for (let i = 1; i <= 2; i++) {
    const need = await createRequest({
      councilId: council.id,
      organisationId: otherGroup.id,
      categoryId: category.id,
      pledgedQuantity: 5,
    });
    otherRequests.push(need.id);
    await createPledge({ requestId: need.id, supplierOrganisationId: ownSupplier.id, quantity: 5 });
  }
  return {
    council,
    councilAdmin,
    person,
    group,
    ownSupplier,
    busyMembers,
    quietMember,
    otherGroupMember,
    titles,
    busyPledges,
    otherRequests,
  };
}

describe("deleting the account of the last member of a group and a supplier", () => {
  it("queues one marketplace email per recipient, listing every change for them", async () => {
    const {
      council,
      councilAdmin,
      person,
      group,
      ownSupplier,
      busyMembers,
      quietMember,
      otherGroupMember,
      titles,
      busyPledges,
      otherRequests,
    } = await groupAndSupplierWithOffers();
    const deleted = await sendAccountDeletion(
      { userId: person.id },
      { leaveWithoutMembers: [group.id, ownSupplier.id] },
    );
    expect(deleted.status).toBe(302);

    const recipients = [...busyMembers, quietMember, otherGroupMember].map((user) => user.email);
    const rows = await db.emailOutbox.findMany({
      where: { to: { in: recipients }, template: { startsWith: "marketplace." } },
      select: {
        to: true,
        subject: true,
        text: true,
        html: true,
        template: true,
        councilId: true,
        sentAt: true,
      },
    });
    const countFor = (to: string) => rows.filter((row) => row.to === to).length;
    for (const to of recipients) expect(countFor(to), to).toBe(1);
    expect(rows.every((row) => row.sentAt === null)).toBe(true);

    for (const member of busyMembers) {
      const email = rows.find((row) => row.to === member.email)!;
      expect(email.template).toBe("marketplace.changes_after_deletion");
      expect(email.subject).toBe("3 changes to pledges you are involved in");
      expect(email.councilId).toBe(council.id);
      expect(email.text).toContain(`Nobody is left at ${group.name}`);
      // each change a link to its pledge's page, named by what changed
      titles.forEach((title, i) =>
        expect(linksIn(email.html)).toContainEqual({
          href: `${appUrl()}/pledges/${busyPledges[i]}`,
          text: `Pledge declined: ${title}`,
        }),
      );
      expect(email.html).not.toContain(`${appUrl()}/dashboard`);
    }
    const toOtherGroup = rows.find((row) => row.to === otherGroupMember.email)!;
    expect(toOtherGroup.template).toBe("marketplace.changes_after_deletion");
    expect(toOtherGroup.subject).toBe("2 changes to pledges you are involved in");
    expect(toOtherGroup.text.match(/Pledge withdrawn: /g)).toHaveLength(2);
    // each withdrawn pledge a link to the group's own page of the request it was on
    expect(linksIn(toOtherGroup.html).map((link) => link.href)).toEqual(
      expect.arrayContaining(otherRequests.map((id) => `${appUrl()}/requests/${id}/manage`)),
    );
    expect(toOtherGroup.text).toContain(`Nobody is left at ${ownSupplier.name}`);
    // one change: that change's own email, as before
    const toQuiet = rows.find((row) => row.to === quietMember.email)!;
    expect(toQuiet.template).toBe("marketplace.decline");
    expect(toQuiet.subject).toBe(`Pledge declined: ${titles[0]}`);
    const toAdmin = await db.emailOutbox.findMany({ where: { to: councilAdmin.email } });
    expect(toAdmin.map((row) => row.template)).toEqual(["organisation.without_members"]);
  });
});
