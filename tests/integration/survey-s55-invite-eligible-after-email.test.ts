// Found in exploratory testing: an officer invited sme@demo.test by email, then pressed "Invite eligible businesses",
// which says it invites businesses not invited yet: the SME got a second email with a different link. A business
// that a link sent to an address typed in has already invited (the address it would be written to, its contact
// address when that link was sent, or a member's confirmed address) is now skipped, and the officer is told how many
// were (decision 055).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import { createMember, createOrganisation, sessionCookieFor, unique } from "../helpers/factories.ts";
import { flashMessageOf } from "../helpers/flash.ts";
import { callAction } from "../helpers/routes.ts";
import { followInvitation, invitationEmailsTo, officerInviting } from "./survey-invite-world.ts";

async function councilWithSmes(area: string) {
  const world = await officerInviting(area, "s55-unused");
  const sme = async () => {
    const business = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.council.id,
      registeredPostcode: `${area} 1AA`,
    });
    return { business, owner: await createMember(business.id, "OWNER") };
  };
  const inviteEligible = async () =>
    flashMessageOf(
      await callAction(cyclePage.action, {
        path: world.path,
        params: { cycleId: world.cycle.id },
        cookie: world.cookie,
        form: { intent: "invite-eligible" },
      }),
    );
  return { ...world, sme, inviteEligible };
}

describe("'Invite eligible businesses' after a business was invited by email", () => {
  it("skips the business invited at the address it would write to, says so, and invites the others", async () => {
    const { cycle, sendInvitation, sme, inviteEligible } = await councilWithSmes("ZV1");
    const kite = await sme();
    const oak = await sme();
    // typed in other letters' case, as an officer might
    expect((await sendInvitation({ email: kite.owner.email.toUpperCase() })).status).toBe(302);

    expect(await inviteEligible()).toBe(
      "Invitations sent to 1 business. 1 business already invited by email was skipped",
    );
    expect(await invitationEmailsTo(kite.owner.email)).toHaveLength(1);
    expect(await invitationEmailsTo(oak.owner.email)).toHaveLength(1);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "survey.invite", entityId: cycle.id },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.details).toEqual({ invitations: 1, invitedByEmail: 1 });

    // pressed again: nothing to send, and the business invited by email is still skipped, not invited
    expect(await inviteEligible()).toBe(
      "No invitations sent: 1 business already invited by email was skipped",
    );
    expect(await invitationEmailsTo(kite.owner.email)).toHaveLength(1);

    // the one link it has still works for it
    const [{ token }] = await invitationEmailsTo(kite.owner.email);
    const followed = await followInvitation(token, await sessionCookieFor(kite.owner.id));
    expect(followed.headers.get("location")).toBe(`/survey/${cycle.id}`);
    // once it has taken the link up, it is invited as any business is: nothing to skip or say
    expect(await inviteEligible()).toBe("Every eligible business has already been invited or has answered");
  });

  it("skips a business whose contact address, or a member's address, was the one typed in", async () => {
    const { sendInvitation, sme, inviteEligible } = await councilWithSmes("ZV2");
    // the round would write to the contact address; the officer typed the owner's own address
    const byMember = await sme();
    const contact = `${unique("s55-office")}@faraway.test`;
    await db.organisation.update({ where: { id: byMember.business.id }, data: { contactEmail: contact } });
    expect((await sendInvitation({ email: byMember.owner.email })).status).toBe(302);
    // the officer typed the contact address of a business whose owner signs in with another
    const byContact = await sme();
    const office = `${unique("s55-info")}@faraway.test`;
    await db.organisation.update({ where: { id: byContact.business.id }, data: { contactEmail: office } });
    expect((await sendInvitation({ email: office })).status).toBe(302);

    expect(await inviteEligible()).toBe(
      "No invitations sent: 2 businesses already invited by email were skipped",
    );
    expect(await invitationEmailsTo(contact)).toHaveLength(0);
    expect(await invitationEmailsTo(office)).toHaveLength(1);
    expect(await invitationEmailsTo(byMember.owner.email)).toHaveLength(1);
  });
});
