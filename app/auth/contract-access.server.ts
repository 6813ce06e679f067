// The permission check of the pages that change one contract; who may read which contracts is the domain's
// (~/domain/contracts/access.server.ts).
import { db } from "~/db.server.ts";
import { officerCouncilIds } from "~/domain/contracts/access.server.ts";
import { notFound, requireCouncilOfficer, requireViewer } from "./permissions.server.ts";

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
