// Someone signed in as a different person than the one an invitation was sent to may not decline it for them, as
// they may not accept it: the page offers them only to sign out (and come back), and a decline sent anyway is
// refused with nothing changed, logged or emailed. Whoever holds the link signed out, or the invitee signed in, may
// still decline it.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { INVITATION_ENDED } from "~/domain/accounts/members.server.ts";
import { createUser, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { declineByLink, inviteAsOwner } from "../helpers/invitations.ts";
import { renderPage } from "../helpers/render-page.ts";
import { jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const ownerCookie = await sessionCookieFor(world.users.vcseOwner.id);

const textOf = async (page: Response) => (await page.text()).replaceAll("<!-- -->", "");

const invite = (email: string) => inviteAsOwner(world.vcse.id, ownerCookie, email);

const decline = declineByLink;

// everything a decline writes: the invitation's end, the audit entry and the email to whoever sent it
async function declineTrail(email: string) {
  const invitation = await db.invitation.findFirstOrThrow({
    where: { email, organisationId: world.vcse.id },
    select: { declinedAt: true, revokedAt: true, acceptedAt: true },
  });
  const entries = await db.auditLog.findMany({
    where: { action: "membership.invitation_decline", details: { path: ["email"], equals: email } },
    select: { actorUserId: true },
  });
  const emails = await db.emailOutbox.count({
    where: { template: "membership.invitation_declined", subject: { contains: email } },
  });
  return { invitation, entries, emails };
}

describe("an invitation opened while signed in as someone else", () => {
  it("offers to sign out and come back, not to decline", async () => {
    const invitee = await createUser();
    const token = await invite(invitee.email);
    const someoneElse = await createUser();
    const html = await textOf(
      await renderPage(`/invitations/${token}`, await sessionCookieFor(someoneElse.id)),
    );
    expect(html).toContain(
      `You are signed in as ${someoneElse.email}, so you cannot accept or decline it here`,
    );
    expect(html).not.toContain("No, I do not want to join");
    expect(html).not.toContain('value="decline"');
    expect(html).toMatch(/<form[^>]*action="\/sign-out"/);
    expect(html).toContain(`name="redirectTo" value="/invitations/${token}"`);
  });

  it("refuses a decline sent anyway, changing, logging and emailing nothing", async () => {
    const invitee = await createUser();
    const token = await invite(invitee.email);
    const someoneElse = await createUser();
    const refused = await decline(token, await sessionCookieFor(someoneElse.id));
    expect(refused.status).toBe(403);
    expect((await jsonOf<{ error: string }>(refused)).error).toBe(
      "This invitation was sent to a different email address. Sign out to decline it, or sign in with that address.",
    );
    expect(await declineTrail(invitee.email)).toEqual({
      invitation: { declinedAt: null, revokedAt: null, acceptedAt: null },
      entries: [],
      emails: 0,
    });
    // the invitation still works for the person it was sent to
    const html = await textOf(await renderPage(`/invitations/${token}`, await sessionCookieFor(invitee.id)));
    expect(html).toContain("Accept invitation");
    expect(html).toContain(`No, I do not want to join ${world.vcse.name}`);
  });

  it("refuses it after the invitee declined too, as for any invitation that has ended, writing nothing again", async () => {
    const invitee = await createUser();
    const token = await invite(invitee.email);
    expect((await decline(token, await sessionCookieFor(invitee.id))).status).toBe(303);
    const someoneElse = await createUser();
    // not "sent to a different email address": whose it was, and that it was declined, are not theirs to learn
    const refused = await decline(token, await sessionCookieFor(someoneElse.id));
    expect(refused.status).toBe(400);
    expect((await jsonOf<{ error: string }>(refused)).error).toBe(INVITATION_ENDED);
    const trail = await declineTrail(invitee.email);
    expect(trail.entries).toEqual([{ actorUserId: invitee.id }]);
    expect(trail.emails).toBe(1);
  });
});

describe("declining still works", () => {
  it("for whoever holds the link signed out, after someone signed in as another was refused", async () => {
    const invitee = await createUser();
    const token = await invite(invitee.email);
    const someoneElse = await createUser();
    expect((await decline(token, await sessionCookieFor(someoneElse.id))).status).toBe(403);
    const html = await textOf(await renderPage(`/invitations/${token}`));
    expect(html).toContain(`No, I do not want to join ${world.vcse.name}`);

    const answer = await decline(token);
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(`/invitations/${token}`);
    const trail = await declineTrail(invitee.email);
    expect(trail.invitation.declinedAt).not.toBeNull();
    expect(trail.invitation.revokedAt).not.toBeNull();
    expect(trail.entries).toEqual([{ actorUserId: null }]);
    expect(trail.emails).toBe(1);
  });

  it("for the invitee signed in, who is named in the audit log", async () => {
    const invitee = await createUser();
    const token = await invite(invitee.email);
    const cookie = await sessionCookieFor(invitee.id);
    const html = await textOf(await renderPage(`/invitations/${token}`, cookie));
    expect(html).toContain(`No, I do not want to join ${world.vcse.name}`);

    expect((await decline(token, cookie)).status).toBe(303);
    // a double click is answered as the first was
    expect((await decline(token, cookie)).status).toBe(303);
    const trail = await declineTrail(invitee.email);
    expect(trail.invitation.declinedAt).not.toBeNull();
    expect(trail.entries).toEqual([{ actorUserId: invitee.id }]);
    expect(trail.emails).toBe(1);
  });
});
