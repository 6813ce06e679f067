import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCouncilOfficer } from "~/auth/permissions.server.ts";
import { csvResponse } from "~/domain/reporting/csv.server.ts";
import {
  ALL_DEPARTMENTS,
  parseQuarter,
  REPORT_CSV_COLUMNS,
  reportCsvRows,
  sharedDepartmentalReport,
  startedQuarter,
} from "~/domain/reporting/departmental-report.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireCouncilOfficer(request);
  const url = new URL(request.url);
  const quarter = startedQuarter(parseQuarter(url.searchParams.get("quarter")));
  if (!quarter) throw new Response("Choose a quarter that has started, like 2026-Q2", { status: 400 });
  const department = url.searchParams.get("department") || ALL_DEPARTMENTS;
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
