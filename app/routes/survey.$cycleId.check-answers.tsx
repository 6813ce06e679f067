import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { clientIp } from "~/auth/request-context.server.ts";
import { requireRespondent } from "~/auth/survey-access.server.ts";
import {
  afterChange,
  backgroundLabel,
  ethnicBackgroundLegend,
  labelFor,
  PREFER_NOT,
  preferNotChoice,
  topicApplies,
  TOPICS,
  type Question,
} from "~/domain/survey/questions.ts";
import { getOwnAnswers, submitResponse, type OwnResponse } from "~/domain/survey/responses.server.ts";
import { SIZE_LABELS } from "~/domain/survey/size.ts";
import { BackLink, PageHeading, SummaryList } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button } from "~/ui/form.tsx";
import { CannotSendNotice, NOT_VERIFIED } from "~/ui/survey-cannot-send.tsx";
import { surveyPageTitle } from "~/ui/survey-title.ts";

// names the survey (its year and council) and the business, so each survey's page has a title of its own
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: surveyPageTitle("Check your answers", data?.survey) },
];

async function load(request: Request, cycleId: string) {
  const { viewer, membership, cycle } = await requireRespondent(request, cycleId);
  if (!cycle.accepting) throw redirect(`/survey/${cycle.id}`);
  const own = await getOwnAnswers({
    cycleId: cycle.id,
    organisationId: membership.organisationId,
    userId: viewer.user.id,
    role: membership.role,
    ipAddress: clientIp(request),
  });
  if (!own) throw redirect(`/survey/${cycle.id}`);
  // answers never sent, from a business the council has since rejected: shown, to be deleted, but not sent
  const cannotSend = cycle.rejected && own.response.status !== "SUBMITTED";
  return { viewer, membership, cycle, cannotSend, ...own };
}

const notSent = (cycleId: string) =>
  redirectWithFlash(`/survey/${cycleId}`, {
    kind: "error",
    message: `Your answers were not sent. ${NOT_VERIFIED}`,
  });

function answerText(response: OwnResponse, protectedAnswers: Record<string, string>, q: Question) {
  if (q.name === "ethnicBackground") return backgroundLabel(protectedAnswers.ethnicBackground);
  if (q.name in protectedAnswers) return labelFor(q, protectedAnswers[q.name]);
  if (q.name === "contactConsent") return labelFor(q, response.contactConsentAnswer);
  if (q.name === "barriers")
    return response.barriers.length ? response.barriers.map((b) => labelFor(q, b)).join("\n") : null;
  const value = (response as Record<string, unknown>)[q.name];
  if (typeof value !== "string" || !value) return null;
  if (value === PREFER_NOT) return preferNotChoice.label;
  return q.options ? labelFor(q, value) : value;
}

