// Progress of many commitments at once, for dashboards and the departmental report. The numbers come
// from the one progress rule (progress.ts) with the same inputs the contract pages use; only the way
// they are loaded differs: confirmed pledges (the table that grows with the marketplace) are summed per
// commitment and quarter in SQL instead of being read row by row.
import { db, Prisma, readRows } from "~/db.server.ts";
import { notInPipeline } from "~/domain/contracts/contracts.server.ts";
import { nextQuarter, quarterIndex, quarterOf, type FinancialQuarter } from "~/domain/contracts/quarters.ts";
import { lastPlannedQuarter } from "~/domain/contracts/termination.ts";
import { overdueQuartersByCommitment } from "./returns-term.server.ts";
import {
  computeProgress,
  planUpTo,
  currentQuarter,
  type Progress,
  type QuarterQuantity,
  type QuarterRef,
} from "./progress.ts";

export type CommitmentRow = {
  id: string;
  contractId: string;
  targetQuantity: Prisma.Decimal | null;
  measure: { id: string; code: string; name: string; unit: string; proxyValueGbp: Prisma.Decimal | null };
  contract: { terminatedOn: Date | null; reference: string; valueGbp: Prisma.Decimal };
};

const commitmentSelect = {
  id: true,
  contractId: true,
  targetQuantity: true,
  measure: { select: { id: true, code: true, name: true, unit: true, proxyValueGbp: true } },
  // reference and value rank the council dashboard's largest contracts
  contract: { select: { terminatedOn: true, reference: true, valueGbp: true } },
} as const;

/** The commitments the dashboards count, of the contracts `contract` picks: a contract in the pipeline has not
 * been awarded, so its commitments are tender promises, not contractual ones, and are left out, as the
 * departmental report leaves them out (decision 033). */
export function awardedCommitments(contract: Prisma.ContractWhereInput): Prisma.CommitmentWhereInput {
  return { contract: { AND: [contract, notInPipeline] } };
}

