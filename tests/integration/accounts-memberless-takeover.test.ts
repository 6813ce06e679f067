// An organisation whose last member deleted their account gets someone back through its council: an admin of
// that council invites a new owner from the organisation's page (docs/decisions/015-deleting-the-last-member.md).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as invitationAction } from "~/routes/invitations.$token.tsx";
import { action, loader } from "~/routes/council.verification.$id.tsx";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createUser,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

type Page = {
  memberless: boolean;
  canInviteOwner: boolean;
  invitations: { email: string }[];
  organisation: { memberships: unknown[] };
};

async function memberlessSupplier() {
  const council = await createCouncil();
  const admin = await createMember(council.id, "ADMIN");
  const officer = await createMember(council.id, "OFFICER");
  // as account deletion leaves it: verified, its records kept, nobody in it
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id, status: "VERIFIED" });
  return { council, admin, officer, supplier };
}

const pageFor = async (organisationId: string, userId: string) =>
  callLoader(loader, {
    path: `/council/verification/${organisationId}`,
    params: { id: organisationId },
    cookie: await sessionCookieFor(userId),
  });

const invite = async (organisationId: string, userId: string, email: string) =>
  callAction(action, {
    path: `/council/verification/${organisationId}`,
    params: { id: organisationId },
    cookie: await sessionCookieFor(userId),
    form: { intent: "invite-owner", email },
  });

describe("an organisation left with no members", () => {
  it("is taken over by the person a council admin invites, who becomes its owner", async () => {
    const { council, admin, supplier } = await memberlessSupplier();
    const before = await jsonOf<Page>(await pageFor(supplier.id, admin.id));
    expect(before).toMatchObject({ memberless: true, canInviteOwner: true, invitations: [] });

    const newOwner = await createUser();
    const sent = await invite(supplier.id, admin.id, `  ${newOwner.email.toUpperCase()} `);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`/council/verification/${supplier.id}`);

    const email = await db.emailOutbox.findFirstOrThrow({
      where: { to: newOwner.email, template: "membership.invitation" },
    });
    expect(email.text).toContain(`invited you to be the owner of ${supplier.name}.`);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "membership.invite_owner" } });
    expect(audit).toMatchObject({
      actorUserId: admin.id,
      organisationId: council.id,
      entityType: "Invitation",
      details: { organisationId: supplier.id, email: newOwner.email, role: "OWNER" },
    });
    const after = await jsonOf<Page>(await pageFor(supplier.id, admin.id));
    expect(after.invitations.map((i) => i.email)).toEqual([newOwner.email]);

    const token = email.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1];
    const accepted = await callAction(invitationAction, {
      path: `/invitations/${token}`,
      params: { token },
      cookie: await sessionCookieFor(newOwner.id),
    });
    expect(accepted.status).toBe(302);
    const membership = await db.membership.findFirstOrThrow({
      where: { organisationId: supplier.id, userId: newOwner.id },
    });
    expect(membership.role).toBe("OWNER");

    // with an owner again, it manages its own members: the council can no longer invite
    expect(await jsonOf<Page>(await pageFor(supplier.id, admin.id))).toMatchObject({
      memberless: false,
      canInviteOwner: false,
    });
    const refused = await invite(supplier.id, admin.id, "someone.else@example.test");
    expect(refused.status).toBe(400);
    expect(await db.invitation.count({ where: { email: "someone.else@example.test" } })).toBe(0);
  });

  it("is shown to the council's officers, who are told an admin can invite someone, and cannot invite", async () => {
    const { officer, supplier } = await memberlessSupplier();
    expect(await jsonOf<Page>(await pageFor(supplier.id, officer.id))).toMatchObject({
      memberless: true,
      canInviteOwner: false,
    });
    const refused = await invite(supplier.id, officer.id, "new.owner@example.test");
    expect(refused.status).toBe(403);
    expect(await db.invitation.count({ where: { organisationId: supplier.id } })).toBe(0);
  });

  it("cannot be taken over through another council's admin", async () => {
    const { supplier } = await memberlessSupplier();
    const otherCouncil = await createCouncil();
    const otherAdmin = await createMember(otherCouncil.id, "ADMIN");
    expect((await pageFor(supplier.id, otherAdmin.id)).status).toBe(404);
    expect((await invite(supplier.id, otherAdmin.id, "new.owner@example.test")).status).toBe(404);
    expect(await db.invitation.count({ where: { organisationId: supplier.id } })).toBe(0);
  });

  it("says what is wrong with the email address, keeping what was typed", async () => {
    const { admin, supplier } = await memberlessSupplier();
    const refused = await invite(supplier.id, admin.id, "not an address");
    expect(refused.status).toBe(400);
    const reply = await jsonOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(
      refused,
    );
    expect(reply.error.email).toEqual([
      "Enter an email address in the correct format, like name@example.com",
    ]);
    expect(reply.initialValue.email).toBe("not an address");
    expect(await db.invitation.count({ where: { organisationId: supplier.id } })).toBe(0);
  });

  it("is not offered for an organisation that has members", async () => {
    const { admin, supplier } = await memberlessSupplier();
    await createMember(supplier.id, "MEMBER");
    expect(await jsonOf<Page>(await pageFor(supplier.id, admin.id))).toMatchObject({
      memberless: false,
      canInviteOwner: false,
      invitations: [],
    });
    expect((await invite(supplier.id, admin.id, "new.owner@example.test")).status).toBe(400);
    expect(await db.invitation.count({ where: { organisationId: supplier.id } })).toBe(0);
  });
});
