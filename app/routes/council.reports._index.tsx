// The quarterly departmental report: choose a quarter and a department; prints as a clean A4 report.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { formatMeasureQuantity } from "~/domain/contracts/labels.ts";
import { quarterLabel } from "~/domain/contracts/quarters.ts";
import { ALL_DEPARTMENTS, deliveredInQuarterText } from "~/domain/reporting/departmental-report-options.ts";
import {
  DEPARTMENT_NAMED_TWICE,
  namedTwice,
  QUARTER_NAMED_TWICE,
  reportDepartment,
  parseQuarter,
  quarterProblem,
  sharedDepartmentalReport,
  sharedReportChoices,
  startedQuarter,
  UNKNOWN_DEPARTMENT,
} from "~/domain/reporting/departmental-report.server.ts";
import { RETURN_STATUS_LABELS } from "~/domain/reporting/returns-rules.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import type { ComponentProps } from "react";
import { RagTag } from "~/ui/charts/rag-tag.tsx";
import { links as recordLinks, withCouncil } from "~/ui/charts/record-links.ts";
import { PageHeading, TableScrollBox } from "~/ui/components.tsx";
import { Button, ErrorSummary, Select } from "~/ui/form.tsx";
import { countOf, formatDate, formatDateTime, formatNumber } from "~/ui/format.ts";
import { actsForNamed } from "~/ui/acting-for.ts";

export const meta: MetaFunction = () => [
  { title: "Quarterly departmental report – Social Value Marketplace" },
];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // the council a link or the form names (the CSV sending a bad choice back, the dashboard of a council worked
  // for through a partnership), as the CSV does: only its officers act for it, anyone else gets 404; a page
  // without one is for the council being worked for
  const { membership } = await requireCouncilOf(request, url.searchParams.get("council"));
  const councilId = membership.organisationId;
  // the departments and quarters change rarely: shared for a minute like the report itself
  const choices = await sharedReportChoices(councilId);
  const quarterSent = url.searchParams.getAll("quarter");
  const departmentSent = url.searchParams.getAll("department");
  const quarterParam = quarterSent[0] ?? null;
  const departmentParam = departmentSent[0] ?? null;
  const errors: Record<string, string[]> = {};
  const parsed = quarterParam === null ? choices.latestEnded : parseQuarter(quarterParam);
  const quarter = startedQuarter(parsed);
  if (namedTwice(quarterSent)) errors.quarter = [QUARTER_NAMED_TWICE];
  else if (!parsed) errors.quarter = [quarterProblem(quarterParam, "Select a quarter")];
  else if (!quarter) errors.quarter = ["Select a quarter that has started"];
  const named = reportDepartment(departmentParam, choices.departments);
  if (namedTwice(departmentSent)) errors.department = [DEPARTMENT_NAMED_TWICE];
  else if (named === null) errors.department = [UNKNOWN_DEPARTMENT];
  const department = named ?? ALL_DEPARTMENTS;
  const report =
    quarter && !errors.quarter && !errors.department
      ? await sharedDepartmentalReport(councilId, quarter, department)
      : null;
  const chosen = quarter ? `${quarter.financialYear}-Q${quarter.quarter}` : null;
  const search = chosen
    ? `?quarter=${chosen}&department=${encodeURIComponent(department)}&council=${councilId}`
    : "";
  // a quarter older than those offered (from a saved or shared address) is offered too, so the form shows it
  const offered = choices.quarters.map((q) => ({ value: q.value, label: q.label }));
  if (quarter && chosen && !offered.some((q) => q.value === chosen))
    offered.push({ value: chosen, label: quarterLabel(quarter.financialYear, quarter.quarter) });
  // a choice that cannot be made answers 400, the page with its error beside the box, as a refused form does
  const status = Object.keys(errors).length ? 400 : 200;
  return json(
    {
      // the returns are shared with suppliers: a link to them names this council, for whoever also works for one
      councilId,
      councilName: membership.organisationName,
      departments: choices.departments,
      offered,
      errors,
      report,
      search,
      // what was chosen stays in the boxes beside an error in the other one
      chosen: { quarter: chosen, department },
    },
    { status },
  );
}

