import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "~/auth/permissions.server.ts";
import { requireContractOfficer } from "~/auth/contract-access.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import {
  contractFormOptions,
  getContractForEdit,
  updateContract,
} from "~/domain/contracts/contracts.server.ts";
import { contractEditSchema } from "~/domain/contracts/schemas.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { ContractForm } from "./contracts.new/contract-form.tsx";
import { editState, StaleEditNotice, staleEditMessage } from "./contracts.new/stale-edit.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { refusedContractForm } from "./contracts.new/refused.server.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the contract's council (its loader's councilId), which the page acts for whatever the switcher
// is on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("councilId");

// names the contract, so each contract's page has a title of its own
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Change contract details${data ? `: ${data.contract.reference} ${data.contract.title}` : ""} – Social Value Marketplace`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await requireContractOfficer(request, params.id!);
  const contract = await getContractForEdit(membership.organisationId, params.id!);
  if (!contract) notFound();
  return json({
    councilId: membership.organisationId,
    contract,
    ...(await contractFormOptions(membership.organisationId, contract)),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership } = await requireContractOfficer(request, params.id!);
  const formData = await readForm(request);
  const submission = parseForm(formData, { schema: contractEditSchema });
  if (submission.status !== "success")
    return refusedContractForm(membership.organisationId, formData, submission, params.id!);
  const result = await updateContract(
    { councilId: membership.organisationId, actorUserId: viewer.user.id, ipAddress: clientIp(request) },
    params.id!,
    submission.value,
  );
  if (!result.ok) {
    if ("notFound" in result) notFound();
    if ("stale" in result)
      return json(
        { ...submission.reply({ formErrors: [staleEditMessage("contract")] }), stale: result.stale },
        { status: 409 },
      );
    const { form, ...fieldErrors } = result.fieldErrors;
    return json(
      // the contract holding the reference sent, linked to next to the field
      { ...submission.reply({ formErrors: form, fieldErrors }), takenBy: result.takenBy ?? null },
      { status: 400 },
    );
  }
  return redirectWithFlash(`/contracts/${result.id}`, { kind: "success", message: "Contract details saved" });
}

export default function EditContract() {
  const { contract, suppliers, managers } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { stale, version } = editState(lastResult, contract.version);
  return (
    <>
      <BackLink to={`/contracts/${contract.id}`}>Back to the contract</BackLink>
      <PageHeading caption={contract.reference}>Change contract details</PageHeading>
      {stale ? <StaleEditNotice stale={stale} what="contract" /> : null}
      <ContractForm
        version={version}
        lastResult={lastResult}
        defaultValue={contract}
        suppliers={suppliers}
        supplierHint={
          contract.supplierFixed
            ? `This contract already has returns or marketplace pledges from ${contract.supplierName}, so its supplier cannot change. If the contract has passed to a new supplier (novation), register a new contract for the new supplier.`
            : undefined
        }
        managers={managers}
        submitLabel="Save changes"
      />
    </>
  );
}
