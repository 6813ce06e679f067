// Who may change a guidance page: an admin of the page's own council, whichever council they are working for now.
import { json } from "@remix-run/node";
import { notFound, requireCouncilAdminOf } from "~/auth/permissions.server.ts";
import { keepCouncil } from "~/ui/charts/record-links.ts";
import type { GoneGuidance } from "~/ui/guidance-deleted.tsx";
import { councilOfGuidance, guidanceDeletion } from "./guidance.server.ts";

/** The page's own council, or for a new page (id "new") the council its form was shown for (see requireCouncilOf).
 * A deleted page's council is the one its deletion entry names (councilOfGuidance), so its admins reach the page's
 * address and are told it was deleted (answerGuidanceGone); an id no page ever had falls back to the council being
 * worked for, whose loader or action then finds nothing there and answers 404. */
export async function requireGuidanceAdmin(request: Request, id: string, shownFor?: unknown) {
  const councilId = id === "new" ? shownFor : await councilOfGuidance(id);
  // that council's officers are told they need the administrator role (403), anyone else gets 404
  return requireCouncilAdminOf(request, councilId, "add or change guidance pages");
}

/** A page of this council deleted since, its edit or delete page opened again (Back after deleting it, a bookmark, a
 * colleague's link, a "Yes, delete" sent after a colleague's): said to be deleted (410 Gone), by whom and when, not
 * "Page not found". One never here, or another council's, is not found. `named`: the links back name the council. */
export async function answerGuidanceGone(args: {
  councilId: string;
  councilName: string;
  named: boolean;
  id: string;
  viewerId: string;
}): Promise<never> {
  const deletion = await guidanceDeletion(args.councilId, args.id);
  if (!deletion) notFound();
  throw json<GoneGuidance>(
    {
      councilName: args.councilName,
      list: keepCouncil("/council/guidance", args.councilId, args.named),
      gone: {
        at: deletion.deletedAt,
        by: deletion.by,
        byYou: deletion.actorUserId === args.viewerId,
        title: deletion.title,
      },
    },
    { status: 410 },
  );
}
