import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getViewer } from "~/auth/permissions.server.ts";
import { requestContext, safeRedirect } from "~/auth/request-context.server.ts";
import { clearSessionCookie, invalidateSession } from "~/auth/session.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";

// Where to go once signed out (an invitation for another address, to sign in as that one): never an error
const schema = z.object({ redirectTo: z.string().max(2000).optional().catch(undefined) });

// Signing out never fails on what was posted: a form that cannot be read goes to the home page.
async function destination(request: Request) {
  try {
    const submission = parseForm(await readForm(request), { schema });
    return submission.status === "success" ? submission.value.redirectTo : undefined;
  } catch (error) {
    if (error instanceof Response) return undefined;
    throw error;
  }
}

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await getViewer(request);
  const redirectTo = await destination(request);
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
    safeRedirect(redirectTo, "/"),
    { kind: "info", message: "You have signed out" },
    { headers: { "Set-Cookie": clearSessionCookie() } },
  );
}
