// Who may open a pledge's pages: the supplier that pledged and the requestor it pledged to, who act on it, and the
// officers of the request's council, who read it (pledgeOversightCouncilIds, as the request's page lists its
// pledges) with no side to act for. Anyone else gets 404.
import { getPledgePage } from "~/domain/marketplace/queries.server.ts";
import {
  ownMemberships,
  pledgeOversightCouncilIds,
  pledgeRolesOf,
} from "~/domain/marketplace/access.server.ts";
import { notFound, requireViewer } from "./permissions.server.ts";

export async function requirePledge(request: Request, id: string) {
  const viewer = await requireViewer(request);
  const pledge = await getPledgePage(
    id,
    ownMemberships(viewer).map((m) => m.organisationId),
    pledgeOversightCouncilIds(viewer),
  );
  if (!pledge) notFound();
  return { viewer, pledge, roles: pledgeRolesOf(viewer, pledge) };
}
