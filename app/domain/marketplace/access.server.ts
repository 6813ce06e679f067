// Which marketplace role the viewer holds for a request or pledge. Roles come from memberships, never from input.
import type { Viewer } from "~/auth/permissions.server.ts";
import type { PledgeRole } from "./pledge-lifecycle.ts";
import type { RequestRole } from "./request-lifecycle.ts";

// The viewer's own organisations, without the partner councils a partnership-wide membership lets them work for
// as an officer (decision 011): a request and its pledges belong to the organisation that posted them, so only
// that organisation's own members act for it as the requestor, never a partner council's shared staff.
export function ownMemberships(viewer: Viewer) {
  return viewer.memberships.filter((m) => m.viaCouncil === null);
}

// The councils whose requests' pledges the viewer may read, for oversight: those they are an officer of as its own
// member. A partner council's shared staff (decision 011) moderate its requests, but its pledges are not theirs.
// A pledge's page opens for these (getPledgePage) and a request's page lists its pledges for these, so the list
// never links to a pledge page that answers 404.
export function pledgeOversightCouncilIds(viewer: Viewer) {
  return ownMemberships(viewer)
    .filter((m) => m.kind === "COUNCIL")
    .map((m) => m.organisationId);
}

export function requestRolesOf(viewer: Viewer, request: { organisationId: string; councilId: string }) {
  const roles: RequestRole[] = [];
  if (ownMemberships(viewer).some((m) => m.organisationId === request.organisationId))
    roles.push("REQUESTOR");
  if (
    viewer.memberships.some(
      (m) =>
        m.kind === "COUNCIL" &&
        m.organisationId === request.councilId &&
        ["ADMIN", "OFFICER"].includes(m.role),
    )
  )
    roles.push("OFFICER");
  return roles;
}

// One side of a pledge per person: nobody may both report a delivery and confirm it. A member of the requesting
// organisation acts for it only, even on a colleague's pledge from a supplier they also belong to: the request is
// their organisation's, they cannot pledge to it either (claimShare), and the supplier's side is left to its
// members outside the requesting organisation. Sides are not chosen by the organisation switcher: someone could
// report a delivery for the supplier, switch, and confirm it for the requestor.
export function pledgeRolesOf(
  viewer: Viewer,
  pledge: { supplierOrganisationId: string; request: { organisationId: string } },
): PledgeRole[] {
  const own = ownMemberships(viewer);
  if (own.some((m) => m.organisationId === pledge.request.organisationId)) return ["REQUESTOR"];
  if (own.some((m) => m.organisationId === pledge.supplierOrganisationId)) return ["SUPPLIER"];
  return [];
}

// The viewer's memberships that may post and manage requests. A request is managed and edited by the members of
// the organisation that posted it, whichever of their organisations they are acting for at the moment.
export function requestorMemberships(viewer: Viewer) {
  return ownMemberships(viewer).filter((m) => m.kind === "VCSE" || m.kind === "COUNCIL");
}

export type Actor = { userId: string; ipAddress?: string | null };
