// The quarterly departmental report: for one quarter and one department (or all), each contract's
// commitments with delivery in the quarter and to the end of it, RAG and overdue returns.
import { db } from "~/db.server.ts";
import {
  financialYearLabel,
  quarterIndex,
  quarterLabel,
  quarterOf,
  quarterPeriod,
  type FinancialQuarter,
} from "~/domain/contracts/quarters.ts";
import { cached } from "./dashboard-cache.server.ts";
import {
  OVERDUE_STATUSES,
  pastDueBefore,
  ranOnOrAfter,
  REPORTING_CONTRACT_STATUSES,
  RETURN_STATUS_LABELS,
} from "./returns-rules.ts";
import { loadCommitmentProgress } from "./dashboard-progress.server.ts";
import { percentOfPlan } from "./dashboard-totals.ts";
import {
  formatHundredths,
  progressStatus,
  progressStatusText,
  ragFor,
  toHundredths,
  type Progress,
  type Rag,
} from "./progress.ts";
import { unitLabel } from "~/domain/contracts/labels.ts";
import { amountsAddUp } from "~/domain/contracts/quantities.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";

import { ALL_DEPARTMENTS, deliveredInQuarterText } from "./departmental-report-options.ts";
import { REPORT_YEARS } from "./report-years.ts";
import { notAwaitingOutsideTerm } from "./returns-term.server.ts";

export { ALL_DEPARTMENTS, REPORT_YEARS };

export const UNKNOWN_DEPARTMENT = "Select a department or service";

// A choice the address names more than once with different values (?quarter=2026-Q2&quarter=2026-Q1: an edited or
// joined link) cannot be known to mean either: the page refuses it on its box, the first kept there, as a form field
// sent twice is, and the CSV goes back to the page to say so. The same value twice is no harm.
export const QUARTER_NAMED_TWICE = "Select one quarter: the address named more than one";
export const DEPARTMENT_NAMED_TWICE = "Select one department or service: the address named more than one";
export const namedTwice = (sent: readonly string[]) => new Set(sent).size > 1;

export async function reportChoices(councilId: string, asOf = new Date()) {
  const [departments, earliest] = await Promise.all([
    db.contract.groupBy({ by: ["department"], where: { councilId }, orderBy: { department: "asc" } }),
    db.contract.aggregate({ where: { councilId }, _min: { startDate: true } }),
  ]);
  const current = quarterOf(asOf);
  const first = earliest._min.startDate ? quarterOf(earliest._min.startDate) : current;
  const quarters: (FinancialQuarter & { value: string; label: string })[] = [];
  for (let fy = current.financialYear, q = current.quarter; quarters.length < 12;) {
    quarters.push({ financialYear: fy, quarter: q, value: `${fy}-Q${q}`, label: quarterLabel(fy, q) });
    if (fy === first.financialYear && q === first.quarter) break;
    if (q === 1) [fy, q] = [fy - 1, 4];
    else q = (q - 1) as 1 | 2 | 3 | 4;
  }
  // The report opens on the last quarter that has ended: the one returns are being made for.
  const latest = quarters[1] ?? quarters[0];
  return {
    departments: departments.map((d) => d.department),
    quarters,
    current,
    latestEnded: { financialYear: latest.financialYear, quarter: latest.quarter },
  };
}

// The page and the CSV offer the same choices and refuse the same department, shared for a minute.
export function sharedReportChoices(councilId: string) {
  return cached(`report-choices:${councilId}`, () => reportChoices(councilId));
}

// What links made before the empty value meant every department said for it
const OLD_ALL_DEPARTMENTS = "all";

/** The department a report link asks for: ALL_DEPARTMENTS when it names none (or is blank), the one named if
 * this council has contracts in it, and null if it has not. A department the council calls "all" is itself; an
 * older link's "all" is every department while no department is called that. */
export function reportDepartment(param: string | null, departments: readonly string[]): string | null {
  if (param === null || param === ALL_DEPARTMENTS) return ALL_DEPARTMENTS;
  if (departments.includes(param)) return param;
  if (param === OLD_ALL_DEPARTMENTS) return ALL_DEPARTMENTS;
  return null;
}

// in either case, with spaces around it as a pasted link may have: "2026-q2 " is Q2 2026
const QUARTER_FORMAT = /^\s*(\d{4})-Q([1-4])\s*$/i;

/** "2026-Q2" → that quarter; null if it is not written so or its year is outside REPORT_YEARS. */
export function parseQuarter(value: string | null): FinancialQuarter | null {
  const match = QUARTER_FORMAT.exec(value ?? "");
  if (!match) return null;
  const financialYear = Number(match[1]);
  if (financialYear < REPORT_YEARS.from || financialYear > REPORT_YEARS.to) return null;
  return { financialYear, quarter: Number(match[2]) as 1 | 2 | 3 | 4 };
}

