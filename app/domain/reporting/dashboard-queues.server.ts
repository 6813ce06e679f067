// The council officer's own work on the dashboard: requests to approve, organisations to verify and KPI returns
// to review. Counted fresh on every load (never from the minute-refreshed dashboard cache). One prepared statement
// on the hot path (decisions 010 and 013): three Prisma counts cost the dashboard a third of its throughput in
// query building alone. Each count restates its queue's where (moderationQueueWhere, verificationQueueWhere,
// councilReturnsWhere with the review queue); dashboard-s33-waiting-queues.test.ts checks that every figure
// equals the rows its queue lists, so the two cannot drift apart unseen.
import { Prisma, readRows } from "~/db.server.ts";

export type CouncilWorkQueues = { toApprove: number; toVerify: number; toReview: number };

export async function councilWorkQueues(councilId: string): Promise<CouncilWorkQueues> {
  const [row] = await readRows<CouncilWorkQueues[]>(Prisma.sql`
    SELECT
      (SELECT count(*)::int FROM "Request"
        WHERE "councilId" = ${councilId} AND status = 'SUBMITTED') AS "toApprove",
      (SELECT count(*)::int FROM "Organisation"
        WHERE "councilId" = ${councilId} AND status = 'PENDING' AND kind IN ('VCSE', 'SUPPLIER')) AS "toVerify",
      (SELECT count(*)::int FROM "KpiReturn" r JOIN "Contract" c ON c.id = r."contractId"
        WHERE c."councilId" = ${councilId} AND r.status = 'SUBMITTED') AS "toReview"`);
  return row;
}
