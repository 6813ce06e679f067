// Found in exploratory testing: opening a survey invitation link (a GET, nothing pressed) tied it to whichever business
// the person opening it was working for, and marked it used: a large company's owner given the link of a new SME took
// it, the survey appeared on the large company's list, and the business invited was told the link "has already been
// used to answer the survey for a business" though nobody had answered. Opening a link now changes nothing: the page
// offers the person's businesses that may answer with it, asks them to confirm a link sent to an address not their own
// was meant for theirs, and only sending that form takes the link up, once. A large business cannot take up a link sent
// to an address that is no business's: the survey is for SMEs (decision 055).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { cyclesOpenTo } from "~/domain/survey/eligibility.server.ts";
import { CONFIRM_ADDRESS_ERROR } from "~/domain/survey/schemas.ts";
import {
  addMember,
  createMember,
  createOrganisation,
  createUser,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { snapshot } from "../helpers/hostile-values.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { jsonOf } from "../helpers/routes.ts";
import {
  followInvitation,
  invitationEmailsTo,
  officerInviting,
  openInvitation,
  takeUpInvitation,
  type TakeUpOffer,
} from "./survey-invite-world.ts";

const ownerOf = async (organisationId: string) =>
  sessionCookieFor((await createMember(organisationId, "OWNER")).id);

/** A new 2026 survey whose officer invited an address no business or account on the service has (in capitals, as
 * the tester typed it), and the link the email carries. */
async function invitedNewcomer(area: string) {
  const world = await officerInviting(area, "s55-unused");
  const typed = `${unique("New.Biz")}@QA.test`;
  expect((await world.sendInvitation({ email: typed })).status).toBe(302);
  const [{ token }] = await invitationEmailsTo(typed.toLowerCase());
  const invitation = () =>
    db.surveyInvitation.findFirstOrThrow({
      where: { cycleId: world.cycle.id },
      select: { organisationId: true, usedAt: true },
    });
  return {
    ...world,
    typed,
    address: typed.toLowerCase(),
    token,
    link: `/survey/invitation/${token}`,
    invitation,
  };
}

const takeUps = (cycleId: string) =>
  db.auditLog.count({ where: { action: "survey.invitation.take_up", entityId: cycleId } });

describe("a link opened by a large business it was not sent to", () => {
  it("changes nothing, says the survey is for SMEs, refuses a take-up, and still works for the business invited", async () => {
    const { council, cycle, address, token, link, invitation } = await invitedNewcomer("ZU1");
    const greenway = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      businessSize: "LARGE",
      staffHeadcount: 850,
    });
    const large = await ownerOf(greenway.id);

    const before = await snapshot();
    const page = await renderPage(link, large);
    expect(page.status).toBe(403);
    const text = readableMainText(await page.text());
    expect(text).toContain("This survey is for small and medium-sized businesses");
    expect(text).toContain("the link still works for the business it was sent to");
    // nothing at all was written by opening it: not the invitation, not an audit entry
    expect(await snapshot()).toEqual(before);
    expect(await invitation()).toEqual({ organisationId: null, usedAt: null });
    expect((await cyclesOpenTo(greenway.id)).map((c) => c.id)).not.toContain(cycle.id);

    // nor by a form made by hand, confirmation and all
    const refused = await takeUpInvitation(token, large, {
      organisationId: greenway.id,
      confirmAddress: "yes",
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await jsonOf(refused))).toContain(
      "This survey is for small and medium-sized businesses",
    );
    expect(await invitation()).toEqual({ organisationId: null, usedAt: null });
    expect((await cyclesOpenTo(greenway.id)).map((c) => c.id)).not.toContain(cycle.id);

    // the person the email went to signs up with its address and registers their business: it is theirs to take up,
    // with nothing to confirm (it is the address they sign in with)
    const newBiz = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      businessSize: "MICRO",
    });
    const recipient = await createUser({ email: address });
    await addMember(newBiz.id, recipient.id, "OWNER");
    const theirs = await sessionCookieFor(recipient.id);
    const offer = await openInvitation(token, theirs);
    expect(offer.status).toBe(200);
    expect(await jsonOf(offer)).toMatchObject({
      problem: null,
      takeUp: { businesses: [{ id: newBiz.id }], chosenId: newBiz.id, confirmAddress: null },
    });
    const taken = await takeUpInvitation(token, theirs, { organisationId: newBiz.id });
    expect(taken.headers.get("location")).toBe(`/survey/${cycle.id}`);
    expect(await invitation()).toMatchObject({ organisationId: newBiz.id, usedAt: expect.any(Date) });
    expect((await cyclesOpenTo(newBiz.id)).map((c) => c.id)).toContain(cycle.id);
    expect(await takeUps(cycle.id)).toBe(1);
  });

  it("offers someone in a large business and an SME the SME only", async () => {
    const { council, token } = await invitedNewcomer("ZU2");
    const large = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      businessSize: "LARGE",
    });
    const small = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      businessSize: "SMALL",
    });
    const person = await createMember(large.id, "OWNER");
    await addMember(small.id, person.id, "OWNER");
    const opened = await openInvitation(token, await sessionCookieFor(person.id));
    expect((await jsonOf<{ takeUp: TakeUpOffer }>(opened)).takeUp.businesses).toEqual([
      { id: small.id, name: small.name },
    ]);
  });
});

