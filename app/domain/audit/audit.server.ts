// The audit log: who did what to which record, and when. Written in the same transaction as the change.
import type { Prisma } from "~/generated/prisma/client.ts";
import { db, type Tx } from "~/db.server.ts";

export type AuditEntry = {
  actorUserId: string | null;
  // the council (or other organisation) whose log this belongs in
  organisationId?: string | null;
  // the organisation the actor acted for (the pledging supplier, the approving council); null for account
  // events and automatic ones. Required so that every new entry says it.
  actorOrganisationId: string | null;
  action: string; // "area.verb", e.g. "auth.sign_in", "request.approve"
  entityType: string;
  entityId?: string | null;
  details?: Prisma.InputJsonValue;
  ipAddress?: string | null;
};

export async function writeAudit(entry: AuditEntry, tx: Tx = db) {
  const organisationId = entry.organisationId ?? null;
  return tx.auditLog.create({
    data: {
      actorUserId: entry.actorUserId,
      organisationId,
      // kept when the organisation is deleted (decision 042): its council's log keeps the entry and its name
      councilId: await councilLogOf(organisationId, tx),
      filedUnderId: organisationId,
      actorOrganisationId: entry.actorOrganisationId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: entry.details,
      ipAddress: entry.ipAddress ?? null,
    },
  });
}

/**
 * The council whose log an entry filed under `organisationId` belongs in: that council, or the council the
 * supplier or group is registered with; none for an entry filed under no organisation.
 */
export async function councilLogOf(organisationId: string | null, tx: Tx = db) {
  if (!organisationId) return null;
  const organisation = await tx.organisation.findUnique({
    where: { id: organisationId },
    select: { kind: true, councilId: true },
  });
  if (!organisation) return null;
  return organisation.kind === "COUNCIL" ? organisationId : organisation.councilId;
}

// Survey answers belong in the log of the council running the cycle: a business may answer any council's
// survey it is invited to, and the council it is registered with must not see that it did. Whoever acts on a
// response acts for the business answering.
export async function writeSurveyResponseAudit(
  entry: Omit<AuditEntry, "organisationId" | "actorOrganisationId" | "entityType"> & { entityId: string },
  tx: Tx = db,
) {
  const response = await tx.surveyResponse.findUnique({
    where: { id: entry.entityId },
    select: { organisationId: true, cycle: { select: { councilId: true } } },
  });
  return writeAudit(
    {
      ...entry,
      entityType: "SurveyResponse",
      organisationId: response?.cycle.councilId ?? null,
      actorOrganisationId: response?.organisationId ?? null,
    },
    tx,
  );
}

// How long after doing something the same person's same form, sent again, is taken as sent twice (a double click,
// a form sent again after a slow answer) rather than meant: answered as the first was, nothing done again
// (decision 024). Links and invitations use a shorter window (tokens.server.ts).
export const SENT_TWICE_WINDOW_MS = 10 * 60 * 1000;

/** Whether the audit log records `actorUserId` doing `action` (to `entityId`, when given) within `withinMs`. */
export async function recentlyAudited(
  entry: { actorUserId: string; action: string; entityId?: string; organisationId?: string },
  withinMs = SENT_TWICE_WINDOW_MS,
  tx: Tx = db,
) {
  const found = await tx.auditLog.findFirst({
    where: { ...entry, createdAt: { gt: new Date(Date.now() - withinMs) } },
    select: { id: true },
  });
  return found !== null;
}
