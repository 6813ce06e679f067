import crypto from "node:crypto";
import { getFormProps, useForm } from "@conform-to/react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { requireViewer } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { requireSurveyCycle } from "~/auth/survey-access.server.ts";
import {
  cancelCycle,
  cancelledMomentsAgo,
  closeCycle,
  inviteAddress,
  inviteEligible,
  responseRates,
  takingInvitations,
} from "~/domain/survey/cycles.server.ts";
import { cycleActionSchema } from "~/domain/survey/schemas.ts";
import {
  CYCLE_STAGE_COLOURS,
  CYCLE_STAGE_LABELS,
  cycleStage,
  howItClosed,
  responseRateText,
} from "~/domain/survey/stages.ts";
import { displayTotal, THRESHOLD } from "~/domain/survey/suppression.ts";
import { BackLink, PageHeading, SummaryList, Tag } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { countOf, formatDate, formatNumber, plural } from "~/ui/format.ts";
import { Button, Checkboxes, ErrorSummary, TextInput } from "~/ui/form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the survey's council (its loader's councilId), which the page acts for whatever the switcher is
// on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("councilId");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? `Supplier survey ${data.cycle.year} – ${data.cycle.council.name}` : "Supplier survey"} – Social Value Marketplace`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cycle } = await requireSurveyCycle(request, params.cycleId!);
  const rates = await responseRates(cycle);
  // Once closed, the report shows how many answered as "<5" when few did: this page's data says no more (the
  // rate would give the count away too).
  const few = cycle.status !== "OPEN" && rates.submitted < THRESHOLD;
  const submitted = cycle.status === "OPEN" ? formatNumber(rates.submitted) : displayTotal(rates.submitted);
  // the invite-by-email form's one-off key: the same form sent twice sends one invitation
  return json({
    councilId: cycle.councilId,
    cycle,
    stage: cycleStage(cycle),
    closed: howItClosed(cycle),
    rates: { ...rates, submitted, rate: few ? null : rates.rate },
    // false once the closing day is over, though the night's housekeeping has not closed it yet
    inviting: takingInvitations(cycle),
    submissionKey: crypto.randomUUID(),
    // when the page was shown: a late repeat of an old "send again" form sends nothing more (decision 031)
    shownAt: new Date().toISOString(),
  });
}

function invitedMessage({
  sent,
  eligible,
  withoutEmail,
  invitedByEmail,
}: {
  sent: number;
  eligible: number;
  withoutEmail: number;
  invitedByEmail: number;
}) {
  if (eligible === 0)
    return {
      kind: "info" as const,
      message:
        "No invitations sent: no SME supplier is registered with a postcode in your council's area. Check the postcode areas of your districts, or invite businesses by email.",
    };
  const unreachable =
    withoutEmail === 0
      ? ""
      : `${formatNumber(withoutEmail)} eligible ${plural(withoutEmail, "business has", "businesses have")} no email address, so ${plural(withoutEmail, "it was", "they were")} not invited`;
  // a business already sent a link by "Invite any business by email" is not sent a second one (decision 055)
  const skipped =
    invitedByEmail === 0
      ? ""
      : `${countOf(invitedByEmail, "business", "businesses")} already invited by email ${plural(invitedByEmail, "was", "were")} skipped`;
  const notes = [skipped, unreachable].filter(Boolean).join(". ");
  if (sent > 0)
    return {
      kind: "success" as const,
      message: `Invitations sent to ${countOf(sent, "business", "businesses")}${notes ? `. ${notes}` : ""}`,
    };
  return {
    kind: "info" as const,
    message: notes
      ? `No invitations sent: ${notes}`
      : "Every eligible business has already been invited or has answered",
  };
}

// "Cancel this survey" sent twice: the second finds the survey deleted by the first, and is answered as it was
// (decision 024) when this officer cancelled it moments ago; otherwise the survey is not found, as before.
async function cancelledJustNow(request: Request, cycleId: string) {
  const viewer = await requireViewer(request);
  const cancelled = await cancelledMomentsAgo(viewer.user.id, cycleId);
  if (!cancelled) return null;
  const { year } = cancelled.details as { year: number };
  return redirectWithFlash("/council/survey", { kind: "success", message: cancelledMessage(year) });
}

