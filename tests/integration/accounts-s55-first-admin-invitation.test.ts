// A council's first admin is invited by a platform admin, as nobody has joined the council yet: the invitation's page
// said "the organisation will see that you declined" and, once declined, "ask someone at the council", though nobody
// there could. It now points them to the platform admin who invited them, as the email does; an ordinary
// invitation keeps its wording. The platform admin's "Send invitation" sent twice invites once (inviteOnce, as every
// other invitation). And a decline sent again tells only the invitee that it was declined: the invitee signed in, or
// signed out a double click's moments after; anyone else is answered as for a cancelled invitation.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { INVITATION_ENDED, inviteOwnerOfMemberless } from "~/domain/accounts/members.server.ts";
import { REPEAT_WINDOW_MS } from "~/domain/accounts/tokens.server.ts";
import { action as adminCouncilsAction } from "~/routes/admin.councils.tsx";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createUser,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { flashCookieOf, flashMessageOf } from "../helpers/flash.ts";
import { declineByLink, inviteAsOwner } from "../helpers/invitations.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const platformAdmin = await createUser({ isPlatformAdmin: true, name: "Pat Platform" });
const platformCookie = await sessionCookieFor(platformAdmin.id);

const textOf = async (page: Response) => (await page.text()).replaceAll("<!-- -->", "");
const oneLine = (text: string) => text.replaceAll("<!-- -->", "").replace(/\s+/g, " ");

const FIRST_ADMIN_DECLINE = "The platform admin who invited you will see that you declined.";
const FIRST_ADMIN_AGAIN =
  "If you change your mind, ask the platform admin who invited you to invite you again.";

async function emailTo(email: string) {
  return db.emailOutbox.findFirstOrThrow({
    where: { to: email, template: "membership.invitation" },
    orderBy: { createdAt: "desc" },
  });
}

const tokenIn = (text: string) => text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1]!;

// a council added by the platform admin, its first admin invited as it is; the invitation's link
async function councilAdded() {
  const name = unique("Westshire Council");
  const email = `${unique("first.admin")}@example.test`;
  const added = await callAction(adminCouncilsAction, {
    path: "/admin/councils",
    cookie: platformCookie,
    form: { intent: "create-council", name, adminEmail: email },
  });
  expect(added.status).toBe(302);
  const council = await db.organisation.findFirstOrThrow({ where: { kind: "COUNCIL", name } });
  return { council, email, token: tokenIn((await emailTo(email)).text) };
}

const inviteAdminAgain = (councilId: string, email: string) =>
  callAction(adminCouncilsAction, {
    path: "/admin/councils",
    cookie: platformCookie,
    form: { intent: "invite-admin", inviteCouncilId: councilId, inviteEmail: email },
  });

