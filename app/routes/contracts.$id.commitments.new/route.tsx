import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "~/auth/permissions.server.ts";
import { requireContractOfficer } from "~/auth/contract-access.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { addCommitment, getContractForCommitments } from "~/domain/contracts/commitments.server.ts";
import { activeMeasures, measureUnit } from "~/domain/contracts/measures.server.ts";
import { chosenMeasureSchema, commitmentSchemaFor, withCommitmentRules } from "~/domain/contracts/schemas.ts";
import { withCouncil } from "~/ui/charts/record-links.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { CommitmentForm } from "./commitment-form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the contract's council (its loader's councilId), which the page acts for whatever the switcher
// is on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("councilId");

// names the contract, so each contract's page has a title of its own
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Add a commitment${data ? `: ${data.contract.reference} ${data.contract.title}` : ""} – Social Value Marketplace`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await requireContractOfficer(request, params.id!);
  const contract = await getContractForCommitments(membership.organisationId, params.id!);
  if (!contract) notFound();
  const measures = (await activeMeasures(membership.organisationId)).filter(
    (m) => !contract.usedMeasureIds.includes(m.id),
  );
  return json({
    contract: { id: contract.id, reference: contract.reference, title: contract.title },
    // the contract's council, whichever the header switcher is on: its measure library is the one meant
    councilId: membership.organisationId,
    quarters: contract.quarters,
    measures,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership } = await requireContractOfficer(request, params.id!);
  const form = await readForm(request);
  // the target and plan are read in the chosen measure's unit, so it is looked up first
  const chosen = parseForm(form, { schema: chosenMeasureSchema });
  const measureId = chosen.status === "success" ? chosen.value.measureId : undefined;
  const unit = measureId ? await measureUnit(membership.organisationId, measureId) : null;
  const submission = parseForm(form, { schema: withCommitmentRules(commitmentSchemaFor(unit), unit) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await addCommitment(
    { councilId: membership.organisationId, actorUserId: viewer.user.id, ipAddress: clientIp(request) },
    params.id!,
    { ...submission.value, unit },
  );
  if (!result.ok) {
    if ("notFound" in result) notFound();
    return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  }
  return redirectWithFlash(`/contracts/${params.id}`, { kind: "success", message: "Commitment added" });
}

export default function NewCommitment() {
  const { contract, councilId, quarters, measures } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/contracts/${contract.id}`}>Back to the contract</BackLink>
      <PageHeading caption={`${contract.reference}: ${contract.title}`}>
        Add a social value commitment
      </PageHeading>
      {measures.length === 0 ? (
        // a list with nothing to choose from, refused with "Choose a measure", would leave the officer guessing
        <p className="mb-6 max-w-2xl">
          There is no measure left to add a commitment on: this contract already has a commitment on every
          measure in use in your council’s{" "}
          <Link to={withCouncil("/council/measures", councilId)}>measure library</Link>. Change one of its
          commitments instead, or ask a council admin to add a measure.
        </p>
      ) : (
        <CommitmentForm
          lastResult={lastResult}
          quarters={quarters}
          measures={measures}
          submitLabel="Add commitment"
        />
      )}
    </>
  );
}
