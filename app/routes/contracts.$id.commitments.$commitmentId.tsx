import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound } from "~/auth/permissions.server.ts";
import { requireContractOfficer } from "~/auth/contract-access.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import {
  commitmentUnit,
  getCommitmentForEdit,
  getContractForCommitments,
  updateCommitment,
} from "~/domain/contracts/commitments.server.ts";
import { commitmentEditSchemaFor, withCommitmentRules } from "~/domain/contracts/schemas.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { BackLink, ConfirmFirstLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { AlreadyRemoved } from "./contracts.$id.commitments.new/already-removed.tsx";
import { alreadyRemoved } from "./contracts.$id.commitments.new/already-removed.server.ts";
import { CommitmentForm } from "./contracts.$id.commitments.new/commitment-form.tsx";
import { editState, StaleEditNotice, staleEditMessage } from "./contracts.new/stale-edit.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the contract's council (its loader's councilId), which the page acts for whatever the switcher
// is on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("councilId");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title:
      data && "removed" in data
        ? "Commitment already removed – Social Value Marketplace"
        : "Change a commitment – Social Value Marketplace",
  },
];

// This form only saves. Removing has a page of its own that asks first: "remove" sent here (a page from before
// that page, or a crafted post) is refused, and nothing is saved or removed.
// The figures are read in the commitment's measure's unit: "£" only for pounds, "%" only for a percentage.
const saveSchema = (unit: MeasureUnit | null) =>
  withCommitmentRules(commitmentEditSchemaFor(unit), unit)
    .safeExtend({ intent: z.string().catch("") })
    .refine((value) => value.intent === "save", {
      path: [],
      message:
        "Nothing was changed. This form only saves a commitment: to remove it, use the “Remove this commitment” link below, which asks you first.",
      when: () => true,
    });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await requireContractOfficer(request, params.id!);
  const [contract, commitment] = await Promise.all([
    getContractForCommitments(membership.organisationId, params.id!),
    getCommitmentForEdit(membership.organisationId, params.id!, params.commitmentId!),
  ]);
  if (!contract) notFound();
  if (!commitment) return alreadyRemoved(membership.organisationId, contract, params.commitmentId!);
  return json({
    councilId: membership.organisationId,
    contract: { id: contract.id, reference: contract.reference, title: contract.title },
    quarters: contract.quarters,
    commitment,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership } = await requireContractOfficer(request, params.id!);
  const unit = await commitmentUnit(membership.organisationId, params.id!, params.commitmentId!);
  if (!unit) {
    const contract = await getContractForCommitments(membership.organisationId, params.id!);
    if (!contract) notFound();
    return alreadyRemoved(membership.organisationId, contract, params.commitmentId!);
  }
  const submission = parseForm(await readForm(request), { schema: saveSchema(unit), hidden: ["measureId"] });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const actor = {
    councilId: membership.organisationId,
    actorUserId: viewer.user.id,
    ipAddress: clientIp(request),
  };
  const result = await updateCommitment(actor, params.id!, params.commitmentId!, submission.value);
  if (!result.ok) {
    if ("notFound" in result) {
      // removed by a colleague while this form was filled in
      const contract = await getContractForCommitments(membership.organisationId, params.id!);
      if (!contract) notFound();
      return alreadyRemoved(membership.organisationId, contract, params.commitmentId!);
    }
    if ("stale" in result)
      return json(
        {
          ...submission.reply({ formErrors: [staleEditMessage("commitment")] }),
          stale: result.stale,
        },
        { status: 409 },
      );
    const { form, ...fieldErrors } = result.fieldErrors;
    return json(submission.reply({ formErrors: form, fieldErrors }), { status: 400 });
  }
  return redirectWithFlash(`/contracts/${params.id}`, {
    kind: "success",
    message: "Commitment saved",
  });
}

export default function EditCommitment() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  if ("removed" in data) return <AlreadyRemoved contract={data.contract} measure={data.removed.measure} />;
  if (reply && "removed" in reply)
    return <AlreadyRemoved contract={reply.contract} measure={reply.removed.measure} />;
  return <EditForm data={data} lastResult={reply} />;
}

function EditForm({
  data: { contract, quarters, commitment },
  lastResult,
}: {
  data: Exclude<ReturnType<typeof useLoaderData<typeof loader>>, { removed: unknown }>;
  lastResult: Exclude<ReturnType<typeof useActionData<typeof action>>, { removed: unknown }>;
}) {
  const { stale, version } = editState(lastResult, commitment.version);
  return (
    <>
      <BackLink to={`/contracts/${contract.id}`}>Back to the contract</BackLink>
      <PageHeading caption={`${contract.reference}: ${contract.title}`}>Change a commitment</PageHeading>
      {stale ? <StaleEditNotice stale={stale} what="commitment" unit={commitment.measure.unit} /> : null}
      <CommitmentForm
        version={version}
        lastResult={lastResult}
        quarters={quarters}
        fixedMeasure={{ id: commitment.measureId, ...commitment.measure }}
        defaultValue={commitment}
        submitLabel="Save commitment"
      >
        {commitment.hasDelivery ? (
          <p className="mt-6 text-muted">
            Delivery has been recorded against this commitment, so it cannot be removed.
          </p>
        ) : (
          // a page of its own asks first, saying what removing does: one click here lost the commitment and its plan
          <ConfirmFirstLink
            to={`/contracts/${contract.id}/commitments/${encodeURIComponent(commitment.id)}/remove`}
            hintId="remove-hint"
          >
            Remove this commitment
          </ConfirmFirstLink>
        )}
      </CommitmentForm>
    </>
  );
}
