// The answer of a commitment's edit and removal pages (loader or action) once the commitment is gone: 410 Gone with
// what AlreadyRemoved shows, as both pages say it. One that never was is not found.
import { json } from "@remix-run/node";
import { notFound } from "~/auth/permissions.server.ts";
import { removedCommitment } from "~/domain/contracts/commitments.server.ts";

export async function alreadyRemoved(
  councilId: string,
  contract: { id: string; reference: string; title: string },
  commitmentId: string,
) {
  const removed = await removedCommitment(councilId, contract.id, commitmentId);
  if (!removed) notFound();
  return json(
    {
      councilId,
      contract: { id: contract.id, reference: contract.reference, title: contract.title },
      removed,
    },
    { status: 410 },
  );
}
