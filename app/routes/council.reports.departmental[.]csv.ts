import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { downloadRefusedToPage } from "~/auth/download-refusal.server.ts";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { csvResponse } from "~/server/csv-response.server.ts";
import {
  namedTwice,
  reportDepartment,
  parseQuarter,
  REPORT_CSV_COLUMNS,
  reportCsvRows,
  reportFileName,
  sharedDepartmentalReport,
  sharedReportChoices,
  startedQuarter,
} from "~/domain/reporting/departmental-report.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // the council whose report page gave the link, not one switched to since in another window (officers of it
  // only); a link without one is for the council being worked for. Refused, a person is shown the report
  // page's own refusal for the same council.
  const council = url.searchParams.get("council");
  const reportPage = council ? `/council/reports?${new URLSearchParams({ council })}` : "/council/reports";
  const { membership } = await downloadRefusedToPage(request, reportPage, () =>
    requireCouncilOf(request, council),
  );
  const quarterSent = url.searchParams.getAll("quarter");
  const departmentSent = url.searchParams.getAll("department");
  const quarterParam = quarterSent[0] ?? null;
  // a choice the file cannot be made for (an edited or old link) goes back to the report page with the same
  // choices, which says what is wrong beside the box to change, rather than a bare line of text in place of the
  // file; an absent quarter is sent as a blank one, so the page asks for it rather than showing another quarter
  const backToReport = () => {
    // (each value sent, so a choice named twice is said to be there too)
    const back = new URLSearchParams();
    for (const quarter of quarterSent.length ? quarterSent : [""]) back.append("quarter", quarter);
    for (const department of departmentSent) back.append("department", department);
    // and for the council the link named: without it, an officer working for several councils landed on the
    // report of the council they work for first
    if (url.searchParams.get("council")) back.set("council", membership.organisationId);
    return redirect(`/council/reports?${back.toString()}`, 303);
  };
  if (namedTwice(quarterSent) || namedTwice(departmentSent)) return backToReport();
  const quarter = startedQuarter(parseQuarter(quarterParam));
  if (!quarter) return backToReport();
  // as the page refuses it: an empty file would pass for a department with nothing to report
  const { departments } = await sharedReportChoices(membership.organisationId);
  const department = reportDepartment(departmentSent[0] ?? null, departments);
  if (department === null) return backToReport();
  const report = await sharedDepartmentalReport(membership.organisationId, quarter, department);
  return csvResponse(
    reportFileName(quarter, department),
    REPORT_CSV_COLUMNS,
    reportCsvRows(report),
    (row) => row,
  );
}
