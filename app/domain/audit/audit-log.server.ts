// Reading the audit log: a council admin sees the entries of their council and of the organisations
// registered with it, and its staff's account events, filtered by who, which organisation, record type,
// action and date.
import { containingText, db } from "~/db.server.ts";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";
import { ORGANISATION_DELETED } from "~/domain/accounts/organisation-deletion.server.ts";
import { deletedEmailFor, isDeletedEmail } from "~/domain/accounts/erasure.server.ts";
import { londonMidnight } from "~/domain/calendar.ts";
import { inNameOrder } from "~/domain/format.ts";
import { quarterLabel, type QuarterNumber } from "~/domain/contracts/quarters.ts";
import { NAMED_ID_KEYS, readableDetails } from "./audit-details.ts";
import { auditActionLabel, auditRecordTypeLabel } from "./audit-labels.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { z } from "zod";

export const AUDIT_PAGE_SIZE = 50;

const SURVEY_ACTION_PREFIX = "survey.";

export type AuditFilters = {
  user?: string;
  organisationId?: string;
  entityType?: string;
  action?: string;
  // calendar days (00:00 UTC of the date), read as days in London like the times the log shows
  from?: Date;
  to?: Date; // inclusive: the whole day
  page: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

// the part of a deleted account's placeholder address that every one has ("@deleted.invalid")
const PLACEHOLDER_DOMAIN = deletedEmailFor("").slice(deletedEmailFor("").indexOf("@"));

// Someone the user filter's text names, as the log shows them: by name (a deleted account's is "Deleted user") or by
// email address, not by the placeholder address a deleted account was left with, which the log does not show: a
// filter of "deleted.invalid" or part of an account's id matched every deleted account's entries.
function personNamed(text: string): Prisma.UserWhereInput {
  return {
    OR: [
      { email: containingText(text), NOT: { email: { endsWith: PLACEHOLDER_DOMAIN } } },
      { name: containingText(text) },
    ],
  };
}

// A council's entries are those recorded as its log's when written (AuditLog.councilId, decision 042): filed under
// it or under a supplier or group registered with it, which stay when that organisation is deleted.
// Survey entries are filed under the council running the cycle. Any still filed under a business (written
// before that was so) may be about another council's survey, so they are shown to no council.
// Account events (sign-ins, failed sign-ins, password and email changes) belong to no organisation: a council
// sees those of its own staff, so a wave of failed sign-ins at an officer's account shows up here; and only from
// the day each joined its staff: what someone did with their account before (say, for years at a supplier: when
// and from where they signed in, the addresses they changed) is not the council's to read. Someone who has left
// its staff stays in it for the time they were on it (formerStaffPeriods), and not after.
// Survey entries (who gave consent, answered, withdrew, read the answers) are shown only to a reader with the
// survey role: every council admin reads this log, and counting a closed cycle's answers here would undo the
// report's "<5" (decision 007).
async function councilScope(councilId: string, surveyAccess: boolean) {
  return (await councilScopeAndStaff(councilId, surveyAccess)).scope;
}

async function councilScopeAndStaff(councilId: string, surveyAccess: boolean) {
  const [staff, formerStaff] = await Promise.all([
    db.membership.findMany({
      where: { organisationId: councilId },
      select: { userId: true, createdAt: true },
    }),
    formerStaffPeriods(councilId),
  ]);
  const scope: Prisma.AuditLogWhereInput = {
    OR: [
      // its own entries and those of its suppliers and groups, by the council recorded with each when it was
      // written (decision 042): an organisation deleted since leaves them here
      {
        councilId,
        OR: [{ organisationId: councilId }, { NOT: { action: { startsWith: SURVEY_ACTION_PREFIX } } }],
      },
      {
        organisationId: null,
        councilId: null,
        entityType: "User",
        OR: [
          ...staff.flatMap((m) => accountEventsOf(m.userId, { gte: m.createdAt })),
          ...formerStaff.flatMap((f) => accountEventsOf(f.userId, f.createdAt)),
        ],
      },
    ],
  };
  return {
    scope: surveyAccess ? scope : { AND: [scope, { NOT: { action: { startsWith: SURVEY_ACTION_PREFIX } } }] },
    staffIds: [...new Set([...staff, ...formerStaff].map((m) => m.userId))],
  };
}

// What the entry written when someone left a council's staff says: who (for a removal) and when they had joined.
// Entries written before the join time was recorded (December 2026) do not say, and their time on the staff is
// not known: their account events are not shown.
const departureDetails = z
  .object({ userId: z.string().optional(), joinedAt: z.iso.datetime().optional() })
  .nullable()
  .catch(null);

/** When each person who has left the council's staff (left, or was removed) was on it. */
async function formerStaffPeriods(councilId: string) {
  const departures = await db.auditLog.findMany({
    where: { organisationId: councilId, action: { in: ["membership.leave", "membership.remove"] } },
    select: { action: true, actorUserId: true, details: true, createdAt: true },
  });
  return departures.flatMap((d) => {
    const details = departureDetails.parse(d.details);
    const userId = d.action === "membership.leave" ? d.actorUserId : details?.userId;
    if (!userId || !details?.joinedAt) return [];
    return [{ userId, createdAt: { gte: new Date(details.joinedAt), lte: d.createdAt } }];
  });
}

// A person's account events: what they did with it, and the failed sign-ins at it, which have no actor (whoever
// typed the password is not known to be them) and name the account as their record.
function accountEventsOf(userId: string, createdAt: Prisma.DateTimeFilter): Prisma.AuditLogWhereInput[] {
  return [
    { actorUserId: userId, createdAt },
    { actorUserId: null, entityId: userId, createdAt },
  ];
}

// What an organisation's people did: pledges, returns and survey answers are filed with the council, so an
// entry counts by the organisation its actor acted for when they did it (recorded with the entry, so a
// member who has left since still counts for what they did then). The council's own log also holds what its
// suppliers and groups did: for the council, what its staff did for it, their account events (sign-ins,
// done for no organisation, and in this log only for the council's staff) and the automatic entries.
function actedFor(councilId: string, organisationId: string): Prisma.AuditLogWhereInput {
  const forTheCouncil =
    organisationId === councilId
      ? [
          { actorOrganisationId: null, entityType: "User" },
          { organisationId, actorUserId: null },
        ]
      : [];
  return { OR: [{ actorOrganisationId: organisationId }, ...forTheCouncil] };
}

export async function auditWhere(
  councilId: string,
  surveyAccess: boolean,
  filters: AuditFilters,
): Promise<Prisma.AuditLogWhereInput> {
  const { scope, staffIds } = await councilScopeAndStaff(councilId, surveyAccess);
  const and: Prisma.AuditLogWhereInput[] = [scope];
  if (filters.user) {
    const person = personNamed(filters.user);
    // and the failed sign-ins at their accounts (no actor: see accountEventsOf), which only staff's are shown
    const accounts = await db.user.findMany({
      where: { AND: [person, { id: { in: staffIds } }] },
      select: { id: true },
    });
    and.push({
      OR: [
        { actor: person },
        { actorUserId: null, entityType: "User", entityId: { in: accounts.map((a) => a.id) } },
      ],
    });
  }
  if (filters.organisationId) and.push(actedFor(councilId, filters.organisationId));
  if (filters.entityType) and.push({ entityType: filters.entityType });
  if (filters.action) and.push({ action: filters.action });
  if (filters.from) and.push({ createdAt: { gte: londonMidnight(filters.from) } });
  if (filters.to) and.push({ createdAt: { lt: londonMidnight(new Date(filters.to.getTime() + DAY_MS)) } });
  return { AND: and };
}

export async function searchAuditLog(councilId: string, surveyAccess: boolean, filters: AuditFilters) {
  const where = await auditWhere(councilId, surveyAccess, filters);
  const [total, entries] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(filters.page, AUDIT_PAGE_SIZE),
      select: {
        id: true,
        createdAt: true,
        action: true,
        entityType: true,
        entityId: true,
        details: true,
        ipAddress: true,
        actor: { select: { name: true, email: true } },
        actorOrganisation: { select: { name: true } },
        organisation: { select: { name: true } },
        filedUnderId: true,
      },
    }),
  ]);
  const names = await recordNames(councilId, entries);
  return {
    total,
    pageCount: pageCountOf(total, AUDIT_PAGE_SIZE),
    // each entry in words: what was done, to what (by its name where one is found), and its details as pairs
    entries: entries.map(({ details, filedUnderId, ...e }) => ({
      ...e,
      // someone who has deleted their account since is named "Deleted user", without the placeholder address
      actor: e.actor && isDeletedEmail(e.actor.email) ? { ...e.actor, email: null } : e.actor,
      // filed under an organisation deleted since: named as its deletion recorded it, marked deleted
      organisation:
        e.organisation ?? (filedUnderId ? { name: names.get(filedUnderId) ?? DELETED_ORGANISATION } : null),
      actionLabel: auditActionLabel(e.action),
      recordLabel: auditRecordTypeLabel(e.entityType),
      recordName: e.entityId ? (names.get(e.entityId) ?? null) : null,
      details: readableDetails(e.action, details, names),
    })),
  };
}