function groupBy<T>(rows: T[], key: (row: T) => string) {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

// Confirmed pledges per commitment and financial quarter of delivery (delivered on, else the London day it was
// confirmed on, as quarterOf reads a moment). Timestamps are stored as UTC without a zone.
async function confirmedPledgesByQuarter(ids: string[]) {
  const rows = await readRows<
    { commitmentId: string; year: number; month: number; quantity: bigint }[]
  >(Prisma.sql`
    with delivered as (
      select "commitmentId", date_trunc('quarter', coalesce(
               "deliveredOn", ("confirmedAt" at time zone 'UTC' at time zone 'Europe/London')::date)) as quarter_start,
             coalesce("deliveredQuantity", quantity) as quantity
      from "Pledge"
      where status = 'CONFIRMED' and "commitmentId" = any(${ids}::text[])
        and coalesce("deliveredOn", "confirmedAt") is not null
    )
    select "commitmentId", extract(year from quarter_start)::int as year, extract(month from quarter_start)::int as month,
           sum(quantity)::bigint as quantity
    from delivered group by 1, 2, 3`);
  // Calendar quarters and financial quarters share boundaries (Apr, Jul, Oct, Jan), so the calendar
  // quarter's first day falls in the same financial quarter as every day in it.
  return rows.map((r) => ({
    commitmentId: r.commitmentId,
    ...quarterOf(new Date(Date.UTC(Number(r.year), Number(r.month) - 1, 1))),
    quantity: r.quantity.toString(),
  }));
}

// Accepted returns' lines, one per commitment and quarter: the quantity, and for a qualitative commitment only
// whether a narrative was given (the narratives themselves stay in the database; the database keeps blank ones out).
async function acceptedReturnLines(ids: string[]) {
  const rows = await readRows<
    {
      commitmentId: string;
      financialYear: number;
      quarter: number;
      quantity: Prisma.Decimal | null;
      reported: boolean;
    }[]
  >(Prisma.sql`
    SELECT l."commitmentId", r."financialYear", r.quarter, l.quantity,
           l.narrative IS NOT NULL AS reported
    FROM "KpiReturnLine" l JOIN "KpiReturn" r ON r.id = l."returnId"
    WHERE l."commitmentId" = ANY(${ids}::text[]) AND r.status = 'ACCEPTED'`);
  return rows.map(({ financialYear, quarter, ...line }) => ({
    ...line,
    kpiReturn: { financialYear, quarter },
  }));
}

function earlier(a: QuarterRef, b: QuarterRef) {
  return quarterIndex(a as FinancialQuarter) <= quarterIndex(b as FinancialQuarter) ? a : b;
}

export type ProgressWindow = {
  // As at the end of this quarter (for quarterly reports): later plan and delivery are left out.
  through?: QuarterRef;
  // Only this one quarter's plan and delivery: "delivered in the quarter".
  only?: QuarterRef;
};

export async function loadCommitmentProgress(
  where: Prisma.CommitmentWhereInput,
  asOf = new Date(),
  window: ProgressWindow = {},
): Promise<{
  commitments: CommitmentRow[];
  progress: Map<string, Progress>;
  current: QuarterRef;
  quarterly: Map<string, { plan: QuarterQuantity[]; delivered: QuarterQuantity[] }>;
}> {
  // Plan counts up to the quarter before `current`. A quarter still under way is not yet planned to date
  // (as on the dashboard), so a report "through" it counts the plan of ended quarters only; a single quarter
  // ("only") always shows that quarter's own plan.
  const now = currentQuarter(asOf);
  const current = window.only
    ? nextQuarter(window.only as FinancialQuarter)
    : window.through
      ? earlier(nextQuarter(window.through as FinancialQuarter), now)
      : now;
  const keep = (q: QuarterRef) => {
    const index = quarterIndex(q as FinancialQuarter);
    if (window.only) return index === quarterIndex(window.only as FinancialQuarter);
    if (window.through) return index <= quarterIndex(window.through as FinancialQuarter);
    return true;
  };
  const commitments = await db.commitment.findMany({ where, select: commitmentSelect });
  const ids = commitments.map((c) => c.id);
  if (ids.length === 0) return { commitments, progress: new Map(), current, quarterly: new Map() };
  const [plans, lines, pledges, overdue] = await Promise.all([
    db.commitmentPlan.findMany({
      where: { commitmentId: { in: ids } },
      select: { commitmentId: true, financialYear: true, quarter: true, targetQuantity: true },
    }),
    acceptedReturnLines(ids),
    confirmedPledgesByQuarter(ids),
    overdueQuartersByCommitment(ids, asOf),
  ]);
  const plansBy = groupBy(plans, (p) => p.commitmentId);
  const linesBy = groupBy(lines, (l) => l.commitmentId);
  const pledgesBy = groupBy(pledges, (p) => p.commitmentId);
  const progress = new Map<string, Progress>();
  // each numeric commitment's plan and delivery quarter by quarter, for figures per financial year
  const quarterly = new Map<string, { plan: QuarterQuantity[]; delivered: QuarterQuantity[] }>();
  for (const c of commitments) {
    const myLines = linesBy.get(c.id) ?? [];
    if (c.measure.unit === "QUALITATIVE") {
      progress.set(
        c.id,
        computeProgress({
          kind: "qualitative",
          current,
          reportedQuarters: myLines.filter((l) => l.reported && keep(l.kpiReturn)).map((l) => l.kpiReturn),
          overdueQuarters: (overdue.get(c.id) ?? []).filter(keep),
        }),
      );
      continue;
    }
    // a contract terminated early: the plan after the quarter it stopped in no longer counts (decision 025)
    const lastQuarter = lastPlannedQuarter(c.contract);
    const wholePlan = (plansBy.get(c.id) ?? []).map((p) => ({
      financialYear: p.financialYear,
      quarter: p.quarter,
      quantity: p.targetQuantity,
    }));
    const acceptedReturns = myLines
      .filter((l) => l.quantity !== null && keep(l.kpiReturn))
      .map((l): QuarterQuantity => ({ ...l.kpiReturn, quantity: l.quantity! }));
    const confirmedPledges = (pledgesBy.get(c.id) ?? []).filter(keep).map((p) => ({
      financialYear: p.financialYear,
      quarter: p.quarter,
      quantity: p.quantity,
    }));
    quarterly.set(c.id, {
      plan: planUpTo(wholePlan, lastQuarter).filter(keep),
      delivered: [...acceptedReturns, ...confirmedPledges],
    });
    progress.set(
      c.id,
      computeProgress({
        kind: "numeric",
        target: c.targetQuantity,
        current,
        aggregation: c.measure.unit === "PERCENT" ? "latest" : "sum",
        lastQuarter,
        // the whole plan: computeProgress cuts it at the termination quarter (cut before, a plan that starts
        // after it would be empty, which reads as "no plan", so the whole target); "through" needs no cut, as
        // plan to date stops before `current`
        plan: window.only ? wholePlan.filter(keep) : wholePlan,
        acceptedReturns,
        confirmedPledges,
        // overdue as the report is read, for the quarters it covers
        overdueQuarters: (overdue.get(c.id) ?? []).filter(keep),
      }),
    );
  }
  return { commitments, progress, current, quarterly };
}