export default function DepartmentalReportPage() {
  const { councilId, councilName, departments, offered, errors, report, search, chosen } =
    useLoaderData<typeof loader>();
  const departmentName = report?.department === ALL_DEPARTMENTS ? "All departments" : report?.department;
  return (
    <>
      <div className="no-print">
        <PageHeading caption={councilName}>Quarterly departmental report</PageHeading>
        <ErrorSummary errors={errors} />
        <Form method="get" className="mb-8 flex flex-wrap items-end gap-x-6">
          {/* a new choice stays with the council shown, though the header switcher has moved on since */}
          <input type="hidden" name="council" value={councilId} />
          <Select
            name="quarter"
            label="Quarter"
            defaultValue={chosen.quarter}
            options={offered}
            errors={errors.quarter}
          />
          <Select
            name="department"
            label="Department or service"
            defaultValue={chosen.department}
            options={[
              { value: ALL_DEPARTMENTS, label: "All departments" },
              ...departments.map((d) => ({ value: d, label: d })),
            ]}
            errors={errors.department}
          />
          <div className="mb-6">
            <Button>Show report</Button>
          </div>
        </Form>
      </div>
      {report ? (
        <article aria-labelledby="report-title" className="print:text-[10pt]">
          <header className="mb-6">
            <p className="hidden text-muted print:block">{councilName}</p>
            <h2 id="report-title" className="text-2xl font-bold print:text-[16pt]">
              Social value delivery: {departmentName}, {report.quarter.label}
            </h2>
            <p className="text-muted">
              {report.inProgress
                ? `${report.quarter.label} is still under way: plan to date counts the quarters that have ended, as on the dashboard, and delivery everything accepted or confirmed so far.`
                : `Delivery to the end of ${report.quarter.label}.`}{" "}
              It lists the contracts that ran during the quarter, including ones that have since ended. RAG:
              green at 90% of plan or more, amber at 60% or more, red below. Produced{" "}
              {formatDateTime(report.generatedAt)}.
            </p>
            <ul className="no-print mt-4 flex flex-wrap gap-6">
              <li>
                <a href={`/council/reports/departmental.csv${search}`}>Download as CSV</a>
              </li>
              <li>Print this page for an A4 report (the browser’s print command).</li>
            </ul>
          </header>
          {report.contracts.length === 0 ? (
            <p>
              {report.department === ALL_DEPARTMENTS
                ? `No contracts ran during ${report.quarter.label}.`
                : `No contracts in ${departmentName} ran during ${report.quarter.label}.`}
            </p>
          ) : null}
          {report.contracts.map((k) => (
            <section key={k.id} aria-labelledby={`contract-${k.id}`} className="mb-8 break-inside-avoid">
              <h3 id={`contract-${k.id}`} className="text-xl font-bold print:text-[12pt]">
                <Link to={recordLinks.contract(k.id)}>
                  {k.reference} {k.title}
                </Link>
              </h3>
              <p className="mb-2 text-muted">
                {k.supplier} · {k.department} ·{" "}
                {k.terminatedOn ? `Terminated on ${formatDate(k.terminatedOn)} · ` : ""}Return for{" "}
                {report.quarter.label}: {k.returnStatus ? RETURN_STATUS_LABELS[k.returnStatus] : "Not opened"}
                {k.returnDueDate ? ` (due ${formatDate(k.returnDueDate)})` : ""} ·{" "}
                {k.overdueReturns > 0 ? (
                  <Link
                    to={withCouncil(recordLinks.overdueReturnsFor({ contractId: k.id }), councilId)}
                    className="font-bold"
                  >
                    {k.overdueReturns} overdue {k.overdueReturns === 1 ? "return" : "returns"}
                  </Link>
                ) : (
                  "no overdue returns"
                )}
              </p>
              {k.lines.length === 0 ? (
                <p>No commitments recorded.</p>
              ) : (
                <TableScrollBox captionId={`commitments-${k.id}`}>
                  <table className="w-full border-collapse text-left">
                    <caption id={`commitments-${k.id}`} className="sr-only">
                      Commitments of {k.reference} {k.title}
                    </caption>
                    <ReportTableHead />
                    <tbody>
                      {k.lines.map((line) => (
                        <ReportRow
                          key={line.commitmentId}
                          measure={line.measure}
                          note={line.qualitativeText}
                          figures={line}
                        />
                      ))}
                    </tbody>
                  </table>
                </TableScrollBox>
              )}
            </section>
          ))}
          {report.totals.length > 0 ? (
            <section aria-labelledby="report-totals" className="mb-8 break-inside-avoid">
              <h3 id="report-totals" className="text-xl font-bold print:text-[12pt]">
                Totals by measure
              </h3>
              <p className="mb-2 text-muted">
                Each measure’s amounts added up over the contracts above, one measure (and so one unit) at a
                time. Percentages are levels and commitments described in words have no amount: neither is
                added up.
              </p>
              <TableScrollBox captionId="report-totals-table">
                <table className="w-full border-collapse text-left">
                  <caption id="report-totals-table" className="sr-only">
                    Totals by measure, {departmentName}, {report.quarter.label}
                  </caption>
                  <ReportTableHead />
                  <tbody>
                    {report.totals.map((t) => (
                      <ReportRow
                        key={t.measureCode}
                        measure={t.measure}
                        note={`${countOf(t.commitments, "commitment", "commitments")} on ${countOf(t.contracts, "contract", "contracts")}`}
                        figures={t}
                      />
                    ))}
                  </tbody>
                </table>
              </TableScrollBox>
            </section>
          ) : null}
        </article>
      ) : null}
    </>
  );
}

