// Which marketplace role the viewer holds for a request or pledge. Roles come from memberships, never from input.
import type { Viewer } from "~/auth/permissions.server.ts";
import type { PledgeRole } from "./pledge-lifecycle.ts";
import type { RequestRole } from "./request-lifecycle.ts";

export function requestRolesOf(viewer: Viewer, request: { organisationId: string; councilId: string }) {
  const roles: RequestRole[] = [];
  if (viewer.memberships.some((m) => m.organisationId === request.organisationId)) roles.push("REQUESTOR");
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

export function pledgeRolesOf(
  viewer: Viewer,
  pledge: { supplierOrganisationId: string; request: { organisationId: string } },
) {
  const roles: PledgeRole[] = [];
  if (viewer.memberships.some((m) => m.organisationId === pledge.supplierOrganisationId))
    roles.push("SUPPLIER");
  if (viewer.memberships.some((m) => m.organisationId === pledge.request.organisationId))
    roles.push("REQUESTOR");
  return roles;
}

// The viewer's memberships that may post and manage requests. A request is managed and edited by the members of
// the organisation that posted it, whichever of their organisations they are acting for at the moment.
export function requestorMemberships(viewer: Viewer) {
  return viewer.memberships.filter((m) => m.kind === "VCSE" || m.kind === "COUNCIL");
}

export type Actor = { userId: string; ipAddress?: string | null };
