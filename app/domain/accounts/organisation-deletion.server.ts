// Deleting an organisation registered by mistake: only its owner, only while they are its only member, and only
// while it has no records of its own that the council or other organisations rely on. Whatever would be lost
// with it (a request, a pledge, a contract with its commitments and returns, a survey response or invitation)
// keeps it. Councils are never deleted here. The deletion is logged in its council's audit log.
import { db, givenUpBecause, Prisma, setLockTimeout, type Tx } from "~/db.server.ts";
import { recentlyAudited, writeAudit } from "~/domain/audit/audit.server.ts";
import { countOf } from "~/domain/format.ts";
import { deletionNotFinished, logDeletionGivenUp } from "./deletion.server.ts";
import { openInvitationWhere } from "./invitations.server.ts";

type Context = { ip: string | null };

export const ORGANISATION_DELETED = "organisation.delete";

// Every relation whose rows would be lost (or left without their organisation) with it, and their names in words.
// The council-side ones cannot apply to a VCSE or supplier, but are checked all the same.
const KEPT_RECORDS = {
  requests: ["request", "requests"],
  pledges: ["pledge", "pledges"],
  contractsAsSupplier: ["contract", "contracts"],
  surveyResponses: ["survey response", "survey responses"],
  surveyInvitations: ["survey invitation", "survey invitations"],
  requestsForCouncil: ["request to the council", "requests to the council"],
  contractsAsCouncil: ["council contract", "council contracts"],
  measures: ["measure", "measures"],
  surveyCycles: ["survey", "surveys"],
  guidancePages: ["guidance page", "guidance pages"],
  categories: ["category", "categories"],
  districts: ["district", "districts"],
  organisations: ["registered organisation", "registered organisations"],
} as const satisfies Partial<Record<keyof Prisma.OrganisationCountOutputType, readonly [string, string]>>;

export type OrganisationDeletionPlan = {
  organisation: { id: string; name: string; councilName: string | null };
  otherMembers: number;
  // what keeps it, in words ("2 requests"); none when it may be deleted
  records: string[];
  invitationsWaiting: number;
  deletable: boolean;
};

/**
 * What deleting the organisation would mean, for its owner only (anyone else, and any council, gets null, shown
 * as 404): whether it may be deleted, and if not, why. The deletion calls it again under its lock.
 */
export async function planOrganisationDeletion(
  organisationId: string,
  userId: string,
  tx: Tx = db,
): Promise<OrganisationDeletionPlan | null> {
  const organisation = await tx.organisation.findFirst({
    where: {
      id: organisationId,
      kind: { in: ["VCSE", "SUPPLIER"] },
      memberships: { some: { userId, role: "OWNER" } },
    },
    select: {
      id: true,
      name: true,
      council: { select: { name: true } },
      _count: {
        select: {
          ...Object.fromEntries(Object.keys(KEPT_RECORDS).map((k) => [k, true])),
          memberships: true,
        },
      },
    },
  });
  if (!organisation) return null;
  const counts = organisation._count as unknown as Record<string, number>;
  const records = Object.entries(KEPT_RECORDS).flatMap(([relation, [one, many]]) =>
    counts[relation] ? [countOf(counts[relation], one, many)] : [],
  );
  const otherMembers = counts.memberships! - 1;
  const invitationsWaiting = await tx.invitation.count({
    where: { organisationId, ...openInvitationWhere() },
  });
  return {
    organisation: {
      id: organisation.id,
      name: organisation.name,
      councilName: organisation.council?.name ?? null,
    },
    otherMembers,
    records,
    invitationsWaiting,
    deletable: otherMembers === 0 && records.length === 0,
  };
}

export type OrganisationDeleteResult =
  | { ok: true; name: string }
  // notFinished only with a plan that is still deletable: trying again could then work
  | { ok: false; plan: OrganisationDeletionPlan; notFinished?: string }
  | { ok: false; plan: null };

// How long the deletion waits for the organisation's row (a member change or another deletion holding it), well
// within its transaction's five seconds, so when that row is the one wait it is given up (55P03) before Prisma
// would close the transaction under it (P2028). Either is answered the same way (givenUpBecause: "waited").
const ORGANISATION_LOCK_WAIT_MS = 3_000;

// "Delete" sent twice (a double click): the first deleted it moments ago, so the second is answered as it was.
async function deletedMomentsAgo(organisationId: string, userId: string) {
  if (
    !(await recentlyAudited({ actorUserId: userId, action: ORGANISATION_DELETED, entityId: organisationId }))
  )
    return null;
  const entry = await db.auditLog.findFirst({
    where: { actorUserId: userId, action: ORGANISATION_DELETED, entityId: organisationId },
    orderBy: { createdAt: "desc" },
    select: { details: true },
  });
  const details = entry?.details as { name?: unknown } | null | undefined;
  return typeof details?.name === "string" ? details.name : "The organisation";
}

export async function deleteOrganisation(
  organisationId: string,
  userId: string,
  context: Context,
  // tests wait less
  { lockWaitMs = ORGANISATION_LOCK_WAIT_MS }: { lockWaitMs?: number } = {},
): Promise<OrganisationDeleteResult> {
  try {
    const result = await db.$transaction(async (tx): Promise<OrganisationDeleteResult | "gone"> => {
      await setLockTimeout(tx, lockWaitMs);
      // FOR UPDATE, not the members' NO KEY UPDATE: a request, pledge or survey answer being written for it
      // (which takes a key share lock on it) waits, and then finds it gone, rather than slipping in unseen.
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`;
      if (!locked) return "gone";
      const plan = await planOrganisationDeletion(organisationId, userId, tx);
      if (!plan) return { ok: false, plan: null };
      if (!plan.deletable) return { ok: false, plan };
      const { councilId, kind, status } = await tx.organisation.findUniqueOrThrow({
        where: { id: organisationId },
        select: { councilId: true, kind: true, status: true },
      });
      // its memberships, invitations and saved searches go with it (ON DELETE CASCADE); its audit entries stay
      await tx.organisation.delete({ where: { id: organisationId } });
      await writeAudit(
        {
          actorUserId: userId,
          // its council's log: the organisation's own is gone with it
          organisationId: councilId,
          actorOrganisationId: null,
          action: ORGANISATION_DELETED,
          entityType: "Organisation",
          entityId: organisationId,
          details: {
            name: plan.organisation.name,
            kind,
            status,
            invitationsCancelled: plan.invitationsWaiting,
          },
          ipAddress: context.ip,
        },
        tx,
      );
      return { ok: true, name: plan.organisation.name };
    });
    if (result !== "gone") return result;
  } catch (error) {
    // PostgreSQL or Prisma gave the deletion up (a lock not granted in time, a deadlock): nothing was deleted. Try
    // again only while it may still be deleted: a colleague who joined, or a record written for it, while the
    // deletion waited makes it a refusal (the page says why), which trying again would not change.
    const because = givenUpBecause(error);
    if (because) {
      logDeletionGivenUp("organisation deletion", because, error, { organisationId, userId });
      const plan = await planOrganisationDeletion(organisationId, userId);
      if (!plan) return { ok: false, plan: null };
      return plan.deletable
        ? { ok: false, plan, notFinished: deletionNotFinished(because, plan.organisation.name) }
        : { ok: false, plan };
    }
    // a record written for it in the moment before the lock: it is kept, so the organisation is too
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003")) throw error;
    const plan = await planOrganisationDeletion(organisationId, userId);
    return { ok: false, plan };
  }
  const name = await deletedMomentsAgo(organisationId, userId);
  return name ? { ok: true, name } : { ok: false, plan: null };
}