// The columns of the report's tables, each contract's commitments and the totals by measure alike.
function ReportTableHead() {
  return (
    <thead>
      <tr className="border-b-2 border-ink">
        {REPORT_TABLE_COLUMNS.map(([header, numeric]) => (
          <th key={header} scope="col" className={numeric ? "px-1 py-1 text-right" : "px-1 py-1"}>
            {header}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A row's figures: a contract's commitment, or a measure's total over the contracts (which has no word for
 * whether a qualitative commitment was reported, so `reportedInQuarter` is left out). */
type ReportFigures = {
  unit: string;
  target: string | null;
  planInQuarter: string | null;
  deliveredInQuarter: string | null;
  /** a qualitative commitment's answer for the quarter (reported or not), said in words in place of an amount */
  reportedInQuarter?: boolean | null;
  planToDate: string | null;
  deliveredToDate: string | null;
  percent: number | null;
  status: ComponentProps<typeof RagTag>["status"];
};

// One row of the report's tables, each contract's commitments and the totals by measure alike: the measure (with a
// note under it), its figures in the columns' order (a dash for none) and its RAG.
function ReportRow({
  measure,
  note,
  figures,
}: {
  measure: string;
  note?: string | null;
  figures: ReportFigures;
}) {
  const q = (v: string | null) => (v === null ? "–" : formatMeasureQuantity(figures.unit as MeasureUnit, v));
  const reported = figures.reportedInQuarter ?? null;
  return (
    <tr className="border-b border-line">
      <th scope="row" className="px-1 py-1 font-normal">
        {measure}
        {note ? <span className="block text-sm text-muted">{note}</span> : null}
      </th>
      <td className="px-1 py-1 text-right tabular-nums">{q(figures.target)}</td>
      <td className="px-1 py-1 text-right tabular-nums">{q(figures.planInQuarter)}</td>
      <td className="px-1 py-1 text-right tabular-nums">
        {reported === null
          ? q(figures.deliveredInQuarter)
          : deliveredInQuarterText({
              deliveredInQuarter: figures.deliveredInQuarter,
              reportedInQuarter: reported,
            })}
      </td>
      <td className="px-1 py-1 text-right tabular-nums">{q(figures.planToDate)}</td>
      <td className="px-1 py-1 text-right tabular-nums">
        {q(figures.deliveredToDate)}
        {figures.percent !== null ? (
          <span className="block text-sm">{formatNumber(figures.percent, 1)}%</span>
        ) : null}
      </td>
      <td className="px-1 py-1">
        <RagTag status={figures.status} />
      </td>
    </tr>
  );
}

const REPORT_TABLE_COLUMNS = [
  ["Measure", false],
  ["Target", true],
  ["Plan in quarter", true],
  ["Delivered in quarter", true],
  ["Plan to date", true],
  ["Delivered to date", true],
  ["RAG", false],
] as const;
