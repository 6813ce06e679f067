// The landing dashboards for suppliers and VCSEs: what needs their action now, and how they are doing.
// Counts and short lists only; progress comes from progress.ts through loadCommitmentProgress.
import { db } from "~/db.server.ts";
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

export async function vcseDashboard(organisationId: string) {
  const onMyRequests = { request: { organisationId } };
  const pledgeSelect = {
    id: true,
    quantity: true,
    deliveredQuantity: true,
    createdAt: true,
    supplierOrganisation: { select: { name: true } },
    request: { select: { id: true, title: true, helpType: true, unitLabel: true } },
  } as const;
  const [offered, offeredCount, delivered, deliveredCount, statusCounts, requests] = await Promise.all([
    db.pledge.findMany({
      where: { ...onMyRequests, status: "OFFERED" },
      orderBy: { createdAt: "asc" },
      take: LIST,
      select: pledgeSelect,
    }),
    db.pledge.count({ where: { ...onMyRequests, status: "OFFERED" } }),
    db.pledge.findMany({
      where: { ...onMyRequests, status: "DELIVERED" },
      orderBy: { updatedAt: "asc" },
      take: LIST,
      select: pledgeSelect,
    }),
    db.pledge.count({ where: { ...onMyRequests, status: "DELIVERED" } }),
    db.request.groupBy({ by: ["status"], where: { organisationId }, _count: { _all: true } }),
    db.request.findMany({
      where: { organisationId },
      orderBy: { updatedAt: "desc" },
      take: LIST,
      select: {
        id: true,
        title: true,
        status: true,
        helpType: true,
        quantity: true,
        pledgedQuantity: true,
        unitLabel: true,
        neededBy: true,
      },
    }),
  ]);
  return {
    pledgesAwaitingResponse: offered,
    pledgesAwaitingResponseCount: offeredCount,
    deliveriesToConfirm: delivered,
    deliveriesToConfirmCount: deliveredCount,
    requestsByStatus: Object.fromEntries(statusCounts.map((s) => [s.status, s._count._all])),
    requests: requests.map((r) => ({ ...r, neededBy: r.neededBy.toISOString() })),
  };
}
