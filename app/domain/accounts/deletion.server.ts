// Deleting an account (the right to erasure): what has to happen first, what the deletion leaves behind, and the
// deletion itself. Personal details go; what the person wrote stays for their organisation and the council,
// shown as "Deleted user". Why an organisation may be left with no members: docs/decisions/015.
import { db, givenUpBecause, lockUntilCommit, setLockTimeout, type Tx } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { countOf, listInWords } from "~/domain/format.ts";
import { TO_DELIVER, UNSETTLED_STATUSES } from "~/domain/marketplace/pledge-lifecycle.ts";
import { changePledgeIn } from "~/domain/marketplace/pledges.server.ts";
import { CLOSED_STATUSES, canRequest, REQUEST_STATUSES } from "~/domain/marketplace/request-lifecycle.ts";
import {
  changeRequestIn,
  declineOfferedPledges,
  lockRequest,
  TransitionRefused,
} from "~/domain/marketplace/requests.server.ts";
import type { EmailSink } from "~/domain/marketplace/email-sink.server.ts";
import type { OrganisationKind } from "~/generated/prisma/enums.ts";
import { logger } from "~/server/logger.ts";
import { gatheredEmails, tellCouncilAdmins } from "./deletion-emails.server.ts";
import type { LeftWithoutMembers } from "./emails.server.tsx";
import { deletedEmailFor, eraseEmailAddresses } from "./erasure.server.ts";
import { endInvitationsSentBy, leadRoleFor, lockOrganisation } from "./members.server.ts";
import { openInvitationWhere } from "./invitations.server.ts";
import { ROLE_LABEL } from "./schemas.ts";
import { checkCurrentPassword } from "./users.server.ts";

type Context = { ip: string | null };
type FieldErrors = Record<string, string[]>;

// Pledges that wait on the requesting organisation (to receive help, confirm or dispute a delivery), and those
// that wait on the supplier (to deliver, or to put a disputed delivery right).
const WAITING_ON_REQUESTOR = UNSETTLED_STATUSES;
const WAITING_ON_SUPPLIER = TO_DELIVER;
// Requests not yet closed: drafts, those with the council, and those live on the marketplace.
const UNCLOSED_REQUESTS = REQUEST_STATUSES.filter((status) => !CLOSED_STATUSES.includes(status));

/**
 * Something the person must do before their account can be deleted, and where to do it (no organisation and no
 * link for the last platform admin: another can only be appointed outside the app).
 */
export type DeletionBlock = {
  organisationId: string | null;
  message: string;
  link: { href: string; text: string } | null;
};

export const LAST_PLATFORM_ADMIN_MESSAGE =
  "You are the only platform admin. Without one, nobody can create councils or partnerships, or read the " +
  "local mailbox. Ask whoever runs this installation to make another account a platform admin first.";

// Serialises the deletions of platform admins' accounts, so two admins deleting at once leave one behind.
function lockPlatformAdmins(tx: Tx) {
  return lockUntilCommit(tx, "platform-admins");
}

async function lastPlatformAdmin(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { isPlatformAdmin: true } });
  if (!user?.isPlatformAdmin) return false;
  const others = await tx.user.count({
    where: { isPlatformAdmin: true, deletedAt: null, id: { not: userId } },
  });
  return others === 0;
}

/** An organisation the person is the only member of, and what deleting their account closes for it. */
export type OrganisationLeftEmpty = {
  organisationId: string;
  name: string;
  councilName: string | null;
  requests: number;
  pledges: number;
  invitations: number;
};

export type DeletionPlan = { blocks: DeletionBlock[]; leftEmpty: OrganisationLeftEmpty[] };

