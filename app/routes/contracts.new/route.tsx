import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { contractFormOptions, createContract } from "~/domain/contracts/contracts.server.ts";
import { contractSchema } from "~/domain/contracts/schemas.ts";
import { keepCouncil, withCouncil } from "~/ui/charts/record-links.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { ContractForm } from "./contract-form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { refusedContractForm } from "./refused.server.ts";
import { actsForNamed } from "~/ui/acting-for.ts";

export const meta: MetaFunction = () => [{ title: "Register a contract – Social Value Marketplace" }];

// The council the address names (the list's "Register a contract" link names the council the list was opened for),
// else the header switcher's: its officers only, 404 to anyone else. The form is posted to the page's own address,
// so the contract is registered for the council the page was shown for.
const requireRegisteringOfficer = (request: Request) =>
  requireCouncilOf(request, new URL(request.url).searchParams.get("council"));

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireRegisteringOfficer(request);
  return json({
    council: membership.organisationName,
    // the back link names this council, as the council's links to the list do (decision 027)
    councilId: membership.organisationId,
    ...(await contractFormOptions(membership.organisationId)),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, membership } = await requireRegisteringOfficer(request);
  const formData = await readForm(request);
  const submission = parseForm(formData, { schema: contractSchema });
  if (submission.status !== "success")
    return refusedContractForm(membership.organisationId, formData, submission);
  const result = await createContract(
    { councilId: membership.organisationId, actorUserId: viewer.user.id, ipAddress: clientIp(request) },
    submission.value,
  );
  if (!result.ok)
    return json(
      {
        ...submission.reply({ fieldErrors: "fieldErrors" in result ? result.fieldErrors : {} }),
        // the contract holding the reference sent, linked to next to the field
        takenBy: ("takenBy" in result && result.takenBy) || null,
      },
      { status: 400 },
    );
  // the new contract's page keeps the council the address named, as the page's own links do (decision 027)
  const named = Boolean(new URL(request.url).searchParams.get("council"));
  return redirectWithFlash(keepCouncil(`/contracts/${result.id}`, membership.organisationId, named), {
    kind: "success",
    message: "Contract registered. Now add its social value commitments.",
  });
}

export default function NewContract() {
  const { council, councilId, suppliers, managers } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <BackLink to={withCouncil("/contracts", councilId)}>All contracts</BackLink>
      <PageHeading caption={council}>Register a contract</PageHeading>
      <ContractForm
        lastResult={lastResult}
        suppliers={suppliers}
        managers={managers}
        submitLabel="Register contract"
      />
    </>
  );
}
