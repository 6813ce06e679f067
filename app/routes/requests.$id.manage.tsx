import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/server/parse-form.server.ts";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Form } from "~/ui/form-for.tsx";
import { notFound, requireViewer } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { exampleDayWithin, isoDayAsUk, londonDay } from "~/domain/calendar.ts";
import { requestorMemberships, requestRolesOf } from "~/domain/marketplace/access.server.ts";
import { formatQuantity, helpTypeLabel } from "~/domain/marketplace/help-types.ts";
import { pledgeStatusLabel, UNSETTLED_STATUSES } from "~/domain/marketplace/pledge-lifecycle.ts";
import { deliveredToClosed, getManagedRequest } from "~/domain/marketplace/queries.server.ts";
import { stillNeeded } from "~/domain/marketplace/request-card.server.ts";
import {
  canRequest,
  PLEDGEABLE_STATUSES,
  requestRefusal,
  statusLabel,
  WITHDRAW_WHILE_UNDER_WAY,
} from "~/domain/marketplace/request-lifecycle.ts";
import { eventReasonText } from "~/domain/marketplace/request-timeline.ts";
import { CORRECTION_HEADING, correctionAdvice } from "~/domain/marketplace/request-correction.ts";
import { changeRequest } from "~/domain/marketplace/requests.server.ts";
import { futureDayRange, manageRequestSchemaFor, noLaterNeededBy } from "~/domain/marketplace/schemas.ts";
import { InsetText, PageHeading, SummaryList, Table, Tag, Timeline } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, Checkbox, DateInput, ErrorSummary, ReasonForm } from "~/ui/form.tsx";
import { formatDate, formatDateTime, formatNumber, isoDate, listInWords, plural } from "~/ui/format.ts";
import { replyToFailure } from "~/ui/failure-reply.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";
import { RequestorContactDetails } from "~/ui/requestor-contact.tsx";

// the header shows the group that posted the request (its loader's actingFor), which the page acts for whatever the
// switcher is on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("actingFor");

