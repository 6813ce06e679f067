// Deleting an account erases the person's email address from what was written down for them: emails sent to
// them, invitations to them and audit details. The records stay, naming the account's placeholder
// (docs/decisions/015-deleting-the-last-member.md).
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { deletedEmailFor, ERASED_EMAIL_TEXT } from "~/domain/accounts/erasure.server.ts";
import { authenticate, confirmEmailChange, requestEmailChange } from "~/domain/accounts/users.server.ts";
import { deliverDueEmails } from "~/email/deliver.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { action as deleteAction } from "~/routes/account.delete.tsx";
import { loader as mailboxEmailLoader } from "~/routes/admin.mailbox.$id.tsx";
import { loader as mailboxLoader } from "~/routes/admin.mailbox._index.tsx";
import { loader as auditLoader } from "~/routes/council.audit.tsx";
import { action as invitationAction } from "~/routes/invitations.$token.tsx";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { fromIp, newClientIp } from "../helpers/client-address.ts";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createUser,
  sessionCookieFor,
  TEST_PASSWORD,
  unique,
} from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const context = () => ({ ip: newClientIp() });

async function invite(ownerId: string, organisationId: string, email: string) {
  const invited = await callAction(organisationAction, {
    path: `/organisations/${organisationId}`,
    params: { id: organisationId },
    cookie: await sessionCookieFor(ownerId),
    form: { intent: "invite", email, role: "MEMBER" },
  });
  expect(invited.status).toBe(302);
  const sent = await db.emailOutbox.findFirstOrThrow({
    where: { to: email, template: "membership.invitation" },
    orderBy: { createdAt: "desc" },
  });
  return { outboxId: sent.id, token: sent.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1] };
}

// Every place the address could stay: rows addressed to it, message bodies, provider errors, audit details.
async function placesNaming(address: string) {
  const like = `%${address}%`;
  const [row] = await db.$queryRaw<
    { invitations: number; emails: number; audit: number; organisations: number }[]
  >`
    SELECT
      (SELECT count(*)::int FROM "Invitation" WHERE email ILIKE ${like}) AS invitations,
      (SELECT count(*)::int FROM "EmailOutbox"
        WHERE "to" ILIKE ${like} OR html ILIKE ${like} OR text ILIKE ${like}
          OR coalesce("lastError", '') ILIKE ${like}) AS emails,
      (SELECT count(*)::int FROM "AuditLog" WHERE details::text ILIKE ${like}) AS audit,
      (SELECT count(*)::int FROM "Organisation" WHERE "contactEmail" ILIKE ${like}) AS organisations`;
  return row;
}

