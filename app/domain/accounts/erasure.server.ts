// What deleting an account erases beyond the user row: the person's email address wherever it was written down
// for them (emails sent to them, invitations to them and their declines, including the notice of a decline sent
// to whoever invited them, audit details naming the address, an organisation's
// contact address, and in the survey, their contact details and survey invitations to them). The records stay, with the address replaced by the account's
// placeholder. Why: docs/decisions/015-deleting-the-last-member.md.
import type { Tx } from "~/db.server.ts";
import {
  eraseSurveyContactsOf,
  type ErasedAddress,
  writtenWhileHeld,
} from "~/domain/survey/erasure.server.ts";
import { addressPeriods } from "./address-history.server.ts";
import { openInvitationWhere } from "./invitations.server.ts";

/** The address a deleted account is left with, and that replaces its old addresses everywhere else. */
export const deletedEmailFor = (userId: string) => `deleted-${userId}@deleted.invalid`;

/** Whether an address is a deleted account's placeholder: shown as "Deleted user", as authors of deleted accounts are. */
export const isDeletedEmail = (email: string) => email.endsWith("@deleted.invalid");

/** What an erased email keeps instead of its message (the mailbox shows it in place of the message). */
export const ERASED_EMAIL_TEXT = "Not kept: the recipient deleted their account.";

// Audit actions whose details carry an address typed by or for someone under `email`.
const AUDIT_ACTIONS_WITH_EMAIL = [
  "membership.invite",
  "membership.invite_owner",
  "auth.sign_in_failed",
  "council.invite_admin",
  "membership.invitation_decline",
];

// What the notice of a decline, sent to whoever sent the invitation, says instead of the address of someone who
// has deleted their account since: the name the app gives every deleted account.
export const DELETED_USER = "Deleted user";

// The address as a case-blind regular expression, as written in text and as React escapes it in HTML.
const escapeHtml = (value: string) =>
  value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#x27;");
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const quoting = (address: string) => [...new Set([address, escapeHtml(address)])].map(escapeRegExp).join("|");

export type ErasureCounts = { invitationsCancelled: number; emailsCancelled: number };

type Address = ErasedAddress;

// The account's current address, and the ones it had before (its own email-change entries say which).
async function addressesOf(tx: Tx, userId: string): Promise<Address[]> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const changes = await tx.auditLog.findMany({
    where: { action: "account.email_changed", entityType: "User", entityId: userId },
    select: { details: true },
  });
  const former = new Set<string>();
  for (const { details } of changes) {
    const { from, to } = (details ?? {}) as { from?: unknown; to?: unknown };
    for (const address of [from, to])
      if (typeof address === "string" && address) former.add(address.toLowerCase());
  }
  former.delete(user.email);
  const periods = await addressPeriods(userId, tx);
  // the earliest it was theirs (null: since before anyone had it)
  const heldFrom = (address: string) => {
    const froms = periods.filter((p) => p.address === address).map((p) => p.from);
    if (!froms.length || froms.includes(null)) return null;
    return new Date(Math.min(...froms.map((from) => from!.getTime())));
  };
  const current = user.email.toLowerCase();
  const addresses: Address[] = [{ address: current, takenAt: null, heldFrom: heldFrom(current) }];
  for (const address of former) {
    const holder = await tx.user.findUnique({
      where: { email: address },
      select: { id: true, createdAt: true },
    });
    let takenAt: Date | null = null;
    if (holder) {
      // from its sign-up, or from when it changed to this address, whichever is later
      const changedTo = await tx.auditLog.findFirst({
        where: {
          action: "account.email_changed",
          entityType: "User",
          entityId: holder.id,
          details: { path: ["to"], equals: address },
        },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      });
      takenAt = changedTo && changedTo.createdAt > holder.createdAt ? changedTo.createdAt : holder.createdAt;
    }
    addresses.push({ address, takenAt, heldFrom: heldFrom(address) });
  }
  return addresses;
}

const NEVER = new Date("9999-12-31T00:00:00Z");
const EVER = new Date("0001-01-01T00:00:00Z");

/**
 * Replaces the person's addresses with their placeholder, in the caller's transaction (the account deletion's).
 * Invitations to them still open are cancelled first; emails to them not yet sent are not sent, and the bodies
 * of those that were are dropped. Audit entries stay, naming the placeholder instead. An open invitation to a
 * former address another account has taken since is left to that account. In the survey, responses naming the
 * person as their contact lose the contact, and survey invitations to them name the placeholder.
 */