// How many pledges wait on each of the organisations (counted once each, also one that waits on it both ways).
async function pledgesWaiting(tx: Tx, organisationIds: string[]) {
  const waiting = new Map<string, number>();
  if (!organisationIds.length) return waiting;
  const pledges = await tx.pledge.findMany({
    where: {
      OR: [
        { request: { organisationId: { in: organisationIds } }, status: { in: WAITING_ON_REQUESTOR } },
        { supplierOrganisationId: { in: organisationIds }, status: { in: WAITING_ON_SUPPLIER } },
      ],
    },
    select: { status: true, supplierOrganisationId: true, request: { select: { organisationId: true } } },
  });
  for (const organisationId of organisationIds) {
    const count = pledges.filter(
      (pledge) =>
        (pledge.request.organisationId === organisationId && WAITING_ON_REQUESTOR.includes(pledge.status)) ||
        (pledge.supplierOrganisationId === organisationId && WAITING_ON_SUPPLIER.includes(pledge.status)),
    ).length;
    waiting.set(organisationId, count);
  }
  return waiting;
}

// Counts grouped by organisation, as a map (none: 0).
function countsBy<Row extends { _count: { _all: number } }>(rows: Row[], key: (row: Row) => string) {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + row._count._all);
  return (id: string) => counts.get(id) ?? 0;
}

function waitingBlock(
  organisation: { id: string; name: string; kind: OrganisationKind },
  waiting: number,
): DeletionBlock {
  const supplier = organisation.kind === "SUPPLIER";
  return {
    organisationId: organisation.id,
    message:
      `You are the only member of ${organisation.name}, and ${countOf(waiting, "pledge is", "pledges are")} ` +
      `waiting on it (accepted, delivered or disputed). ` +
      (supplier
        ? "Report the delivery or call the pledge off first, or invite a colleague and make them an owner."
        : "Confirm or dispute deliveries and call off accepted pledges first, or invite a colleague and make them an owner."),
    link: supplier
      ? { href: "/pledges", text: `${organisation.name}'s pledges` }
      : { href: "/my-requests", text: `${organisation.name}'s requests` },
  };
}

/**
 * What deleting the account would mean, for the page that asks to confirm it and for the deletion (which
 * calls it again under its locks). Blocks: the installation would be left with no platform admin, an organisation
 * with members but nobody to manage them, a council with nobody at all, or someone waits on a pledge only this
 * person can answer. Otherwise, the
 * organisations that would be left with no members, and what is closed for each.
 */