describe("deleting an account erases the person's email address", () => {
  it("from invitations, emails and audit details, cancelling what is still open, and the records still show", async () => {
    const council = await createCouncil();
    const councilAdmin = await createMember(council.id, "ADMIN");
    const platformAdmin = await createUser({ isPlatformAdmin: true });
    const group = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const groupOwner = await createMember(group.id, "OWNER");
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const supplierOwner = await createMember(supplier.id, "OWNER");
    const other = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const otherOwner = await createMember(other.id, "OWNER");

    const formerAddress = `${unique("former")}@example.test`;
    const person = await createUser({ email: formerAddress });

    // an invitation the person accepted (history), under their former address
    const accepted = await invite(groupOwner.id, group.id, formerAddress);
    await deliverDueEmails();
    const joined = await callAction(invitationAction, {
      path: `/invitations/${accepted.token}`,
      params: { token: accepted.token },
      cookie: await sessionCookieFor(person.id),
    });
    expect(joined.status).toBe(302);

    // they change their address: the confirmation goes to the new one, the notice to the old one
    const address = `${unique("person")}@example.test`;
    expect(
      (await requestEmailChange(person.id, { email: address, currentPassword: TEST_PASSWORD }, context())).ok,
    ).toBe(true);
    const confirmation = await db.emailOutbox.findFirstOrThrow({
      where: { to: address, template: "account.confirm_new_email" },
    });
    const changeToken = confirmation.text.match(/token=([A-Za-z0-9_%-]+)/)![1];
    expect(await confirmEmailChange(decodeURIComponent(changeToken), context())).toBe(person.id);
    expect(await db.emailOutbox.count({ where: { to: formerAddress } })).toBeGreaterThan(1);

    // an invitation that expired, one the provider refused, and one still open, with its email not yet sent
    const expired = await invite(supplierOwner.id, supplier.id, address);
    await db.invitation.updateMany({
      where: { email: address, organisationId: supplier.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await deliverDueEmails();
    const refused = await enqueueEmail(db, {
      to: address,
      subject: "A notice",
      html: `<p>Hello ${address}</p>`,
      text: `Hello ${address}`,
      template: "account.notice",
    });
    await db.emailOutbox.update({
      where: { id: refused.id },
      data: { status: "FAILED", attempts: 3, lastError: `Invalid \`to\` field: ${address}` },
    });
    const open = await invite(otherOwner.id, other.id, address);
    // the supplier was registered with the person's address as its contact
    await db.organisation.update({
      where: { id: supplier.id },
      data: { contactEmail: address.toUpperCase() },
    });
    // a failed sign-in names the address
    expect(await authenticate(address, "not the password", context())).toBeNull();

    // someone else's invitation and emails are left alone
    const bystander = `${unique("bystander")}@example.test`;
    await invite(otherOwner.id, other.id, bystander);
    const bystanderBefore = await placesNaming(bystander);

    for (const named of [address, formerAddress])
      expect(Object.values(await placesNaming(named)).some((count) => count > 0)).toBe(true);

    const deleted = await callAction(deleteAction, {
      path: "/account/delete",
      cookie: await sessionCookieFor(person.id),
      headers: fromIp(),
      form: { currentPassword: TEST_PASSWORD },
    });
    expect(deleted.status).toBe(302);

    const placeholder = deletedEmailFor(person.id);
    expect(await placesNaming(address)).toEqual({ invitations: 0, emails: 0, audit: 0, organisations: 0 });
    expect(await placesNaming(formerAddress)).toEqual({
      invitations: 0,
      emails: 0,
      audit: 0,
      organisations: 0,
    });
    expect(await placesNaming(bystander)).toEqual(bystanderBefore);

    // invitations: the history stays as it was, the open one is cancelled, all name the placeholder
    const invitations = await db.invitation.findMany({
      where: { email: placeholder },
      select: { organisationId: true, acceptedAt: true, revokedAt: true },
    });
    expect(invitations).toHaveLength(3);
    const byOrganisation = new Map(invitations.map((i) => [i.organisationId, i]));
    expect(byOrganisation.get(group.id)).toMatchObject({ acceptedAt: expect.any(Date), revokedAt: null });
    expect(byOrganisation.get(supplier.id)).toMatchObject({ acceptedAt: null, revokedAt: null });
    expect(byOrganisation.get(other.id)).toMatchObject({ acceptedAt: null, revokedAt: expect.any(Date) });

    // emails: the unsent invitation is never sent, and no message body is kept
    const emails = await db.emailOutbox.findMany({ where: { to: placeholder } });
    expect(emails.length).toBeGreaterThanOrEqual(6);
    for (const email of emails) expect(email).toMatchObject({ html: "", text: ERASED_EMAIL_TEXT });
    expect(emails.find((e) => e.id === open.outboxId)).toMatchObject({
      status: "FAILED",
      lastError: ERASED_EMAIL_TEXT,
      providerId: null,
    });
    expect(emails.find((e) => e.id === refused.id)!.lastError).toBe(`Invalid \`to\` field: ${placeholder}`);
    expect(emails.find((e) => e.id === expired.outboxId)!.status).toBe("SENT");
    await deliverDueEmails();
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: open.outboxId } })).toMatchObject({
      status: "FAILED",
      providerId: null,
    });

    // audit: the entries stay, naming the placeholder
    const invitesLogged = await db.auditLog.findMany({
      where: { action: "membership.invite", details: { path: ["email"], equals: placeholder } },
    });
    expect(invitesLogged).toHaveLength(3);
    expect(
      await db.auditLog.findFirstOrThrow({
        where: { action: "account.email_changed", entityId: person.id },
        select: { details: true },
      }),
    ).toEqual({ details: { from: placeholder, to: placeholder } });
    expect(
      await db.auditLog.count({
        where: { action: "auth.sign_in_failed", details: { path: ["email"], equals: placeholder } },
      }),
    ).toBe(1);
    expect(
      await db.auditLog.findFirstOrThrow({
        where: { action: "account.delete", entityId: person.id },
        select: { details: true },
      }),
    ).toEqual({ details: { invitationsCancelled: 1, emailsCancelled: 1 } });

    // the platform admin's mailbox and the council's audit log show the rows with the placeholder
    const adminCookie = await sessionCookieFor(platformAdmin.id);
    const mailbox = await callLoader(mailboxLoader, { path: "/admin/mailbox", cookie: adminCookie });
    expect(mailbox.status).toBe(200);
    const listed = await mailbox.text();
    expect(listed).toContain(placeholder);
    expect(listed).not.toContain(address);
    const one = await callLoader(mailboxEmailLoader, {
      path: `/admin/mailbox/${open.outboxId}`,
      params: { id: open.outboxId },
      cookie: adminCookie,
    });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({
      email: { to: placeholder, text: ERASED_EMAIL_TEXT, status: "FAILED" },
    });
    const audit = await callLoader(auditLoader, {
      path: "/council/audit?action=membership.invite",
      cookie: await sessionCookieFor(councilAdmin.id),
    });
    expect(audit.status).toBe(200);
    const logged = await audit.text();
    expect(logged).toContain(placeholder);
    expect(logged).not.toContain(address);
    expect(logged).not.toContain(formerAddress);
  });

  it("leaves a former address alone once another account has taken it", async () => {
    const council = await createCouncil();
    const group = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const groupOwner = await createMember(group.id, "OWNER");
    const formerAddress = `${unique("former")}@example.test`;
    const person = await createUser({ email: formerAddress });
    const address = `${unique("person")}@example.test`;
    await requestEmailChange(person.id, { email: address, currentPassword: TEST_PASSWORD }, context());
    const confirmation = await db.emailOutbox.findFirstOrThrow({ where: { to: address } });
    const token = decodeURIComponent(confirmation.text.match(/token=([A-Za-z0-9_%-]+)/)![1]);
    expect(await confirmEmailChange(token, context())).toBe(person.id);

    const newcomer = await createUser({ email: formerAddress });
    const forNewcomer = await invite(groupOwner.id, group.id, formerAddress);

    const deleted = await callAction(deleteAction, {
      path: "/account/delete",
      cookie: await sessionCookieFor(person.id),
      headers: fromIp(),
      form: { currentPassword: TEST_PASSWORD },
    });
    expect(deleted.status).toBe(302);
    expect(await placesNaming(address)).toEqual({ invitations: 0, emails: 0, audit: 0, organisations: 0 });
    expect(await db.invitation.findFirstOrThrow({ where: { organisationId: group.id } })).toMatchObject({
      email: newcomer.email,
      revokedAt: null,
    });
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: forNewcomer.outboxId } })).to).toBe(
      formerAddress,
    );
    // the person's own history no longer says which addresses they had
    expect(
      await db.auditLog.findFirstOrThrow({
        where: { action: "account.email_changed", entityId: person.id },
        select: { details: true },
      }),
    ).toEqual({ details: { from: deletedEmailFor(person.id), to: deletedEmailFor(person.id) } });
  });
});