describe("the invitation of a council's first admin", () => {
  it("says the platform admin who invited them sees a decline, and its email says who that is", async () => {
    const { council, email, token } = await councilAdded();
    const html = await textOf(await renderPage(`/invitations/${token}`));
    expect(html).toContain(`Join ${council.name}`);
    expect(html).toContain(
      `Nobody has joined ${council.name} yet: a platform admin of the Social Value Marketplace invited you to be its first admin.`,
    );
    expect(html).toContain(`${FIRST_ADMIN_DECLINE} This link will then stop working.`);
    expect(html).not.toContain(`${council.name} will see that you declined`);

    const sent = await emailTo(email);
    for (const text of [oneLine(sent.text), oneLine(sent.html)])
      expect(text).toContain(
        `Pat Platform, a platform admin of the Social Value Marketplace, invited you to be the first admin of ${council.name}.`,
      );
  });

  it("once declined, tells the invitee to ask the platform admin, who is emailed a link to the councils' page", async () => {
    const { council, email, token } = await councilAdded();
    const invitee = await createUser({ email });
    const cookie = await sessionCookieFor(invitee.id);
    expect((await declineByLink(token, cookie)).status).toBe(303);

    const html = await textOf(await renderPage(`/invitations/${token}`, cookie));
    expect(html).toContain("You have declined this invitation");
    expect(html).toContain(`You said no to joining ${council.name}. This link no longer works.`);
    expect(oneLine(html)).toContain(FIRST_ADMIN_AGAIN);
    expect(html).not.toContain(`someone at ${council.name}`);

    const told = await db.emailOutbox.findFirstOrThrow({
      where: {
        to: platformAdmin.email,
        template: "membership.invitation_declined",
        subject: { contains: email },
      },
    });
    expect(told.text).toContain("/admin/councils");
    expect(told.text).not.toContain("/council/verification/");
  });

  it("says the same when the platform admin invites the first admin again", async () => {
    const { council } = await councilAdded();
    const email = `${unique("right.address")}@example.test`;
    expect((await inviteAdminAgain(council.id, email)).status).toBe(302);
    const html = await textOf(await renderPage(`/invitations/${tokenIn((await emailTo(email)).text)}`));
    expect(html).toContain(FIRST_ADMIN_DECLINE);
    expect(oneLine((await emailTo(email)).text)).toContain(
      `a platform admin of the Social Value Marketplace, invited you to be the first admin of ${council.name}`,
    );
  });
});

describe("an ordinary invitation", () => {
  it("to a council with an admin keeps its wording: the council sees a decline", async () => {
    const email = `${unique("officer")}@example.test`;
    const sent = await callAction(organisationAction, {
      path: `/organisations/${world.councilA.id}`,
      params: { id: world.councilA.id },
      cookie: await sessionCookieFor(world.users.councilAdmin.id),
      form: { intent: "invite", email, role: "OFFICER" },
    });
    expect(sent.status).toBe(302);
    const token = tokenIn((await emailTo(email)).text);
    const html = await textOf(await renderPage(`/invitations/${token}`));
    expect(html).toContain(
      `${world.councilA.name} will see that you declined. This link will then stop working.`,
    );
    expect(html).not.toContain("platform admin");
    expect(oneLine((await emailTo(email)).text)).toContain(
      `invited you to join ${world.councilA.name} as officer.`,
    );

    const invitee = await createUser({ email });
    const cookie = await sessionCookieFor(invitee.id);
    expect((await declineByLink(token, cookie)).status).toBe(303);
    const declined = oneLine(await textOf(await renderPage(`/invitations/${token}`, cookie)));
    expect(declined).toContain(
      `If you change your mind, ask someone at ${world.councilA.name} to invite you again.`,
    );
  });
});

