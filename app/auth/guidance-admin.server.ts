// Who may change a guidance page: an admin of the page's own council, whichever council they are working for now.
import { councilOfGuidance } from "~/domain/content/guidance.server.ts";
import { requireCouncilAdminOf } from "./permissions.server.ts";

/** The page's own council, or for a new page (id "new") the council its form was shown for (see requireCouncilOf).
 * A deleted page's council is the one its deletion entry names (councilOfGuidance), so its admins reach the page's
 * address and are told it was deleted (answerGuidanceGone); an id no page ever had falls back to the council being
 * worked for, whose loader or action then finds nothing there and answers 404. */
export async function requireGuidanceAdmin(request: Request, id: string, shownFor?: unknown) {
  const councilId = id === "new" ? shownFor : await councilOfGuidance(id);
  // that council's officers are told they need the administrator role (403), anyone else gets 404
  return requireCouncilAdminOf(request, councilId, "add or change guidance pages");
}
