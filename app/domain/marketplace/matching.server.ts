// Loads a supplier's commitments with target left and ranks open requests against them (./matching.ts).
import { londonDay } from "~/domain/calendar.ts";
import { db, Prisma, readRows } from "~/db.server.ts";
import type { HelpType } from "~/generated/prisma/enums.ts";
import { loadCommitmentProgress } from "~/domain/reporting/dashboard-progress.server.ts";
import { alsoForIdsColumn, requestIsForSql } from "./also-for.ts";
import { outwardCode, scoreMatch, type OpenCommitment } from "./matching.ts";
import { HOLDING_STATUSES, IN_FLIGHT_STATUSES, promisedToCommitment } from "./pledge-lifecycle.ts";
import { runningContract } from "./pledges.server.ts";
import { REQUEST_AMOUNT } from "./request-amount-select.ts";

// Target left = target − delivered to date (the one progress rule: accepted returns + confirmed pledges,
// app/domain/reporting/progress.ts) − pledges still in progress against the commitment (offered, accepted or
// delivered but not yet confirmed: a delivered one by what was delivered), so a supplier is not pointed at work it
// has already promised.
export async function openCommitments(
  supplierOrganisationId: string,
  asOf = new Date(),
): Promise<OpenCommitment[]> {
  const where = {
    targetQuantity: { not: null },
    contract: { supplierOrganisationId, ...runningContract(asOf) },
    measure: { retiredAt: null, NOT: { contributingHelpTypes: { isEmpty: true } } },
  };
  const [commitments, { progress }, inFlight] = await Promise.all([
    db.commitment.findMany({
      where,
      select: {
        id: true,
        targetQuantity: true,
        contract: { select: { councilId: true, reference: true, title: true } },
        measure: { select: { name: true, unit: true, theme: true, contributingHelpTypes: true } },
      },
    }),
    loadCommitmentProgress(where, asOf),
    db.pledge.findMany({
      where: { commitment: where, status: { in: IN_FLIGHT_STATUSES } },
      select: { commitmentId: true, status: true, quantity: true, deliveredQuantity: true },
    }),
  ]);
  const promised = new Map<string | null, number>();
  for (const p of inFlight)
    promised.set(p.commitmentId, (promised.get(p.commitmentId) ?? 0) + promisedToCommitment(p.status, p));
  return commitments.map((c) => {
    const done = progress.get(c.id);
    const delivered = done?.kind === "numeric" ? Number(done.deliveredToDate) : 0;
    return {
      id: c.id,
      councilId: c.contract.councilId,
      contract: `${c.contract.reference} ${c.contract.title}`,
      measureName: c.measure.name,
      unit: c.measure.unit,
      theme: c.measure.theme,
      helpTypes: c.measure.contributingHelpTypes,
      remaining: Number(c.targetQuantity) - delivered - (promised.get(c.id) ?? 0),
    };
  });
}

// What the request list page shows of a match; loaded only for the best few.
const CANDIDATE = {
  id: true,
  title: true,
  councilId: true,
  organisationId: true,
  ...REQUEST_AMOUNT,
  isRemote: true,
  postcodeArea: true,
  neededBy: true,
  category: { select: { name: true } },
  district: { select: { name: true, postcodeAreas: true } },
  council: { select: { name: true } },
} satisfies Prisma.RequestSelect;

type Candidate = Prisma.RequestGetPayload<{ select: typeof CANDIDATE }>;

// The columns scoring needs, and nothing else: tens of thousands of these are read for a busy council.
type ScoringRow = {
  id: string;
  councilId: string;
  helpType: HelpType;
  categoryId: string;
  quantity: number;
  pledgedQuantity: number;
  isRemote: boolean;
  postcodeArea: string | null;
  districtId: string | null;
  neededBy: Date;
  alsoForIds: string[];
};
type Scored = { row: ScoringRow } & ReturnType<typeof scoreMatch>;