export async function eraseEmailAddresses(tx: Tx, userId: string): Promise<ErasureCounts> {
  const placeholder = deletedEmailFor(userId);
  const now = new Date();
  const counts: ErasureCounts = { invitationsCancelled: 0, emailsCancelled: 0 };
  const addresses = await addressesOf(tx, userId);
  // Emails written for the account (they name it): all of them, whatever address they went to.
  const unsentToThem = await tx.emailOutbox.updateMany({
    where: { userId, status: "PENDING" },
    data: { status: "FAILED", lastError: ERASED_EMAIL_TEXT, lockedUntil: null },
  });
  counts.emailsCancelled += unsentToThem.count;
  await tx.$executeRaw`
    UPDATE "EmailOutbox"
    SET "to" = ${placeholder}, html = '', text = ${ERASED_EMAIL_TEXT},
        "lastError" = replace("lastError", "to", ${placeholder})
    WHERE "userId" = ${userId}`;
  // Those that name no account (written before emails did, or to an address no account had then): by the address
  // and when it was the account's. One naming another account is that account's.
  for (const held of addresses) {
    const { address, takenAt, heldFrom } = held;
    const before = writtenWhileHeld(held);
    const open = openInvitationWhere(now);
    if (!takenAt) {
      const cancelled = await tx.invitation.updateMany({
        where: { email: address, ...open, ...before },
        data: { revokedAt: now },
      });
      counts.invitationsCancelled += cancelled.count;
    }
    await tx.invitation.updateMany({
      where: { email: address, ...before, NOT: open },
      data: { email: placeholder },
    });

    const unsent = await tx.emailOutbox.updateMany({
      where: { to: address, userId: null, status: "PENDING", ...before },
      data: { status: "FAILED", lastError: ERASED_EMAIL_TEXT, lockedUntil: null },
    });
    counts.emailsCancelled += unsent.count;
    // A provider's error message may quote the address.
    await tx.$executeRaw`
      UPDATE "EmailOutbox"
      SET "to" = ${placeholder}, html = '', text = ${ERASED_EMAIL_TEXT},
          "lastError" = replace("lastError", "to", ${placeholder})
      WHERE "to" = ${address} AND "userId" IS NULL
        AND "createdAt" < ${takenAt ?? NEVER} AND "createdAt" >= ${heldFrom ?? EVER}`;

    // The notice of their decline sent to whoever invited them quotes the address (in its subject, which starts
    // with it, and its message), sent or not: it says "Deleted user" instead, and one not sent yet still goes.
    await tx.$executeRaw`
      UPDATE "EmailOutbox"
      SET subject = regexp_replace(subject, ${quoting(address)}, ${DELETED_USER}, 'gi'),
          text = regexp_replace(text, ${quoting(address)}, ${DELETED_USER}, 'gi'),
          html = regexp_replace(html, ${quoting(address)}, ${DELETED_USER}, 'gi')
      WHERE template = 'membership.invitation_declined'
        AND starts_with(lower(subject), ${`${address} declined your invitation`})
        AND "createdAt" < ${takenAt ?? NEVER} AND "createdAt" >= ${heldFrom ?? EVER}`;

    // An organisation's contact address that is this person's (given when registering it) goes: the
    // organisation is then reached through its members, as one registered without a contact address is.
    if (!takenAt) {
      await tx.$executeRaw`
        UPDATE "Organisation" SET "contactEmail" = NULL, "updatedAt" = now()
        WHERE lower("contactEmail") = ${address}`;
    }

    await tx.$executeRaw`
      UPDATE "AuditLog" SET details = jsonb_set(details, '{email}', to_jsonb(${placeholder}::text))
      WHERE action = ANY(${AUDIT_ACTIONS_WITH_EMAIL}::text[])
        AND lower(details->>'email') = ${address} AND "createdAt" < ${takenAt ?? NEVER}
        AND "createdAt" >= ${heldFrom ?? EVER}`;
  }
  // The person's own address history: every address in it was theirs, or one they asked to move to.
  await tx.$executeRaw`
    UPDATE "AuditLog" SET details = jsonb_build_object('from', ${placeholder}::text, 'to', ${placeholder}::text)
    WHERE action IN ('account.email_changed', 'account.email_change_requested', 'account.email_change_resent',
                     'account.email_change_cancelled') AND "entityType" = 'User'
      AND "entityId" = ${userId}`;
  // The survey module's own rules: the business's answers stay, the person's contact details go.
  await eraseSurveyContactsOf(tx, { userId, placeholder, addresses });
  return counts;
}