// Who to contact is asked only of a business that agreed to be contacted: after a "No", rows reading "Not answered"
// suggested a question had been missed. (Last year's contact details, kept ready for a yes this year, are not an
// answer until that yes is given.)
function asked(response: OwnResponse, q: Question) {
  if (q.name === "contactName" || q.name === "contactEmail") return response.contactConsentAnswer === "YES";
  return true;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership, cycle, response, protectedAnswers, cannotSend } = await load(request, params.cycleId!);
  const sections = TOPICS.filter((t) => topicApplies(t, protectedAnswers)).map((topic) => ({
    slug: topic.slug,
    title: topic.title,
    answers: topic.questions
      .filter((q) => asked(response, q))
      .map((q) => ({
        name: q.name,
        question:
          q.name === "ethnicBackground" ? ethnicBackgroundLegend(protectedAnswers.ethnicGroup) : q.legend,
        answer: answerText(response, protectedAnswers, q),
      })),
  }));
  return json({
    cycleId: cycle.id,
    year: cycle.year,
    // the page's title names the survey's council and the business as well as its year
    survey: { year: cycle.year, councilName: cycle.council.name, businessName: membership.organisationName },
    submitted: response.status === "SUBMITTED",
    cannotSend,
    // where the council's reason for not verifying the business is shown
    organisationId: cannotSend ? membership.organisationId : null,
    derivedSize: response.derivedSize ? SIZE_LABELS[response.derivedSize] : null,
    sections,
    // GOV.UK check-answers pattern: Back returns to the last question page while the answers are being given; once
    // sent, the page is reached from the survey's page (or the confirmation), not from the last question
    backTo:
      response.status === "SUBMITTED" || cannotSend
        ? `/survey/${cycle.id}`
        : `/survey/${cycle.id}/questions/${TOPICS[TOPICS.length - 1].slug}`,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership, cycle, response, cannotSend } = await load(request, params.cycleId!);
  if (cannotSend) return notSent(cycle.id);
  const result = await submitResponse({
    responseId: response.id,
    userId: viewer.user.id,
    organisationId: membership.organisationId,
    ipAddress: clientIp(request),
    email: viewer.user.email,
    councilId: cycle.councilId,
    cycleId: cycle.id,
    year: cycle.year,
  });
  // withdrawn (in another window), or the survey closed, since this page was read: nothing was sent
  if ("withdrawn" in result || "closed" in result) return redirect(`/survey/${cycle.id}`);
  // the council rejected the business since this page was read
  if ("notVerified" in result) return notSent(cycle.id);
  return redirect(`/survey/${cycle.id}/confirmation`);
}

export default function CheckAnswers() {
  const { cycleId, year, submitted, cannotSend, organisationId, derivedSize, sections, backTo } =
    useLoaderData<typeof loader>();
  return (
    <div className="max-w-4xl">
      <BackLink to={backTo} />
      <PageHeading caption={`Supplier diversity survey ${year}`}>
        {cannotSend ? "Your answers" : "Check your answers"}
      </PageHeading>
      {cannotSend ? <CannotSendNotice organisationId={organisationId!} mine /> : null}
      {derivedSize ? (
        <p className="mb-6">
          From your answers, your business is <strong>{derivedSize.toLowerCase()}</strong>.
        </p>
      ) : null}
      {sections.map((section) => (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`}>
          <h2 id={`section-${section.slug}`} className="mb-2 text-xl font-bold">
            {section.title}
          </h2>
          <SummaryList
            rows={section.answers.map((a) => ({
              key: a.question,
              value: a.answer ?? "Not answered",
              // answers that cannot be sent are not to be changed either
              action: cannotSend
                ? undefined
                : {
                    to: `/survey/${cycleId}/questions/${section.slug}?return=check#${a.name}`,
                    label: "Change",
                    hidden: afterChange(section.answers.length === 1 ? section.title : a.question),
                  },
            }))}
          />
        </section>
      ))}
      {cannotSend ? (
        <ul className="mb-6 list-disc space-y-2 pl-6">
          <li>
            <Link to={`/survey/${cycleId}/withdraw`}>Delete these answers</Link>
          </li>
          <li>
            <Link to={`/survey/${cycleId}`}>Go to the survey page</Link>
          </li>
        </ul>
      ) : submitted ? (
        <>
          {/* a saved change to answers already sent counts at once (decision 007): sending again only emails a
              receipt, so the page must not suggest a change waits for it */}
          <h2 className="mb-2 text-2xl font-bold">Your answers have been sent</h2>
          <p className="mb-6">
            Any change you save counts straight away: you do not need to send your answers again. Send them
            again if you want an email receipt of your changes. You can change or withdraw them until the
            survey closes.
          </p>
        </>
      ) : (
        <>
          <h2 className="mb-2 text-2xl font-bold">Now send your answers</h2>
          <p className="mb-6">
            By sending your answers you confirm they are right to the best of your knowledge. You can change
            or withdraw them until the survey closes.
          </p>
        </>
      )}
      {cannotSend ? null : (
        <Form method="post">
          <Button>{submitted ? "Send changed answers" : "Send answers"}</Button>
        </Form>
      )}
    </div>
  );
}