// An organisation whose last member deleted their account gets an owner back through its council's admin: its page
// and email said the organisation, where nobody is, would see a decline and invite again.
describe("the invitation of the owner of an organisation left with no members", () => {
  async function ownerInvited() {
    const council = await createCouncil({ name: unique("Northmoor Council") });
    const admin = await createMember(council.id, "ADMIN", { name: "Ada Admin" });
    const empty = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const email = `${unique("new.owner")}@example.test`;
    expect((await inviteOwnerOfMemberless(empty.id, [council.id], admin.id, email, { ip: null })).ok).toBe(
      true,
    );
    return { council, empty, email, token: tokenIn((await emailTo(email)).text) };
  }

  it("says an admin at its council invited them and sees a decline, as its email does", async () => {
    const { council, empty, email, token } = await ownerInvited();
    const html = oneLine(await textOf(await renderPage(`/invitations/${token}`)));
    expect(html).toContain(
      `Nobody belongs to ${empty.name} at the moment: an admin at ${council.name} invited you to be its owner.`,
    );
    expect(html).toContain(`${council.name} will see that you declined. This link will then stop working.`);
    expect(html).not.toContain(`${empty.name} will see that you declined`);

    const sent = await emailTo(email);
    for (const text of [oneLine(sent.text), oneLine(sent.html)]) {
      expect(text).toContain(
        `Ada Admin, an admin at ${council.name}, invited you to be the owner of ${empty.name}.`,
      );
      expect(text).toContain(
        `because Ada Admin, an admin at ${council.name}, invited this email address to be the owner of ${empty.name}`,
      );
    }
  });

  it("once declined, tells the invitee to ask someone at the council", async () => {
    const { council, empty, email, token } = await ownerInvited();
    const cookie = await sessionCookieFor((await createUser({ email })).id);
    expect((await declineByLink(token, cookie)).status).toBe(303);
    const html = oneLine(await textOf(await renderPage(`/invitations/${token}`, cookie)));
    expect(html).toContain(`If you change your mind, ask someone at ${council.name} to invite you again.`);
    expect(html).not.toContain(`someone at ${empty.name}`);
  });

  it("invited again to another address, ends the first link: a mistyped address lets nobody in", async () => {
    const { council, empty, token } = await ownerInvited();
    const admin = await db.membership.findFirstOrThrow({
      where: { organisationId: council.id, role: "ADMIN" },
    });
    const email = `${unique("right.owner")}@example.test`;
    expect(
      (await inviteOwnerOfMemberless(empty.id, [council.id], admin.userId, email, { ip: null })).ok,
    ).toBe(true);
    expect(await textOf(await renderPage(`/invitations/${token}`))).toContain("This invitation has ended");
    expect(await textOf(await renderPage(`/invitations/${tokenIn((await emailTo(email)).text)}`))).toContain(
      "Create an account and join",
    );
  });
});

describe("the platform admin's 'Send invitation' sent twice", () => {
  it("one after the other, makes one invitation and sends one email, whose link works", async () => {
    const { council } = await councilAdded();
    const email = `${unique("again")}@example.test`;
    expect((await inviteAdminAgain(council.id, email)).status).toBe(302);
    expect((await inviteAdminAgain(council.id, email)).status).toBe(302);

    expect(await db.invitation.count({ where: { organisationId: council.id, email } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: email } })).toBe(1);
    const entries = await db.auditLog.findMany({
      where: { action: "council.invite_admin", organisationId: council.id },
      select: { actorUserId: true, actorOrganisationId: true, details: true },
    });
    // logged in the council's log, done for no organisation, as before
    expect(entries).toEqual([
      { actorUserId: platformAdmin.id, actorOrganisationId: null, details: { email } },
    ]);
    // the second did not cancel the first's link
    const html = await textOf(await renderPage(`/invitations/${tokenIn((await emailTo(email)).text)}`));
    expect(html).toContain("Create an account and join");
  });

  it("at once, makes one invitation and sends one email", async () => {
    const { council } = await councilAdded();
    const email = `${unique("at.once")}@example.test`;
    const answers = await Promise.all([
      inviteAdminAgain(council.id, email),
      inviteAdminAgain(council.id, email),
    ]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await db.invitation.count({ where: { organisationId: council.id, email } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: email } })).toBe(1);
  });

  it("sent again later, on purpose, invites again, ending the earlier link", async () => {
    const { council } = await councilAdded();
    const email = `${unique("later")}@example.test`;
    expect((await inviteAdminAgain(council.id, email)).status).toBe(302);
    const first = tokenIn((await emailTo(email)).text);
    await db.invitation.updateMany({
      where: { organisationId: council.id, email },
      data: { createdAt: new Date(Date.now() - REPEAT_WINDOW_MS - 1000) },
    });
    expect((await inviteAdminAgain(council.id, email)).status).toBe(302);
    expect(await db.invitation.count({ where: { organisationId: council.id, email } })).toBe(2);
    expect(await db.emailOutbox.count({ where: { to: email } })).toBe(2);
    expect(await textOf(await renderPage(`/invitations/${first}`))).toContain("This invitation has ended");
  });
});

