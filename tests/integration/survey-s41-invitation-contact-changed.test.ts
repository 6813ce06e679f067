// A survey invitation typed in for a business's contact address could be taken by any business that set its own
// contact address, which nobody checks, to the same one after the email went: a forwarded link and one changed
// field let it answer in the place of the business invited. A contact address now counts only as it was when the
// invitation was sent; a business claiming the address later is told the link is another business's and what to
// do, and the link stays free for the business invited (decision 031, s41 addendum).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  addMember,
  createMember,
  createOrganisation,
  createUser,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { jsonOf } from "../helpers/routes.ts";
import {
  followInvitation,
  invitationEmailsTo,
  officerInviting,
  openInvitation,
  takeUpInvitation,
} from "./survey-invite-world.ts";

const ownerOf = async (organisationId: string) =>
  sessionCookieFor((await createMember(organisationId, "OWNER")).id);

async function toldItIsAnotherBusinesss(token: string, cookie: string, businessName: string) {
  const page = await renderPage(`/survey/invitation/${token}`, cookie);
  expect(page.status).toBe(403);
  const text = readableMainText(await page.text());
  expect(text).toContain("This invitation is for another business");
  expect(text).toContain(`so ${businessName} cannot use it to answer the survey`);
  expect(text).toContain("the link still works for the business it was sent to");
  expect(text).toContain("ask the council that sent it to send one to your business");
}

const invitationOf = (cycleId: string) =>
  db.surveyInvitation.findFirstOrThrow({
    where: { cycleId },
    select: { organisationId: true, usedAt: true },
  });

describe("a business that sets its contact address to an invited one after the invitation was sent", () => {
  it("cannot take the invitation, which the business whose contact address it was still can", async () => {
    const { council, cycle, sendInvitation } = await officerInviting("ZT1", "s41-unused");
    const contact = `${unique("s41-contact")}@faraway.test`;
    const invited = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await db.organisation.update({ where: { id: invited.id }, data: { contactEmail: contact } });

    expect((await sendInvitation({ email: contact })).status).toBe(302);
    const [{ token }] = await invitationEmailsTo(contact);

    // after the email went, another business claims the address as its own (in other letters' case too)
    const claimant = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await db.organisation.update({
      where: { id: claimant.id },
      data: { contactEmail: contact.toUpperCase() },
    });
    await toldItIsAnotherBusinesss(token, await ownerOf(claimant.id), claimant.name);
    expect(await invitationOf(cycle.id)).toEqual({ organisationId: null, usedAt: null });

    const followed = await followInvitation(token, await ownerOf(invited.id));
    expect(followed.headers.get("location")).toBe(`/survey/${cycle.id}`);
    expect((await invitationOf(cycle.id)).organisationId).toBe(invited.id);
  });

  it("cannot take one sent to a person's confirmed account address, which the person's business still can", async () => {
    const { council, cycle, sendInvitation } = await officerInviting("ZT2", "s41-unused");
    const personal = `${unique("s41-person")}@faraway.test`;
    const person = await createUser({ email: personal });
    const theirs = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await addMember(theirs.id, person.id, "OWNER", false);

    expect((await sendInvitation({ email: personal })).status).toBe(302);
    const [{ token }] = await invitationEmailsTo(personal);

    const claimant = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await db.organisation.update({ where: { id: claimant.id }, data: { contactEmail: personal } });
    await toldItIsAnotherBusinesss(token, await ownerOf(claimant.id), claimant.name);
    expect(await invitationOf(cycle.id)).toEqual({ organisationId: null, usedAt: null });

    const followed = await followInvitation(token, await sessionCookieFor(person.id));
    expect(followed.headers.get("location")).toBe(`/survey/${cycle.id}`);
    expect((await invitationOf(cycle.id)).organisationId).toBe(theirs.id);
  });
});

describe("someone in two businesses following their other business's invitation", () => {
  // (before decision 055 they were told to choose that business at the top of the page and follow the link again)
  it("is offered that business only, and taking the link up works for it", async () => {
    const { council, cycle, sendInvitation } = await officerInviting("ZT3", "s41-unused");
    const contact = `${unique("s41-two")}@faraway.test`;
    const invited = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await db.organisation.update({ where: { id: invited.id }, data: { contactEmail: contact } });
    expect((await sendInvitation({ email: contact })).status).toBe(302);
    const [{ token }] = await invitationEmailsTo(contact);

    // they joined the other business first, so the service acts for it until they choose
    const other = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const person = await createMember(other.id, "OWNER");
    await addMember(invited.id, person.id, "MEMBER", false);
    const cookie = await sessionCookieFor(person.id);
    const opened = await openInvitation(token, cookie);
    expect(opened.status).toBe(200);
    // the business's own contact address: nothing to confirm
    expect(await jsonOf(opened)).toMatchObject({
      problem: null,
      takeUp: {
        businesses: [{ id: invited.id, name: invited.name }],
        chosenId: invited.id,
        confirmAddress: null,
      },
    });
    expect(await invitationOf(cycle.id)).toEqual({ organisationId: null, usedAt: null });

    // taking it up for the other business (a form made by hand) is refused, and leaves it free
    const refused = await takeUpInvitation(token, cookie, { organisationId: other.id });
    expect(refused.status).toBe(403);
    expect(await invitationOf(cycle.id)).toEqual({ organisationId: null, usedAt: null });

    const taken = await takeUpInvitation(token, cookie, { organisationId: invited.id });
    expect(taken.headers.get("location")).toBe(`/survey/${cycle.id}`);
    // the survey's pages act for the business chosen from now on
    expect(taken.headers.get("set-cookie")).toContain(`svm_org=${invited.id}`);
    expect((await invitationOf(cycle.id)).organisationId).toBe(invited.id);
  });
});
