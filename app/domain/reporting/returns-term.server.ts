// Returns for quarters their contract's term no longer covers (it was shortened, or moved to start later, after
// they were opened). The ones never sent are withdrawn (withdrawReturnsOutsideTerm); one sent and then queried
// stays with the supplier to amend, but is not owed: these let the lists, queues and counts leave it out of what
// is chased, as isWithinTerm (returns-rules.ts) does for one return.
import { Prisma, readRows } from "~/db.server.ts";
import type { QuarterRef } from "./progress.ts";
import { OVERDUE_STATUSES, pastDueBefore, REPORTING_CONTRACT_STATUSES } from "./returns-rules.ts";

/** isWithinTerm as SQL, over "KpiReturn" r joined to its "Contract" c. */
export const returnWithinTermSql = Prisma.sql`(r."periodStart" <= c."endDate" AND r."periodEnd" >= c."startDate")`;

/**
 * A where-clause leaving out the returns still with the supplier (OVERDUE_STATUSES) whose quarter is outside
 * their contract's term, for one council's or one supplier's returns. Prisma cannot compare a return's period
 * with its contract's dates, so their ids are read first: there are few (a term shortened over a queried return).
 */
export async function notAwaitingOutsideTerm(
  owner: { councilId: string } | { supplierOrganisationId: string },
): Promise<Prisma.KpiReturnWhereInput> {
  const rows = await readRows<{ id: string }[]>(Prisma.sql`
    SELECT r.id FROM "KpiReturn" r JOIN "Contract" c ON c.id = r."contractId"
    WHERE ${
      "councilId" in owner
        ? Prisma.sql`c."councilId" = ${owner.councilId}`
        : Prisma.sql`c."supplierOrganisationId" = ${owner.supplierOrganisationId}`
    }
      AND r.status::text = ANY(${OVERDUE_STATUSES}::text[]) AND NOT ${returnWithinTermSql}`);
  // under AND, so it narrows a where that names returns by id too rather than replacing that
  return rows.length ? { AND: [{ id: { notIn: rows.map((r) => r.id) } }] } : {};
}

/** Whether this return's quarter is within its contract's term as it now stands: the contract's row is held until
 * the caller's transaction ends, so a change to its term waits for it (or it for the change). */
export async function isReturnWithinTerm(tx: Prisma.TransactionClient, returnId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ within: boolean }[]>`
    SELECT ${returnWithinTermSql} AS within FROM "KpiReturn" r JOIN "Contract" c ON c.id = r."contractId"
    WHERE r.id = ${returnId} FOR SHARE OF c`;
  return row?.within ?? false;
}

/** For each of these commitments, the quarters whose return is overdue at `asOf` (isChasedAsOverdue: with the supplier
 * after its due date, for a quarter within the term of a contract still reporting), for the progress rule to say
 * "Not reported (overdue)" rather than "Not yet due" (progress.ts). Commitments with none are left out. */
export async function overdueQuartersByCommitment(
  commitmentIds: string[],
  asOf: Date,
): Promise<Map<string, QuarterRef[]>> {
  const byCommitment = new Map<string, QuarterRef[]>();
  if (!commitmentIds.length) return byCommitment;
  const rows = await readRows<{ commitmentId: string; financialYear: number; quarter: number }[]>(Prisma.sql`
    SELECT cm.id AS "commitmentId", r."financialYear", r.quarter
    FROM "Commitment" cm JOIN "Contract" c ON c.id = cm."contractId" JOIN "KpiReturn" r ON r."contractId" = c.id
    WHERE cm.id = ANY(${commitmentIds}::text[])
      AND r.status::text = ANY(${OVERDUE_STATUSES}::text[])
      AND r."dueDate" < ${pastDueBefore(asOf)}::date
      AND c.status::text = ANY(${REPORTING_CONTRACT_STATUSES}::text[])
      AND ${returnWithinTermSql}`);
  for (const { commitmentId, financialYear, quarter } of rows) {
    const quarters = byCommitment.get(commitmentId) ?? [];
    quarters.push({ financialYear: Number(financialYear), quarter: Number(quarter) });
    byCommitment.set(commitmentId, quarters);
  }
  return byCommitment;
}