export async function planAccountDeletion(userId: string, tx: Tx = db): Promise<DeletionPlan> {
  const memberships = await tx.membership.findMany({
    where: { userId },
    orderBy: { organisationId: "asc" },
    select: {
      role: true,
      organisation: { select: { id: true, name: true, kind: true, council: { select: { name: true } } } },
    },
  });
  const plan: DeletionPlan = { blocks: [], leftEmpty: [] };
  if (await lastPlatformAdmin(tx, userId))
    plan.blocks.push({ organisationId: null, message: LAST_PLATFORM_ADMIN_MESSAGE, link: null });
  // one query for each kind of thing, for all the person's organisations at once
  const ids = memberships.map(({ organisation }) => organisation.id);
  const othersByRole = await tx.membership.groupBy({
    by: ["organisationId", "role"],
    where: { organisationId: { in: ids }, userId: { not: userId } },
    _count: { _all: true },
  });
  const othersIn = countsBy(othersByRole, (row) => row.organisationId);
  const otherLeadsIn = countsBy(
    othersByRole.filter((row) => {
      const kind = memberships.find(({ organisation }) => organisation.id === row.organisationId)!
        .organisation.kind;
      return row.role === leadRoleFor(kind);
    }),
    (row) => row.organisationId,
  );
  // the organisations the person would leave with no members (a council never: nobody could add an admin back)
  const alone = memberships
    .map(({ organisation }) => organisation)
    .filter((organisation) => othersIn(organisation.id) === 0 && organisation.kind !== "COUNCIL")
    .map((organisation) => organisation.id);
  const [waiting, requestsBy, pledgesBy, invitationsBy] = await Promise.all([
    pledgesWaiting(tx, alone),
    alone.length
      ? tx.request.groupBy({
          by: ["organisationId"],
          where: { organisationId: { in: alone }, status: { in: UNCLOSED_REQUESTS } },
          _count: { _all: true },
        })
      : [],
    alone.length
      ? tx.pledge.groupBy({
          by: ["supplierOrganisationId"],
          where: { supplierOrganisationId: { in: alone }, status: "OFFERED" },
          _count: { _all: true },
        })
      : [],
    alone.length
      ? tx.invitation.groupBy({
          by: ["organisationId"],
          where: { organisationId: { in: alone }, ...openInvitationWhere() },
          _count: { _all: true },
        })
      : [],
  ]);
  const requestsIn = countsBy(requestsBy, (row) => row.organisationId);
  const pledgesIn = countsBy(pledgesBy, (row) => row.supplierOrganisationId);
  const invitationsIn = countsBy(invitationsBy, (row) => row.organisationId);
  for (const { role, organisation } of memberships) {
    const lead = leadRoleFor(organisation.kind);
    const leadLabel = ROLE_LABEL[lead].toLowerCase();
    if (othersIn(organisation.id) > 0) {
      if (role !== lead) continue;
      if (otherLeadsIn(organisation.id) === 0)
        plan.blocks.push({
          organisationId: organisation.id,
          message: `You are the last ${leadLabel} of ${organisation.name}. Make another member an ${leadLabel} first, so that someone can still manage it.`,
          link: {
            href: `/organisations/${organisation.id}`,
            text: `Manage the members of ${organisation.name}`,
          },
        });
      continue;
    }
    // A council is never left without an admin: nobody could add one back.
    if (organisation.kind === "COUNCIL") {
      plan.blocks.push({
        organisationId: organisation.id,
        message: `You are the last ${leadLabel} of ${organisation.name}. Invite a colleague and make them an admin first.`,
        link: {
          href: `/organisations/${organisation.id}`,
          text: `Manage the members of ${organisation.name}`,
        },
      });
      continue;
    }
    const waitingOn = waiting.get(organisation.id) ?? 0;
    if (waitingOn > 0) {
      plan.blocks.push(waitingBlock(organisation, waitingOn));
      continue;
    }
    plan.leftEmpty.push({
      organisationId: organisation.id,
      name: organisation.name,
      councilName: organisation.council?.name ?? null,
      requests: requestsIn(organisation.id),
      pledges: pledgesIn(organisation.id),
      invitations: invitationsIn(organisation.id),
    });
  }
  return plan;
}

async function alreadyDeleted(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { deletedAt: true } });
  return Boolean(user?.deletedAt);
}

/** The error for the organisations left with no members that the person has not ticked, or null. */
function unconfirmedError(
  leftEmpty: OrganisationLeftEmpty[],
  input: { leaveWithoutMembers: string[] },
): FieldErrors | null {
  const unconfirmed = leftEmpty.filter((o) => !input.leaveWithoutMembers.includes(o.organisationId));
  if (!unconfirmed.length) return null;
  return {
    leaveWithoutMembers: [
      `Confirm that you understand ${listInWords(unconfirmed.map((o) => o.name))} will be left with no members`,
    ],
  };
}

// Thrown inside the deletion's transaction, so nothing it has done so far is kept.
class DeletionRefused extends Error {
  constructor(public fieldErrors: FieldErrors) {
    super("account deletion refused");
  }
}

export type DeleteResult = { ok: true } | { ok: false; fieldErrors: FieldErrors; notFinished?: true };

/**
 * What a deletion PostgreSQL or Prisma gave up on says (`changing`: what the other change was to): what happened,
 * that nothing was deleted, and what to do. A clash with a change made at the same moment is over once either is:
 * trying again works. A lock held past the deletion's wait (or its time run out) is held by something slower (a
 * large import, many changes at once, a busy server), which trying again straight away may meet again.
 */
