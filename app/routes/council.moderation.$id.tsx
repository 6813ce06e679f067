import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/server/parse-form.server.ts";
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Form } from "~/ui/form-for.tsx";
import { councilIdsOf, notFound, requireViewer, type Viewer } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { ownMemberships, requestRolesOf } from "~/domain/marketplace/access.server.ts";
import { formatQuantity, helpTypeLabel } from "~/domain/marketplace/help-types.ts";
import { movedOnMessage } from "~/domain/marketplace/moderation-moved-on.ts";
import { getModerationRequest, historyShown } from "~/domain/marketplace/queries.server.ts";
import { isPastNeededBy, requestRefusal, statusLabel } from "~/domain/marketplace/request-lifecycle.ts";
import { eventReasonText } from "~/domain/marketplace/request-timeline.ts";
import { changeRequest } from "~/domain/marketplace/requests.server.ts";
import { moderationSchema } from "~/domain/marketplace/schemas.ts";
import { BackLink, InsetText, PageHeading, SummaryList, Tag, Timeline } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary, Textarea } from "~/ui/form.tsx";
import { formatDate, formatDateTime, formatNumber, listInWords } from "~/ui/format.ts";
import { replyToFailure } from "~/ui/failure-reply.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the request's council (its loader's councilId), which the page acts for whatever the switcher is
// on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("councilId");