describe("a decline sent again", () => {
  const owner = () => sessionCookieFor(world.users.vcseOwner.id);

  // an invitation declined signed out, and its decline now out of a double click's reach
  async function declinedEarlier() {
    const invitee = await createUser();
    const token = await inviteAsOwner(world.vcse.id, await owner(), invitee.email);
    expect((await declineByLink(token)).status).toBe(303);
    await db.invitation.updateMany({
      where: { email: invitee.email },
      data: { declinedAt: new Date(Date.now() - REPEAT_WINDOW_MS - 1000) },
    });
    return { invitee, token };
  }

  async function cancelled() {
    const invitee = await createUser();
    const token = await inviteAsOwner(world.vcse.id, await owner(), invitee.email);
    await db.invitation.updateMany({ where: { email: invitee.email }, data: { revokedAt: new Date() } });
    return token;
  }

  const answer = async (response: Response) => ({
    status: response.status,
    body: await response.text(),
    flash: flashCookieOf(response),
  });

  const trail = async (email: string) => ({
    entries: await db.auditLog.count({
      where: { action: "membership.invitation_decline", details: { path: ["email"], equals: email } },
    }),
    emails: await db.emailOutbox.count({
      where: { template: "membership.invitation_declined", subject: { contains: email } },
    }),
  });

  it("signed out, moments later (a double click), is answered as the first", async () => {
    const invitee = await createUser();
    const token = await inviteAsOwner(world.vcse.id, await owner(), invitee.email);
    await declineByLink(token);
    const again = await declineByLink(token);
    expect(again.status).toBe(303);
    expect(await flashMessageOf(again)).toBe("You have declined the invitation. Its link no longer works.");
  });

  it("signed out, later, is answered as for a cancelled invitation, with nothing written again", async () => {
    const { invitee, token } = await declinedEarlier();
    const again = await answer(await declineByLink(token));
    expect(again).toEqual(await answer(await declineByLink(await cancelled())));
    expect(again.status).toBe(400);
    expect(JSON.parse(again.body)).toEqual({ error: INVITATION_ENDED });
    expect(again.flash).toBe("");
    expect(await trail(invitee.email)).toEqual({ entries: 1, emails: 1 });
  });

  it("signed in as someone else, is answered as for a cancelled invitation, naming nobody", async () => {
    const invitee = await createUser();
    const token = await inviteAsOwner(world.vcse.id, await owner(), invitee.email);
    // declined moments ago, by the invitee signed in: still not the other person's to learn
    expect((await declineByLink(token, await sessionCookieFor(invitee.id))).status).toBe(303);
    const someoneElse = await sessionCookieFor((await createUser()).id);
    const again = await answer(await declineByLink(token, someoneElse));
    expect(again).toEqual(await answer(await declineByLink(await cancelled(), someoneElse)));
    expect(again.status).toBe(400);
    expect(again.body).not.toContain(invitee.email);
    expect(again.body).not.toContain("different email address");
    expect(again.body).not.toContain(world.vcse.name);
    expect(await trail(invitee.email)).toEqual({ entries: 1, emails: 1 });
  });

  it("by the invitee signed in, at any time, is answered as the first", async () => {
    const { invitee, token } = await declinedEarlier();
    const cookie = await sessionCookieFor(invitee.id);
    const again = await declineByLink(token, cookie);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(`/invitations/${token}`);
    expect(await textOf(await renderPage(`/invitations/${token}`, cookie))).toContain(
      "You have declined this invitation",
    );
    expect(await trail(invitee.email)).toEqual({ entries: 1, emails: 1 });
  });

  it("to a council's first admin, signed in as someone else, is answered as for a cancelled invitation", async () => {
    const { email, token } = await councilAdded();
    expect((await declineByLink(token)).status).toBe(303);
    const someoneElse = await sessionCookieFor((await createUser()).id);
    const again = await declineByLink(token, someoneElse);
    expect(again.status).toBe(400);
    expect(await jsonOf(again)).toEqual({ error: INVITATION_ENDED });
    expect(await trail(email)).toEqual({ entries: 1, emails: 1 });
  });
});
