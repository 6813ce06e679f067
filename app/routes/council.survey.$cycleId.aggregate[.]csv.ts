import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadRefusedToPage } from "~/auth/download-refusal.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { requireSurveyCycleDownload } from "~/auth/survey-access.server.ts";
import { aggregateCsv } from "~/domain/survey/report.server.ts";
import { csvTableResponse } from "~/server/csv-response.server.ts";

// The report's suppressed aggregate as CSV (the export is audited like a read), once the cycle has closed.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, cycle } = await downloadRefusedToPage(
    request,
    `/council/survey/${encodeURIComponent(params.cycleId!)}/report`,
    () => requireSurveyCycleDownload(request, params.cycleId!),
  );
  const csv = await aggregateCsv(
    { userId: viewer.user.id, councilId: cycle.councilId, ipAddress: clientIp(request) },
    cycle,
  );
  if (!csv)
    return new Response(
      "The report is available once the survey closes, so that no one business's answers can be worked out from changes.",
      { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } },
    );
  return csvTableResponse(csv);
}
