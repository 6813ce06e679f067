// Who may see which contracts: officers of the contract's council and the supplier holding it. VCSEs none.
import { notFound, requireCouncilOfficer, requireViewer, type Viewer } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
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

/**
 * For pages that change one contract: the viewer must be an officer of THAT contract's council, whichever
 * council they are currently acting for (an officer of two councils follows a link from either). 404 otherwise.
 */
export async function requireContractOfficer(request: Request, contractId: string) {
  const viewer = await requireViewer(request);
  const contract = await db.contract.findFirst({
    where: { id: contractId, councilId: { in: officerCouncilIds(viewer) } },
    select: { councilId: true },
  });
  if (!contract) notFound();
  return requireCouncilOfficer(request, contract.councilId);
}