// names the request, so each request's page has a title of its own
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Manage your request${data ? `: ${data.need.title}` : ""} – Social Value Marketplace` },
];

// Only members of the organisation that posted the request: everyone else gets 404.
async function requireRequestor(request: Request, id: string) {
  const viewer = await requireViewer(request);
  const requestors = requestorMemberships(viewer);
  const need = await getManagedRequest(
    id,
    requestors.map((m) => m.organisationId),
  );
  if (!need) notFound();
  const membership = requestors.find((m) => m.organisationId === need.organisationId)!;
  return { viewer, need, membership };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { need, membership } = await requireRequestor(request, params.id!);
  const { contact, ...rest } = need;
  const now = new Date();
  // the London day, as approval goes by it
  const neededByPassed = need.neededBy < londonDay(now);
  // the days a new needed-by date may be, as the page is shown: the box's min and max, and its hint's example.
  // None when already needed by the latest day the portal allows: no new date would do, so the page says why (and
  // from which day one will), not a form
  const newNeededBy = futureDayRange({ after: isoDate(need.neededBy) }, now);
  // the council decides whether the posting organisation may publish: until it is verified, no submitting
  return json({
    actingFor: membership.organisationId,
    need: { ...rest, neededByPassed },
    // how much is still needed, or once closed what it came to, in the public page's words
    amount: stillNeeded({ ...need, delivered: (await deliveredToClosed([need])).get(need.id) }),
    newNeededBy,
    // a date still to come: the new one must be later than it, and the hint says which day that is (a date passed
    // leaves only "today or later", which the example shows)
    laterThan: newNeededBy && !neededByPassed ? formatDate(need.neededBy) : null,
    noLaterDay: newNeededBy ? null : noLaterNeededBy(isoDate(need.neededBy), now),
    contact,
    organisationStatus: membership.status,
    // a request it can no longer edit: why, and how to get it corrected
    correction: correctionAdvice(need.status, {
      councilName: need.council.name,
      councilEmail: need.council.contactEmail,
      unsettledPledges: need.pledges.filter((p) => UNSETTLED_STATUSES.includes(p.status)).length,
    }),
  });
}

const FLASH: Record<string, string> = {
  submit: "Request submitted for approval",
  withdraw: "Request withdrawn",
  extend: "Needed-by date extended",
  showcase: "Case study choice saved",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, need, membership } = await requireRequestor(request, params.id!);
  const form = await readForm(request);
  // a new needed-by date is later than the current one: the error's example is such a day, as the hint's is
  const submission = parseForm(form, {
    schema: manageRequestSchemaFor({ neededBy: isoDate(need.neededBy) }),
  });
  // A form for a change the request no longer allows (it moved on since the page was loaded) is told so, not what
  // to correct in a form the page no longer shows. A valid one goes on: sent twice, it is a repeat.
  const unsettledPledges = need.pledges.filter((p) => UNSETTLED_STATUSES.includes(p.status)).length;
  const intent = submission.payload.intent;
  const refusal =
    requestRefusal({ ...need, unsettledPledges }, intent, "REQUESTOR") ??
    // no later day is allowed: whatever date was sent, the change is refused for that reason (the domain's too)
    (intent === "extend" ? noLaterNeededBy(isoDate(need.neededBy)) : null);
  if (submission.status !== "success" && refusal)
    return json(parseForm(form, { schema: z.object({}) }).reply({ formErrors: [refusal] }), {
      status: 400,
    });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const value = submission.value;
  const result = await changeRequest({
    requestId: need.id,
    action: value.intent === "showcase" ? "setShowcase" : value.intent,
    roles: requestRolesOf(viewer, need),
    actor: { userId: viewer.user.id, ipAddress: clientIp(request) },
    reason: value.intent === "withdraw" ? value.reason : null,
    neededBy: value.intent === "extend" ? value.neededBy : undefined,
    showcaseConsent: value.intent === "showcase" ? value.showcaseConsent : undefined,
    organisationVerified: membership.status === "VERIFIED",
  });
  if (!result.ok) return json(replyToFailure(submission, result), { status: 400 });
  const message =
    value.intent === "extend" && need.status === "SUBMITTED" ? "Needed-by date changed" : FLASH[value.intent];
  return redirectWithFlash(`/requests/${need.id}/manage`, { kind: "success", message });
}

export default function ManageRequestPage() {
  const { need, amount, contact, organisationStatus, newNeededBy, laterThan, noLaterDay, correction } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult });
  const can = (a: Parameters<typeof canRequest>[1]) => canRequest(need.status, a, "REQUESTOR");
  // expired with work accepted before then: that work is delivered and confirmed as usual
  const unsettled = need.pledges.filter((p) => UNSETTLED_STATUSES.includes(p.status)).length;
  const underWay = need.status === "EXPIRED" ? unsettled : 0;
  // withdrawing declines what is still on offer (requests.server.ts), and each supplier is emailed
  const offered = need.pledges.filter((p) => p.status === "OFFERED").length;
  return (
    <>
      <PageHeading caption="Manage your request">{need.title}</PageHeading>
      <ErrorSummary errors={form.allErrors} />
      <p className="mb-6">
        <Tag>{statusLabel(need.status)}</Tag>
      </p>
      {PLEDGEABLE_STATUSES.includes(need.status) && need.neededByPassed ? (
        // still open until the nightly expiry run, but it takes no pledge (takesPledges), and the tag says "open"
        <InsetText>
          The needed-by date has passed, so suppliers can no longer pledge to this request and it will expire.
          {can("extend") && !need.extendedAt
            ? " If you still need help, extend the needed-by date below."
            : ""}
        </InsetText>
      ) : null}
      {need.status === "CHANGES_REQUESTED" && need.moderationComment ? (
        <div className="mb-6 border-l-8 border-error p-4">
          <strong className="block">The council asked for changes:</strong>
          {/* as the officer wrote it: a list of changes one to a line, a long link that must wrap */}
          <span className="block break-words whitespace-pre-line">{need.moderationComment}</span>
        </div>
      ) : null}
      <SummaryList
        rows={[
          { key: "Type of help", value: helpTypeLabel(need.helpType) },
          // "Still needed", "Fully pledged", or once closed what it came to, with the amount asked for
          { key: amount.label, value: `${amount.figure}${amount.rest}` },
          {
            key: "Needed by",
            value: (
              <>
                {formatDate(need.neededBy) + (need.extendedAt ? " (extended)" : "")}
                {/* a submit refused for a past date: the summary links here, next to the way to change it */}
                {can("submit") && fields.neededBy?.errors?.length ? (
                  <span id="neededBy" className="block font-bold text-error">
                    <span className="sr-only">Error: </span>
                    {fields.neededBy.errors[0]}
                  </span>
                ) : null}
              </>
            ),
            action: can("edit")
              ? { to: `/requests/${need.id}/edit#neededBy`, label: "Change", hidden: "the needed-by date" }
              : undefined,
          },
          // the lead council first, then the others it is also for (decision 050)
          {
            key: need.councilNames.length > 1 ? "Councils it is for" : "Council it is for",
            value: listInWords(need.councilNames),
          },
          { key: "Category", value: need.category.name },
          // what a supplier is given once its pledge is accepted, exactly as it reads it, and whose address it is
          {
            key: "How a supplier can contact you",
            value: (
              <>
                <RequestorContactDetails contact={contact} forGroup />
                <p className="text-muted">
                  Shown to a supplier once you accept its pledge.
                  {contact.source === "organisation" ? null : (
                    <>
                      {" "}
                      Your group&apos;s owner can give a contact email for suppliers to use instead, on{" "}
                      <Link to={`/organisations/${need.organisationId}`}>your organisation&apos;s page</Link>.
                    </>
                  )}
                </p>
              </>
            ),
          },
        ]}
      />
      <ul className="mb-8 flex flex-wrap gap-6">
        {/* the full request (its description, place and who it helps) opens for its own organisation in every
            status, published or not: before it is published only the group (and, once sent, the council) sees it */}
        <li>
          {/* a draft, or one with the council, has not been posted: it is a preview of what will be published
              ("View the request as posted" said otherwise); one withdrawn before it was published never will be */}
          {need.publishedAt ? (
            <Link to={`/requests/${need.id}`}>View the public page</Link>
          ) : ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"].includes(need.status) ? (
            <Link to={`/requests/${need.id}`}>Preview the request as it will be published</Link>
          ) : (
            <Link to={`/requests/${need.id}`}>View the request (never published)</Link>
          )}
        </li>
        {can("edit") ? (
          <li>
            <Link to={`/requests/${need.id}/edit`}>Edit request</Link>
          </li>
        ) : null}
        <li>
          <Link to="/my-requests">All your requests</Link>
        </li>
      </ul>
      {correction ? (
        <section aria-labelledby="correct-heading" className="mb-8 max-w-2xl">
          <h2 id="correct-heading" className="mb-4 text-2xl font-bold">
            {CORRECTION_HEADING}
          </h2>
          {correction.map((paragraph) => (
            <p key={paragraph} className="mb-4">
              <WithEmailLink text={paragraph} email={need.council.contactEmail} />
            </p>
          ))}
        </section>
      ) : null}
      {can("submit") && organisationStatus === "REJECTED" ? (
        <InsetText>
          The council did not verify your organisation, so this request cannot be submitted for approval or
          published. The council’s email said why and what to do next.
        </InsetText>
      ) : can("submit") && organisationStatus !== "VERIFIED" ? (
        <InsetText>
          Your organisation is waiting to be verified by the council. You can submit this request for approval
          once it is verified.
        </InsetText>
      ) : can("submit") ? (
        <Form method="post" {...getFormProps(form)} className="mb-8">
          <Button name="intent" value="submit">
            Submit for approval
          </Button>
        </Form>
      ) : null}

      <section aria-labelledby="pledges-heading" className="mb-8">
        <h2 id="pledges-heading" className="mb-4 text-2xl font-bold">
          Pledges
        </h2>
        {underWay > 0 ? (
          <InsetText>
            This request has expired, so it takes no new pledges. Work you accepted before then goes on:{" "}
            {underWay === 1 ? "the accepted pledge" : `the ${underWay} accepted pledges`} can still be
            delivered. Confirm each delivery when it arrives: a confirmed delivery counts as social value
            delivered.
          </InsetText>
        ) : null}
        <Table
          caption="Pledges to this request"
          rows={need.pledges}
          rowKey={(p) => p.id}
          empty="No pledges yet."
          columns={[
            { header: "Supplier", cell: (p) => p.supplierOrganisation.name, rowHeader: true },
            { header: "Pledged", cell: (p) => formatQuantity(need.helpType, p.quantity, need.unitLabel) },
            {
              // what the supplier reported delivering, which may be less than it pledged: confirmed short, the
              // rest is needed again, as "Still needed" says
              header: "Delivered",
              cell: (p) =>
                p.deliveredQuantity == null
                  ? "Not reported"
                  : `${formatQuantity(need.helpType, p.deliveredQuantity, need.unitLabel)} on ${formatDate(p.deliveredOn)}`,
            },
            { header: "Status", cell: (p) => <Tag colour="grey">{pledgeStatusLabel(p.status)}</Tag> },
            {
              header: "Action",
              cell: (p) => (
                <Link to={`/pledges/${p.id}`}>
                  {p.status === "DELIVERED" ? (
                    <>
                      Confirm delivery<span className="sr-only"> from {p.supplierOrganisation.name}</span>
                    </>
                  ) : (
                    <>
                      {p.status === "OFFERED" ? "Accept or decline" : "View"}
                      <span className="sr-only"> the pledge from {p.supplierOrganisation.name}</span>
                    </>
                  )}
                </Link>
              ),
            },
          ]}
        />
      </section>

      {!can("extend") || (need.status !== "SUBMITTED" && need.extendedAt) ? null : !newNeededBy ? (
        // a form whose every date is refused would be no use: say why there is none
        <section aria-labelledby="extend-heading" className="mb-8 max-w-xl border-t-2 border-line pt-4">
          <h2 id="extend-heading" className="mb-4 text-2xl font-bold">
            {need.status === "SUBMITTED" ? "Change the needed-by date" : "Extend the needed-by date"}
          </h2>
          <p>{noLaterDay}</p>
        </section>
      ) : need.status === "SUBMITTED" ? (
        // the council cannot approve a request whose needed-by date has passed: the requestor can move it on.
        // Not checked by the browser against the box's min and max: a date refused is told so by the field, in
        // the portal's words
        <Form method="post" noValidate className="mb-8 max-w-xl border-t-2 border-line pt-4">
          <h2 className="mb-4 text-2xl font-bold">Change the needed-by date</h2>
          <p className="mb-4">
            {need.neededByPassed
              ? "The needed-by date has passed, so the council cannot approve this request. Choose a later date: the request stays waiting for approval."
              : "If the help will now be needed later, choose the new date: the request stays waiting for approval."}
          </p>
          <DateInput
            name="neededBy"
            label="New needed-by date"
            hint={newDateHint(newNeededBy, laterThan)}
            min={newNeededBy.min}
            max={newNeededBy.max}
            errors={fields.neededBy?.errors}
            defaultValue={fields.neededBy?.initialValue as string | undefined}
          />
          <Button name="intent" value="extend" variant="secondary">
            Change the date
          </Button>
        </Form>
      ) : (
        <Form method="post" noValidate className="mb-8 max-w-xl border-t-2 border-line pt-4">
          <h2 className="mb-4 text-2xl font-bold">Extend the needed-by date</h2>
          <p className="mb-4">You can extend a request once.</p>
          <DateInput
            name="neededBy"
            label="New needed-by date"
            hint={newDateHint(newNeededBy, laterThan)}
            min={newNeededBy.min}
            max={newNeededBy.max}
            errors={fields.neededBy?.errors}
            defaultValue={fields.neededBy?.initialValue as string | undefined}
          />
          <Button name="intent" value="extend" variant="secondary">
            Extend
          </Button>
        </Form>
      )}

      {need.status === "FULFILLED" ? (
        <Form method="post" className="mb-8 max-w-xl border-t-2 border-line pt-4">
          <h2 className="mb-4 text-2xl font-bold">Case study</h2>
          <Checkbox
            name="showcaseConsent"
            label="Show this request as a case study on the public impact page and the council’s case studies page"
            // the request's own page is public once published, fulfilled too: the case study is not what makes it so
            hint="The request’s own page stays public either way, as it was while the request was open. A case study also lists it on the impact page and the council’s case studies page, showing your group’s name and the request’s title, full description, category, council and district (if it has one), amount and type of help, and the date it was met."
            defaultChecked={need.showcaseConsent}
          />
          <Button name="intent" value="showcase" variant="secondary">
            Save
          </Button>
        </Form>
      ) : null}

      {can("withdraw") && unsettled > 0 ? (
        // the domain refuses a withdrawal while accepted work is unsettled: say so rather than offer the form
        <section aria-labelledby="withdraw-heading" className="mb-8 max-w-xl border-t-2 border-line pt-4">
          <h2 id="withdraw-heading" className="mb-4 text-2xl font-bold">
            Withdraw the request
          </h2>
          <p>{WITHDRAW_WHILE_UNDER_WAY}</p>
        </section>
      ) : can("withdraw") ? (
        <ReasonForm
          heading="Withdraw the request"
          label="Why are you withdrawing it? (optional)"
          hint={
            offered > 0
              ? `${offered === 1 ? "The pledge" : `The ${formatNumber(offered)} pledges`} still waiting for your answer will be declined, and ${plural(offered, "its supplier", "their suppliers")} told that the request was withdrawn.`
              : undefined
          }
          intent="withdraw"
          submit="Withdraw request"
          errors={fields.reason?.errors}
          defaultValue={fields.reason?.initialValue as string | undefined}
        />
      ) : null}

      <Timeline
        items={need.events.map((e) => ({
          id: e.id,
          title: statusLabel(e.toStatus),
          when: formatDateTime(e.createdAt),
          who: e.who ?? undefined,
          why: eventReasonText(e.reason, e.toStatus),
        }))}
      />
    </>
  );
}

// The new needed-by date's hint: the day it must be later than (the current one, shown higher up the page) and an
// example the form takes. "For example" alone left a volunteer to find out by being refused.
function newDateHint(days: { min: string; max: string }, laterThan: string | null) {
  const example = isoDayAsUk(exampleDayWithin(days.min, days.max));
  return laterThan
    ? `Later than ${laterThan}, the date it is needed by now, for example ${example}`
    : `For example, ${example}`;
}

// The council's address in a sentence, as a link to write to it.
function WithEmailLink({ text, email }: { text: string; email: string | null }) {
  if (!email || !text.includes(email)) return <>{text}</>;
  const [before, ...after] = text.split(email);
  return (
    <>
      {before}
      <a href={`mailto:${email}`}>{email}</a>
      {after.join(email)}
    </>
  );
}
