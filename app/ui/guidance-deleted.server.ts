// The answer that shows a deleted guidance page's edit or delete page as GuidanceGone (./guidance-deleted.tsx).
import { json } from "@remix-run/node";
import { notFound } from "~/auth/permissions.server.ts";
import { guidanceDeletion } from "~/domain/content/guidance.server.ts";
import { keepCouncil } from "./charts/record-links.ts";
import type { GoneGuidance } from "./guidance-deleted.tsx";

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
