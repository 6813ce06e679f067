// A contract registered by hand after some of its quarters have ended, as the tests of the returns opened for those
// quarters (at once, by the daily job's rule) start from: registered as the form would leave it, then given a
// commitment planned 10 a quarter, as the commitment form would send it.
import { db } from "~/db.server.ts";
import { addCommitment } from "~/domain/contracts/commitments.server.ts";
import { createContract } from "~/domain/contracts/contracts.server.ts";
import {
  previousQuarter,
  quarterOf,
  quarterPeriod,
  type FinancialQuarter,
} from "~/domain/contracts/quarters.ts";
import { contractSchema } from "~/domain/contracts/schemas.ts";

type Actor = { councilId: string; actorUserId: string; ipAddress: string | null };

// The quarter the tests run in, and the three before it, which have ended.
export const currentQuarter = quarterOf(new Date());
export const lastQuarter = previousQuarter(currentQuarter);
export const twoAgo = previousQuarter(lastQuarter);
export const threeAgo = previousQuarter(twoAgo);

/** A date as the forms and the import file write it (yyyy-mm-dd). */
export const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The last day of a quarter, as the forms write it. */
export const endOf = (q: FinancialQuarter) => iso(quarterPeriod(q.financialYear, q.quarter).end);

/** The end of the same quarter next year: a term ending there covers every quarter the tests look at. */
export const farEnd = endOf({
  financialYear: currentQuarter.financialYear + 1,
  quarter: currentQuarter.quarter,
});

/** A quarter as the commitment form's plan names it ("2026-3"). */
export const quarterKey = (q: FinancialQuarter) => `${q.financialYear}-${q.quarter}`;

/** A late contract's term: from the start of two quarters ago (both have ended, the one it is in now has not) to
 * the end of the same quarter next year. */
export const lateTerm = {
  startDate: iso(quarterPeriod(twoAgo.financialYear, twoAgo.quarter).start),
  endDate: iso(quarterPeriod(currentQuarter.financialYear + 1, currentQuarter.quarter).end),
};

/** Registers a contract by hand, as the form would; gives its id and the fields the form sent (an edit sends them
 * again). */
export async function registerLate(
  actor: Actor,
  contract: {
    reference: string;
    supplierOrganisationId: string;
    startDate: string;
    endDate: string;
    status?: "ACTIVE" | "PIPELINE";
  },
) {
  const { status = "ACTIVE", ...given } = contract;
  const fields = { title: "Grounds maintenance", department: "Resources", valueGbp: "1000", ...given };
  const registered = await createContract(actor, contractSchema.parse({ ...fields, status }));
  if (!registered.ok) throw new Error(JSON.stringify(registered));
  return { id: registered.id, fields };
}

/** Adds the contract a commitment on `measureId` planned 10 in each of `quarters`, as the form would. */
export async function commitLate(
  actor: Actor,
  contractId: string,
  measureId: string,
  quarters: FinancialQuarter[],
) {
  const added = await addCommitment(actor, contractId, {
    measureId,
    targetQuantity: String(10 * quarters.length),
    plan: quarters.map((q) => ({ quarter: `${q.financialYear}-${q.quarter}`, quantity: "10" })),
  });
  if (!added.ok) throw new Error(JSON.stringify(added));
}

/** The contract's returns, "year-quarter STATUS", in quarter order. */
export async function returnsOf(contractId: string) {
  const rows = await db.kpiReturn.findMany({
    where: { contractId },
    orderBy: [{ financialYear: "asc" }, { quarter: "asc" }],
    select: { financialYear: true, quarter: true, status: true },
  });
  return rows.map((r) => `${r.financialYear}-${r.quarter} ${r.status}`);
}
