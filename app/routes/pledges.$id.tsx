import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/server/parse-form.server.ts";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { PledgeStatus } from "~/generated/prisma/enums.ts";
import { z } from "zod";
import { Form } from "~/ui/form-for.tsx";
import { forbidden } from "~/auth/permissions.server.ts";
import { requirePledge } from "~/auth/pledge-access.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { isoDayAsUk, londonDay, ukDayAsIso } from "~/domain/calendar.ts";
import { DELIVERY_REMINDER_DAYS } from "~/domain/marketplace/delivery-reminder-rule.ts";
import { remindersOfLatestReport } from "~/domain/marketplace/delivery-reminders.server.ts";
import { formatQuantity, quantityUnit } from "~/domain/marketplace/help-types.ts";
import {
  canPledge,
  PLEDGE_ACTIONS,
  pledgeRefusal,
  pledgeStateLabel,
  UNSETTLED_STATUSES,
  type PledgeAction,
} from "~/domain/marketplace/pledge-lifecycle.ts";
import { changedMeanwhile } from "~/domain/marketplace/pledge-changed-meanwhile.ts";
import { acceptTooLate, changePledge, deliveryReportProblems } from "~/domain/marketplace/pledges.server.ts";
import { pledgePageShown } from "~/domain/marketplace/queries.server.ts";
import { isPastNeededBy, LIVE_STATUSES } from "~/domain/marketplace/request-lifecycle.ts";
import { DECLINE_REASON_MISSING, pledgeActionSchemaFor } from "~/domain/marketplace/schemas.ts";
import { InsetText, PageHeading, SummaryList, Tag, Timeline } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, DateInput, ErrorSummary, Radios, ReasonForm, TextInput, Textarea } from "~/ui/form.tsx";
import { formatDate, formatDateTime, isoDate, listInWords } from "~/ui/format.ts";
import { replyToFailure } from "~/ui/failure-reply.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";
import { RequestorContactDetails } from "~/ui/requestor-contact.tsx";
import { PledgeEndingLink } from "~/ui/pledge-ending.tsx";

// the header shows the side of the pledge the page is read for (its loader's actingFor): the group that asked, or the
// supplier that pledged, whatever the switcher is on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("actingFor");