type ListedEntry = {
  entityType: string;
  entityId: string | null;
  details: Prisma.JsonValue;
  organisation?: unknown;
  filedUnderId?: string | null;
};

// The ids a page of entries names (its records, the people, organisations, partnerships and returns in their
// details, and the organisation an entry was filed under where that is deleted since), each looked up once with
// the others of its kind. Records a council keeps are looked up in this council's only; a record since deleted has
// no name and is shown by its reference.
async function recordNames(councilId: string, entries: ListedEntry[]): Promise<Map<string, string>> {
  const ids = new Map<string, Set<string>>();
  const add = (kind: string, id: unknown) => {
    if (typeof id !== "string" || !id) return;
    if (!ids.has(kind)) ids.set(kind, new Set());
    ids.get(kind)!.add(id);
  };
  const KIND_OF_KEY: Record<(typeof NAMED_ID_KEYS)[number], string> = {
    userId: "User",
    organisationId: "Organisation",
    partnershipId: "Partnership",
    returnId: "KpiReturn",
  };
  for (const e of entries) {
    add(e.entityType === "CouncilSettings" ? "Organisation" : e.entityType, e.entityId);
    if (!e.organisation) add("Organisation", e.filedUnderId);
    if (e.details && typeof e.details === "object" && !Array.isArray(e.details))
      for (const key of NAMED_ID_KEYS) add(KIND_OF_KEY[key], (e.details as Record<string, unknown>)[key]);
  }
  const of = (kind: string) => [...(ids.get(kind) ?? [])];
  const none = Promise.resolve([] as [string, string][]);
  const ask = <T>(kind: string, find: (id: string[]) => Promise<T[]>, name: (row: T) => [string, string]) =>
    ids.has(kind) ? find(of(kind)).then((rows) => rows.map(name)) : none;
  const found = await Promise.all([
    ask(
      "User",
      (id) => db.user.findMany({ where: { id: { in: id } }, select: { id: true, name: true } }),
      (u) => [u.id, u.name],
    ),
    ask(
      "Organisation",
      (id) => db.organisation.findMany({ where: { id: { in: id } }, select: { id: true, name: true } }),
      (o) => [o.id, o.name],
    ),
    ask(
      "Partnership",
      (id) => db.partnership.findMany({ where: { id: { in: id } }, select: { id: true, name: true } }),
      (p) => [p.id, p.name],
    ),
    ask(
      "Membership",
      (id) =>
        db.membership.findMany({
          where: { id: { in: id } },
          select: { id: true, user: { select: { name: true } }, organisation: { select: { name: true } } },
        }),
      (m) => [m.id, `${m.user.name} at ${m.organisation.name}`],
    ),
    ask(
      "Invitation",
      (id) => db.invitation.findMany({ where: { id: { in: id } }, select: { id: true, email: true } }),
      (i) => [i.id, i.email],
    ),
    ask(
      "Contract",
      (id) =>
        db.contract.findMany({
          where: { id: { in: id }, councilId },
          select: { id: true, reference: true, title: true },
        }),
      (c) => [c.id, `${c.reference} – ${c.title}`],
    ),
    ask(
      "KpiReturn",
      (id) =>
        db.kpiReturn.findMany({
          where: { id: { in: id }, contract: { councilId } },
          select: { id: true, financialYear: true, quarter: true, contract: { select: { reference: true } } },
        }),
      (r) => [r.id, `${r.contract.reference}, ${quarterLabel(r.financialYear, r.quarter as QuarterNumber)}`],
    ),
    ask(
      "Measure",
      (id) =>
        db.measure.findMany({
          where: { id: { in: id }, councilId },
          select: { id: true, code: true, name: true },
        }),
      (m) => [m.id, `${m.code} – ${m.name}`],
    ),
    ask(
      "Request",
      (id) =>
        db.request.findMany({ where: { id: { in: id }, councilId }, select: { id: true, title: true } }),
      (r) => [r.id, r.title],
    ),
    ask(
      "Pledge",
      (id) =>
        db.pledge.findMany({
          where: { id: { in: id }, request: { councilId } },
          select: {
            id: true,
            request: { select: { title: true } },
            supplierOrganisation: { select: { name: true } },
          },
        }),
      (p) => [p.id, `${p.supplierOrganisation.name}’s pledge to “${p.request.title}”`],
    ),
    ask(
      "GuidancePage",
      (id) =>
        db.guidancePage.findMany({ where: { id: { in: id }, councilId }, select: { id: true, title: true } }),
      (g) => [g.id, g.title],
    ),
    ask(
      "Category",
      (id) =>
        db.category.findMany({ where: { id: { in: id }, councilId }, select: { id: true, name: true } }),
      (c) => [c.id, c.name],
    ),
    ask(
      "District",
      (id) =>
        db.district.findMany({ where: { id: { in: id }, councilId }, select: { id: true, name: true } }),
      (d) => [d.id, d.name],
    ),
    ask(
      "SurveyCycle",
      (id) =>
        db.surveyCycle.findMany({ where: { id: { in: id }, councilId }, select: { id: true, year: true } }),
      (c) => [c.id, `${c.year} survey`],
    ),
  ]);
  const names = new Map(found.flat());
  for (const [id, name] of await deletedOrganisationNames(of("Organisation").filter((id) => !names.has(id))))
    names.set(id, name);
  for (const [id, name] of await deletedGuidanceTitles(
    councilId,
    of("GuidancePage").filter((id) => !names.has(id)),
  ))
    names.set(id, name);
  return names;
}

