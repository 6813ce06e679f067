import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireViewer } from "~/auth/permissions.server.ts";
import { pageParam } from "~/auth/request-context.server.ts";
import { londonDay } from "~/domain/calendar.ts";
import { actingRequestor } from "~/auth/acting-requestor.server.ts";
import { requestorMemberships } from "~/domain/marketplace/access.server.ts";
import { deliveredToClosed, listOrganisationRequests } from "~/domain/marketplace/queries.server.ts";
import { stillNeeded } from "~/domain/marketplace/request-card.server.ts";
import { statusLabel } from "~/domain/marketplace/request-lifecycle.ts";
import { requestorPledgeQueues } from "~/domain/reporting/dashboard-people.server.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { PageHeading, Pagination, Table, Tag } from "~/ui/components.tsx";
import { countOf, formatDate, formatNumber, listInWords } from "~/ui/format.ts";
import { actsForNamed } from "~/ui/acting-for.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { ResultsHeading } from "~/ui/results-heading.tsx";
import { stillNeededText } from "~/ui/still-needed.tsx";

const UNPUBLISHED_STATUSES: RequestStatus[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"];

export const meta: MetaFunction = () => [{ title: "Your requests – Social Value Marketplace" }];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  // the viewer's own organisation's requests, not a partner council's they only work for as an officer: the one the
  // header switcher is on, else their first that posts requests, as "Post a request" chooses. A council dashboard's
  // link names its council (`council=<id>`), so someone in two councils sees the one the dashboard showed whatever
  // the switcher is on since: only a council of their own, anyone else gets 404, as the council's other pages do.
  const named = new URL(request.url).searchParams.get("council") || undefined;
  const membership = actingRequestor(viewer, request, named);
  if (!membership || (named && membership.kind !== "COUNCIL")) notFound();
  const page = pageParam(request);
  const [list, queues] = await Promise.all([
    listOrganisationRequests(membership.organisationId, page),
    // a group's pledges waiting on it have their own full lists (dashboard_.pledges.tsx); a council team's
    // are on its own dashboard
    membership.kind === "VCSE" ? requestorPledgeQueues(membership.organisationId, 1) : null,
  ]);
  const today = londonDay(new Date());
  // the closed ones say what their confirmed deliveries came to
  const delivered = await deliveredToClosed(list.requests);
  // not yet published and past its date: the council cannot approve it until the date is changed
  const requests = list.requests.map(({ helpType, quantity, pledgedQuantity, unitLabel, ...r }) => ({
    ...r,
    need: stillNeeded({
      helpType,
      quantity,
      pledgedQuantity,
      unitLabel,
      status: r.status,
      delivered: delivered.get(r.id),
    }),
    neededByPassed: UNPUBLISHED_STATUSES.includes(r.status) && r.neededBy < today,
  }));
  return json({
    ...list,
    requests,
    page,
    organisationName: membership.organisationName,
    // the list's other pages keep the council the address names
    search: named ? `?council=${encodeURIComponent(membership.organisationId)}` : "",
    // "Post a request" posts for the organisation listed here, whatever the switcher is on when it is followed
    postRequestHref: `/requests/new?organisation=${encodeURIComponent(membership.organisationId)}`,
    // the person's other organisations that post requests, whose lists the switcher leads to
    otherRequestors: requestorMemberships(viewer)
      .filter((m) => m.organisationId !== membership.organisationId)
      .map((m) => m.organisationName),
    waiting: queues
      ? {
          answer: queues.pledgesAwaitingResponseCount,
          confirm: queues.deliveriesToConfirmCount,
          // the full lists of the group listed here, whatever the switcher is on when they are followed
          organisation: encodeURIComponent(membership.organisationId),
        }
      : null,
  });
}

