import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIp } from "~/domain/audit/audit.server.ts";
import { requireSurveyCycle } from "~/domain/survey/access.server.ts";
import { aggregateCsv } from "~/domain/survey/report.server.ts";

// The report's suppressed aggregate as CSV (the export is audited like a read).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, cycle } = await requireSurveyCycle(request, params.cycleId!);
  return aggregateCsv(
    { userId: viewer.user.id, councilId: cycle.councilId, ipAddress: clientIp(request) },
    cycle,
  );
}
