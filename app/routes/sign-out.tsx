import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getViewer } from "~/auth/permissions.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import { clearSessionCookie, invalidateSession } from "~/auth/session.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { redirectWithFlash } from "~/ui/flash.server.ts";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer) {
    await invalidateSession(viewer.sessionId);
    await writeAudit({
      actorUserId: viewer.user.id,
      actorOrganisationId: null,
      action: "auth.sign_out",
      entityType: "User",
      entityId: viewer.user.id,
      ipAddress: requestContext(request).ip,
    });
  }
  return redirectWithFlash(
    "/",
    { kind: "info", message: "You have signed out" },
    { headers: { "Set-Cookie": clearSessionCookie() } },
  );
}
