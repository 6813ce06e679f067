// The requests behind the dashboard's marketplace activity figures: opened, fulfilled or expired since a day,
// counted by exactly the rules of marketplaceActivity (dashboard-council.server.ts), so a list's total is the
// figure that linked to it.
import { db, type Prisma } from "~/db.server.ts";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";
import { londonMidnight } from "~/domain/calendar.ts";
import type { ActivityView } from "./dashboard-lists.ts";

export const ACTIVITY_PAGE_SIZE = 25;

// `sinceDay`: a calendar date (00:00 UTC); times are compared with the moment it began in London, needed-by dates
// with the day itself
function activityWhere(
  councilId: string,
  view: ActivityView,
  sinceDay: Date,
  asOf: Date,
): Prisma.RequestWhereInput {
  const since = londonMidnight(sinceDay);
  if (view === "opened") return { councilId, publishedAt: { gte: since, lte: asOf } };
  if (view === "pledged") return { councilId, publishedAt: { gte: since }, pledges: { some: {} } };
  if (view === "fulfilled")
    return {
      councilId,
      status: "FULFILLED",
      OR: [{ fulfilledAt: { gte: since } }, { fulfilledAt: null, updatedAt: { gte: since } }],
    };
  return {
    councilId,
    status: "EXPIRED",
    OR: [{ closedAt: { gte: since } }, { closedAt: null, neededBy: { gte: sinceDay } }],
  };
}

export async function councilActivityRequests(
  councilId: string,
  options: { view: ActivityView; since: Date; page: number },
  asOf = new Date(),
) {
  const where = activityWhere(councilId, options.view, options.since, asOf);
  const [total, requests] = await Promise.all([
    db.request.count({ where }),
    db.request.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      ...pageWindow(options.page, ACTIVITY_PAGE_SIZE),
      select: {
        id: true,
        title: true,
        status: true,
        helpType: true,
        publishedAt: true,
        neededBy: true,
        organisation: { select: { name: true } },
        category: { select: { name: true } },
      },
    }),
  ]);
  return { total, requests, pageCount: pageCountOf(total, ACTIVITY_PAGE_SIZE) };
}
