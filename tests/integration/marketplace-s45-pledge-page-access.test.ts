// A council officer who opened a pledge's link (/pledges/<id>) got a 404, though officers of the council a request is
// for oversee its pledges, as they see the request itself. The pledge's page now answers the request's own
// members (who act on it as the requestor), its supplier's members (who act as the supplier) and the officers of the
// request's council (who read it, with no form to act and an action answering 403); anyone else still gets 404. The
// delivery-report problems a refused form is told (a date before the pledge) come from the pledge the page loaded
// by that rule, so they are never told about a pledge the asker may not see.
import { describe, expect, test } from "vitest";
import { db } from "~/db.server.ts";
import { createPartnershipMember, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { daysFromToday } from "../helpers/london-days.ts";

const CONTACT = "Ring Sam on the office line";
const OVERSIGHT = "You are reading this pledge as an officer of the council the request is for.";

async function pledgeOfStatus(status: "OFFERED" | "ACCEPTED") {
  const w = await createWorld();
  const { need, pledge } = await createPartlyPledgedRequest(w, {
    request: { contactPreference: CONTACT },
    pledge: { status, createdById: w.users.supplierOwner.id },
  });
  return { w, need, pledge };
}

const pageAs = async (pledgeId: string, userId: string) =>
  renderPage(`/pledges/${pledgeId}`, await sessionCookieFor(userId));

describe("who gets a pledge's page", () => {
  test("a member of the group that asked gets it, with the requestor's forms", async () => {
    const { w, pledge } = await pledgeOfStatus("OFFERED");
    const response = await pageAs(pledge.id, w.users.vcseMember.id);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('name="intent" value="accept"');
    expect(html).toContain('value="decline"');
    expect(readableMainText(html)).not.toContain(OVERSIGHT);
  });

  test("an officer of the request's council reads it, with no form to act and no contact details", async () => {
    const { w, need, pledge } = await pledgeOfStatus("ACCEPTED");
    const response = await pageAs(pledge.id, w.users.officerA.id);
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain(need.title);
    expect(text).toContain(`Pledge from ${w.supplier.name}`);
    expect(text).toContain(OVERSIGHT);
    // an accepted pledge: its supplier would be offered withdrawing it, its requestor calling it off
    expect(html).not.toContain('name="intent"');
    expect(text).not.toContain(CONTACT);
    expect(html).toContain(`href="/requests/${need.id}"`);
    // the council's own admin, too
    expect((await pageAs(pledge.id, w.users.councilAdmin.id)).status).toBe(200);
  });

  test("a partner council's shared officer (decision 011) still gets 404: the council's own officers read it", async () => {
    const { w, pledge } = await pledgeOfStatus("OFFERED");
    const shared = await createPartnershipMember(w.councilB.id, "OFFICER");
    expect((await pageAs(pledge.id, shared.id)).status).toBe(404);
  });

  test("an officer of another council, another supplier and another group get 404", async () => {
    const { w, pledge } = await pledgeOfStatus("ACCEPTED");
    for (const user of [
      w.users.officerB,
      w.users.otherSupplierOwner,
      w.users.otherVcseOwner,
      w.users.platformAdmin,
    ])
      expect((await pageAs(pledge.id, user.id)).status).toBe(404);
  });
});

describe("acting on a pledge", () => {
  test("an officer of the request's council cannot act on it (403), and nothing changes", async () => {
    const { w, pledge } = await pledgeOfStatus("OFFERED");
    const response = await postPage(
      `/pledges/${pledge.id}`,
      formOf({ intent: "accept" }),
      await sessionCookieFor(w.users.officerA.id),
    );
    expect(response.status).toBe(403);
    const after = await db.pledge.findUniqueOrThrow({ where: { id: pledge.id }, select: { status: true } });
    expect(after.status).toBe("OFFERED");
    expect(await db.pledgeEvent.count({ where: { pledgeId: pledge.id } })).toBe(0);
  });

  test("a refused delivery report's problems are told only to the pledge's supplier", async () => {
    const { w, pledge } = await pledgeOfStatus("ACCEPTED");
    // a date before the pledge, with a form error beside it (no amount), so the page checks the date against the pledge
    const report = () =>
      formOf({
        intent: "reportDelivery",
        deliveredQuantity: "",
        deliveredOn: daysFromToday(-400),
        deliveryNote: "x",
      });
    const beforePledge = "Date delivered cannot be before you pledged";

    const own = await postPage(
      `/pledges/${pledge.id}`,
      report(),
      await sessionCookieFor(w.users.supplierMember.id),
    );
    expect(own.status).toBe(400);
    expect(readableMainText(await own.text())).toContain(beforePledge);

    const other = await postPage(
      `/pledges/${pledge.id}`,
      report(),
      await sessionCookieFor(w.users.otherSupplierOwner.id),
    );
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain(beforePledge);

    const officer = await postPage(
      `/pledges/${pledge.id}`,
      report(),
      await sessionCookieFor(w.users.officerA.id),
    );
    expect(officer.status).toBe(403);
    expect(await officer.text()).not.toContain(beforePledge);

    const after = await db.pledge.findUniqueOrThrow({ where: { id: pledge.id }, select: { status: true } });
    expect(after.status).toBe("ACCEPTED");
  });
});
