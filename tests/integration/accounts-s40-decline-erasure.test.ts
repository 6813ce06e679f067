// Someone who declined an invitation and then deleted their account is erased from the decline too: the email telling
// whoever sent it (sent or still waiting) says "Deleted user" instead of their address, the audit entry of the decline
// names their placeholder, and the invitation row keeps its placeholder, shown as "Deleted user".
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { deleteAccount } from "~/domain/accounts/deletion.server.ts";
import { deletedEmailFor } from "~/domain/accounts/erasure.server.ts";
import { action as invitationAction } from "~/routes/invitations.$token.tsx";
import { createUser, createWorld, sessionCookieFor, TEST_PASSWORD } from "../helpers/factories.ts";
import { inviteAsOwner } from "../helpers/invitations.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const owner = world.users.vcseOwner;
const ownerCookie = await sessionCookieFor(owner.id);

async function declineAndDelete(email: string, markSent: boolean) {
  const invitee = await createUser({ email });
  const token = await inviteAsOwner(world.vcse.id, ownerCookie, invitee.email);
  const declined = await callAction(invitationAction, {
    path: `/invitations/${token}`,
    params: { token },
    cookie: await sessionCookieFor(invitee.id),
    form: { intent: "decline" },
  });
  expect(declined.status).toBe(303);
  const notice = await db.emailOutbox.findFirstOrThrow({
    where: { template: "membership.invitation_declined", subject: { startsWith: invitee.email } },
  });
  expect(notice.text).toContain(invitee.email);
  if (markSent)
    await db.emailOutbox.update({ where: { id: notice.id }, data: { status: "SENT", sentAt: new Date() } });
  const deleted = await deleteAccount(
    invitee.id,
    { currentPassword: TEST_PASSWORD, leaveWithoutMembers: [] },
    { ip: null },
  );
  expect(deleted.ok).toBe(true);
  return { invitee, notice: await db.emailOutbox.findUniqueOrThrow({ where: { id: notice.id } }) };
}

describe("deleting the account of someone who declined an invitation", () => {
  it("takes their address out of the notice waiting to go to whoever invited them, which still goes", async () => {
    const { invitee, notice } = await declineAndDelete(`o'brien.s40-${Date.now()}@example.test`, false);
    expect(notice.status).toBe("PENDING");
    expect(notice.to).toBe(owner.email.toLowerCase());
    expect(notice.userId).toBe(owner.id);
    expect(notice.subject).toBe(`Deleted user declined your invitation to join ${world.vcse.name}`);
    expect(notice.text).toContain(`Deleted user declined your invitation to join ${world.vcse.name}`);
    for (const part of [notice.subject, notice.text, notice.html]) {
      expect(part.toLowerCase()).not.toContain(invitee.email);
      expect(part.toLowerCase()).not.toContain("o&#x27;brien");
    }
    expect(notice.html).toContain("Deleted user");
  });

  it("takes it out of a notice already sent, and out of the decline's audit entry and invitation", async () => {
    const { invitee, notice } = await declineAndDelete(`declined-s40-${Date.now()}@example.test`, true);
    expect(notice.status).toBe("SENT");
    for (const part of [notice.subject, notice.text, notice.html])
      expect(part.toLowerCase()).not.toContain(invitee.email);

    const entry = await db.auditLog.findFirstOrThrow({
      where: {
        action: "membership.invitation_decline",
        details: { path: ["email"], equals: deletedEmailFor(invitee.id) },
      },
    });
    expect(entry.organisationId).toBe(world.vcse.id);
    expect(
      await db.auditLog.count({
        where: {
          action: "membership.invitation_decline",
          details: { path: ["email"], equals: invitee.email },
        },
      }),
    ).toBe(0);
    expect(await db.invitation.count({ where: { email: invitee.email } })).toBe(0);
    expect(
      await db.invitation.count({
        where: { email: deletedEmailFor(invitee.id), declinedAt: { not: null } },
      }),
    ).toBe(1);
  });
});
