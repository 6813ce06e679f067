import { getFormProps, useForm } from "@conform-to/react";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { clientIp } from "~/auth/request-context.server.ts";
import { requireRespondent } from "~/auth/survey-access.server.ts";
import { TOPICS, topicBySlug } from "~/domain/survey/questions.ts";
import { closedOn } from "~/domain/survey/eligibility.server.ts";
import {
  getOwnResponse,
  giveConsent,
  mayUseAnswers,
  sentTheAnswersLast,
} from "~/domain/survey/responses.server.ts";
import { consentSchema } from "~/domain/survey/schemas.ts";
import { BackLink, InsetText, Notice, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { countOf, formatDate } from "~/ui/format.ts";
import { Button, ErrorSummary, Radios } from "~/ui/form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { CannotSendNotice } from "~/ui/survey-cannot-send.tsx";
import { hasOpened } from "~/domain/survey/stages.ts";
import type { MemberRole } from "~/generated/prisma/enums.ts";
import { surveyPageTitle } from "~/ui/survey-title.ts";

// names the survey (its year and council) and the business, so each survey's page has a title of its own
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: surveyPageTitle(null, data?.survey) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, membership, cycle } = await requireRespondent(request, params.cycleId!);
  const response = await getOwnResponse(cycle.id, membership.organisationId);
  const mine = response ? mayUseAnswers(response, { userId: viewer.user.id, role: membership.role }) : false;
  // the receipt's link, followed after the close: what became of the answers, not a 404
  if (cycle.status === "CLOSED") {
    const sent = response?.status === "SUBMITTED";
    return json({
      survey: {
        year: cycle.year,
        councilName: cycle.council.name,
        businessName: membership.organisationName,
      },
      closed: {
        organisationName: membership.organisationName,
        year: cycle.year,
        councilName: cycle.council.name,
        councilEmail: cycle.council.contactEmail,
        closedOn: closedOn(cycle),
        // a colleague learns only that the business answered, as on the open survey's page
        answers: cycle.anonymised
          ? ("anonymised" as const)
          : sent
            ? mine
              ? ("mine" as const)
              : ("colleague" as const)
            : ("none" as const),
        receivedOn: sent && mine ? response.submittedAt : null,
      },
    });
  }
  return json({
    survey: { year: cycle.year, councilName: cycle.council.name, businessName: membership.organisationName },
    closed: null,
    organisationName: membership.organisationName,
    organisationId: membership.organisationId,
    cycle: {
      id: cycle.id,
      year: cycle.year,
      councilName: cycle.council.name,
      closesOn: cycle.closesOn,
      opensOn: cycle.opensOn,
      accepting: cycle.accepting,
      // not taking answers: opening later, or past its closing day (before the night's housekeeping closes it)
      notOpenYet: !hasOpened(cycle),
      privacyNotice: cycle.privacyNotice,
      dpiaReference: cycle.dpiaReference,
      retentionMonths: cycle.retentionMonths,
    },
    response: response
      ? {
          status: response.status,
          submittedAt: response.submittedAt,
          // a colleague's answers: only that they exist is shown, not who gave them or what they are
          mine,
          // an owner sees answers a colleague sent: "You sent your answers" was not so; and the date given is the
          // last send's, so it is the last sender who is told they sent them
          sentByMe:
            mine && response.status === "SUBMITTED" && (await sentTheAnswersLast(response, viewer.user.id)),
          // an owner continuing the answers a colleague started was told "You have started the survey"
          startedByMe: mine && response.respondentUserId === viewer.user.id,
          // answers never sent, from a business the council has since rejected: they can be seen or deleted, not sent
          cannotSend: cycle.rejected && response.status !== "SUBMITTED",
          // the page after the last one saved (the first if none was); a colleague is not told even that,
          // since which page comes next can hint at an answer
          continueAt: mine ? `/survey/${cycle.id}/${resumePath(response.resumeAt)}` : null,
        }
      : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership, cycle } = await requireRespondent(request, params.cycleId!);
  if (cycle.status === "CLOSED") return redirect(`/survey/${cycle.id}`);
  const submission = parseForm(await readForm(request), { schema: consentSchema });
  if (submission.status !== "success") {
    // A stale tab or a Back-button copy of the question, sent with no choice once the business has agreed or the
    // survey stopped taking answers: the page no longer asks it, so an error would point at nothing. It goes on to
    // where the business left off, as a form sent again does (decision 024).
    const leftOff = await whereLeftOff(cycle, viewer.user.id, membership);
    if (leftOff) return redirect(leftOff);
    return json(submission.reply(), { status: 400 });
  }
  // a business the council rejected keeps this page only for answers it gave: it does not start again
  if (cycle.rejected) return redirect(`/survey/${cycle.id}`);
  if (submission.value.consent === "no") {
    // a page read before someone in the business started the survey: its answers stay, and "nothing was saved"
    // would not be so
    const response = await getOwnResponse(cycle.id, membership.organisationId);
    if (response && response.status !== "WITHDRAWN")
      return redirectWithFlash(`/survey/${cycle.id}`, {
        kind: "info",
        message:
          "Your business has already started this survey, so nothing was changed and its answers are kept.",
      });
    return redirectWithFlash("/survey", {
      kind: "info",
      message: "You chose not to take part. Nothing about your business was saved.",
    });
  }
  if (!cycle.accepting)
    return json(submission.reply({ formErrors: ["This survey is not taking answers at the moment"] }), {
      status: 400,
    });
  const result = await giveConsent(cycle, {
    userId: viewer.user.id,
    organisationId: membership.organisationId,
    role: membership.role,
    ipAddress: clientIp(request),
  });
  // the survey closed since this page was read: nothing was stored, and its page says it has closed
  if (!result) return redirect(`/survey/${cycle.id}`);
  const first = `/survey/${cycle.id}/questions/${TOPICS[0].slug}`;
  if (result.prefilled)
    return redirectWithFlash(first, {
      kind: "info",
      message:
        "We have filled in your answers from last year. Check each one and change anything that is different.",
    });
  return redirect(first);
}