/** What to tell someone whose quarter parseQuarter refused: one in a year outside REPORT_YEARS gets its own words. */
export function quarterProblem(value: string | null, unreadable: string): string {
  // a year too late is a quarter that has not started, so only the earliest year is named
  return QUARTER_FORMAT.test(value ?? "")
    ? `Select a quarter that has started, from Q1 ${financialYearLabel(REPORT_YEARS.from)} on`
    : unreadable;
}

type Numeric = Extract<Progress, { kind: "numeric" }>;

export type ReportLine = {
  commitmentId: string;
  measureCode: string;
  measure: string;
  unit: string;
  target: string | null;
  qualitativeText: string | null;
  planInQuarter: string | null;
  deliveredInQuarter: string | null;
  // a commitment described in words: whether the quarter's accepted return described what was done (null for
  // an amount or level, whose delivery in the quarter is deliveredInQuarter)
  reportedInQuarter: boolean | null;
  planToDate: string | null;
  deliveredToDate: string | null;
  percent: number | null;
  status: ReturnType<typeof progressStatus>;
};

export type ReportTotal = {
  measureCode: string;
  measure: string;
  unit: string;
  commitments: number;
  contracts: number;
  target: string;
  planInQuarter: string;
  deliveredInQuarter: string;
  planToDate: string;
  deliveredToDate: string;
  percent: number | null;
  status: Rag;
};

/** The report's totals, one for each measure (so only one unit is ever added up: never hours to pounds, nor one
 * measure's people to another's), over every contract listed, and the RAG of the total by the same rule as each
 * commitment's and the dashboard's measures. Levels and measures described in words are left out. */
export function reportTotals(contracts: { id: string; lines: ReportLine[] }[]): ReportTotal[] {
  type Sum = Omit<
    ReportTotal,
    | "target"
    | "planInQuarter"
    | "deliveredInQuarter"
    | "planToDate"
    | "deliveredToDate"
    | "percent"
    | "status"
    | "contracts"
  > & {
    contracts: Set<string>;
    sums: [bigint, bigint, bigint, bigint, bigint];
  };
  const byMeasure = new Map<string, Sum>();
  const amount = (v: string | null) => (v === null ? 0n : toHundredths(v));
  for (const k of contracts)
    for (const line of k.lines) {
      if (!amountsAddUp(line.unit)) continue;
      const sum = byMeasure.get(line.measureCode) ?? {
        measureCode: line.measureCode,
        measure: line.measure,
        unit: line.unit,
        commitments: 0,
        contracts: new Set<string>(),
        sums: [0n, 0n, 0n, 0n, 0n],
      };
      sum.commitments += 1;
      sum.contracts.add(k.id);
      const values = [
        line.target,
        line.planInQuarter,
        line.deliveredInQuarter,
        line.planToDate,
        line.deliveredToDate,
      ];
      values.forEach((v, i) => (sum.sums[i] += amount(v)));
      byMeasure.set(line.measureCode, sum);
    }
  return [...byMeasure.values()]
    .sort((a, b) => a.measureCode.localeCompare(b.measureCode))
    .map(({ contracts: ids, sums, ...sum }) => ({
      ...sum,
      contracts: ids.size,
      target: formatHundredths(sums[0]),
      planInQuarter: formatHundredths(sums[1]),
      deliveredInQuarter: formatHundredths(sums[2]),
      planToDate: formatHundredths(sums[3]),
      deliveredToDate: formatHundredths(sums[4]),
      percent: percentOfPlan(sums[4], sums[3]),
      status: ragFor(sums[4], sums[3]),
    }));
}