// names the request, so each request's page has a title of its own
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Review a request${data ? `: ${data.need.title}` : ""} – Social Value Marketplace` },
];

// Officers of the request's own council only; other councils' requests answer 404. The request's council decides,
// not the header switcher's (a decision sent after the switcher's council left the partnership still counts).
async function requireReviewable(request: Request, id: string) {
  const viewer = await requireViewer(request);
  const officerCouncils = viewer.memberships
    .filter((m) => m.kind === "COUNCIL" && ["ADMIN", "OFFICER"].includes(m.role))
    .map((m) => m.organisationId);
  const need = await getModerationRequest(
    id,
    officerCouncils.filter((c) => councilIdsOf(viewer).includes(c)),
  );
  if (!need) notFound();
  return { viewer, need };
}

// Nobody approves their own group's request: a member of the charity or group that posted it leaves it to another
// officer. (A council's own requests are moderated by its own staff.)
const OWN_REQUEST =
  "You are a member of the organisation that posted this request, so another officer must approve it or ask for changes.";
function isOwnRequest(viewer: Viewer, need: { organisationId: string; councilId: string }) {
  return (
    need.organisationId !== need.councilId &&
    ownMemberships(viewer).some((m) => m.organisationId === need.organisationId)
  );
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, need } = await requireReviewable(request, params.id!);
  return json({
    councilId: need.councilId,
    need: { ...need, events: historyShown(need.events) },
    ownRequest: isOwnRequest(viewer, need),
    datePassed: isPastNeededBy(need.neededBy),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, need } = await requireReviewable(request, params.id!);
  const form = await readForm(request);
  const submission = parseForm(form, { schema: moderationSchema });
  // A decision with a mistake sent after the request moved on (another officer decided it) is told so, not what to
  // correct in a form the page no longer shows. A valid one goes on: sent twice, it is a repeat.
  const intent = submission.payload.intent === "approve" ? "approve" : "requestChanges";
  const refusal = requestRefusal(need, submission.payload.intent, "OFFICER");
  if (submission.status !== "success" && refusal)
    return json(
      parseForm(form, { schema: z.object({}) }).reply({
        formErrors: [movedOnMessage(need, intent, viewer.user.id) ?? refusal],
      }),
      { status: 400 },
    );
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  if (isOwnRequest(viewer, need))
    return json(submission.reply({ formErrors: [OWN_REQUEST] }), { status: 403 });
  const result = await changeRequest({
    requestId: need.id,
    action: submission.value.intent,
    roles: requestRolesOf(viewer, need),
    actor: { userId: viewer.user.id, ipAddress: clientIp(request) },
    reason: submission.value.comment,
    reviewedSubmission: submission.value.reviewedSubmission
      ? new Date(submission.value.reviewedSubmission)
      : undefined,
  });
  if (!result.ok) {
    // decided by someone else (or withdrawn) since the page was read: who did what, and when
    const moved = movedOnMessage((await requireReviewable(request, need.id)).need, intent, viewer.user.id);
    if (moved) return json(submission.reply({ formErrors: [moved] }), { status: 400 });
    return json(replyToFailure(submission, result), { status: 400 });
  }
  return redirectWithFlash("/council/moderation", {
    kind: "success",
    message:
      submission.value.intent === "approve" ? `Approved: ${need.title}` : `Changes requested: ${need.title}`,
  });
}

/** The request as its requestor wrote it, what the officer decides on. */
function RequestDetails({ need }: { need: SerializeFrom<typeof loader>["need"] }) {
  return (
    <>
      <p className="mb-6">
        <Tag>{statusLabel(need.status)}</Tag>{" "}
        {need.organisation.status === "VERIFIED" ? null : (
          <Tag colour="orange">organisation not verified</Tag>
        )}
      </p>
      <p className="mb-6 max-w-3xl whitespace-pre-line">{need.description}</p>
      <SummaryList
        rows={[
          { key: "Type of help", value: helpTypeLabel(need.helpType) },
          { key: "Quantity", value: formatQuantity(need.helpType, need.quantity, need.unitLabel) },
          { key: "Category", value: need.category.name },
          // the lead council first, then the others it is also for (decision 050): once approved it is listed
          // under each of them
          {
            key: need.councilNames.length > 1 ? "Councils it is for" : "Council it is for",
            value: listInWords(need.councilNames),
          },
          // as the public request page says it
          {
            key: "Where",
            value:
              [need.district?.name, need.postcodeArea, need.isRemote ? "Can be done remotely" : null]
                .filter(Boolean)
                .join(", ") || "Not given",
          },
          { key: "Needed by", value: formatDate(need.neededBy) },
          // all of it, as the public request page will show it once approved
          {
            key: "Who benefits",
            value:
              [
                need.beneficiaries,
                need.beneficiaryCount
                  ? `${formatNumber(need.beneficiaryCount)} ${need.beneficiaryCount === 1 ? "person" : "people"}`
                  : null,
              ]
                .filter(Boolean)
                .join(" — ") || "Not given",
          },
          { key: "Contact preference", value: need.contactPreference ?? "Not given" },
        ]}
      />
    </>
  );
}

export default function ReviewRequestPage() {
  const { need, ownRequest, datePassed } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onSubmit" });
  const reviewable = need.status === "SUBMITTED" && !ownRequest;
  return (
    <>
      <BackLink to="/council/moderation">Back to requests to approve</BackLink>
      <PageHeading caption={need.organisation.name}>{need.title}</PageHeading>
      {/* a decision the officer may make: the form starts at the top of the page's content, so its error summary is
          inside it (a comment pasted too long to send is refused here, app/ui/form-for.tsx, and kept) and first.
          Otherwise the summary is outside any form: a decision refused because the request has moved on comes back
          without the form */}
      {reviewable ? (
        <Form method="post" {...getFormProps(form)} noValidate>
          <ErrorSummary errors={form.allErrors} />
          <RequestDetails need={need} />
          <div className="mb-8 max-w-xl">
            <input type="hidden" name="reviewedSubmission" value={need.submittedAt ?? ""} />
            <Textarea
              name="comment"
              label="Comment for the requestor"
              hint="Required if you ask for changes. The requestor is emailed it and sees it on the request."
              rows={3}
              errors={fields.comment.errors}
              defaultValue={fields.comment.initialValue as string | undefined}
            />
            {/* approving it would be refused (requests.server.ts): say so before the officer tries */}
            {datePassed ? (
              <InsetText>
                The needed-by date has passed while the request waited, so it cannot be approved. Request
                changes so the requestor can choose a later date.
              </InsetText>
            ) : null}
            <div className="flex flex-wrap gap-4">
              {datePassed ? null : (
                <Button name="intent" value="approve">
                  Approve and publish
                </Button>
              )}
              <Button name="intent" value="requestChanges" variant="secondary">
                Request changes
              </Button>
            </div>
          </div>
        </Form>
      ) : (
        <>
          <ErrorSummary errors={form.allErrors} />
          {/* a comment refused because the request moved on is shown back, to send to the group another way */}
          {typeof fields.comment.initialValue === "string" && fields.comment.initialValue.trim() ? (
            <InsetText>
              <span className="font-bold">Your comment, not sent:</span>{" "}
              <span className="whitespace-pre-line">{fields.comment.initialValue}</span>
            </InsetText>
          ) : null}
          <RequestDetails need={need} />
          {need.status === "SUBMITTED" ? <InsetText>{OWN_REQUEST}</InsetText> : null}
        </>
      )}
      <Timeline
        items={need.events.map((e) => ({
          id: e.id,
          title: statusLabel(e.toStatus),
          when: formatDateTime(e.createdAt),
          who: e.actor?.name,
          why: eventReasonText(e.reason, e.toStatus),
        }))}
      />
    </>
  );
}
