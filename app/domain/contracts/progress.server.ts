// Loads what the shared progress rule (~/domain/reporting/progress.ts) needs for a set of commitments:
// plan, accepted KPI return lines and confirmed pledges, all by financial quarter, the quarter a contract
// terminated early stopped in (its later plan no longer counts: decision 025), and the quarters whose return is
// overdue.
import { db } from "~/db.server.ts";
import {
  computeProgress,
  currentQuarter,
  type Progress,
  type QuarterQuantity,
} from "~/domain/reporting/progress.ts";
import { overdueQuartersByCommitment } from "~/domain/reporting/returns-term.server.ts";
import { quarterOf } from "./quarters.ts";
import { lastPlannedQuarter } from "./termination.ts";

export type CommitmentForProgress = {
  id: string;
  targetQuantity: { toString(): string } | null;
  measure: { unit: string };
};

export async function progressFor(
  commitments: CommitmentForProgress[],
  asOf = new Date(),
): Promise<Map<string, Progress>> {
  const ids = commitments.map((c) => c.id);
  if (ids.length === 0) return new Map();
  const [terminations, plans, lines, pledges, overdue] = await Promise.all([
    // read here, so every caller (contract pages, return pages) stops the plan at the same quarter
    db.commitment.findMany({
      where: { id: { in: ids }, contract: { terminatedOn: { not: null } } },
      select: { id: true, contract: { select: { terminatedOn: true } } },
    }),
    db.commitmentPlan.findMany({
      where: { commitmentId: { in: ids } },
      select: { commitmentId: true, financialYear: true, quarter: true, targetQuantity: true },
    }),
    db.kpiReturnLine.findMany({
      where: { commitmentId: { in: ids }, kpiReturn: { status: "ACCEPTED" } },
      select: {
        commitmentId: true,
        quantity: true,
        narrative: true,
        kpiReturn: { select: { financialYear: true, quarter: true } },
      },
    }),
    db.pledge.findMany({
      where: { commitmentId: { in: ids }, status: "CONFIRMED" },
      select: {
        commitmentId: true,
        quantity: true,
        deliveredQuantity: true,
        deliveredOn: true,
        confirmedAt: true,
      },
    }),
    overdueQuartersByCommitment(ids, asOf),
  ]);
  const current = currentQuarter(asOf);
  const group = <T extends { commitmentId: string | null }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows)
      if (row.commitmentId) map.set(row.commitmentId, [...(map.get(row.commitmentId) ?? []), row]);
    return map;
  };
  const lastQuarterBy = new Map(terminations.map((t) => [t.id, lastPlannedQuarter(t.contract)]));
  const plansBy = group(plans);
  const linesBy = group(lines);
  const pledgesBy = group(pledges);
  const result = new Map<string, Progress>();
  for (const c of commitments) {
    const myLines = linesBy.get(c.id) ?? [];
    if (c.measure.unit === "QUALITATIVE") {
      result.set(
        c.id,
        computeProgress({
          kind: "qualitative",
          current,
          reportedQuarters: myLines.filter((l) => l.narrative !== null).map((l) => l.kpiReturn),
          overdueQuarters: overdue.get(c.id) ?? [],
        }),
      );
      continue;
    }
    const confirmed: QuarterQuantity[] = [];
    for (const p of pledgesBy.get(c.id) ?? []) {
      const when = p.deliveredOn ?? p.confirmedAt;
      if (!when) continue;
      confirmed.push({ ...quarterOf(when), quantity: p.deliveredQuantity ?? p.quantity });
    }
    result.set(
      c.id,
      computeProgress({
        kind: "numeric",
        target: c.targetQuantity,
        current,
        // a percentage is a level reported each quarter, not an amount to add up
        aggregation: c.measure.unit === "PERCENT" ? "latest" : "sum",
        lastQuarter: lastQuarterBy.get(c.id) ?? null,
        plan: (plansBy.get(c.id) ?? []).map((p) => ({
          financialYear: p.financialYear,
          quarter: p.quarter,
          quantity: p.targetQuantity,
        })),
        acceptedReturns: myLines
          .filter((l) => l.quantity !== null)
          .map((l) => ({ ...l.kpiReturn, quantity: l.quantity! })),
        confirmedPledges: confirmed,
        overdueQuarters: overdue.get(c.id) ?? [],
      }),
    );
  }
  return result;
}
