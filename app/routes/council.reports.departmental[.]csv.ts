import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCouncilOfficer } from "~/auth/permissions.server.ts";
import { csvResponse } from "~/domain/reporting/csv.server.ts";
import {
  ALL_DEPARTMENTS,
  isReportDepartment,
  parseQuarter,
  REPORT_CSV_COLUMNS,
  reportCsvRows,
  sharedDepartmentalReport,
  sharedReportChoices,
  startedQuarter,
  UNKNOWN_DEPARTMENT,
} from "~/domain/reporting/departmental-report.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireCouncilOfficer(request);
  const url = new URL(request.url);
  const quarter = startedQuarter(parseQuarter(url.searchParams.get("quarter")));
  if (!quarter) throw new Response("Choose a quarter that has started, like 2026-Q2", { status: 400 });
  const department = url.searchParams.get("department") ?? ALL_DEPARTMENTS;
  // as the page refuses it: an empty file would pass for a department with nothing to report
  const { departments } = await sharedReportChoices(membership.organisationId);
  if (!isReportDepartment(department, departments))
    throw new Response(`${UNKNOWN_DEPARTMENT}: this council has no contracts in that department`, {
      status: 400,
    });
  const report = await sharedDepartmentalReport(membership.organisationId, quarter, department);
  const slug =
    department === ALL_DEPARTMENTS ? "all-departments" : department.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return csvResponse(
    `social-value-${quarter.financialYear}-q${quarter.quarter}-${slug}.csv`,
    REPORT_CSV_COLUMNS,
    reportCsvRows(report),
    (row) => row,
  );
}
