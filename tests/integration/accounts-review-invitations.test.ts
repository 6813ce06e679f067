// "Send invitation" and "Accept invitation" sent twice (a double click, a slow network, the form sent again).
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as invitationAction } from "~/routes/invitations.$token.tsx";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { createUser, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

function invitationToken(text: string) {
  const match = text.match(/\/invitations\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no invitation link in ${text}`);
  return match[1];
}

describe("an invitation sent twice", () => {
  it("emails one link, and that link works", async () => {
    const invitee = await createUser();
    const cookie = await sessionCookieFor(world.users.supplierOwner.id);
    const send = () =>
      callAction(organisationAction, {
        path: `/organisations/${world.supplier.id}`,
        params: { id: world.supplier.id },
        cookie,
        form: { intent: "invite", email: invitee.email, role: "MEMBER" },
      });
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    const emails = await db.emailOutbox.findMany({ where: { to: invitee.email } });
    expect(emails).toHaveLength(1);
    const token = invitationToken(emails[0].text);
    const accepted = await callAction(invitationAction, {
      path: `/invitations/${token}`,
      params: { token },
      cookie: await sessionCookieFor(invitee.id),
    });
    expect(accepted.status).toBe(302);
    expect(
      await db.membership.count({ where: { organisationId: world.supplier.id, userId: invitee.id } }),
    ).toBe(1);
  });

  it("still sends a new link when the owner invites the same person again later, or in another role", async () => {
    const invitee = await createUser();
    const cookie = await sessionCookieFor(world.users.vcseOwner.id);
    const send = (role: string) =>
      callAction(organisationAction, {
        path: `/organisations/${world.vcse.id}`,
        params: { id: world.vcse.id },
        cookie,
        form: { intent: "invite", email: invitee.email, role },
      });
    expect((await send("MEMBER")).status).toBe(302);
    expect((await send("OWNER")).status).toBe(302); // a different role is a new invitation
    expect(await db.emailOutbox.count({ where: { to: invitee.email } })).toBe(2);
    // "I never got it": a few minutes later the same invitation goes again
    await db.invitation.updateMany({
      where: { email: invitee.email },
      data: { createdAt: new Date(Date.now() - 10 * 60 * 1000) },
    });
    expect((await send("OWNER")).status).toBe(302);
    expect(await db.emailOutbox.count({ where: { to: invitee.email } })).toBe(3);
    expect(
      await db.invitation.count({ where: { email: invitee.email, acceptedAt: null, revokedAt: null } }),
    ).toBe(1);
  });
});

describe("an invitation accepted twice", () => {
  it("answers both as joined, and joins once", async () => {
    const invitee = await createUser();
    await callAction(organisationAction, {
      path: `/organisations/${world.otherVcse.id}`,
      params: { id: world.otherVcse.id },
      cookie: await sessionCookieFor(world.users.otherVcseOwner.id),
      form: { intent: "invite", email: invitee.email, role: "MEMBER" },
    });
    const email = await db.emailOutbox.findFirstOrThrow({ where: { to: invitee.email } });
    const token = invitationToken(email.text);
    const cookie = await sessionCookieFor(invitee.id);
    const accept = () =>
      callAction(invitationAction, { path: `/invitations/${token}`, params: { token }, cookie });
    const answers = await Promise.all([accept(), accept()]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(answers.map((a) => a.headers.get("location"))).toEqual([
      `/organisations/${world.otherVcse.id}`,
      `/organisations/${world.otherVcse.id}`,
    ]);
    const later = await accept(); // the form sent again from the Back button
    expect(later.status).toBe(302);
    expect(await db.membership.count({ where: { userId: invitee.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "membership.join", actorUserId: invitee.id } })).toBe(
      1,
    );

    // someone else holding the used link is still refused
    const stranger = await callAction(invitationAction, {
      path: `/invitations/${token}`,
      params: { token },
      cookie: await sessionCookieFor(world.users.supplierMember.id),
    });
    expect(stranger.status).toBe(400);
  });
});
