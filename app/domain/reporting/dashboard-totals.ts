// Adding up many commitments' progress for dashboards and reports. Pure; every per-commitment figure and
// RAG comes from progress.ts, and sums are exact (hundredths as bigint) so every page agrees to the penny.
import { amountsAddUp } from "~/domain/contracts/quantities.ts";
import { financialYearLabel } from "~/domain/contracts/quarters.ts";
import {
  formatHundredths,
  progressStatus,
  ragFor,
  toHundredths,
  type DecimalLike,
  type Progress,
  type QualitativeStatus,
  type QuarterQuantity,
  type Rag,
} from "./progress.ts";

export type CommitmentLike = {
  id: string;
  contractId?: string;
  targetQuantity: DecimalLike | null;
  measure: { id: string; code: string; name: string; unit: string; proxyValueGbp: DecimalLike | null };
};

export type Status = Rag | QualitativeStatus;
const SEVERITY: Status[] = ["RED", "OVERDUE", "NOT_REPORTED", "AMBER", "GREEN", "REPORTED", "NOT_YET_DUE"];

/** Delivered as a percentage of plan to one decimal place, as each commitment's is; null with nothing planned. */
export function percentOfPlan(delivered: bigint, plan: bigint) {
  return plan > 0n ? Number((delivered * 2000n + plan) / (2n * plan)) / 10 : null;
}

// Levels (percentages) cannot be added up across contracts, so only amounts are summed; every measure
// still reports how many of its commitments are in each status.
export function summariseByMeasure(commitments: CommitmentLike[], progress: Map<string, Progress>) {
  const rows = new Map<
    string,
    {
      measureId: string;
      code: string;
      name: string;
      unit: string;
      commitments: number;
      committed: bigint;
      planToDate: bigint;
      delivered: bigint;
      statuses: Partial<Record<Status, number>>;
    }
  >();
  for (const c of commitments) {
    const p = progress.get(c.id);
    if (!p) continue;
    const row = rows.get(c.measure.id) ?? {
      measureId: c.measure.id,
      code: c.measure.code,
      name: c.measure.name,
      unit: c.measure.unit,
      commitments: 0,
      committed: 0n,
      planToDate: 0n,
      delivered: 0n,
      statuses: {},
    };
    row.commitments += 1;
    const status = progressStatus(p);
    row.statuses[status] = (row.statuses[status] ?? 0) + 1;
    if (p.kind === "numeric" && c.measure.unit !== "PERCENT") {
      row.committed += p.committed ? toHundredths(p.committed) : 0n;
      row.planToDate += toHundredths(p.planToDate);
      row.delivered += toHundredths(p.deliveredToDate);
    }
    rows.set(c.measure.id, row);
  }
  return Array.from(rows.values())
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((row) => {
      const summed = amountsAddUp(row.unit);
      return {
        measureId: row.measureId,
        code: row.code,
        name: row.name,
        unit: row.unit,
        commitments: row.commitments,
        statuses: row.statuses,
        committed: summed ? formatHundredths(row.committed) : null,
        planToDate: summed ? formatHundredths(row.planToDate) : null,
        delivered: summed ? formatHundredths(row.delivered) : null,
        percent: summed ? percentOfPlan(row.delivered, row.planToDate) : null,
        rag: summed ? ragFor(row.delivered, row.planToDate) : null,
      };
    });
}

// quantity × £ per unit, both in hundredths → hundredths of £, rounded half up.
function times(quantity: bigint, proxy: bigint) {
  return (quantity * proxy + 50n) / 100n;
}

type Quarterly = Map<string, { plan: QuarterQuantity[]; delivered: QuarterQuantity[] }>;

// The council's "local £": only measures the council gave a proxy value, and never levels. Given each
// commitment's delivery quarter by quarter, its delivered local £ is that of each financial year, valued and
// rounded as localValueByYear rounds it, added up: so the years shown beside the total add up to it to the penny
// (half an hour at £10.01 in each of two years is £5.01 twice, not £10.01 once).
export function localValueHundredths(
  commitments: CommitmentLike[],
  progress: Map<string, Progress>,
  quarterly?: Quarterly,
) {
  let committed = 0n;
  let planToDate = 0n;
  let delivered = 0n;
  let measures = 0;
  const seen = new Set<string>();
  // the contracts behind the figure, for the contracts list it links to
  const contracts = new Set<string>();
  for (const c of commitments) {
    const p = progress.get(c.id);
    if (!p || p.kind !== "numeric" || c.measure.proxyValueGbp == null || c.measure.unit === "PERCENT")
      continue;
    const proxy = toHundredths(c.measure.proxyValueGbp);
    if (c.contractId) contracts.add(c.contractId);
    if (!seen.has(c.measure.id)) {
      seen.add(c.measure.id);
      measures += 1;
    }
    committed += times(p.committed ? toHundredths(p.committed) : 0n, proxy);
    planToDate += times(toHundredths(p.planToDate), proxy);
    delivered += quarterly?.has(c.id)
      ? deliveredByYear(quarterly.get(c.id)!.delivered, proxy)
      : times(toHundredths(p.deliveredToDate), proxy);
  }
  return {
    measures,
    contracts: contracts.size,
    committed: formatHundredths(committed),
    planToDate: formatHundredths(planToDate),
    delivered: formatHundredths(delivered),
  };
}

