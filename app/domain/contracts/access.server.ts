// Who may see which contracts: officers of the contract's council and the supplier holding it. VCSEs none.
import type { Viewer } from "~/auth/permissions.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";

export function officerCouncilIds(viewer: Viewer) {
  return viewer.memberships
    .filter((m) => m.kind === "COUNCIL" && (m.role === "ADMIN" || m.role === "OFFICER"))
    .map((m) => m.organisationId);
}

export function supplierIds(viewer: Viewer) {
  return viewer.memberships.filter((m) => m.kind === "SUPPLIER").map((m) => m.organisationId);
}

/** The filter that keeps a query to contracts the viewer may read. */
export function readableContracts(viewer: Viewer): Prisma.ContractWhereInput {
  return {
    OR: [
      { councilId: { in: officerCouncilIds(viewer) } },
      { supplierOrganisationId: { in: supplierIds(viewer) } },
    ],
  };
}