// The page the business goes on to when the question is no longer asked: the page after the last one saved for whoever
// may use the answers, the survey's own page (which says where things stand) for anyone else; null while it is asked.
async function whereLeftOff(
  cycle: { id: string; accepting: boolean; rejected: boolean },
  userId: string,
  membership: { organisationId: string; role: MemberRole },
) {
  const response = await getOwnResponse(cycle.id, membership.organisationId);
  const started = response !== null && response.status !== "WITHDRAWN";
  if (!started) return cycle.accepting ? null : `/survey/${cycle.id}`;
  const mine = mayUseAnswers(response, { userId, role: membership.role });
  return mine && response.status === "IN_PROGRESS" && cycle.accepting && !cycle.rejected
    ? `/survey/${cycle.id}/${resumePath(response.resumeAt)}`
    : `/survey/${cycle.id}`;
}

function resumePath(resumeAt: string | null) {
  if (resumeAt === "check-answers") return "check-answers";
  return `questions/${topicBySlug(resumeAt ?? undefined)?.slug ?? TOPICS[0].slug}`;
}

export default function SurveyPage() {
  const data = useLoaderData<typeof loader>();
  return data.closed ? <ClosedSurvey {...data.closed} /> : <SurveyExplainer {...data} />;
}

function ClosedSurvey({
  organisationName,
  year,
  councilName,
  councilEmail,
  closedOn,
  answers,
  receivedOn,
}: Extract<SerializeFrom<typeof loader>, { closed: object }>["closed"]) {
  return (
    <div className="max-w-3xl">
      <BackLink to="/survey">Back to surveys</BackLink>
      <PageHeading caption={`${councilName} · ${organisationName}`}>
        Supplier diversity survey {year}
      </PageHeading>
      <p className="mb-4">This survey closed on {formatDate(closedOn)}.</p>
      {answers === "mine" ? (
        <p className="mb-4">
          We received your answers on {formatDate(receivedOn)}. They can no longer be changed or withdrawn.
        </p>
      ) : answers === "colleague" ? (
        <p className="mb-4">
          Someone in {organisationName} sent answers for the business before the survey closed. They can no
          longer be changed or withdrawn.
        </p>
      ) : answers === "none" ? (
        <p className="mb-4">
          {organisationName} did not send answers to this survey before it closed, so there are no answers to
          see.
        </p>
      ) : (
        <p className="mb-4">
          The answers to this survey have been anonymised: they are no longer linked to any business, so they
          cannot be shown.
        </p>
      )}
      <p className="mb-4">
        If you have a question about the survey or your answers, contact {councilName}
        {councilEmail ? (
          <>
            {" "}
            at <a href={`mailto:${councilEmail}`}>{councilEmail}</a>
          </>
        ) : null}
        .
      </p>
      <p>
        <Link to="/survey">See the surveys open to your business</Link>
      </p>
    </div>
  );
}