// Delivered quantities valued year by year: each financial year's sum × the proxy value, rounded, added up.
function deliveredByYear(delivered: QuarterQuantity[], proxy: bigint) {
  const years = new Map<number, bigint>();
  for (const d of delivered)
    years.set(d.financialYear, (years.get(d.financialYear) ?? 0n) + toHundredths(d.quantity));
  let total = 0n;
  for (const quantity of years.values()) total += times(quantity, proxy);
  return total;
}

// Each commitment's local £ planned and delivered in each financial year: plan rows and delivery (accepted
// returns + confirmed pledges, as in progress.ts) of the year × the measure's proxy value, rounded per
// commitment and year. Only measures with a proxy value, never levels or text. The records behind
// localValueByYear's figures, which are their sums.
export function localValueByCommitmentYear(commitments: CommitmentLike[], quarterly: Quarterly) {
  const rows: {
    commitmentId: string;
    financialYear: number;
    // hundredths of the measure's unit, and hundredths of £
    plannedQuantity: bigint;
    deliveredQuantity: bigint;
    planned: bigint;
    delivered: bigint;
  }[] = [];
  for (const c of commitments) {
    const q = quarterly.get(c.id);
    if (
      !q ||
      c.measure.proxyValueGbp == null ||
      c.measure.unit === "PERCENT" ||
      c.measure.unit === "QUALITATIVE"
    )
      continue;
    const proxy = toHundredths(c.measure.proxyValueGbp);
    const perYear = new Map<number, { planned: bigint; delivered: bigint }>();
    const at = (fy: number) => perYear.get(fy) ?? perYear.set(fy, { planned: 0n, delivered: 0n }).get(fy)!;
    for (const p of q.plan) at(p.financialYear).planned += toHundredths(p.quantity);
    for (const d of q.delivered) at(d.financialYear).delivered += toHundredths(d.quantity);
    for (const [financialYear, v] of perYear)
      rows.push({
        commitmentId: c.id,
        financialYear,
        plannedQuantity: v.planned,
        deliveredQuantity: v.delivered,
        planned: times(v.planned, proxy),
        delivered: times(v.delivered, proxy),
      });
  }
  return rows;
}

// The council's local £ planned and delivered in each financial year, so years compare. Oldest year first;
// years with neither plan nor delivery are left out.
export function localValueByYear(commitments: CommitmentLike[], quarterly: Quarterly) {
  const years = new Map<number, { planned: bigint; delivered: bigint }>();
  for (const row of localValueByCommitmentYear(commitments, quarterly)) {
    const year = years.get(row.financialYear) ?? { planned: 0n, delivered: 0n };
    years.set(row.financialYear, {
      planned: year.planned + row.planned,
      delivered: year.delivered + row.delivered,
    });
  }
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([financialYear, v]) => ({
      financialYear,
      label: financialYearLabel(financialYear),
      planned: formatHundredths(v.planned),
      delivered: formatHundredths(v.delivered),
    }));
}

// A contract's commitments by status, and the worst of them (red first) as the contract's headline.
export function contractProgressSummary(
  commitments: CommitmentLike[],
  progress: Map<string, Progress>,
  quarterly?: Quarterly,
) {
  const statuses: Partial<Record<Status, number>> = {};
  for (const c of commitments) {
    const p = progress.get(c.id);
    if (!p) continue;
    const s = progressStatus(p);
    statuses[s] = (statuses[s] ?? 0) + 1;
  }
  const worst = SEVERITY.find((s) => statuses[s]) ?? null;
  return {
    commitments: commitments.length,
    statuses,
    worst,
    local: localValueHundredths(commitments, progress, quarterly),
  };
}

// Of the returns due in a quarter (submitted, or never submitted and past the due date), the share first
// submitted on time; null when none was due, which is no return rather than no return on time.
export function onTimePercent(q: { onTime: number; late: number; overdue: number }): number | null {
  const due = q.onTime + q.late + q.overdue;
  return due === 0 ? null : (q.onTime / due) * 100;
}
