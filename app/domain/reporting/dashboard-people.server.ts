// The landing dashboards for suppliers and VCSEs: what needs their action now, and how they are doing.
// Counts and short lists only; progress comes from progress.ts through loadCommitmentProgress.
import { db } from "~/db.server.ts";
import type { HelpType, RequestStatus } from "~/generated/prisma/enums.ts";
import { matchingRequests } from "~/domain/marketplace/matching.server.ts";
import { cached } from "./dashboard-cache.server.ts";
import { OVERDUE_STATUSES } from "./returns-rules.ts";
import { loadCommitmentProgress } from "./dashboard-progress.server.ts";
import { contractProgressSummary, summariseByMeasure } from "./dashboard-totals.ts";

const LIST = 10;
const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export async function supplierDashboard(supplierOrganisationId: string, asOf = new Date()) {
  const today = startOfDay(asOf);
  // A return can be filled in once its quarter has ended.
  const returnsWhere = {
    contract: { supplierOrganisationId },
    status: { in: OVERDUE_STATUSES },
    periodEnd: { lt: today },
  };
  const pledgesWhere = { supplierOrganisationId, status: "ACCEPTED" as const };
  const [returnsDue, returnsDueCount, overdueCount, pledges, pledgesCount, offeredCount, delivery] =
    await Promise.all([
      db.kpiReturn.findMany({
        where: returnsWhere,
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
        take: LIST,
        select: {
          id: true,
          financialYear: true,
          quarter: true,
          dueDate: true,
          status: true,
          contract: { select: { reference: true, title: true } },
        },
      }),
      db.kpiReturn.count({ where: returnsWhere }),
      db.kpiReturn.count({ where: { ...returnsWhere, dueDate: { lt: today } } }),
      db.pledge.findMany({
        where: pledgesWhere,
        orderBy: [{ expectedDeliveryDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        take: LIST,
        select: {
          id: true,
          quantity: true,
          expectedDeliveryDate: true,
          request: { select: { title: true, helpType: true, unitLabel: true } },
        },
      }),
      db.pledge.count({ where: pledgesWhere }),
      db.pledge.count({ where: { supplierOrganisationId, status: "OFFERED" } }),
      // the aggregate half is shared for a minute; what needs action now is always read fresh
      cached(`supplier-delivery:${supplierOrganisationId}`, () =>
        supplierDelivery(supplierOrganisationId, asOf),
      ),
    ]);
  return {
    returnsDue: returnsDue.map((r) => ({
      ...r,
      dueDate: r.dueDate.toISOString(),
      overdue: r.dueDate < today,
    })),
    returnsDueCount,
    overdueCount,
    pledgesToDeliver: pledges,
    pledgesToDeliverCount: pledgesCount,
    pledgesAwaitingRequestor: offeredCount,
    ...delivery,
  };
}

async function supplierDelivery(supplierOrganisationId: string, asOf: Date) {
  const [progress, contracts, matching] = await Promise.all([
    loadCommitmentProgress({ contract: { supplierOrganisationId } }, asOf),
    db.contract.findMany({
      where: { supplierOrganisationId },
      orderBy: { reference: "asc" },
      select: { id: true, reference: true, title: true, council: { select: { name: true } } },
    }),
    matchingRequests(supplierOrganisationId, asOf, 5),
  ]);
  const byContract = new Map<string, typeof progress.commitments>();
  for (const c of progress.commitments)
    byContract.set(c.contractId, [...(byContract.get(c.contractId) ?? []), c]);
  return {
    measures: summariseByMeasure(progress.commitments, progress.progress),
    contracts: contracts.map((k) => ({
      id: k.id,
      reference: k.reference,
      title: k.title,
      council: k.council.name,
      ...contractProgressSummary(byContract.get(k.id) ?? [], progress.progress),
    })),
    matches: matching.matches.map((m) => ({
      id: m.request.id,
      title: m.request.title,
      council: m.request.council.name,
      category: m.request.category.name,
      helpType: m.request.helpType,
      stillNeeded: m.request.quantity - m.request.pledgedQuantity,
      unitLabel: m.request.unitLabel,
      neededBy: m.request.neededBy.toISOString(),
    })),
  };
}

type VcsePledgeRow = {
  id: string;
  status: "OFFERED" | "DELIVERED";
  quantity: number;
  deliveredQuantity: number | null;
  createdAt: Date;
  supplierName: string;
  requestId: string;
  requestTitle: string;
  helpType: HelpType;
  unitLabel: string | null;
  total: bigint;
};

// Raw SQL: this page is a requestor's landing page, and Prisma 6 would send ten queries for it (relations are
// fetched one query each) and compile each shape for about a millisecond (decision 010).
export async function vcseDashboard(organisationId: string) {
  const [pledges, statusCounts, requests] = await Promise.all([
    // the oldest ten of each: offers to answer (by when offered) and deliveries to confirm (by when reported)
    db.$queryRaw<VcsePledgeRow[]>`
      SELECT id, status, quantity, "deliveredQuantity", "createdAt", "supplierName", "requestId", "requestTitle",
             "helpType", "unitLabel", total
      FROM (
        SELECT p.id, p.status::text AS status, p.quantity, p."deliveredQuantity", p."createdAt",
               s.name AS "supplierName", r.id AS "requestId", r.title AS "requestTitle",
               r."helpType"::text AS "helpType", r."unitLabel",
               count(*) OVER (PARTITION BY p.status) AS total,
               row_number() OVER (
                 PARTITION BY p.status
                 ORDER BY CASE WHEN p.status = 'OFFERED' THEN p."createdAt" ELSE p."updatedAt" END, p.id
               ) AS position
        FROM "Pledge" p
        JOIN "Request" r ON r.id = p."requestId"
        JOIN "Organisation" s ON s.id = p."supplierOrganisationId"
        WHERE r."organisationId" = ${organisationId} AND p.status IN ('OFFERED', 'DELIVERED')
      ) ranked
      WHERE position <= ${LIST}
      ORDER BY status, position`,
    db.$queryRaw<{ status: RequestStatus; count: bigint }[]>`
      SELECT status::text AS status, count(*) AS count FROM "Request"
      WHERE "organisationId" = ${organisationId} GROUP BY status`,
    db.$queryRaw<
      {
        id: string;
        title: string;
        status: RequestStatus;
        helpType: HelpType;
        quantity: number;
        pledgedQuantity: number;
        unitLabel: string | null;
        neededBy: Date;
      }[]
    >`
      SELECT id, title, status::text AS status, "helpType"::text AS "helpType", quantity, "pledgedQuantity",
             "unitLabel", "neededBy"
      FROM "Request" WHERE "organisationId" = ${organisationId}
      ORDER BY "updatedAt" DESC, id DESC LIMIT ${LIST}`,
  ]);
  const shaped = (status: VcsePledgeRow["status"]) =>
    pledges
      .filter((p) => p.status === status)
      .map((p) => ({
        id: p.id,
        quantity: p.quantity,
        deliveredQuantity: p.deliveredQuantity,
        createdAt: p.createdAt,
        supplierOrganisation: { name: p.supplierName },
        request: { id: p.requestId, title: p.requestTitle, helpType: p.helpType, unitLabel: p.unitLabel },
      }));
  const countOf = (status: VcsePledgeRow["status"]) =>
    Number(pledges.find((p) => p.status === status)?.total ?? 0);
  return {
    pledgesAwaitingResponse: shaped("OFFERED"),
    pledgesAwaitingResponseCount: countOf("OFFERED"),
    deliveriesToConfirm: shaped("DELIVERED"),
    deliveriesToConfirmCount: countOf("DELIVERED"),
    requestsByStatus: Object.fromEntries(statusCounts.map((s) => [s.status, Number(s.count)])),
    requests: requests.map((r) => ({ ...r, neededBy: r.neededBy.toISOString() })),
  };
}
