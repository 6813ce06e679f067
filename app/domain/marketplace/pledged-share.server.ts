// How much of a request is pledged, and the status that follows from it. The amount moves in one guarded UPDATE
// (simultaneous pledges can never pledge more than a request needs); the status is then whatever the request
// state machine's `pledgesChanged` says, while this transaction holds the request's row lock.
import type { Tx } from "~/db.server.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { neededByPassedBefore, PLEDGEABLE_STATUSES, requestTransition } from "./request-lifecycle.ts";
import { REQUEST_EVENT_REASONS } from "./request-timeline.ts";

type Share = { status: RequestStatus; quantity: number; pledgedQuantity: number };

// Takes a new pledge's share if the request is taking pledges and it fits; false when it does not. "Today" is
// the London day, as for expiry (the database's CURRENT_DATE is UTC's, an hour behind in summer). Nobody pledges
// to their own organisation's request: neither the requesting organisation nor any of its members acting for a
// supplier (who could then accept and confirm the pledge alone).
export async function claimShare(
  tx: Tx,
  claim: { requestId: string; supplierOrganisationId: string; quantity: number; actorUserId: string | null },
) {
  const rows = await tx.$queryRaw<Share[]>`
    UPDATE "Request"
    SET "pledgedQuantity" = "pledgedQuantity" + ${claim.quantity}, "updatedAt" = now()
    WHERE id = ${claim.requestId}
      AND status::text = ANY(${PLEDGEABLE_STATUSES}::text[])
      AND "organisationId" <> ${claim.supplierOrganisationId}
      AND NOT EXISTS (SELECT 1 FROM "Membership" m
                      WHERE m."userId" = ${claim.actorUserId} AND m."organisationId" = "Request"."organisationId")
      AND "neededBy" >= ${neededByPassedBefore()}::date
      AND "pledgedQuantity" + ${claim.quantity} <= quantity
    RETURNING status, quantity, "pledgedQuantity"`;
  if (rows.length !== 1) return false;
  await followPledges(tx, claim.requestId, rows[0], claim.actorUserId, REQUEST_EVENT_REASONS.pledgeReceived);
  return true;
}

// Gives a declined or withdrawn pledge's share back, or what a confirmed delivery fell short of it; a live
// request moves back to the state it now fits, a closed one keeps its status.
export async function releaseShare(
  tx: Tx,
  release: { requestId: string; quantity: number; actorUserId: string | null; reason?: string },
) {
  const share = await tx.request.update({
    where: { id: release.requestId },
    data: { pledgedQuantity: { decrement: release.quantity } },
    select: { status: true, quantity: true, pledgedQuantity: true },
  });
  await followPledges(
    tx,
    release.requestId,
    share,
    release.actorUserId,
    release.reason ?? REQUEST_EVENT_REASONS.pledgeReleased,
  );
}

// The UPDATE that moved the amount holds the row lock, so the status guard below cannot miss.
async function followPledges(
  tx: Tx,
  requestId: string,
  share: Share,
  actorUserId: string | null,
  reason: string,
) {
  const transition = requestTransition(share.status, "pledgesChanged", "SYSTEM", share);
  if (!transition.ok || transition.to === share.status) return;
  const { count } = await tx.request.updateMany({
    where: { id: requestId, status: share.status },
    data: { status: transition.to },
  });
  if (count !== 1) throw new Error(`Request ${requestId} changed status while its row was locked`);
  await tx.requestEvent.create({
    data: { requestId, fromStatus: share.status, toStatus: transition.to, actorUserId, reason },
  });
}
