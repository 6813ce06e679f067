// An invitation typed in for an address was redeemable by the first signed-in business to follow the link, even when
// the address was a business's contact address or a person's account address on the service: a forwarded email let
// another business answer in its place and used up its link. Such a link now works only for the business the
// address belongs to; anyone else is shown the link "does not work" (404) and the link stays free. An address known
// to nobody here keeps its link for the first business to follow it, as before (decision 031, s40 addendum).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { inviteEligible } from "~/domain/survey/cycles.server.ts";
import {
  addMember,
  createMember,
  createOrganisation,
  createUser,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { followInvitation, invitationEmailsTo, officerInviting } from "./survey-invite-world.ts";

// (since s41 the page says the link is another business's, and what to do, instead of that it "does not work")
async function refusedWithoutRevealing(token: string, cookie: string) {
  const page = await renderPage(`/survey/invitation/${token}`, cookie);
  expect(page.status).toBe(403);
  const text = readableMainText(await page.text());
  expect(text).toContain("This invitation is for another business");
  expect(text).toContain("the link still works for the business it was sent to");
}

const ownerOf = async (organisationId: string) =>
  sessionCookieFor((await createMember(organisationId, "OWNER")).id);

describe("a survey invitation sent to an address the service knows", () => {
  it("works only for the business whose contact address it is", async () => {
    const { council, cycle, sendInvitation } = await officerInviting("ZS4", "s40-unused");
    const contact = `${unique("s40-contact")}@faraway.test`;
    const invited = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await db.organisation.update({ where: { id: invited.id }, data: { contactEmail: contact } });
    const other = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });

    expect((await sendInvitation({ email: contact.toUpperCase() })).status).toBe(302);
    const [{ token }] = await invitationEmailsTo(contact);

    await refusedWithoutRevealing(token, await ownerOf(other.id));
    expect(
      await db.surveyInvitation.findFirstOrThrow({
        where: { cycleId: cycle.id },
        select: { organisationId: true, usedAt: true },
      }),
    ).toEqual({ organisationId: null, usedAt: null });

    const followed = await followInvitation(token, await ownerOf(invited.id));
    expect(followed.headers.get("location")).toBe(`/survey/${cycle.id}`);
    expect(
      await db.surveyInvitation.findFirstOrThrow({
        where: { cycleId: cycle.id },
        select: { organisationId: true },
      }),
    ).toEqual({ organisationId: invited.id });
  });

  it("works only for a business of the person whose verified account address it is", async () => {
    const { council, cycle, sendInvitation } = await officerInviting("ZS5", "s40-unused");
    const personal = `${unique("s40-person")}@faraway.test`;
    const person = await createUser({ email: personal });
    const theirs = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await addMember(theirs.id, person.id, "MEMBER", false);
    const other = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });

    expect((await sendInvitation({ email: personal })).status).toBe(302);
    const [{ token }] = await invitationEmailsTo(personal);

    await refusedWithoutRevealing(token, await ownerOf(other.id));
    // a colleague at the person's business may answer for it
    const followed = await followInvitation(token, await ownerOf(theirs.id));
    expect(followed.headers.get("location")).toBe(`/survey/${cycle.id}`);
  });

  it("keeps a link to an address no business or verified account has for the first business to follow it", async () => {
    const { council, cycle, sendInvitation } = await officerInviting("ZS6", "s40-unused");
    // an account that never confirmed the address does not make it known
    const unconfirmed = `${unique("s40-unconfirmed")}@faraway.test`;
    await createUser({ email: unconfirmed, verified: false });
    const newcomer = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });

    expect((await sendInvitation({ email: unconfirmed })).status).toBe(302);
    const [{ token }] = await invitationEmailsTo(unconfirmed);
    const followed = await followInvitation(token, await ownerOf(newcomer.id));
    expect(followed.headers.get("location")).toBe(`/survey/${cycle.id}`);
  });
});

describe("a survey invitation sent to an eligible business", () => {
  it("does not work for another business, and stays free for the one invited", async () => {
    const { council, cycle } = await officerInviting("ZS7", "s40-unused");
    const invited = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: "ZS7 1AA",
    });
    const contact = `${unique("s40-eligible")}@faraway.test`;
    await db.organisation.update({ where: { id: invited.id }, data: { contactEmail: contact } });
    const officer = await db.membership.findFirstOrThrow({
      where: { organisationId: council.id },
      select: { userId: true },
    });
    expect(await inviteEligible({ userId: officer.userId, councilId: council.id }, cycle.id)).toMatchObject({
      sent: 1,
    });
    const [{ token }] = await invitationEmailsTo(contact);

    const outsider = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await refusedWithoutRevealing(token, await ownerOf(outsider.id));
    const followed = await followInvitation(token, await ownerOf(invited.id));
    expect(followed.headers.get("location")).toBe(`/survey/${cycle.id}`);
  });
});
