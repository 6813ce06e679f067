import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { z } from "zod";
import { intentOf } from "~/domain/form-intent.ts";
import { notFound, requireCouncilAdminOf } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import {
  codeTakenAlongside,
  councilOfMeasure,
  getMeasure,
  setMeasureRetired,
  updateMeasure,
} from "~/domain/contracts/measures.server.ts";
import { measureEditSchema } from "~/domain/contracts/schemas.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button } from "~/ui/form.tsx";
import { formatDate } from "~/ui/format.ts";
import { editState, StaleEditNotice, staleEditMessage } from "./contracts.new/stale-edit.tsx";
import { libraryOf, MeasureForm } from "./council.measures.new/measure-form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the measure's council (its loader's councilId), which the page acts for whatever the switcher is
// on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("councilId");

// names the measure, so each measure's page has a title of its own
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Change a measure${data ? `: ${data.measure.code} ${data.measure.name}` : ""} – Social Value Marketplace`,
  },
];

const intentSchema = z.object({ intent: intentOf(["save", "retire", "reinstate"]).default("save") });

// The measure's own council, whichever council its admin is working for at the moment.
const requireMeasureAdmin = async (request: Request, id: string) =>
  requireCouncilAdminOf(request, await councilOfMeasure(id), "add or change measures in the measure library");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await requireMeasureAdmin(request, params.id!);
  const measure = await getMeasure(membership.organisationId, params.id!);
  if (!measure) notFound();
  return json({ measure, councilName: membership.organisationName, councilId: membership.organisationId });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership } = await requireMeasureAdmin(request, params.id!);
  const formData = await readForm(request);
  const chosen = parseForm(formData, { schema: intentSchema });
  if (chosen.status !== "success") return json(chosen.reply(), { status: 400 });
  const actor = {
    councilId: membership.organisationId,
    actorUserId: viewer.user.id,
    ipAddress: clientIp(request),
  };
  if (chosen.value.intent !== "save") {
    const retire = chosen.value.intent === "retire";
    const changed = await setMeasureRetired(actor, params.id!, retire);
    if (!changed && !(await getMeasure(membership.organisationId, params.id!))) notFound();
    return redirectWithFlash(libraryOf(membership.organisationId), {
      kind: "success",
      message: retire
        ? "Measure retired: it is no longer offered for new commitments"
        : "Measure back in use",
    });
  }
  // the unit of a measure in use is a hidden input, shown as text (measure-form.tsx): sent twice differently, the
  // form is refused as a whole rather than on a menu the page does not have
  const submission = parseForm(formData, { schema: measureEditSchema, hidden: ["unit"] });
  if (submission.status !== "success") {
    // a code already in use is told with the other problems, not once they are put right
    const taken = submission.error?.code?.length
      ? null
      : await codeTakenAlongside(membership.organisationId, formData.get("code"), params.id!);
    return json(submission.reply(taken ? { fieldErrors: taken } : {}), { status: 400 });
  }
  const result = await updateMeasure(actor, params.id!, submission.value);
  if (!result.ok) {
    if ("notFound" in result) notFound();
    if ("stale" in result)
      return json(
        { ...submission.reply({ formErrors: [staleEditMessage("measure")] }), stale: result.stale },
        { status: 409 },
      );
    return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  }
  return redirectWithFlash(libraryOf(membership.organisationId), {
    kind: "success",
    message: "Measure saved",
  });
}

export default function EditMeasure() {
  const { measure, councilName, councilId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { stale, version } = editState(lastResult, measure.version);
  return (
    <>
      <BackLink to={libraryOf(councilId)}>Measure library</BackLink>
      <PageHeading caption={`${councilName}: ${measure.code}`}>Change a measure</PageHeading>
      {stale ? <StaleEditNotice stale={stale} what="measure" /> : null}
      <MeasureForm
        version={version}
        lastResult={lastResult}
        submitLabel="Save measure"
        commitmentCount={measure.commitmentCount}
        defaultValue={{
          ...measure,
          helpText: measure.helpText ?? "",
          frameworkMapping: measure.frameworkMapping ?? "",
          proxyValueGbp: measure.proxyValueGbp ?? "",
        }}
      />
      <h2 className="mt-10 mb-4 text-2xl font-bold">
        {measure.retiredAt ? "Retired measure" : "Retire this measure"}
      </h2>
      <Form method="post" className="max-w-2xl">
        {measure.retiredAt ? (
          <>
            <p className="mb-4">
              Retired on {formatDate(measure.retiredAt)}. Existing commitments keep it; it is not offered for
              new ones.
            </p>
            <Button name="intent" value="reinstate" variant="secondary">
              Put this measure back in use
            </Button>
          </>
        ) : (
          <>
            <p className="mb-4">
              A retired measure stays on the commitments that already use it, with their history, but is not
              offered for new commitments.
            </p>
            <Button name="intent" value="retire" variant="warning">
              Retire this measure
            </Button>
          </>
        )}
      </Form>
    </>
  );
}