// names the pledge (whose, to which request), so each pledge's page has a title of its own
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? `Pledge from ${data.pledge.supplierOrganisation.name}: ${data.pledge.request.title}` : "Pledge"} – Social Value Marketplace`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { pledge, roles } = await requirePledge(request, params.id!);
  // an officer of the request's council, on neither side, reads it for oversight
  const overseeing = roles.length === 0;
  // an offer on a request past its needed-by date (not yet expired by the nightly run) cannot be accepted
  const pastNeededBy = isPastNeededBy(pledge.request.neededBy);
  const tooLateToAccept = pastNeededBy ? acceptTooLate(pledge.request) : null;
  // what declining frees goes back to other suppliers only while the request still runs
  const freedForOthers = LIVE_STATUSES.includes(pledge.request.status) && !pastNeededBy;
  return json({
    actingFor: roles.includes("REQUESTOR")
      ? pledge.request.organisationId
      : overseeing
        ? pledge.request.councilId
        : pledge.supplierOrganisationId,
    // only what the page shows (no contract data for the requestor, no contact details for an officer)
    pledge: pledgePageShown(pledge, { requestor: roles.includes("REQUESTOR"), overseeing }),
    roles,
    overseeing,
    today: isoDate(londonDay(new Date())),
    tooLateToAccept,
    freedForOthers,
    // an offer still unanswered after it closes: the supplier is told when (only its page says so)
    neededBy: roles.includes("SUPPLIER") ? pledge.request.neededBy : null,
    // a delivery waiting for the requestor: the supplier is told when they were reminded, and after the last
    // reminder that no more will come (decision 053)
    reminders:
      roles.includes("SUPPLIER") && pledge.status === "DELIVERED"
        ? await remindersOfLatestReport(pledge.id)
        : [],
  });
}

const FLASH: Record<PledgeAction, string> = {
  accept: "Pledge accepted",
  decline: "Pledge declined",
  withdraw: "Pledge withdrawn",
  reportDelivery: "Delivery reported",
  confirm: "Delivery confirmed",
  dispute: "Delivery disputed",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, pledge, roles } = await requirePledge(request, params.id!);
  // an officer reads a pledge for oversight: the requestor and the supplier act on it
  if (roles.length === 0)
    forbidden("Only the group that asked and the supplier that pledged act on a pledge.");
  const form = await readForm(request);
  // a delivery of more than was pledged is refused with the form's other errors (the domain checks it again)
  const submission = parseForm(form, {
    schema: pledgeActionSchemaFor({
      quantity: pledge.quantity,
      helpType: pledge.request.helpType,
      unitLabel: pledge.request.unitLabel,
    }),
  });
  // A form for a change the pledge no longer allows (the other side acted since the page was loaded) is told so,
  // not what to correct in a form the page no longer shows, and the other side's change is said as who did what and
  // when (pledge-changed-meanwhile.ts). A valid one goes on: sent twice, it is a repeat.
  const refusal = pledgeRefusal(pledge.status, submission.payload.intent, roles);
  const meanwhile = refusal
    ? changedMeanwhile(pledge.events.at(-1), pledge.status, submission.payload.intent as PledgeAction, roles)
    : null;
  if (submission.status !== "success" && refusal)
    return json(parseForm(form, { schema: z.object({}) }).reply({ formErrors: [meanwhile ?? refusal] }), {
      status: 400,
    });
  // declining a pledge already agreed calls it off, and its form is called so
  const callingOff =
    submission.payload.intent === "decline" && ["ACCEPTED", "DELIVERED", "DISPUTED"].includes(pledge.status);
  // only "give a reason" is reworded: a reason too long, or of nothing to read, is told what is wrong with it
  if (submission.status !== "success") {
    const fieldErrors: Record<string, string[]> = {};
    if (callingOff && submission.error?.reason?.includes(DECLINE_REASON_MISSING))
      fieldErrors.reason = ["Give a reason for calling off the pledge"];
    // a delivery report's date the form took is checked against the pledge now, with the form's other errors,
    // rather than in a second round once those are put right
    if (submission.payload.intent === "reportDelivery" && !submission.error?.deliveredOn) {
      const deliveredOn = ukDayAsIso(submission.payload.deliveredOn);
      // the pledge the page loaded by its access rule, not read again by id
      if (typeof deliveredOn === "string")
        Object.assign(fieldErrors, deliveryReportProblems(pledge, { deliveredOn: deliveredOn.trim() }));
    }
    return json(
      Object.keys(fieldErrors).length > 0 ? submission.reply({ fieldErrors }) : submission.reply(),
      { status: 400 },
    );
  }
  const value = submission.value;
  const result = await changePledge({
    pledgeId: pledge.id,
    action: value.intent,
    roles,
    actor: { userId: viewer.user.id, ipAddress: clientIp(request) },
    reason: "reason" in value ? value.reason : null,
    ...(value.intent === "reportDelivery" ? value : {}),
    ...(value.intent === "confirm" ? { rating: value.rating, feedback: value.feedback } : {}),
  });
  if (!result.ok)
    return json(
      meanwhile ? submission.reply({ formErrors: [meanwhile] }) : replyToFailure(submission, result),
      { status: 400 },
    );
  return redirectWithFlash(`/pledges/${pledge.id}`, {
    kind: "success",
    message: callingOff ? "Pledge called off" : FLASH[value.intent],
  });
}

// the delivery report's fields in the order of the form: its date is checked against the pledge after the schema's
// checks, so its error comes after the note's unless the summary is told
const DELIVERY_REPORT_FIELDS = ["deliveredQuantity", "deliveredOn", "deliveryNote"];

// the scale's ends are named in each button's label, not only in the hint, so each is clear on its own
const RATING_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({
  value: String(n),
  label: n === 1 ? "1 (poor)" : n === 5 ? "5 (excellent)" : String(n),
}));

export default function PledgeDetailPage() {
  const { pledge, roles, overseeing, today, tooLateToAccept, freedForOthers, neededBy, reminders } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onSubmit" });
  const can = (a: PledgeAction) => roles.some((r) => canPledge(pledge.status, a, r));
  // declining a pledge already agreed (accepted, or delivered and disputed) calls it off
  const callingOff = pledge.status !== "OFFERED";
  const q = (n: number) => formatQuantity(pledge.request.helpType, n, pledge.request.unitLabel);
  const initial = (name: string) => {
    const v = (fields as unknown as Record<string, { initialValue?: unknown }>)[name]?.initialValue;
    return typeof v === "string" ? v : undefined;
  };
  // The delivery form starts from the last report, if there was one (reporting again after a dispute: what was
  // reported, not the whole pledge, so sending it unchanged claims no more than before), else from the amount pledged
  // and today. A refused report shows what was sent, a field left blank blank.
  const reportSent = initial("intent") === "reportDelivery";
  const reported = pledge.deliveredQuantity != null;
  const report = (name: string, otherwise: string | undefined) =>
    reportSent ? initial(name) : (initial(name) ?? otherwise);
  // a reason typed for a change refused because the pledge changed meanwhile: its form is gone, so it is shown here
  // to be copied, not lost
  const sentIntent = initial("intent");
  const reasonNotSent =
    sentIntent && PLEDGE_ACTIONS.includes(sentIntent as PledgeAction) && !can(sentIntent as PledgeAction)
      ? initial("reason")?.trim()
      : undefined;
  return (
    <>
      <PageHeading caption={`Pledge from ${pledge.supplierOrganisation.name}`}>
        {pledge.request.title}
      </PageHeading>
      <ErrorSummary errors={form.allErrors} order={DELIVERY_REPORT_FIELDS} />
      {reasonNotSent ? (
        <InsetText>
          The reason you typed was not sent: <q>{reasonNotSent}</q>
        </InsetText>
      ) : null}
      <p className="mb-6">
        <Tag>{pledgeStateLabel(pledge.status, pledge.calledOff)}</Tag>
      </p>
      <SummaryList
        rows={[
          { key: "Pledged", value: q(pledge.quantity) },
          { key: "Expected delivery", value: formatDate(pledge.expectedDeliveryDate) },
          { key: "Message", value: pledge.message || "Not given" },
          // sent only while the pledge is agreed, to its two sides (never to an officer reading it)
          ...(pledge.request.contact
            ? [
                {
                  key: roles.includes("REQUESTOR")
                    ? "How the supplier can contact you"
                    : "How to contact the requestor",
                  value: (
                    <RequestorContactDetails
                      contact={pledge.request.contact}
                      forGroup={roles.includes("REQUESTOR")}
                    />
                  ),
                },
              ]
            : []),
          ...(pledge.commitment
            ? [
                {
                  key: "Counts towards",
                  value: `${pledge.commitment.contract.reference}: ${pledge.commitment.measure.name}`,
                },
              ]
            : []),
          ...(pledge.decisionReason
            ? [
                {
                  key: pledge.calledOff ? "Why it was called off" : "Reason declined",
                  value: pledge.decisionReason,
                },
              ]
            : []),
          ...(pledge.deliveredQuantity != null
            ? [
                {
                  key: "Delivered",
                  value: `${q(pledge.deliveredQuantity)} on ${formatDate(pledge.deliveredOn)}`,
                },
                // a delivery reported without a note (before one was asked for) reads as other empty answers do
                { key: "Delivery note", value: pledge.deliveryNote || "Not given" },
              ]
            : []),
          ...(pledge.rating ? [{ key: "Rating", value: `${pledge.rating} out of 5` }] : []),
          ...(pledge.feedback ? [{ key: "Feedback", value: pledge.feedback }] : []),
          // a dispute put right (delivered again, or confirmed after all) is history, not what is wrong now
          ...(pledge.disputeReason
            ? [
                {
                  key: pledge.status === "DISPUTED" ? "What is wrong" : "Disputed earlier",
                  value: pledge.disputeReason,
                },
              ]
            : []),
        ]}
      />
      {pledge.request.status === "EXPIRED" && UNSETTLED_STATUSES.includes(pledge.status) ? (
        <InsetText>
          The request has expired, so it takes no new pledges, but this pledge was accepted before then and
          goes on:{" "}
          {roles.includes("REQUESTOR")
            ? "confirm the delivery when it arrives."
            : overseeing
              ? "the supplier reports the delivery when it is done, and the requestor confirms it."
              : "report the delivery when it is done, and the requestor confirms it."}{" "}
          A confirmed delivery counts as social value delivered.
        </InsetText>
      ) : null}
      {roles.includes("SUPPLIER") &&
      !roles.includes("REQUESTOR") &&
      !(pledge.request.status === "EXPIRED" && UNSETTLED_STATUSES.includes(pledge.status)) ? (
        <SupplierNextStep
          status={pledge.status}
          expectedBy={formatDate(pledge.expectedDeliveryDate)}
          neededBy={neededBy ? formatDate(neededBy) : ""}
          reminders={reminders}
          countsTowards={
            pledge.commitment
              ? `${pledge.commitment.contract.reference}: ${pledge.commitment.measure.name}`
              : null
          }
        />
      ) : null}
      {overseeing ? (
        <InsetText>
          You are reading this pledge as an officer of the council the request is for. The group that asked
          for the help and the supplier that pledged it act on it, not the council.
        </InsetText>
      ) : null}
      <p className="mb-8">
        <Link
          to={
            roles.includes("REQUESTOR")
              ? `/requests/${pledge.request.id}/manage`
              : `/requests/${pledge.request.id}`
          }
        >
          View the request
        </Link>
      </p>

      {can("accept") && tooLateToAccept ? (
        <InsetText>{tooLateToAccept}</InsetText>
      ) : can("accept") ? (
        <Form method="post" {...getFormProps(form)} className="mb-8">
          <Button name="intent" value="accept">
            Accept pledge
          </Button>
        </Form>
      ) : null}
      {can("decline") && !callingOff ? (
        <ReasonForm
          heading="Decline the pledge"
          label="Reason for declining"
          hint={`The supplier will see this. ${
            freedForOthers
              ? "The amount is needed again and other suppliers can pledge it."
              : "The request takes no new pledges, so no other supplier can pledge the amount."
          }`}
          intent="decline"
          submit="Decline pledge"
          errors={fields.reason?.errors}
          defaultValue={initial("reason")}
        />
      ) : null}
      {can("reportDelivery") ? (
        <Form method="post" noValidate className="mb-8 max-w-xl border-t-2 border-line pt-4">
          <h2 className="mb-4 text-2xl font-bold">Report delivery</h2>
          <TextInput
            name="deliveredQuantity"
            label={`How much did you deliver (${quantityUnit(pledge.request.helpType, pledge.request.unitLabel)})?`}
            hint={`You pledged ${q(pledge.quantity)}`}
            inputMode="numeric"
            width="10"
            errors={fields.deliveredQuantity?.errors}
            defaultValue={report(
              "deliveredQuantity",
              String(reported ? pledge.deliveredQuantity : pledge.quantity),
            )}
          />
          <DateInput
            name="deliveredOn"
            label="Date delivered"
            // the form's usual example (a date next year) is one this field refuses as in the future
            hint={`Today or earlier, for example ${isoDayAsUk(today)}`}
            max={today}
            errors={fields.deliveredOn?.errors}
            defaultValue={report(
              "deliveredOn",
              reported && pledge.deliveredOn ? isoDate(pledge.deliveredOn) : today,
            )}
          />
          <Textarea
            name="deliveryNote"
            label="What was delivered?"
            rows={3}
            errors={fields.deliveryNote?.errors}
            defaultValue={report("deliveryNote", (reported && pledge.deliveryNote) || undefined)}
          />
          <Button name="intent" value="reportDelivery">
            Report delivery
          </Button>
        </Form>
      ) : null}
      {/* ending the pledge for good is asked on a page of its own, after the main action (app/ui/pledge-ending.tsx) */}
      {can("withdraw") ? (
        <PledgeEndingLink pledgeId={pledge.id} ending="withdraw">
          {pledge.status === "ACCEPTED"
            ? "If you can no longer deliver it. The requestor is counting on it: they will be told, with your reason."
            : "If you can no longer give it. The requestor will be told."}
        </PledgeEndingLink>
      ) : null}
      {can("confirm") ? (
        <Form method="post" className="mb-8 max-w-xl border-t-2 border-line pt-4">
          <h2 className="mb-4 text-2xl font-bold">Confirm you received it</h2>
          <Radios
            name="rating"
            legend="How would you rate it? (optional)"
            hint="1 is poor, 5 is excellent."
            inline
            options={RATING_OPTIONS}
            errors={fields.rating?.errors}
            defaultValue={initial("rating")}
          />
          <Textarea
            name="feedback"
            label="Feedback for the supplier (optional)"
            rows={3}
            errors={fields.feedback?.errors}
            defaultValue={initial("feedback")}
          />
          <Button name="intent" value="confirm">
            Confirm delivery
          </Button>
        </Form>
      ) : null}
      {can("dispute") ? (
        <ReasonForm
          heading="Something wrong?"
          label="What is wrong with the delivery?"
          intent="dispute"
          submit="Dispute delivery"
          errors={fields.reason?.errors}
          defaultValue={initial("reason")}
        />
      ) : null}
      {can("decline") && callingOff ? (
        <PledgeEndingLink pledgeId={pledge.id} ending="callOff">
          {pledge.status === "DISPUTED"
            ? "If the supplier has not put the delivery right and you no longer expect it to. The supplier will be told, with your reason."
            : "If you no longer need it. The supplier will be told, with your reason."}
        </PledgeEndingLink>
      ) : null}

      <Timeline
        items={pledge.events.map((e) => ({
          id: e.id,
          title: pledgeStateLabel(e.toStatus, e.calledOff),
          when: formatDateTime(e.createdAt),
          who: e.who ?? undefined,
          why: e.reason,
        }))}
      />
    </>
  );
}

const [FIRST_REMINDER, SECOND_REMINDER] = DELIVERY_REMINDER_DAYS;

// What happens next, in the supplier's words: after "Pledge sent" or "Delivery reported" the page said only the
// new state ("offered", "delivered"), not who acts next or when the pledge starts to count.
function SupplierNextStep({
  status,
  expectedBy,
  neededBy,
  countsTowards,
  reminders,
}: {
  status: PledgeStatus;
  expectedBy: string;
  /** the request's needed-by date: an offer still unanswered after it closes (the nightly job declines it) */
  neededBy: string;
  countsTowards: string | null;
  /** the reminders sent for the latest delivery report, first first */
  reminders: { sentAt: string; last: boolean }[];
}) {
  const counts = countsTowards ? ` It then counts towards ${countsTowards}.` : "";
  const remindedOn = listInWords(reminders.map((r) => formatDate(r.sentAt)));
  const reminding = reminders.some((r) => r.last)
    ? `We reminded them on ${remindedOn}, the last reminder we send: if they still have not answered, get in touch with them using the contact details above.`
    : reminders.length
      ? `We reminded them on ${remindedOn}, and will once more if they have not confirmed or disputed it ${SECOND_REMINDER} days after you reported it.`
      : `If they have not confirmed or disputed it ${FIRST_REMINDER} days after you reported it, we remind them, and once more after ${SECOND_REMINDER} days.`;
  const closed = (
    <>
      This pledge is closed: nothing more is needed from you.{" "}
      <Link to="/requests">Find another request to support</Link>.
    </>
  );
  const text: Record<PledgeStatus, ReactNode> = {
    OFFERED: `What happens next: the requestor accepts or declines your pledge, and you get an email when they do. An offer not answered by the end of the request’s needed-by date (${neededBy}) closes. Until then you can withdraw it.`,
    ACCEPTED: `What happens next: deliver it (you expected to by ${expectedBy}), then report the delivery below. The requestor confirms they received it.${counts}`,
    DELIVERED: `What happens next: the requestor confirms they received it, and you get an email when they do. ${reminding} Only a confirmed delivery counts as social value delivered.${counts}`,
    DISPUTED:
      "What happens next: the requestor says something is wrong with the delivery. Put it right with them and report the delivery again below.",
    CONFIRMED: countsTowards
      ? `The requestor confirmed the delivery. It counts towards ${countsTowards}, and is shown on your quarterly return for the quarter it was delivered in.`
      : "The requestor confirmed the delivery. Thank you.",
    DECLINED: closed,
    WITHDRAWN: closed,
  };
  return <InsetText>{text[status]}</InsetText>;
}
