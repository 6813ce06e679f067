// Who may change a guidance page: an admin of the page's own council, whichever council they are working for now.
import { requireCouncilAdminOf } from "~/auth/permissions.server.ts";
import { councilOfGuidance } from "./guidance.server.ts";

/** The page's own council, or for a new page (id "new") the council its form was shown for (see requireCouncilOf).
 * A page that is gone falls back to the council being worked for: its own loader or action then answers. */
export async function requireGuidanceAdmin(request: Request, id: string, shownFor?: unknown) {
  const councilId = id === "new" ? shownFor : await councilOfGuidance(id);
  // that council's officers are told they need the administrator role (403), anyone else gets 404
  return requireCouncilAdminOf(request, councilId, "add or change guidance pages");
}
