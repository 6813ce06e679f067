import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCouncilAdmin } from "~/auth/permissions.server.ts";
import { clientIp } from "~/domain/audit/audit.server.ts";
import { codeTakenAlongside, createMeasure } from "~/domain/contracts/measures.server.ts";
import { measureSchema } from "~/domain/contracts/schemas.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { MeasureForm } from "./measure-form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Add a measure – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireCouncilAdmin(request);
  return json({ council: membership.organisationName });
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, membership } = await requireCouncilAdmin(request);
  const formData = await readForm(request);
  const submission = parseForm(formData, { schema: measureSchema });
  if (submission.status !== "success") {
    // a code already in use is told with the other problems, not once they are put right
    const taken = submission.error?.code?.length
      ? null
      : await codeTakenAlongside(membership.organisationId, formData.get("code"));
    return json(submission.reply(taken ? { fieldErrors: taken } : {}), { status: 400 });
  }
  const result = await createMeasure(
    { councilId: membership.organisationId, actorUserId: viewer.user.id, ipAddress: clientIp(request) },
    submission.value,
  );
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash("/council/measures", {
    kind: "success",
    message: `Measure ${submission.value.code} added`,
  });
}

export default function NewMeasure() {
  const { council } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/council/measures">Measure library</BackLink>
      <PageHeading caption={council}>Add a measure</PageHeading>
      <MeasureForm lastResult={lastResult} submitLabel="Add measure" />
    </>
  );
}