// A guidance page deleted since: named by the title its deletion entry in this council's log recorded, marked
// deleted. One deleted before deletions recorded titles has none, and is shown by its reference as before.
async function deletedGuidanceTitles(councilId: string, ids: string[]): Promise<[string, string][]> {
  if (!ids.length) return [];
  const deletions = await db.auditLog.findMany({
    where: {
      organisationId: councilId,
      action: "guidance.delete",
      entityType: "GuidancePage",
      entityId: { in: ids },
    },
    orderBy: { createdAt: "asc" },
    select: { entityId: true, details: true },
  });
  const recorded: [string, string][] = [];
  for (const { entityId, details } of deletions) {
    const title = (details as { title?: unknown } | null)?.title;
    if (entityId && typeof title === "string" && title.trim())
      recorded.push([entityId, `${title} (deleted)`]);
  }
  return recorded;
}

// An organisation deleted since (one registered by mistake, decision 041): named as its deletion entry recorded it,
// marked deleted, or "Deleted organisation" where nothing recorded its name. Its entries stay in the log.
async function deletedOrganisationNames(ids: string[]): Promise<[string, string][]> {
  if (!ids.length) return [];
  const deletions = await db.auditLog.findMany({
    where: { action: ORGANISATION_DELETED, entityType: "Organisation", entityId: { in: ids } },
    orderBy: { createdAt: "asc" },
    select: { entityId: true, details: true },
  });
  const recorded = new Map<string, string>();
  for (const { entityId, details } of deletions) {
    const name = (details as { name?: unknown } | null)?.name;
    if (entityId && typeof name === "string" && name.trim()) recorded.set(entityId, name);
  }
  return ids.map((id) => {
    const name = recorded.get(id);
    return [id, name ? `${name} (deleted)` : DELETED_ORGANISATION];
  });
}

