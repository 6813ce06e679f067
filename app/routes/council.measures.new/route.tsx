import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCouncilAdminOf } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { codeTakenAlongside, createMeasure } from "~/domain/contracts/measures.server.ts";
import { measureSchema } from "~/domain/contracts/schemas.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { libraryOf, MeasureForm } from "./measure-form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { actsForNamed } from "~/ui/acting-for.ts";

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export const meta: MetaFunction = () => [{ title: "Add a measure – Social Value Marketplace" }];

// The council named in the address (the library's "Add a measure" link names it), else the one acted for: an admin
// of two councils adds the measure to the library they came from.
const requireLibraryAdmin = (request: Request) =>
  requireCouncilAdminOf(
    request,
    new URL(request.url).searchParams.get("council"),
    "add or change measures in the measure library",
  );

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireLibraryAdmin(request);
  return json({ council: membership.organisationName, councilId: membership.organisationId });
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, membership } = await requireLibraryAdmin(request);
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
  return redirectWithFlash(libraryOf(membership.organisationId), {
    kind: "success",
    message: `Measure ${submission.value.code} added`,
  });
}

export default function NewMeasure() {
  const { council, councilId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <BackLink to={libraryOf(councilId)}>Measure library</BackLink>
      <PageHeading caption={council}>Add a measure</PageHeading>
      <MeasureForm lastResult={lastResult} submitLabel="Add measure" />
    </>
  );
}