function SurveyExplainer({
  organisationName,
  organisationId,
  cycle,
  response,
}: Extract<SerializeFrom<typeof loader>, { closed: null }>) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult });
  const started = response && response.status !== "WITHDRAWN";
  return (
    <div className="max-w-3xl">
      <BackLink to="/survey">Back to surveys</BackLink>
      {/* at the top of the page (GOV.UK error summary), not below the explainer beside the question: without
          JavaScript the page comes back scrolled to the top */}
      <ErrorSummary errors={form.allErrors} />
      <PageHeading caption={`${cycle.councilName} · ${organisationName}`}>
        Supplier diversity survey {cycle.year}
      </PageHeading>
      {/* "It is open from … to …" read, past the closing day, as if the survey were still open */}
      {cycle.accepting ? null : cycle.notOpenYet ? (
        <Notice title="This survey is not open yet">
          It opens on {formatDate(cycle.opensOn)} and closes on {formatDate(cycle.closesOn)}.
        </Notice>
      ) : (
        <Notice title="This survey has closed">
          Its closing date, {formatDate(cycle.closesOn)}, has passed, so it no longer takes answers.
        </Notice>
      )}
      {/* answers never sent can no longer be: without this, "Continue the survey" led to a Send that should not be */}
      {started && response.cannotSend && cycle.accepting ? (
        <CannotSendNotice organisationId={organisationId} mine={response.mine} />
      ) : null}
      {started && response.cannotSend && cycle.accepting ? (
        response.mine ? (
          <ul className="mb-6 list-disc space-y-2 pl-6">
            <li>
              <Link to={`/survey/${cycle.id}/check-answers`}>See the answers</Link>
            </li>
            <li>
              <Link to={`/survey/${cycle.id}/withdraw`}>Delete the answers</Link>
            </li>
          </ul>
        ) : null
      ) : started && !response.mine ? (
        <p className="mb-4">
          Someone in {organisationName} has already {response.status === "SUBMITTED" ? "sent" : "started"}{" "}
          this survey for the business. Only the person who answered and the business&apos;s owners can see,
          change or withdraw the answers.
        </p>
      ) : started ? (
        <>
          {response.status === "SUBMITTED" ? (
            <p className="mb-4">
              {response.sentByMe ? "You sent your answers" : "A colleague sent your business's answers"} on{" "}
              {formatDate(response.submittedAt)}.
              {/* past its closing day the answers can no longer be changed, whatever the date said */}
              {cycle.accepting
                ? ` You can see, change or withdraw them until ${formatDate(cycle.closesOn)}.`
                : null}
            </p>
          ) : cycle.accepting ? (
            <p className="mb-4">
              {response.startedByMe
                ? "You have started the survey. Your answers are saved as you go"
                : "A colleague has started the survey for your business. You can see and continue their answers, which are saved as you go"}
              ; send them by {formatDate(cycle.closesOn)}.
            </p>
          ) : (
            <p className="mb-4">
              {response.startedByMe
                ? "You started the survey but did not send your answers before it closed"
                : "A colleague started the survey for your business but the answers were not sent before it closed"}
              , so they will not be used.
            </p>
          )}
          {cycle.accepting ? (
            <ul className="mb-6 list-disc space-y-2 pl-6">
              {response.status === "IN_PROGRESS" && response.continueAt ? (
                <li>
                  <Link to={response.continueAt}>Continue the survey</Link>
                </li>
              ) : null}
              <li>
                <Link to={`/survey/${cycle.id}/check-answers`}>See or change your answers</Link>
              </li>
              <li>
                {/* answers never sent are deleted: the council never had them to withdraw */}
                <Link to={`/survey/${cycle.id}/withdraw`}>
                  {response.status === "SUBMITTED" ? "Withdraw your answers" : "Delete your answers"}
                </Link>
              </li>
            </ul>
          ) : null}
        </>
      ) : (
        <>
          <h2 className="mb-2 text-2xl font-bold">Why we ask</h2>
          <p className="mb-4">
            {cycle.councilName} wants more small and diverse businesses to win its contracts. Your answers
            show us who owns and leads local businesses and what stops them bidding, so we can remove barriers
            and plan events such as Meet the Buyer.
          </p>
          <h2 className="mb-2 text-2xl font-bold">Every question is optional</h2>
          <p className="mb-4">
            Each question has a &ldquo;Prefer not to say&rdquo; answer, and you can skip any question.
            {cycle.accepting || cycle.notOpenYet
              ? ` You can save your answers and come back later, and change or withdraw them until ${formatDate(cycle.closesOn)}.`
              : null}
          </p>
          <h2 className="mb-2 text-2xl font-bold">Who sees your answers</h2>
          <p className="mb-4">
            This survey is not anonymous, so that the council can follow up with businesses that agree to be
            contacted. Answers about the protected characteristics of your owners and leaders are special
            category data: they are kept apart, seen only by council officers who run the survey, and every
            time they are looked at is recorded. Reports only show totals, and any number below 5 is hidden.
          </p>
          <h2 className="mb-2 text-2xl font-bold">How long we keep them</h2>
          <p className="mb-4">
            {countOf(cycle.retentionMonths, "month", "months")} after the survey closes, your answers are
            anonymised: they are no longer linked to your business.
          </p>
          <InsetText>
            <p className="mb-2 whitespace-pre-line">{cycle.privacyNotice}</p>
            <p className="text-muted">Data protection impact assessment: {cycle.dpiaReference}</p>
          </InsetText>
          {cycle.accepting ? (
            <Form method="post" {...getFormProps(form)} noValidate>
              <Radios
                name={fields.consent.name}
                legend="Do you agree to answer the survey on behalf of your business?"
                hint="We store nothing until you agree."
                errors={fields.consent.errors}
                options={[
                  { value: "yes", label: "Yes, I agree to take part" },
                  { value: "no", label: "No, I do not want to take part" },
                ]}
              />
              <Button>Continue</Button>
            </Form>
          ) : null}
        </>
      )}
    </div>
  );
}
