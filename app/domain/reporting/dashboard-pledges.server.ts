// The pledges behind the dashboard's "pledged and confirmed, by type of help": pledged since a day (by when the
// pledge was made, declined and withdrawn ones left out) or confirmed since it (by when it was confirmed), by
// exactly the rules of marketplaceActivity (dashboard-council.server.ts), so the list's total is the figure.
import { db, type Prisma } from "~/db.server.ts";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";
import { londonMidnight } from "~/domain/calendar.ts";
import type { HelpType } from "~/generated/prisma/enums.ts";
import type { PledgeView } from "./dashboard-lists.ts";

const PAGE_SIZE = 25;

// `sinceDay`: a calendar date (00:00 UTC), compared with the times as the moment it began in London
function pledgeWhere(
  councilId: string,
  view: PledgeView,
  helpType: HelpType,
  sinceDay: Date,
): Prisma.PledgeWhereInput {
  const since = londonMidnight(sinceDay);
  const request = { councilId, helpType };
  if (view === "pledged")
    return { request, createdAt: { gte: since }, status: { notIn: ["DECLINED", "WITHDRAWN"] } };
  return {
    request,
    status: "CONFIRMED",
    OR: [{ confirmedAt: { gte: since } }, { confirmedAt: null, updatedAt: { gte: since } }],
  };
}

export async function councilActivityPledges(
  councilId: string,
  options: { view: PledgeView; helpType: HelpType; since: Date; page: number },
) {
  const where = pledgeWhere(councilId, options.view, options.helpType, options.since);
  // confirmed pledges count what was delivered, else what was pledged
  const [total, all, delivered, pledges] = await Promise.all([
    db.pledge.count({ where }),
    db.pledge.aggregate({
      where: options.view === "confirmed" ? { AND: [where, { deliveredQuantity: null }] } : where,
      _sum: { quantity: true },
    }),
    db.pledge.aggregate({
      where: { AND: [where, { deliveredQuantity: { not: null } }] },
      _sum: { deliveredQuantity: true },
    }),
    db.pledge.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(options.page, PAGE_SIZE),
      select: {
        id: true,
        status: true,
        quantity: true,
        deliveredQuantity: true,
        createdAt: true,
        confirmedAt: true,
        supplierOrganisation: { select: { name: true } },
        request: { select: { id: true, title: true } },
      },
    }),
  ]);
  const quantity =
    (all._sum.quantity ?? 0) + (options.view === "confirmed" ? (delivered._sum.deliveredQuantity ?? 0) : 0);
  return {
    total,
    quantity,
    pageCount: pageCountOf(total, PAGE_SIZE),
    pledges: pledges.map((p) => ({
      ...p,
      counted: options.view === "confirmed" ? (p.deliveredQuantity ?? p.quantity) : p.quantity,
      createdAt: p.createdAt.toISOString(),
      confirmedAt: p.confirmedAt?.toISOString() ?? null,
    })),
  };
}