export function deletionNotFinished(because: "clashed" | "waited", changing: string) {
  return because === "clashed"
    ? `The deletion was stopped because another change to ${changing} was made at the same moment. Nothing was ` +
        "deleted. Please try again."
    : `The deletion was stopped because it waited too long for another change to ${changing} to finish. Nothing ` +
        "was deleted. Try again in a few minutes. If it keeps happening, contact your council's social value team.";
}

export const ACCOUNT_CHANGES = "your account or your organisations";

/** Logged at warn, not as an error: a deletion given up on meets a change under way, and nothing of it is kept. */
export function logDeletionGivenUp(what: string, because: "clashed" | "waited", error: unknown, ids: object) {
  const code = (error as { code?: unknown } | null)?.code;
  logger.warn({ ...ids, because, code }, `${what} given up on; nothing was deleted`);
}

// The deletion's transaction: room for the last member of many organisations to close each one's requests and
// pledges on a busy server (about 4 s measured for twelve organisations under a load of 11 on 2 cores), not a failed
// deletion after five seconds; no more, since whoever waits on the rows it holds has only their own five. Each lock
// it waits for is given up after five seconds, so one held row cannot keep it waiting for as long as that row is
// held. That bounds each wait, not their sum: several waits in a row (the organisations, the person, the requests)
// can still pass the fifteen seconds, and Prisma then closes the transaction under its statement (P2028). Either
// way nothing is kept and the person is asked to try again (isTransactionGivenUp, docs/decisions/015).
const DELETION_TIMEOUT_MS = 15_000;
const DELETION_LOCK_WAIT_MS = 5_000;

