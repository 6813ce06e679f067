import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRespondent } from "~/auth/survey-access.server.ts";
import {
  getOwnResponse,
  mayUseAnswers,
  sentTheAnswers,
  wereWithdrawn,
} from "~/domain/survey/responses.server.ts";
import { PageHeading } from "~/ui/components.tsx";
import { formatDate } from "~/ui/format.ts";
import { surveyPageTitle } from "~/ui/survey-title.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: surveyPageTitle(
      data && "notSent" in data ? NOT_SENT_HEADINGS[data.notSent] : "Answers sent",
      data?.survey,
    ),
  },
];

// This page reached with no answers sent (from the browser's history after a withdrawal, or a bookmark): what
// became of them, and the way back to the survey, rather than "Page not found".
const NOT_SENT_HEADINGS = {
  withdrawn: "Your answers were withdrawn",
  started: "Your answers have not been sent",
  // answers never sent, from a business the council has since rejected: they cannot be
  "cannot-send": "Your answers have not been sent",
  // a colleague's answers, which this person may not see or continue
  colleague: "Your business's answers have not been sent",
  none: "Your business has not answered this survey",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, membership, cycle } = await requireRespondent(request, params.cycleId!);
  // once closed, the survey's first page says what became of the answers
  if (cycle.status === "CLOSED") throw redirect(`/survey/${cycle.id}`);
  const response = await getOwnResponse(cycle.id, membership.organisationId);
  if (!response || response.status !== "SUBMITTED") {
    const notSent: keyof typeof NOT_SENT_HEADINGS = response
      ? cycle.rejected
        ? "cannot-send"
        : mayUseAnswers(response, { userId: viewer.user.id, role: membership.role })
          ? "started"
          : "colleague"
      : (await wereWithdrawn(cycle.id, membership.organisationId))
        ? "withdrawn"
        : "none";
    return json({
      notSent,
      survey: {
        year: cycle.year,
        councilName: cycle.council.name,
        businessName: membership.organisationName,
      },
      cycleId: cycle.id,
      year: cycle.year,
      closesOn: cycle.closesOn,
      accepting: cycle.accepting,
    });
  }
  const mine = mayUseAnswers(response, { userId: viewer.user.id, role: membership.role });
  return json({
    survey: { year: cycle.year, councilName: cycle.council.name, businessName: membership.organisationName },
    cycleId: cycle.id,
    councilName: cycle.council.name,
    closesOn: cycle.closesOn,
    // past the closing day (the night's housekeeping has not closed it yet) the answers can no longer be changed
    accepting: cycle.accepting,
    // a colleague who did not answer was told "we emailed you a receipt" and offered links that only sent them back
    mine,
    // an owner who did not send the answers a colleague sent got no receipt, though they may change them
    receipt: mine && (await sentTheAnswers(response, viewer.user.id)),
  });
}

const closedText = (closesOn: string) =>
  `The survey's closing date, ${formatDate(closesOn)}, has passed, so the answers can no longer be changed or withdrawn.`;

function NotSent({
  notSent,
  cycleId,
  year,
  closesOn,
  accepting,
}: {
  notSent: keyof typeof NOT_SENT_HEADINGS;
  cycleId: string;
  year: number;
  closesOn: string;
  accepting: boolean;
}) {
  return (
    <div className="max-w-3xl">
      <PageHeading caption={`Supplier diversity survey ${year}`}>{NOT_SENT_HEADINGS[notSent]}</PageHeading>
      <p className="mb-4">
        {notSent === "withdrawn"
          ? `Your business's answers to the ${year} survey were withdrawn and deleted. The council has no answers from your business.`
          : notSent === "started"
            ? `Your business has started the ${year} survey, but the answers have not been sent to the council yet.`
            : notSent === "cannot-send"
              ? `Your business started the ${year} survey, but the council did not verify your business, so it cannot take part and the answers cannot be sent.`
              : notSent === "colleague"
                ? `Someone in your business has started the ${year} survey, but the answers have not been sent to the council yet. Only the person who answered and the business's owners can see, change or send them.`
                : `The council has no answers from your business to the ${year} survey.`}
      </p>
      {accepting && (notSent === "colleague" || notSent === "cannot-send") ? (
        <p className="mb-4">
          <Link to={`/survey/${cycleId}`}>Go to the survey page</Link>
        </p>
      ) : accepting ? (
        <p className="mb-4">
          You can{" "}
          <Link to={`/survey/${cycleId}`}>
            {notSent === "started" ? "continue the survey" : "take part in the survey"}
          </Link>{" "}
          until {formatDate(closesOn)}.
        </p>
      ) : (
        <p className="mb-4">
          The survey&apos;s closing date, {formatDate(closesOn)}, has passed.{" "}
          <Link to={`/survey/${cycleId}`}>Go to the survey page</Link>
        </p>
      )}
    </div>
  );
}

export default function SurveyConfirmation() {
  const data = useLoaderData<typeof loader>();
  if ("notSent" in data) return <NotSent {...data} />;
  const { cycleId, councilName, closesOn, accepting, mine, receipt } = data;
  return (
    <div className="max-w-3xl">
      <div className="mb-8 bg-success p-6 text-center text-white">
        <h1 className="mb-2 text-3xl font-bold">Answers sent</h1>
        <p className="text-xl">Thank you for taking part</p>
      </div>
      <h2 className="mb-2 text-2xl font-bold">What happens next</h2>
      <p className="mb-4">
        {councilName} will use the answers of all the businesses that take part to understand the barriers
        they face, and publish only totals. If you agreed to be contacted, the procurement team may get in
        touch about events such as Meet the Buyer.
      </p>
      {mine ? (
        <>
          <p className="mb-4">
            {receipt
              ? "We emailed you a receipt when your answers were sent (it does not repeat them)."
              : "A colleague sent your business's answers and was emailed a receipt (it does not repeat them)."}
          </p>
          {accepting ? (
            <p className="mb-4">
              You can <Link to={`/survey/${cycleId}/check-answers`}>see or change your answers</Link> or{" "}
              <Link to={`/survey/${cycleId}/withdraw`}>withdraw them</Link> until {formatDate(closesOn)}.
            </p>
          ) : (
            <p className="mb-4">{closedText(closesOn)}</p>
          )}
        </>
      ) : (
        <p className="mb-4">
          A colleague sent your business&apos;s answers and was emailed a receipt.{" "}
          {accepting
            ? `They, or your business's owners, can see, change or withdraw the answers until ${formatDate(closesOn)}.`
            : closedText(closesOn)}
        </p>
      )}
    </div>
  );
}
