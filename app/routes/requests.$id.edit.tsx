import { parseForm } from "~/server/parse-form.server.ts";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireViewer } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { requestorMemberships } from "~/domain/marketplace/access.server.ts";
import { getEditableRequest } from "~/domain/marketplace/queries.server.ts";
import { EDITABLE_STATUSES } from "~/domain/marketplace/request-lifecycle.ts";
import { notEditableMessage } from "~/domain/marketplace/request-correction.ts";
import { requestFormOptions, retiredChoices, updateRequest } from "~/domain/marketplace/requests.server.ts";
import type { RequestStaleEdit } from "~/domain/marketplace/request-stale-edit.server.ts";
import { futureDayRange, requestFormSchemaFor } from "~/domain/marketplace/schemas.ts";
import { BackLink, InsetText, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { isoDate } from "~/ui/format.ts";
import { editState, StaleEditNotice } from "~/ui/stale-edit.tsx";
import { RequestForm } from "./requests.new/request-form.tsx";
import { readForm } from "~/server/read-form.server.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the group that posted the request (its loader's actingFor), which the page acts for whatever the
// switcher is on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("actingFor");

// names the request, so each request's page has a title of its own
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Edit request${data?.defaults.title ? `: ${data.defaults.title}` : ""} – Social Value Marketplace`,
  },
];

// Members of the organisation that posted the request, as on the manage page (not only while acting for it);
// everyone else gets 404.
async function requireEditable(request: Request, id: string) {
  const viewer = await requireViewer(request);
  const requestors = requestorMemberships(viewer);
  const need = await getEditableRequest(
    id,
    requestors.map((m) => m.organisationId),
  );
  if (!need) notFound();
  const membership = requestors.find((m) => m.organisationId === need.organisationId)!;
  return { viewer, membership, need };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { need, membership } = await requireEditable(request, params.id!);
  if (!EDITABLE_STATUSES.includes(need.status))
    return redirectWithFlash(`/requests/${need.id}/manage`, {
      kind: "info",
      message: notEditableMessage(need.status),
    });
  const councils = await requestFormOptions();
  const defaults: Record<string, string | undefined> = {
    title: need.title,
    description: need.description,
    councilId: need.councilId,
    categoryId: need.categoryId,
    helpType: need.helpType,
    quantity: String(need.quantity),
    unitLabel: need.unitLabel ?? undefined,
    districtId: need.districtId ?? undefined,
    postcodeArea: need.postcodeArea ?? undefined,
    isRemote: need.isRemote ? "on" : undefined,
    neededBy: isoDate(need.neededBy),
    beneficiaries: need.beneficiaries ?? undefined,
    beneficiaryCount: need.beneficiaryCount == null ? undefined : String(need.beneficiaryCount),
    contactPreference: need.contactPreference ?? undefined,
  };
  return json({
    actingFor: membership.organisationId,
    id: need.id,
    // the version the form is read from: a colleague's save since is not overwritten unseen
    version: need.updatedAt.toISOString(),
    status: need.status,
    comment: need.moderationComment,
    councils,
    defaults,
    alsoFor: need.alsoFor.map((a) => a.councilId),
    retired: retiredChoices(need),
    organisationStatus: membership.status,
    // the days the needed-by date may be, as the page is shown: the box's min, max and example
    neededByDays: futureDayRange(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership, need } = await requireEditable(request, params.id!);
  const form = await readForm(request);
  // a category or district listed under another council than the one chosen is told with the other errors
  const choices = await requestFormOptions();
  const submission = parseForm(form, { schema: requestFormSchemaFor(form.get("helpType"), choices) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await updateRequest({
    requestId: need.id,
    organisationId: membership.organisationId,
    organisationVerified: membership.status === "VERIFIED",
    form: submission.value,
    actor: { userId: viewer.user.id, ipAddress: clientIp(request) },
  });
  if (!result.ok) {
    const reply = submission.reply({
      fieldErrors: result.fieldErrors,
      formErrors: result.formError ? [result.formError] : undefined,
    });
    // refused as a colleague saved first: the form goes on from what is saved now (editState)
    return json(result.stale ? { ...reply, stale: result.stale } : reply, { status: 400 });
  }
  return redirectWithFlash(`/requests/${need.id}/manage`, {
    kind: "success",
    message: result.status === "SUBMITTED" ? "Request submitted for approval" : "Changes saved",
  });
}

export default function EditRequestPage() {
  const {
    id,
    version: read,
    status,
    comment,
    councils,
    defaults,
    alsoFor,
    retired,
    organisationStatus,
    neededByDays,
  } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { stale, version } = editState<RequestStaleEdit>(lastResult, read);
  return (
    <>
      <BackLink to={`/requests/${id}/manage`}>Back to the request</BackLink>
      <PageHeading>Edit request</PageHeading>
      {stale ? (
        <StaleEditNotice
          what="request"
          rows={stale.differences.map((d) => ({
            field: d.field,
            label: d.label,
            saved: <span className="break-words whitespace-pre-line">{d.saved ?? "Not given"}</span>,
            yours: <span className="break-words whitespace-pre-line">{d.yours ?? "Not given"}</span>,
          }))}
        />
      ) : null}
      {status === "CHANGES_REQUESTED" && comment ? (
        <InsetText>
          <strong className="block">The council asked for changes:</strong>
          <span className="block break-words whitespace-pre-line">{comment}</span>
        </InsetText>
      ) : null}
      {organisationStatus === "REJECTED" ? (
        <InsetText>
          The council did not verify your organisation, so this request cannot be submitted for approval or
          published. You can still save it as a draft.
        </InsetText>
      ) : organisationStatus !== "VERIFIED" ? (
        <InsetText>
          Your organisation is waiting to be verified by the council. Save the request as a draft: you can
          submit it for approval once it is verified.
        </InsetText>
      ) : null}
      <RequestForm
        lastResult={lastResult}
        councils={councils}
        defaults={defaults}
        alsoFor={alsoFor}
        retired={retired}
        version={version}
        submitLabel="Save and submit for approval"
        neededByDays={neededByDays}
        canSubmit={organisationStatus === "VERIFIED"}
      />
    </>
  );
}
