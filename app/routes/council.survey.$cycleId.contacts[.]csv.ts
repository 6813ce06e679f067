import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadRefusedToPage } from "~/auth/download-refusal.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { requireSurveyCycleDownload } from "~/auth/survey-access.server.ts";
import { contactsCsv } from "~/domain/survey/report.server.ts";
import { csvTableResponse } from "~/server/csv-response.server.ts";

// Businesses that agreed to be contacted, for targeted engagement: name, contact and barriers only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, cycle } = await downloadRefusedToPage(
    request,
    `/council/survey/${encodeURIComponent(params.cycleId!)}/report`,
    () => requireSurveyCycleDownload(request, params.cycleId!),
  );
  const csv = await contactsCsv(
    { userId: viewer.user.id, councilId: cycle.councilId, ipAddress: clientIp(request) },
    cycle,
  );
  return csvTableResponse(csv);
}