// Best score first; among equals, the one closing soonest.
function byFit(a: Scored, b: Scored) {
  return (
    b.score - a.score || a.row.neededBy.getTime() - b.row.neededBy.getTime() || (a.row.id < b.row.id ? -1 : 1)
  );
}

// `postedByOthersThan`: organisations whose requests are left out besides the supplier's own: those of the person
// asking (a member of the group that posted a request may not pledge to it).
export async function matchingRequests(
  supplierOrganisationId: string,
  now = new Date(),
  limit = 25,
  postedByOthersThan: string[] = [],
) {
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
  const councils = [...new Set(open.map((c) => c.councilId))];
  const helpTypes = [...new Set(open.flatMap((c) => c.helpTypes))];
  const today = londonDay(now);
  // category names and district postcode areas come from the councils' short lists, not a join per request
  const [categories, districts] = await Promise.all([
    db.category.findMany({ where: { councilId: { in: councils } }, select: { id: true, name: true } }),
    db.district.findMany({
      where: { councilId: { in: councils } },
      select: { id: true, postcodeAreas: true },
    }),
  ]);
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const districtAreas = new Map(districts.map((d) => [d.id, d.postcodeAreas]));
  // Every candidate is scored, keeping only the best `limit`: a request that fits well but closes late is not
  // lost behind hundreds that close sooner. One read of the scoring columns (a bitmap scan, about 25 ms for the
  // 32,000 candidates of a council on the 100,000-request seed) costs far less than paging through them in
  // order. The status test is the literal of the partial indexes on open requests (PLEDGEABLE_STATUSES).
  // A request the supplier has already pledged to (a pledge still holding its share) is not suggested again.
  const candidates = await readRows<ScoringRow[]>(
    Prisma.sql`
      SELECT id, "councilId", "helpType"::text AS "helpType", "categoryId", quantity, "pledgedQuantity",
             "isRemote", "postcodeArea", "districtId", "neededBy", ${alsoForIdsColumn("r")}
      FROM "Request" r
      WHERE status IN ('OPEN', 'PARTIALLY_PLEDGED')
        -- for one of the contracts' councils, as its lead council or one it is also for (decision 050)
        AND ${requestIsForSql("r", councils)}
        AND "helpType" = ANY(${helpTypes}::"HelpType"[])
        AND "organisationId" <> ALL(${[supplierOrganisationId, ...postedByOthersThan]}::text[])
        AND "neededBy" >= ${today}::date
        AND NOT EXISTS (
          SELECT 1 FROM "Pledge"
          WHERE "Pledge"."requestId" = r.id
            AND "Pledge"."supplierOrganisationId" = ${supplierOrganisationId}
            AND "Pledge".status = ANY(${HOLDING_STATUSES}::"PledgeStatus"[]))`,
    { prepare: false },
  );
  const best: Scored[] = [];
  for (const row of candidates) {
    const scored = scoreMatch(
      {
        councilId: row.councilId,
        alsoForCouncilIds: row.alsoForIds,
        helpType: row.helpType,
        categoryName: categoryName.get(row.categoryId) ?? "",
        stillNeeded: row.quantity - row.pledgedQuantity,
        isRemote: row.isRemote,
        postcodeArea: row.postcodeArea,
        districtPostcodeAreas: (row.districtId && districtAreas.get(row.districtId)) || [],
        neededBy: row.neededBy,
      },
      open,
      area,
      today,
    );
    if (scored.score <= 0) continue;
    const entry = { row, ...scored };
    if (best.length < limit) best.push(entry);
    else if (byFit(entry, best[best.length - 1]) < 0) best[best.length - 1] = entry;
    else continue;
    best.sort(byFit);
  }
  const shown = await db.request.findMany({
    where: { id: { in: best.map((m) => m.row.id) } },
    select: CANDIDATE,
  });
  const byId = new Map<string, Candidate>(shown.map((r) => [r.id, r]));
  const matches = best.flatMap(({ row, ...score }) => {
    const request = byId.get(row.id);
    return request ? [{ request, ...score }] : [];
  });
  return { commitments, matches };
}
