// Who may change a guidance page: an admin of the page's own council, whichever council they are working for now.
import { requireCouncilAdmin, requireCouncilOf } from "~/auth/permissions.server.ts";
import { councilOfGuidance } from "./guidance.server.ts";

/** The page's own council, or for a new page (id "new") the council its form was shown for (see requireCouncilOf).
 * A page that is gone falls back to the council being worked for: its own loader or action then answers. */
export async function requireGuidanceAdmin(request: Request, id: string, shownFor?: unknown) {
  await requireCouncilAdmin(request);
  const councilId = id === "new" ? shownFor : await councilOfGuidance(id);
  return requireCouncilOf(request, councilId, requireCouncilAdmin);
}