export async function departmentalReport(args: {
  councilId: string;
  quarter: FinancialQuarter;
  department: string;
  asOf?: Date;
}) {
  const asOf = args.asOf ?? new Date();
  const period = quarterPeriod(args.quarter.financialYear, args.quarter.quarter);
  const contractWhere = {
    councilId: args.councilId,
    ...(args.department === ALL_DEPARTMENTS ? {} : { department: args.department }),
    // ran in the quarter
    ...ranOnOrAfter(period.start),
    startDate: { lte: period.end },
    endDate: { gte: period.start },
  };
  const commitmentWhere = { contract: contractWhere };
  // a terminated contract's returns are not chased (decision 023), so none of them counts as overdue
  const chasedWhere = { ...contractWhere, status: { in: REPORTING_CONTRACT_STATUSES } };
  // nor a queried return left outside a shortened term
  const withinTerm = await notAwaitingOutsideTerm({ councilId: args.councilId });
  const [contracts, toDate, inQuarter, overdue, texts] = await Promise.all([
    db.contract.findMany({
      where: contractWhere,
      orderBy: [{ department: "asc" }, { reference: "asc" }],
      select: {
        id: true,
        reference: true,
        title: true,
        department: true,
        status: true,
        terminatedOn: true,
        supplierOrganisation: { select: { name: true } },
        returns: {
          where: { financialYear: args.quarter.financialYear, quarter: args.quarter.quarter },
          select: { status: true, dueDate: true, submittedAt: true },
        },
      },
    }),
    loadCommitmentProgress(commitmentWhere, asOf, { through: args.quarter }),
    loadCommitmentProgress(commitmentWhere, asOf, { only: args.quarter }),
    db.kpiReturn.groupBy({
      by: ["contractId"],
      where: {
        contract: chasedWhere,
        ...withinTerm,
        status: { in: OVERDUE_STATUSES },
        dueDate: { lt: pastDueBefore(asOf) },
      },
      _count: { _all: true },
    }),
    db.commitment.findMany({ where: commitmentWhere, select: { id: true, qualitativeText: true } }),
  ]);
  const qualitative = new Map(texts.map((t) => [t.id, t.qualitativeText]));
  const overdueBy = new Map(overdue.map((o) => [o.contractId, o._count._all]));
  const linesBy = new Map<string, ReportLine[]>();
  for (const c of toDate.commitments) {
    const p = toDate.progress.get(c.id)!;
    // the two are read apart: a commitment added or removed in between is left out, as the next report shows it
    const q = inQuarter.progress.get(c.id);
    if (!q) continue;
    const numeric = p.kind === "numeric" ? p : null;
    const quarterly = q.kind === "numeric" ? (q as Numeric) : null;
    const line: ReportLine = {
      commitmentId: c.id,
      measureCode: c.measure.code,
      measure: c.measure.name,
      unit: c.measure.unit,
      // what the supplier is held to: a contract terminated early is held to its plan up to termination
      target: numeric?.committed ?? null,
      qualitativeText: qualitative.get(c.id) ?? null,
      planInQuarter: quarterly?.planToDate ?? null,
      // a level (a percentage) nobody has reported yet has no delivered figure, not a 0
      deliveredInQuarter: quarterly?.reported ? quarterly.deliveredToDate : null,
      reportedInQuarter: q.kind === "qualitative" ? q.status === "REPORTED" : null,
      planToDate: numeric?.planToDate ?? null,
      deliveredToDate: numeric?.reported ? numeric.deliveredToDate : null,
      percent: numeric?.percent ?? null,
      status: progressStatus(p),
    };
    linesBy.set(c.contractId, [...(linesBy.get(c.contractId) ?? []), line]);
  }
  const now = quarterOf(asOf);
  const listed = contracts.map((k) => ({
    id: k.id,
    reference: k.reference,
    title: k.title,
    department: k.department,
    status: k.status,
    terminatedOn: k.terminatedOn?.toISOString().slice(0, 10) ?? null,
    supplier: k.supplierOrganisation.name,
    returnStatus: k.returns[0]?.status ?? null,
    returnDueDate: k.returns[0]?.dueDate.toISOString() ?? null,
    overdueReturns: overdueBy.get(k.id) ?? 0,
    lines: (linesBy.get(k.id) ?? []).sort((a, b) => a.measureCode.localeCompare(b.measureCode)),
  }));
  return {
    quarter: { ...args.quarter, label: quarterLabel(args.quarter.financialYear, args.quarter.quarter) },
    // still under way: plan to date counts the quarters that have ended, as the dashboard does
    inProgress: args.quarter.financialYear === now.financialYear && args.quarter.quarter === now.quarter,
    department: args.department,
    generatedAt: asOf.toISOString(),
    contracts: listed,
    totals: reportTotals(listed),
  };
}

export type DepartmentalReport = Awaited<ReturnType<typeof departmentalReport>>;

// The page and its CSV export share one cached report, so a download always matches the page just seen.
export function sharedDepartmentalReport(councilId: string, quarter: FinancialQuarter, department: string) {
  return cached(`report:${councilId}:${quarter.financialYear}-${quarter.quarter}:${department}`, () =>
    departmentalReport({ councilId, quarter, department }),
  );
}

// A quarter can be reported once it has started.
export function startedQuarter(quarter: FinancialQuarter | null, asOf = new Date()) {
  return quarter && quarterIndex(quarter) <= quarterIndex(quarterOf(asOf)) ? quarter : null;
}

