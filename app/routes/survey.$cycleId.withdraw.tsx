import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { requireMembership } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { requireRespondent } from "~/auth/survey-access.server.ts";
import {
  getOwnResponse,
  mayUseAnswers,
  withdrawResponse,
  withdrewJustNow,
} from "~/domain/survey/responses.server.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button } from "~/ui/form.tsx";
import { surveyPageTitle } from "~/ui/survey-title.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: surveyPageTitle(`${data && !data.sent ? "Delete" : "Withdraw"} your answers`, data?.survey),
  },
];

// The business's answers, if this person may withdraw them now (null otherwise).
async function load(request: Request, cycleId: string) {
  const { viewer, membership, cycle } = await requireRespondent(request, cycleId);
  const response = await getOwnResponse(cycle.id, membership.organisationId);
  const mine =
    response !== null &&
    cycle.accepting &&
    mayUseAnswers(response, { userId: viewer.user.id, role: membership.role });
  return { viewer, membership, cycle, response: mine ? response : null };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership, cycle, response } = await load(request, params.cycleId!);
  if (!response) throw redirect(`/survey/${cycle.id}`);
  // a business the council rejected keeps its answers' pages, but may not answer again
  return json({
    cycleId: cycle.id,
    year: cycle.year,
    survey: { year: cycle.year, councilName: cycle.council.name, businessName: membership.organisationName },
    mayAnswerAgain: membership.status !== "REJECTED",
    // answers never sent are deleted, not withdrawn from the council, which never had them
    sent: response.status === "SUBMITTED",
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership, cycle, response } = await load(request, params.cycleId!).catch(
    (refused: unknown) => sentAgainByRejected(request, params.cycleId!, refused),
  );
  // a business the council rejected keeps the survey's page only while it has answers there: after, the list;
  // answers never sent are deleted, as the council never had them to withdraw
  const withdrawn = (sent: boolean) =>
    redirectWithFlash(
      membership.status === "REJECTED" ? "/survey" : `/survey/${cycle.id}`,
      toldWithdrawn(sent),
    );
  if (!response) {
    // the same form sent again (a double click, or again after a slow answer) is answered as the first was
    const earlier = await withdrewJustNow(cycle.id, membership.organisationId, viewer.user.id);
    if (earlier) return withdrawn(earlier.sent);
    throw redirect(`/survey/${cycle.id}`);
  }
  const sent = response.status === "SUBMITTED";
  // "already" when a send at the same moment withdrew it first: nothing is done or logged twice
  const result = await withdrawResponse({
    responseId: response.id,
    userId: viewer.user.id,
    organisationId: membership.organisationId,
    ipAddress: clientIp(request),
  });
  // the survey closed since this page was read: the answers stay, and the business is told so
  if (result === "closed")
    return redirectWithFlash("/survey", {
      kind: "info",
      message: `The survey has closed, so your answers could not be ${sent ? "withdrawn" : "deleted"}.`,
    });
  // what was done under the lock, not what the page read: answers a colleague sent meanwhile were withdrawn
  if (result === "withdrawn" || result === "deleted") return withdrawn(result === "withdrawn");
  return withdrawn(sent);
}

// A business the council rejected loses the survey with the answers it deleted or withdrew (its page answers 404):
// the form sent again by the same person moments later is answered as the first was, not "Page not found". Only
// that person's own entry in the log is read; anything else is refused as before.
async function sentAgainByRejected(request: Request, cycleId: string, refused: unknown): Promise<never> {
  if (!(refused instanceof Response) || refused.status !== 404) throw refused;
  const { viewer, membership } = await requireMembership(request, {
    kinds: ["SUPPLIER"],
    roles: ["OWNER", "MEMBER"],
  });
  const earlier =
    membership.status === "REJECTED"
      ? await withdrewJustNow(cycleId, membership.organisationId, viewer.user.id)
      : null;
  if (!earlier) throw refused;
  throw await redirectWithFlash("/survey", toldWithdrawn(earlier.sent));
}

const toldWithdrawn = (sent: boolean) =>
  ({
    kind: "success",
    message: sent ? "Your answers have been withdrawn and deleted." : "Your answers have been deleted.",
  }) as const;

export default function WithdrawAnswers() {
  const { cycleId, year, mayAnswerAgain, sent } = useLoaderData<typeof loader>();
  // answers never sent, reached from "Delete your answers": the council never had them to withdraw
  const deleteOnly = !sent;
  return (
    <div className="max-w-3xl">
      <BackLink to={`/survey/${cycleId}`} />
      <PageHeading caption={`Supplier diversity survey ${year}`}>
        {deleteOnly
          ? "Are you sure you want to delete your answers?"
          : "Are you sure you want to withdraw your answers?"}
      </PageHeading>
      <p className="mb-6">
        All your business&apos;s answers to the {year} survey will be deleted.
        {mayAnswerAgain
          ? `${sent ? "" : " They have not been sent to the council."} You can take part again while the survey is open.`
          : sent
            ? " As the council did not verify your business, it cannot take part again."
            : " They have not been sent to the council. As the council did not verify your business, it cannot start the survey again."}
      </p>
      <Form method="post" className="flex flex-wrap items-center gap-6">
        <Button variant="warning">
          {deleteOnly ? "Delete my answers" : "Withdraw and delete my answers"}
        </Button>
        <Link to={`/survey/${cycleId}`}>Keep my answers</Link>
      </Form>
    </div>
  );
}
