import { londonDay } from "~/domain/calendar.ts";
import { db } from "~/db.server.ts";
import { REQUEST_AMOUNT } from "./request-amount-select.ts";

export const PUBLIC_STATUSES = ["OPEN", "PARTIALLY_PLEDGED"] as const;

// The home page's "newest needs": public fields only, never the requestor's contact details. Only those taking
// pledges: not past their needed-by date (London day), as on the public list.
export function listNewestOpenRequests(limit = 6, now = new Date()) {
  return db.request.findMany({
    where: { status: { in: [...PUBLIC_STATUSES] }, neededBy: { gte: londonDay(now) } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      ...REQUEST_AMOUNT,
      neededBy: true,
      isRemote: true,
      category: { select: { name: true } },
      district: { select: { name: true } },
      council: { select: { name: true } },
    },
  });
}
