// The contract forms' answer (registering one, changing one) to a form with problems of its own: those, with the ones
// only the council's records can tell (a reference another contract uses, dates that strand commitments' plans),
// rather than those in a second round once the first are put right.
import { json } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { contractProblemsAlongside } from "~/domain/contracts/contracts.server.ts";

type Refused = {
  error?: Record<string, string[] | null> | null;
  reply: (options?: { fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]>;
};

/** `contractId`: the contract being changed, whose own reference is not a clash and whose plans its dates must keep. */
export async function refusedContractForm(
  councilId: string,
  formData: FormData,
  submission: Refused,
  contractId?: string,
) {
  const alongside = await contractProblemsAlongside(
    councilId,
    {
      reference: formData.get("reference"),
      startDate: formData.get("startDate"),
      endDate: formData.get("endDate"),
    },
    (field) => Boolean(submission.error?.[field]?.length),
    contractId,
  );
  return json(
    {
      ...submission.reply(alongside ? { fieldErrors: alongside.fieldErrors } : {}),
      // the contract holding the reference sent, linked to next to the field
      takenBy: alongside?.takenBy ?? null,
    },
    { status: 400 },
  );
}
