// The council officer's own work on the dashboard: requests to approve, organisations to verify and KPI returns
// to review. Counted fresh on every load (never from the minute-refreshed dashboard cache), each with the same
// where as the queue it links to, so the figure and the list agree.
import { db } from "~/db.server.ts";
import { verificationQueueWhere } from "~/domain/accounts/organisations.server.ts";
import { moderationQueueWhere } from "~/domain/marketplace/queries.server.ts";
import { councilReturnsWhere } from "~/domain/reporting/returns-queries.server.ts";

export type CouncilWorkQueues = { toApprove: number; toVerify: number; toReview: number };

export async function councilWorkQueues(councilId: string, now: Date): Promise<CouncilWorkQueues> {
  const [toApprove, toVerify, toReview] = await Promise.all([
    db.request.count({ where: moderationQueueWhere(councilId) }),
    db.organisation.count({ where: verificationQueueWhere([councilId]) }),
    councilReturnsWhere(councilId, { queue: "review" }, now).then((where) => db.kpiReturn.count({ where })),
  ]);
  return { toApprove, toVerify, toReview };
}