// Memberships, sessions and personal settings go, and the person's email address wherever it was written down
// for them (./erasure.server.ts); records the person wrote stay, shown as "Deleted user". The
// person confirms, organisation by organisation, that they know which would be left with no members.
export async function deleteAccount(
  userId: string,
  input: { currentPassword: string; leaveWithoutMembers: string[] },
  context: Context,
  // tests wait less
  {
    timeoutMs = DELETION_TIMEOUT_MS,
    lockWaitMs = DELETION_LOCK_WAIT_MS,
  }: { timeoutMs?: number; lockWaitMs?: number } = {},
): Promise<DeleteResult> {
  // The form sent twice (a double click): the first deleted the account moments ago, so this one is answered as
  // the first was, with nothing done again (not "Your current password is incorrect": it has none now).
  const deleted = { ok: true } as const;
  if (await alreadyDeleted(db, userId)) return deleted;
  const check = await checkCurrentPassword(userId, input.currentPassword, context);
  if (!check.ok) {
    if (await alreadyDeleted(db, userId)) return deleted;
    // a box left unticked is said now too, not only once the password is right and has been typed again
    const unconfirmed = unconfirmedError((await planAccountDeletion(userId)).leftEmpty, input);
    return { ok: false, fieldErrors: { ...check.fieldErrors, ...unconfirmed } };
  }
  try {
    return await db.$transaction(
      async (tx): Promise<DeleteResult> => {
        await setLockTimeout(tx, lockWaitMs);
        // Every organisation the person belongs to, in one order: no role change, removal, invitation accepted
        // or colleague's deletion in them runs alongside (two last owners deleting at once leave one behind).
        const mine = await tx.membership.findMany({
          where: { userId },
          orderBy: { organisationId: "asc" },
          select: { organisationId: true },
        });
        for (const { organisationId } of mine) await lockOrganisation(tx, organisationId);
        // Then the person's own row (after the organisations', as accepting an invitation takes them): of two
        // deletions sent at once, the second finds the first's done.
        const [me] = await tx.$queryRaw<{ isPlatformAdmin: boolean; deletedAt: Date | null }[]>`
        SELECT "isPlatformAdmin", "deletedAt" FROM "User" WHERE id = ${userId} FOR UPDATE`;
        if (!me || me.deletedAt) return deleted;
        // Then, for a platform admin, the platform admins (taken after the organisations' locks, always).
        if (me.isPlatformAdmin) await lockPlatformAdmins(tx);
        const plan = await planAccountDeletion(userId, tx);
        // one message each: the page shows a field's first message only
        if (plan.blocks.length)
          return { ok: false, fieldErrors: { form: [plan.blocks.map((b) => b.message).join(" ")] } };
        const unconfirmed = unconfirmedError(plan.leftEmpty, input);
        if (unconfirmed) return { ok: false, fieldErrors: unconfirmed };
        // each council's admins are told once, of all its organisations this deletion leaves with no members
        const leftByCouncil = new Map<string, LeftWithoutMembers[]>();
        // the suppliers and groups whose pledges and requests this closes are emailed once each, of all of it
        const emails = gatheredEmails();
        for (const organisation of plan.leftEmpty) {
          const closed = await closeForNobody(
            tx,
            organisation,
            userId,
            context,
            emails.sendFor(organisation.name),
          );
          if (closed.councilId)
            leftByCouncil.set(closed.councilId, [
              ...(leftByCouncil.get(closed.councilId) ?? []),
              closed.left,
            ]);
        }
        await emails.sendEach(tx);
        for (const [councilId, left] of leftByCouncil) await tellCouncilAdmins(tx, councilId, userId, left);
        // nobody joins on the word of an account that no longer exists
        await endInvitationsSentBy(tx, {
          senderUserId: userId,
          organisationId: null,
          because: "sender_deleted",
          actorUserId: userId,
          ip: context.ip,
        });
        await tx.membership.deleteMany({ where: { userId } });
        await tx.session.deleteMany({ where: { userId } });
        await tx.userToken.deleteMany({ where: { userId } });
        await tx.savedSearch.deleteMany({ where: { userId } });
        const erased = await eraseEmailAddresses(tx, userId);
        // the names the person changed from and to go with the name itself
        await tx.$executeRaw`
        UPDATE "AuditLog" SET details = jsonb_build_object('from', 'Deleted user', 'to', 'Deleted user')
        WHERE action = 'account.name_changed' AND "entityType" = 'User' AND "entityId" = ${userId}`;
        await tx.user.update({
          where: { id: userId },
          data: {
            name: "Deleted user",
            email: deletedEmailFor(userId),
            passwordHash: null,
            emailVerifiedAt: null,
            isPlatformAdmin: false,
            deletedAt: new Date(),
          },
        });
        await writeAudit(
          {
            actorUserId: userId,
            actorOrganisationId: null,
            action: "account.delete",
            entityType: "User",
            entityId: userId,
            details: erased,
            ipAddress: context.ip,
          },
          tx,
        );
        return { ok: true };
      },
      { timeout: timeoutMs },
    );
  } catch (error) {
    if (error instanceof DeletionRefused) return { ok: false, fieldErrors: error.fieldErrors };
    const because = givenUpBecause(error);
    if (!because) throw error;
    logDeletionGivenUp("account deletion", because, error, { userId });
    return {
      ok: false,
      fieldErrors: { form: [deletionNotFinished(because, ACCOUNT_CHANGES)] },
      notFinished: true,
    };
  }
}

type Closing = { id: string; name: string; actorUserId: string; ip: string | null; send: EmailSink };