describe("a link opened by an SME it was not sent to", () => {
  it("is offered, says the address it went to, and is taken up only once the person confirms it was meant for them", async () => {
    const { council, cycle, address, token, link, invitation } = await invitedNewcomer("ZU3");
    const kite = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const owner = await createMember(kite.id, "OWNER");
    const cookie = await sessionCookieFor(owner.id);

    const before = await snapshot();
    for (let i = 0; i < 2; i++) {
      const opened = await openInvitation(token, cookie);
      expect(opened.status).toBe(200);
      expect(await jsonOf(opened)).toMatchObject({
        problem: null,
        takeUp: {
          businesses: [{ id: kite.id, name: kite.name }],
          chosenId: kite.id,
          confirmAddress: address,
        },
      });
    }
    const text = readableMainText(await (await renderPage(link, cookie)).text());
    expect(text).toContain(`This invitation was sent to ${address}`);
    expect(text).toContain(`not to the address you sign in with (${owner.email})`);
    expect(text).toContain(`The invitation was meant for ${kite.name}`);
    expect(await snapshot()).toEqual(before);
    expect((await cyclesOpenTo(kite.id)).map((c) => c.id)).not.toContain(cycle.id);

    // not confirmed: told so, and nothing is taken up
    const unconfirmed = await takeUpInvitation(token, cookie, { organisationId: kite.id });
    expect(unconfirmed.status).toBe(400);
    expect(JSON.stringify(await jsonOf(unconfirmed))).toContain(CONFIRM_ADDRESS_ERROR);
    expect(await invitation()).toEqual({ organisationId: null, usedAt: null });

    // confirmed, sent twice (a double click): taken up once, the second answered as the first
    const [first, second] = await Promise.all(
      [0, 1].map(() => takeUpInvitation(token, cookie, { organisationId: kite.id, confirmAddress: "yes" })),
    );
    expect([first.headers.get("location"), second.headers.get("location")]).toEqual([
      `/survey/${cycle.id}`,
      `/survey/${cycle.id}`,
    ]);
    const { usedAt } = await invitation();
    expect(await invitation()).toEqual({ organisationId: kite.id, usedAt });
    expect(await takeUps(cycle.id)).toBe(1);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "survey.invitation.take_up" } });
    expect(entry).toMatchObject({
      actorUserId: owner.id,
      actorOrganisationId: kite.id,
      organisationId: council.id,
      details: { confirmedAddress: true },
    });
    // opened again by the business that took it up, it leads to its survey, and changes nothing
    const again = await openInvitation(token, cookie);
    expect(again.headers.get("location")).toBe(`/survey/${cycle.id}`);
    expect((await invitation()).usedAt).toEqual(usedAt);

    // anyone else is told a business has taken it up: not that it was answered, and not which business
    const other = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const late = await renderPage(link, await ownerOf(other.id));
    expect(late.status).toBe(404);
    const lateText = readableMainText(await late.text());
    expect(lateText).toContain(
      "A business has already taken up this link, and each link is for one business only",
    );
    expect(lateText).not.toContain("answer the survey for a business");
    expect(lateText).not.toContain(kite.name);
    expect(await followInvitation(token, await ownerOf(other.id))).toHaveProperty("status", 404);
    expect(await invitation()).toEqual({ organisationId: kite.id, usedAt });
  });

  it("refuses a business the person does not belong to, as not found", async () => {
    const { council, token, invitation } = await invitedNewcomer("ZU4");
    const mine = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const someoneElses = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const refused = await takeUpInvitation(token, await ownerOf(mine.id), {
      organisationId: someoneElses.id,
      confirmAddress: "yes",
    });
    expect(refused.status).toBe(404);
    expect(await invitation()).toEqual({ organisationId: null, usedAt: null });
  });
});

describe("a link 'Invite eligible businesses' sent to a business", () => {
  it("opened by the business, leads to its survey and writes nothing", async () => {
    const { cycle, inviteEligibleBusiness } = await officerInviting("ZU5", "s55-unused");
    const { business, token } = await inviteEligibleBusiness();
    const cookie = await ownerOf(business.id);
    const before = await snapshot();
    const opened = await openInvitation(token, cookie);
    expect(opened.headers.get("location")).toBe(`/survey/${cycle.id}`);
    expect(await snapshot()).toEqual(before);
  });
});