// The department in the file's name in plain letters: "Café" is "cafe", and a name with none ("Соціальні
// послуги") is "department", where it made "social-value-2026-q2--.csv".
export function reportFileName(quarter: FinancialQuarter, department: string) {
  const slug =
    department === ALL_DEPARTMENTS
      ? "all-departments"
      : department
          .normalize("NFKD")
          .replace(/[\u0300-\u036f]/g, "")
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-+|-+$/g, "") || "department";
  return `social-value-${quarter.financialYear}-q${quarter.quarter}-${slug}.csv`;
}

// The page's columns and what it says of each contract, so the file says what the page does without the page:
// the quarter it is for, and the return's due date.
export const REPORT_CSV_COLUMNS = [
  { key: "quarter", header: "Quarter" },
  { key: "department", header: "Department" },
  { key: "contractReference", header: "Contract reference" },
  { key: "contractTitle", header: "Contract title" },
  { key: "supplier", header: "Supplier" },
  // empty unless the contract was terminated early, when its target is cut at that day (decision 025)
  { key: "terminatedOn", header: "Terminated on" },
  { key: "measureCode", header: "Measure code" },
  { key: "measure", header: "Measure" },
  { key: "unit", header: "Unit" },
  { key: "target", header: "Target over the contract (or to its termination)" },
  // shown under the measure on the page, with a target or without one
  { key: "qualitativeText", header: "What the supplier committed to" },
  { key: "planInQuarter", header: "Plan in quarter" },
  { key: "deliveredInQuarter", header: "Delivered in quarter" },
  // of a quarter still under way, the plan of the quarters before it: "to end of quarter" was wrong then
  { key: "planToDate", header: "Plan to date (quarters ended)" },
  { key: "deliveredToDate", header: "Delivered to date" },
  { key: "percent", header: "Delivered as % of plan" },
  { key: "status", header: "RAG" },
  { key: "returnStatus", header: "Return for the quarter" },
  { key: "returnDueDate", header: "Return due date" },
  { key: "overdueReturns", header: "Overdue returns" },
  // what the row is: "Commitment"; "Contract" for a contract with no commitments (its measure columns empty); or
  // "Total" for the measure, over every contract listed (contract and return columns empty), after the contracts.
  // Only amounts are totalled, one measure at a time (one unit): never levels (percentages) or commitments in
  // words. Leave the "Total" rows out before adding a column up, or it counts twice.
  { key: "row", header: "Row" },
];

// One row per commitment; a contract with no commitments still has its row (measure columns empty), so the
// export lists every contract the page shows.
export function* reportCsvRows(report: DepartmentalReport) {
  for (const k of report.contracts) {
    const contract = {
      quarter: report.quarter.label,
      department: k.department,
      contractReference: k.reference,
      contractTitle: k.title,
      supplier: k.supplier,
      terminatedOn: k.terminatedOn ?? "",
      returnStatus: k.returnStatus ? RETURN_STATUS_LABELS[k.returnStatus] : "Not opened",
      returnDueDate: k.returnDueDate?.slice(0, 10) ?? "",
      overdueReturns: k.overdueReturns,
    };
    if (k.lines.length === 0) yield { ...contract, status: "no commitments recorded", row: "Contract" };
    for (const line of k.lines)
      yield {
        ...contract,
        row: "Commitment",
        measureCode: line.measureCode,
        measure: line.measure,
        unit: unitLabel(line.unit as MeasureUnit),
        target: line.target ?? "",
        qualitativeText: line.qualitativeText ?? "",
        planInQuarter: line.planInQuarter ?? "",
        deliveredInQuarter: deliveredInQuarterText(line) ?? "",
        planToDate: line.planToDate ?? "",
        deliveredToDate: line.deliveredToDate ?? "",
        percent: line.percent ?? "",
        status: progressStatusText(line.status),
      };
  }
  for (const total of report.totals)
    yield {
      quarter: report.quarter.label,
      department: report.department === ALL_DEPARTMENTS ? "All departments" : report.department,
      contractReference: "",
      contractTitle: "",
      supplier: "",
      terminatedOn: "",
      returnStatus: "",
      returnDueDate: "",
      overdueReturns: "",
      qualitativeText: "",
      measureCode: total.measureCode,
      measure: total.measure,
      unit: unitLabel(total.unit as MeasureUnit),
      target: total.target,
      planInQuarter: total.planInQuarter,
      deliveredInQuarter: total.deliveredInQuarter,
      planToDate: total.planToDate,
      deliveredToDate: total.deliveredToDate,
      percent: total.percent ?? "",
      status: progressStatusText(total.status),
      row: "Total",
    };
}
