import crypto from "node:crypto";
import { parseForm } from "~/server/parse-form.server.ts";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireViewer } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { actingRequestor } from "~/auth/acting-requestor.server.ts";
import { createRequest, requestFormOptions } from "~/domain/marketplace/requests.server.ts";
import { futureDayRange, requestFormSchemaFor } from "~/domain/marketplace/schemas.ts";
import { actsForNamed } from "~/ui/acting-for.ts";
import { InsetText, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { RequestForm } from "./request-form.tsx";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Post a request – Social Value Marketplace" }];

// the header shows the organisation the request is posted for, when the address names it
export const handle = actsForNamed("organisation");

// Posted for one of the viewer's own organisations, never for a partner council they only work for as an officer.
// "Your requests" links here naming the organisation it lists (`?organisation=<id>`, kept by the form's post), so a
// switch made in another window does not post the request for another one: 404 unless the viewer is its own member
// and it posts requests.
async function requireRequestor(request: Request) {
  const viewer = await requireViewer(request);
  const named = new URL(request.url).searchParams.get("organisation") || undefined;
  const membership = actingRequestor(viewer, request, named);
  if (!membership) notFound();
  return { viewer, membership };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireRequestor(request);
  const councils = await requestFormOptions();
  const homeCouncil = membership.kind === "COUNCIL" ? membership.organisationId : undefined;
  return json({
    councils,
    organisationName: membership.organisationName,
    verified: membership.status === "VERIFIED",
    rejected: membership.status === "REJECTED",
    defaults: { councilId: homeCouncil ?? (councils.length === 1 ? councils[0].id : undefined) },
    // the days the needed-by date may be, as the page is shown: the box's min, max and example
    neededByDays: futureDayRange(),
    // the form's one-off key: posted twice (a double click), it makes one request
    submissionKey: crypto.randomUUID(),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, membership } = await requireRequestor(request);
  const form = await readForm(request);
  // a category or district listed under another council than the one chosen is told with the other errors
  const choices = await requestFormOptions();
  const submission = parseForm(form, { schema: requestFormSchemaFor(form.get("helpType"), choices) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await createRequest({
    form: submission.value,
    organisationId: membership.organisationId,
    organisationVerified: membership.status === "VERIFIED",
    actor: { userId: viewer.user.id, ipAddress: clientIp(request) },
  });
  if (!result.ok)
    return json(
      submission.reply({
        fieldErrors: result.fieldErrors,
        formErrors: result.formError ? [result.formError] : undefined,
      }),
      {
        status: 400,
      },
    );
  return redirectWithFlash(`/requests/${result.id}/manage`, {
    kind: "success",
    message: postedMessage(result),
  });
}

// A request posted again from a fresh form (Back, then Submit) is told it was not made twice.
function postedMessage({ submitted, sentBefore }: { submitted: boolean; sentBefore: boolean }) {
  if (sentBefore)
    return submitted
      ? "You had already submitted this request for approval, so it was not sent again"
      : "You had already saved this draft, so it was not saved again";
  return submitted ? "Request submitted for approval" : "Draft saved";
}

export default function NewRequestPage() {
  const { councils, organisationName, verified, rejected, defaults, submissionKey, neededByDays } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <PageHeading caption={organisationName}>Post a request</PageHeading>
      {verified ? null : rejected ? (
        <InsetText>
          The council did not verify your organisation, so its requests cannot be published. You can save
          drafts; the council’s email said why and what to do next.
        </InsetText>
      ) : (
        <InsetText>
          Your organisation is waiting to be verified by the council. You can save drafts now and submit them
          once you are verified.
        </InsetText>
      )}
      <RequestForm
        lastResult={lastResult}
        councils={councils}
        defaults={defaults}
        submissionKey={submissionKey}
        neededByDays={neededByDays}
        canSubmit={verified}
      />
    </>
  );
}