export const DELETED_ORGANISATION = "Deleted organisation";

// The choices offered in the filter form: only values that occur in this council's log. The organisations are the
// council, those registered with it, and any other that acted in its log: a supplier registered with another
// council holds this council's contracts and sends it returns, a group registered elsewhere asks it for help.
export async function auditFilterOptions(councilId: string, surveyAccess: boolean) {
  const scope = await councilScope(councilId, surveyAccess);
  const [actions, types, actedFor] = await Promise.all([
    db.auditLog.groupBy({ by: ["action"], where: scope, orderBy: { action: "asc" } }),
    db.auditLog.groupBy({ by: ["entityType"], where: scope, orderBy: { entityType: "asc" } }),
    db.auditLog.groupBy({
      by: ["actorOrganisationId"],
      where: { AND: [scope, { actorOrganisationId: { not: null } }] },
    }),
  ]);
  const actedForIds = actedFor.flatMap((a) => (a.actorOrganisationId ? [a.actorOrganisationId] : []));
  // as people read names ("Supplier 2" before "Supplier 10"), not as the database orders text
  const organisations = inNameOrder(
    await db.organisation.findMany({
      where: { OR: [{ id: councilId }, { councilId }, { id: { in: actedForIds } }] },
      select: { id: true, name: true },
    }),
  );
  return {
    actions: actions.map((a) => a.action),
    entityTypes: types.map((t) => t.entityType),
    organisations,
  };
}