export default function MyRequestsPage() {
  const {
    requests,
    total,
    page,
    pageCount,
    organisationName,
    otherRequestors,
    waiting,
    postRequestHref,
    search,
  } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading caption={organisationName}>Your requests</PageHeading>
      <p className="mb-6 max-w-3xl">
        The requests {organisationName} has posted, and the requests you post from here are posted for it.
        {otherRequestors.length ? (
          <>
            {" "}
            You also work for {listInWords(otherRequestors)}: to see or post{" "}
            {otherRequestors.length === 1 ? "its" : "their"} requests,{" "}
            <Link to="/organisations">choose the organisation you are working for</Link>.
          </>
        ) : null}
      </p>
      <p className="mb-8">
        <Link
          to={postRequestHref}
          className="inline-block bg-brand px-4 py-2 font-bold text-white no-underline shadow-[0_2px_0_#0b0c0c] hover:bg-brand-dark hover:text-white"
        >
          Post a request
        </Link>
      </p>
      <WaitingForYou waiting={waiting} />
      <ResultsHeading page={page} pageCount={pageCount}>
        {countOf(total, "request", "requests")}
      </ResultsHeading>
      <Table
        caption={`Requests posted by ${organisationName} (${total}), most recently changed first`}
        rows={requests}
        rowKey={(r) => r.id}
        empty={emptyOrPastLastPage({
          page,
          pageCount,
          total,
          path: "/my-requests",
          search,
          what: ["request", "requests"],
          empty: "You have not posted any requests yet.",
        })}
        columns={[
          {
            header: "Request",
            cell: (r) => <Link to={`/requests/${r.id}/manage`}>{r.title}</Link>,
            rowHeader: true,
          },
          { header: "Status", cell: (r) => <Tag>{statusLabel(r.status)}</Tag> },
          // how much is still needed, or once closed what it came to, as the request's own page says it
          { header: "Amount", cell: (r) => stillNeededText(r.need) },
          {
            header: "Needed by",
            cell: (r) => (
              <>
                {formatDate(r.neededBy)}
                {r.neededByPassed ? (
                  <Link to={`/requests/${r.id}/manage`} className="block font-bold">
                    This date has passed: change it<span className="sr-only"> for {r.title}</span>
                  </Link>
                ) : null}
              </>
            ),
          },
          {
            header: "Waiting for you",
            // offered (to accept or decline), delivered (to confirm or dispute) and disputed (to confirm once put
            // right); a request the council sent back waits on the group alone, as the dashboard says
            cell: (r) =>
              r.status === "CHANGES_REQUESTED" ? (
                <Link to={`/requests/${r.id}/edit`}>
                  Make the changes the council asked for<span className="sr-only"> to {r.title}</span>
                </Link>
              ) : r._count.pledges ? (
                `${formatNumber(r._count.pledges)} ${r._count.pledges === 1 ? "pledge" : "pledges"} to answer or confirm`
              ) : (
                "Nothing"
              ),
            numeric: true,
          },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} search={search} path="/my-requests" />
    </>
  );
}

// Every pledge waiting on the group, across its requests, is on a list of its own: linked here for the lists that
// hold any (a count of none is not linked to an empty list).
function WaitingForYou({
  waiting,
}: {
  waiting: { answer: number; confirm: number; organisation: string } | null;
}) {
  if (!waiting || waiting.answer + waiting.confirm === 0) return null;
  const links = [
    waiting.answer > 0 ? (
      <Link key="answer" to={`/dashboard/pledges?queue=to-answer&organisation=${waiting.organisation}`}>
        {countOf(waiting.answer, "pledge waiting for your answer", "pledges waiting for your answer")}
      </Link>
    ) : null,
    waiting.confirm > 0 ? (
      <Link key="confirm" to={`/dashboard/pledges?queue=to-confirm&organisation=${waiting.organisation}`}>
        {countOf(waiting.confirm, "delivery to confirm", "deliveries to confirm")}
      </Link>
    ) : null,
  ].filter(Boolean);
  return (
    <p className="mb-6">
      Across your requests:{" "}
      {links.length === 2 ? (
        <>
          {links[0]} and {links[1]}
        </>
      ) : (
        links[0]
      )}
      .
    </p>
  );
}
