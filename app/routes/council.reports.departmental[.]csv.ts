import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { csvResponse } from "~/domain/reporting/csv.server.ts";
import {
  reportDepartment,
  parseQuarter,
  quarterProblem,
  REPORT_CSV_COLUMNS,
  reportCsvRows,
  reportFileName,
  sharedDepartmentalReport,
  sharedReportChoices,
  startedQuarter,
  UNKNOWN_DEPARTMENT,
} from "~/domain/reporting/departmental-report.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // the council whose report page gave the link, not one switched to since in another window (officers of it
  // only); a link without one is for the council being worked for
  const { membership } = await requireCouncilOf(request, url.searchParams.get("council"));
  const quarterParam = url.searchParams.get("quarter");
  const parsed = parseQuarter(quarterParam);
  if (!parsed)
    throw new Response(quarterProblem(quarterParam, "Choose a quarter, like 2026-Q2"), { status: 400 });
  const quarter = startedQuarter(parsed);
  if (!quarter) throw new Response("Choose a quarter that has started, like 2026-Q2", { status: 400 });
  // as the page refuses it: an empty file would pass for a department with nothing to report
  const { departments } = await sharedReportChoices(membership.organisationId);
  const department = reportDepartment(url.searchParams.get("department"), departments);
  if (department === null)
    throw new Response(`${UNKNOWN_DEPARTMENT}: this council has no contracts in that department`, {
      status: 400,
    });
  const report = await sharedDepartmentalReport(membership.organisationId, quarter, department);
  return csvResponse(
    reportFileName(quarter, department),
    REPORT_CSV_COLUMNS,
    reportCsvRows(report),
    (row) => row,
  );
}
