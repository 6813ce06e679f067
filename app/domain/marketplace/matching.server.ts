// Loads a supplier's commitments with target left and ranks open requests against them (./matching.ts).
import { db, type Prisma } from "~/db.server.ts";
import type { HelpType } from "~/generated/prisma/enums.ts";
import { loadCommitmentProgress } from "~/domain/reporting/dashboard-progress.server.ts";
import { outwardCode, scoreMatch, type OpenCommitment } from "./matching.ts";
import { PLEDGEABLE_STATUSES } from "./request-lifecycle.ts";

// Target left = target − delivered to date (the one progress rule: accepted returns + confirmed pledges,
// app/domain/reporting/progress.ts) − pledges still in progress against the commitment (offered, accepted or
// delivered but not yet confirmed), so a supplier is not pointed at work it has already promised.
export async function openCommitments(
  supplierOrganisationId: string,
  asOf = new Date(),
): Promise<OpenCommitment[]> {
  const where = {
    targetQuantity: { not: null },
    contract: { supplierOrganisationId, status: "ACTIVE" as const },
    measure: { retiredAt: null, NOT: { contributingHelpTypes: { isEmpty: true } } },
  };
  const [commitments, { progress }, inFlight] = await Promise.all([
    db.commitment.findMany({
      where,
      select: {
        id: true,
        targetQuantity: true,
        contract: { select: { councilId: true } },
        measure: { select: { name: true, theme: true, contributingHelpTypes: true } },
      },
    }),
    loadCommitmentProgress(where, asOf),
    db.pledge.groupBy({
      by: ["commitmentId"],
      where: { commitment: where, status: { in: ["OFFERED", "ACCEPTED", "DELIVERED"] } },
      _sum: { quantity: true },
    }),
  ]);
  const promised = new Map(inFlight.map((p) => [p.commitmentId, p._sum.quantity ?? 0]));
  return commitments.map((c) => {
    const done = progress.get(c.id);
    const delivered = done?.kind === "numeric" ? Number(done.deliveredToDate) : 0;
    return {
      id: c.id,
      councilId: c.contract.councilId,
      measureName: c.measure.name,
      theme: c.measure.theme,
      helpTypes: c.measure.contributingHelpTypes,
      remaining: Number(c.targetQuantity) - delivered - (promised.get(c.id) ?? 0),
    };
  });
}

const BATCH = 500;

const CANDIDATE = {
  id: true,
  title: true,
  councilId: true,
  helpType: true,
  quantity: true,
  pledgedQuantity: true,
  unitLabel: true,
  isRemote: true,
  postcodeArea: true,
  neededBy: true,
  category: { select: { name: true } },
  district: { select: { name: true, postcodeAreas: true } },
  council: { select: { name: true } },
} satisfies Prisma.RequestSelect;

type Candidate = Prisma.RequestGetPayload<{ select: typeof CANDIDATE }>;
type Match = { request: Candidate } & ReturnType<typeof scoreMatch>;

function candidateOf(r: Candidate) {
  return {
    councilId: r.councilId,
    helpType: r.helpType,
    categoryName: r.category.name,
    stillNeeded: r.quantity - r.pledgedQuantity,
    isRemote: r.isRemote,
    postcodeArea: r.postcodeArea,
    districtPostcodeAreas: r.district?.postcodeAreas ?? [],
    neededBy: r.neededBy,
  };
}

// Best score first; among equals, the one closing soonest.
function byFit(a: Match, b: Match) {
  return b.score - a.score || a.request.neededBy.getTime() - b.request.neededBy.getTime();
}

export async function matchingRequests(supplierOrganisationId: string, now = new Date(), limit = 25) {
  const [commitments, supplier] = await Promise.all([
    openCommitments(supplierOrganisationId, now),
    db.organisation.findUnique({
      where: { id: supplierOrganisationId },
      select: { registeredPostcode: true },
    }),
  ]);
  const open = commitments.filter((c) => c.remaining > 0);
  if (open.length === 0) return { commitments, matches: [] };
  const area = outwardCode(supplier?.registeredPostcode);
  // Every candidate is scored, a batch at a time, keeping only the best `limit`: a request that fits well but
  // closes late is not lost behind hundreds that close sooner.
  let matches: Match[] = [];
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.request.findMany({
      where: {
        status: { in: PLEDGEABLE_STATUSES },
        councilId: { in: [...new Set(open.map((c) => c.councilId))] },
        helpType: { in: [...new Set(open.flatMap((c) => c.helpTypes))] as HelpType[] },
        organisationId: { not: supplierOrganisationId },
        neededBy: { gte: new Date(now.toISOString().slice(0, 10)) },
      },
      orderBy: [{ neededBy: "asc" }, { id: "asc" }],
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: CANDIDATE,
    });
    const scored = batch
      .map((r) => ({ request: r, ...scoreMatch(candidateOf(r), open, area, now) }))
      .filter((m) => m.score > 0);
    matches = [...matches, ...scored].sort(byFit).slice(0, limit);
    if (batch.length < BATCH) break;
    cursor = batch[batch.length - 1].id;
  }
  return { commitments, matches };
}
