// An invitation lasts only while the person who sent it could still send it. It used to stay valid for its 7 days
// after its sender was removed from the organisation, left it, lost the owner (or council admin) role, or deleted
// their account, so someone no longer trusted to invite could still let people in.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { inviteOwnerOfMemberless } from "~/domain/accounts/members.server.ts";
import { action as deleteAction } from "~/routes/account.delete.tsx";
import { action as invitationAction, loader as invitationLoader } from "~/routes/invitations.$token.tsx";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import {
  addMember,
  createCouncil,
  createMember,
  createOrganisation,
  createUser,
  sessionCookieFor,
  TEST_PASSWORD,
  unique,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

async function organisationWithTwoOwners() {
  const council = await createCouncil();
  const group = await createOrganisation({ kind: "VCSE", councilId: council.id });
  const sender = await createUser();
  const colleague = await createUser();
  const senderMembership = await addMember(group.id, sender.id, "OWNER");
  await addMember(group.id, colleague.id, "OWNER");
  return { council, group, sender, colleague, senderMembership };
}

async function send(organisationId: string, userId: string, form: Record<string, string>) {
  return callAction(organisationAction, {
    path: `/organisations/${organisationId}`,
    params: { id: organisationId },
    cookie: await sessionCookieFor(userId),
    headers: fromIp(),
    form,
  });
}

async function invite(organisationId: string, senderId: string) {
  const email = `${unique("invitee")}@example.test`;
  const answer = await send(organisationId, senderId, { intent: "invite", email, role: "MEMBER" });
  expect(answer.status).toBe(302);
  return { email, token: await tokenSentTo(email) };
}

async function tokenSentTo(email: string) {
  const sent = await db.emailOutbox.findFirstOrThrow({
    where: { to: email },
    orderBy: { createdAt: "desc" },
  });
  return sent.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1];
}

async function accept(token: string, email: string) {
  const invitee = await createUser({ email });
  const answer = await callAction(invitationAction, {
    path: `/invitations/${token}`,
    params: { token },
    cookie: await sessionCookieFor(invitee.id),
  });
  return { answer, invitee };
}

async function expectRefused(token: string, email: string, organisationId: string) {
  const page = await callLoader(invitationLoader, { path: `/invitations/${token}`, params: { token } });
  expect((await jsonOf<{ invitation: unknown }>(page)).invitation).toBeNull();
  const { answer, invitee } = await accept(token, email);
  expect(answer.status).toBe(400);
  expect((await jsonOf<{ error: string }>(answer)).error).toContain("This invitation is no longer valid");
  expect(await db.membership.count({ where: { organisationId, userId: invitee.id } })).toBe(0);
}

async function cancellationsLogged(because: string, organisationId: string) {
  return db.auditLog.count({
    where: { action: "membership.invitation_revoke", organisationId, details: { equals: { because } } },
  });
}

describe("an invitation whose sender may no longer invite", () => {
  it("ends when the sender is removed from the organisation, and is refused", async () => {
    const { group, sender, colleague, senderMembership } = await organisationWithTwoOwners();
    const { email, token } = await invite(group.id, sender.id);
    const fromColleague = await invite(group.id, colleague.id);
    const removed = await send(group.id, colleague.id, {
      intent: "remove",
      membershipId: senderMembership.id,
    });
    expect(removed.status).toBe(302);
    await expectRefused(token, email, group.id);
    expect(await cancellationsLogged("sender_removed", group.id)).toBe(1);
    // the colleague's own invitation is untouched
    const { answer } = await accept(fromColleague.token, fromColleague.email);
    expect(answer.status).toBe(302);
  });

  it("ends when the sender is no longer an owner", async () => {
    const { group, sender, colleague, senderMembership } = await organisationWithTwoOwners();
    const { email, token } = await invite(group.id, sender.id);
    const demoted = await send(group.id, colleague.id, {
      intent: "change-role",
      membershipId: senderMembership.id,
      role: "MEMBER",
    });
    expect(demoted.status).toBe(302);
    await expectRefused(token, email, group.id);
    expect(await cancellationsLogged("sender_role_changed", group.id)).toBe(1);
  });

  it("ends when the sender leaves the organisation", async () => {
    const { group, sender } = await organisationWithTwoOwners();
    const { email, token } = await invite(group.id, sender.id);
    expect((await send(group.id, sender.id, { intent: "leave" })).status).toBe(302);
    await expectRefused(token, email, group.id);
    expect(await cancellationsLogged("sender_left", group.id)).toBe(1);
  });

  it("ends when the sender deletes their account", async () => {
    const { group, sender } = await organisationWithTwoOwners();
    const { email, token } = await invite(group.id, sender.id);
    const deleted = await callAction(deleteAction, {
      path: "/account/delete",
      cookie: await sessionCookieFor(sender.id),
      headers: fromIp(),
      form: { currentPassword: TEST_PASSWORD },
    });
    expect(deleted.status).toBe(302);
    await expectRefused(token, email, group.id);
    expect(await cancellationsLogged("sender_deleted", group.id)).toBe(1);
  });

  it("ends, for an organisation left with no members, when the council admin who sent it is no longer one", async () => {
    const council = await createCouncil();
    const admin = await createMember(council.id, "ADMIN");
    const otherAdmin = await createMember(council.id, "ADMIN");
    const empty = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const email = `${unique("new-owner")}@example.test`;
    const invited = await inviteOwnerOfMemberless(empty.id, [council.id], admin.id, email, { ip: null });
    expect(invited.ok).toBe(true);
    const token = await tokenSentTo(email);
    const adminMembership = await db.membership.findFirstOrThrow({
      where: { organisationId: council.id, userId: admin.id },
    });
    const demoted = await send(council.id, otherAdmin.id, {
      intent: "change-role",
      membershipId: adminMembership.id,
      role: "OFFICER",
    });
    expect(demoted.status).toBe(302);
    await expectRefused(token, email, empty.id);
  });

  it("stays when the sender leaves a council but still owns the organisation they invited to", async () => {
    const council = await createCouncil();
    const admin = await createMember(council.id, "ADMIN");
    const otherAdmin = await createMember(council.id, "ADMIN");
    const group = await createOrganisation({ kind: "VCSE", councilId: council.id });
    await addMember(group.id, admin.id, "OWNER");
    const asOwner = await send(group.id, admin.id, {
      intent: "invite",
      email: `${unique("co-owner")}@example.test`,
      role: "OWNER",
    });
    expect(asOwner.status).toBe(302);
    const adminMembership = await db.membership.findFirstOrThrow({
      where: { organisationId: council.id, userId: admin.id },
    });
    const removed = await send(council.id, otherAdmin.id, {
      intent: "remove",
      membershipId: adminMembership.id,
    });
    expect(removed.status).toBe(302);
    expect(await db.invitation.count({ where: { organisationId: group.id, revokedAt: null } })).toBe(1);
  });
});