const cancelledMessage = (year: number) =>
  `The ${year} survey is cancelled and deleted. You can open a survey for ${year} again.`;

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const repeat = form.get("intent") === "cancel" ? await cancelledJustNow(request, params.cycleId!) : null;
  if (repeat) return repeat;
  const { viewer, cycle } = await requireSurveyCycle(request, params.cycleId!);
  const submission = parseForm(form, { schema: cycleActionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const officer = { userId: viewer.user.id, councilId: cycle.councilId, ipAddress: clientIp(request) };
  const back = `/council/survey/${cycle.id}`;
  const notOpen = () =>
    json(
      submission.reply({
        formErrors: [
          cycle.status === "OPEN"
            ? "The survey's closing date has passed: no more invitations can be sent"
            : "This survey is closed: no more invitations can be sent",
        ],
      }),
      { status: 400 },
    );
  switch (submission.value.intent) {
    case "invite-eligible": {
      const round = await inviteEligible(officer, cycle.id);
      if (round === null) return notOpen();
      return redirectWithFlash(back, invitedMessage(round));
    }
    case "invite-email": {
      const { email, submissionKey, shownAt } = submission.value;
      const sent = await inviteAddress(officer, cycle.id, email, {
        submissionKey,
        shownAt: shownAt ? new Date(shownAt) : undefined,
      });
      if (sent === null) return notOpen();
      return redirectWithFlash(back, {
        kind: "success",
        message:
          sent.resent > 0
            ? `Invitation sent again to ${email}; the earlier link no longer works`
            : `Invitation sent to ${email}`,
      });
    }
    case "close": {
      const closed = await closeCycle(officer, cycle.id);
      // a page shown before the opening day came offered "Close"; one shown before then, "Cancel" (and the reverse)
      if (closed === "NOT_OPEN_YET")
        return json(
          submission.reply({
            formErrors: [
              `This survey has not opened yet (it opens on ${formatDate(cycle.opensOn)}), so it cannot be closed: cancel it instead`,
            ],
          }),
          { status: 400 },
        );
      return redirectWithFlash(back, {
        kind: closed ? "success" : "info",
        message: closed ? "The survey is closed" : "The survey was already closed",
      });
    }
    case "cancel": {
      const cancelled = await cancelCycle(officer, cycle.id);
      if (cancelled === null || typeof cancelled === "object")
        return redirectWithFlash("/council/survey", {
          kind: "success",
          message: cancelledMessage(cancelled?.year ?? cycle.year),
        });
      return json(
        submission.reply({
          formErrors: [
            cancelled === "OPENED"
              ? `This survey opened on ${formatDate(cycle.opensOn)}, so it cannot be cancelled: close it instead`
              : "This survey is closed, so it cannot be cancelled",
          ],
        }),
        { status: 400 },
      );
    }
  }
}

// anonymisation deleted what the figure was counted from
const notKept = (count: number | null) => (count === null ? "Not kept" : formatNumber(count));

export default function SurveyCyclePage() {
  const { cycle, stage, closed, rates, inviting, submissionKey, shownAt } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult });
  const open = cycle.status === "OPEN";
  return (
    <>
      <BackLink to="/council/survey">All surveys</BackLink>
      <PageHeading caption={cycle.council.name}>Supplier diversity survey {cycle.year}</PageHeading>
      <ErrorSummary errors={form.allErrors} />
      <p className="mb-6">
        <Link to={`/council/survey/${cycle.id}/report`} className="font-bold">
          See the report
        </Link>
        {open ? (
          <>
            {" · "}
            <Link to={`/council/survey/${cycle.id}/edit`}>Change dates or details</Link>
          </>
        ) : null}
      </p>
      <SummaryList
        rows={[
          {
            key: "Status",
            value: (
              <>
                <Tag colour={CYCLE_STAGE_COLOURS[stage]}>{CYCLE_STAGE_LABELS[stage]}</Tag>
                {cycle.anonymisedAt ? ` Anonymised on ${formatDate(cycle.anonymisedAt)}` : null}
              </>
            ),
          },
          // "Open <from> to <to>" beside "Closed" said a survey closed before those dates had run
          closed === "BEFORE_OPENING"
            ? {
                key: "Dates",
                value: `Closed on ${formatDate(cycle.closedAt)} before it opened. It was to open on ${formatDate(cycle.opensOn)} and close on ${formatDate(cycle.closesOn)}.`,
              }
            : closed === "EARLY"
              ? {
                  key: "Dates",
                  value: `Opened on ${formatDate(cycle.opensOn)}. Closed early on ${formatDate(cycle.closedAt)}: it was to close on ${formatDate(cycle.closesOn)}.`,
                }
              : { key: "Open", value: `${formatDate(cycle.opensOn)} to ${formatDate(cycle.closesOn)}` },
          { key: "DPIA reference", value: cycle.dpiaReference },
          {
            key: "Answers kept for",
            value: `${countOf(cycle.retentionMonths, "month", "months")} after closing`,
          },
          { key: "Privacy notice", value: cycle.privacyNotice },
        ]}
      />
      <h2 className="mb-2 text-2xl font-bold">Response rate</h2>
      <SummaryList
        rows={[
          { key: "Eligible or invited businesses", value: notKept(rates.eligible) },
          { key: "Invitations sent", value: notKept(rates.invited) },
          // closing deletes unsent and withdrawn responses, so these only mean something while open
          ...(open ? [{ key: "Started, not yet sent", value: formatNumber(rates.inProgress) }] : []),
          ...(open && rates.cannotBeSent > 0
            ? [
                {
                  key: "Started by businesses the council did not verify (cannot be sent)",
                  value: formatNumber(rates.cannotBeSent),
                },
              ]
            : []),
          { key: "Answers sent", value: rates.submitted },
          ...(open ? [{ key: "Withdrawn", value: formatNumber(rates.withdrawn) }] : []),
          {
            key: "Response rate",
            value: responseRateText({
              stage,
              opensOn: cycle.opensOn,
              reached: rates.eligible,
              submitted: rates.submitted,
              rate: rates.rate,
            }),
          },
        ]}
      />
      {cycle.anonymisedAt ? (
        <p className="mb-8">
          Invitations and the link between answers and businesses were deleted when the answers were
          anonymised, so who the survey reached, and its response rate, are no longer known.
        </p>
      ) : null}
      {open && !inviting ? (
        <p className="mb-8">
          The closing date has passed: businesses can no longer answer, and no more invitations can be sent.
          The survey is closed overnight, or you can close it now.
        </p>
      ) : null}
      {open ? (
        <>
          {inviting ? (
            <>
              <h2 className="mb-2 text-2xl font-bold">Invite businesses</h2>
              <Form method="post" className="mb-8">
                <p className="mb-4">
                  Email every SME supplier with a registered postcode in your area that has not been invited
                  yet, with this button or by email.
                </p>
                <Button name="intent" value="invite-eligible">
                  Invite eligible businesses
                </Button>
              </Form>
              <Form method="post" {...getFormProps(form)} noValidate className="mb-8">
                <input type="hidden" name="intent" value="invite-email" />
                <input type="hidden" name="submissionKey" value={submissionKey} />
                <input type="hidden" name="shownAt" value={shownAt} />
                <TextInput
                  name="email"
                  label="Invite any business by email"
                  hint="They get a personal link to the survey. Invite an address again to send a new link: the earlier one then stops working."
                  type="email"
                  autoComplete="off"
                  spellCheck={false}
                  width="20"
                  key={fields.email.key}
                  defaultValue={fields.email.initialValue as string | undefined}
                  errors={fields.email?.errors}
                />
                <Button variant="secondary">Send invitation</Button>
              </Form>
            </>
          ) : null}
          {stage === "NOT_YET_OPEN" ? (
            <>
              {/* closed before it opened, a survey kept its year and days though it never ran */}
              <h2 className="mb-2 text-2xl font-bold">Cancel this survey</h2>
              <Form method="post" noValidate>
                <p className="mb-4">
                  The survey has not opened yet, so no business has answered it. Cancelling deletes it
                  {rates.invited ? (
                    <>
                      {" "}
                      and the {countOf(rates.invited, "invitation", "invitations")} sent: their links stop
                      working
                    </>
                  ) : null}
                  .
                  {rates.invited
                    ? " Invitations not emailed yet are not sent, and businesses already emailed one are told the survey is cancelled."
                    : null}{" "}
                  You can then open a survey for {cycle.year} again.
                </p>
                <Checkboxes
                  name="confirmCancel"
                  legend="Before you cancel it"
                  errors={fields.confirmCancel?.errors}
                  options={[{ value: "yes", label: "I understand the survey is deleted" }]}
                />
                <Button name="intent" value="cancel" variant="warning">
                  Cancel this survey
                </Button>
              </Form>
            </>
          ) : (
            <>
              <h2 className="mb-2 text-2xl font-bold">Close the survey</h2>
              <Form method="post" noValidate>
                <p className="mb-4">
                  Businesses can no longer answer, change or withdraw. Answers started but never sent are
                  deleted. The answers sent are anonymised {countOf(cycle.retentionMonths, "month", "months")}{" "}
                  after closing. A closed survey cannot be opened again.
                </p>
                <Checkboxes
                  name="confirmClose"
                  legend="Before you close it"
                  errors={fields.confirmClose?.errors}
                  options={[{ value: "yes", label: "I understand the survey closes for good" }]}
                />
                <Button name="intent" value="close" variant="warning">
                  Close the survey
                </Button>
              </Form>
            </>
          )}
        </>
      ) : null}
    </>
  );
}