// An organisation about to have no members: nobody may wait on it. Its unclosed requests are withdrawn (offers
// on them declined), its pledges on offer withdrawn, and its open invitations cancelled. Everything stays on
// record. The caller holds the organisation's lock, and tells the council, once for all the organisations the
// deletion leaves with no members: it answers the organisation's council and what was withdrawn.
async function closeForNobody(
  tx: Tx,
  organisation: OrganisationLeftEmpty,
  actorUserId: string,
  context: Context,
  send: EmailSink,
) {
  const closing = {
    id: organisation.organisationId,
    name: organisation.name,
    actorUserId,
    ip: context.ip,
    send,
  };
  const requests = await tx.request.findMany({
    where: { organisationId: closing.id, status: { in: UNCLOSED_REQUESTS } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  let requestsWithdrawn = 0;
  for (const request of requests) if (await withdrawRequest(tx, request.id, closing)) requestsWithdrawn++;
  const offered = await tx.pledge.findMany({
    where: { supplierOrganisationId: closing.id, status: "OFFERED" },
    orderBy: [{ requestId: "asc" }, { id: "asc" }],
    select: { id: true, requestId: true },
  });
  let pledgesWithdrawn = 0;
  for (const pledge of offered) if (await withdrawPledge(tx, pledge, closing)) pledgesWithdrawn++;
  const invitations = await tx.invitation.updateMany({
    where: { organisationId: closing.id, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const council = await tx.organisation.findUniqueOrThrow({
    where: { id: closing.id },
    select: { councilId: true },
  });
  await writeAudit(
    {
      actorUserId,
      organisationId: council.councilId,
      actorOrganisationId: closing.id,
      action: "organisation.left_without_members",
      entityType: "Organisation",
      entityId: closing.id,
      details: { requestsWithdrawn, pledgesWithdrawn, invitationsCancelled: invitations.count },
      ipAddress: context.ip,
    },
    tx,
  );
  return {
    councilId: council.councilId,
    left: { id: closing.id, name: closing.name, requests: requestsWithdrawn, pledges: pledgesWithdrawn },
  };
}

// A pledge became accepted (or a delivery was reported) after the page was read: the person must settle it first.
function settleFirst(name: string): DeletionRefused {
  return new DeletionRefused({
    form: [
      `A pledge at ${name} is now accepted or delivered. Settle it first, or invite a colleague and make them an owner.`,
    ],
  });
}

// The requestor's own withdrawal (marketplace changeRequestIn), its offers declined with the same reason. A request
// fully pledged by offers alone cannot be withdrawn: its offers are declined first, which opens it again.
async function withdrawRequest(tx: Tx, requestId: string, closing: Closing) {
  await lockRequest(tx, requestId);
  const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } });
  if (CLOSED_STATUSES.includes(request.status)) return false; // closed meanwhile (expired)
  const reason = `Nobody is left at ${closing.name} to manage this request`;
  const actor = { userId: closing.actorUserId, ipAddress: closing.ip };
  if (!canRequest(request.status, "withdraw", "REQUESTOR"))
    await declineOfferedPledges(tx, requestId, reason, actor, closing.send);
  try {
    await changeRequestIn(tx, {
      requestId,
      action: "withdraw",
      roles: ["REQUESTOR"],
      actor,
      reason,
      offersDeclinedBecause: reason,
      send: closing.send,
    });
  } catch (error) {
    // a pledge to it accepted or delivered (or work otherwise under way)
    if (error instanceof TransitionRefused) throw settleFirst(closing.name);
    throw error;
  }
  return true;
}

// The supplier's own withdrawal (marketplace changePledgeIn) of what is still only on offer; the requestor is told.
async function withdrawPledge(tx: Tx, offered: { id: string; requestId: string }, closing: Closing) {
  await lockRequest(tx, offered.requestId);
  const pledge = await tx.pledge.findUniqueOrThrow({ where: { id: offered.id }, select: { status: true } });
  if (WAITING_ON_SUPPLIER.includes(pledge.status)) throw settleFirst(closing.name);
  if (pledge.status !== "OFFERED") return false; // declined meanwhile
  await changePledgeIn(tx, {
    pledgeId: offered.id,
    action: "withdraw",
    roles: ["SUPPLIER"],
    actor: { userId: closing.actorUserId, ipAddress: closing.ip },
    reason: `Nobody is left at ${closing.name} to deliver this pledge`,
    send: closing.send,
  });
  return true;
}
