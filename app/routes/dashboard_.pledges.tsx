// Every pledge waiting on the group: the offers it has to answer, or the deliveries it has to confirm (disputed ones
// included), a page at a time. The dashboard shows the oldest ten of each and links here when there are more.
// Only the group's own requests' pledges, for the group the person is acting for: the one the dashboard's links name
// (`?organisation=<id>`, its own members only, 404 to anyone else), so a switch made in another window since does
// not show another group's queue; without it, the one the switcher is on.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { requireMembership } from "~/auth/permissions.server.ts";
import { actsForNamed } from "~/ui/acting-for.ts";
import { pageParam } from "~/auth/request-context.server.ts";
import { formatQuantity } from "~/domain/marketplace/help-types.ts";
import { pledgeStatusLabel } from "~/domain/marketplace/pledge-lifecycle.ts";
import { requestorQueuePage } from "~/domain/reporting/dashboard-people.server.ts";
import { BackLink, PageHeading, Pagination, Table, Tag } from "~/ui/components.tsx";
import { countOf, formatDate } from "~/ui/format.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { ResultsHeading } from "~/ui/results-heading.tsx";

// the address names the list as the dashboard's counts do; anything else shows the offers to answer
const QUEUES = { "to-answer": "answer", "to-confirm": "confirm" } as const;
type QueueParam = keyof typeof QUEUES;
const filtersSchema = z.object({ queue: z.enum(["to-answer", "to-confirm"]).catch("to-answer") });

const LISTS: Record<QueueParam, { title: string; caption: string; action: string; empty: string }> = {
  "to-answer": {
    title: "Pledges waiting for your answer",
    caption: "oldest offer first",
    action: "accept or decline",
    empty: "No pledges are waiting for an answer.",
  },
  "to-confirm": {
    title: "Deliveries to confirm",
    caption: "disputed ones included, waiting longest first",
    action: "confirm receipt",
    empty: "No deliveries are waiting for you to confirm.",
  },
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? LISTS[data.queue].title : "Pledges waiting for you"} – Social Value Marketplace`,
  },
];

// the header shows the group the list is of, when the address names it
export const handle = actsForNamed("organisation");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const named = url.searchParams.get("organisation") || undefined;
  // a group's own requests: a supplier, a council officer or someone signed out is turned away (404, or sign-in)
  const { membership } = await requireMembership(request, {
    kinds: ["VCSE"],
    ...(named ? { organisationId: named } : {}),
  });
  const { queue } = filtersSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageParam(request);
  const result = await requestorQueuePage(membership.organisationId, QUEUES[queue], page);
  return json({
    ...result,
    queue,
    page,
    organisationName: membership.organisationName,
    // the list's own links keep the group the address named
    named: named ? membership.organisationId : null,
  });
}

// a link to one of the lists, naming the group when the page's address did
function pledgeQueueHref(queue: QueueParam, organisationId: string | null) {
  const organisation = organisationId ? `&organisation=${encodeURIComponent(organisationId)}` : "";
  return `/dashboard/pledges?queue=${queue}${organisation}`;
}

export default function WaitingPledgesPage() {
  const { pledges, total, counts, page, pageCount, queue, organisationName, named } =
    useLoaderData<typeof loader>();
  const location = useLocation();
  const list = LISTS[queue];
  const confirming = queue === "to-confirm";
  return (
    <>
      <BackLink to="/dashboard">Back to your dashboard</BackLink>
      <PageHeading caption={organisationName}>{list.title}</PageHeading>
      <p className="mb-6 max-w-3xl">Pledges to the requests {organisationName} has posted.</p>
      <nav aria-label="Pledges waiting for you" className="mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {(Object.keys(QUEUES) as QueueParam[]).map((q) => (
            <li key={q}>
              <Link
                to={pledgeQueueHref(q, named)}
                aria-current={q === queue ? "page" : undefined}
                className={q === queue ? "font-bold no-underline" : undefined}
              >
                {LISTS[q].title} ({counts[QUEUES[q]]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ResultsHeading page={page} pageCount={pageCount}>
        {confirming ? countOf(total, "delivery", "deliveries") : countOf(total, "pledge", "pledges")}
      </ResultsHeading>
      <Table
        caption={`${list.title} (${total}), ${list.caption}`}
        rows={pledges}
        rowKey={(p) => p.id}
        empty={emptyOrPastLastPage({
          page,
          pageCount,
          total,
          path: "/dashboard/pledges",
          search: location.search,
          what: confirming ? ["delivery", "deliveries"] : ["pledge", "pledges"],
          empty: list.empty,
        })}
        columns={[
          {
            header: "Request",
            rowHeader: true,
            // the pledge's page is where the group answers it or confirms its delivery, as on the dashboard
            cell: (p) => (
              <Link to={`/pledges/${p.id}`}>
                {p.request.title}
                <span className="sr-only"> – {list.action}</span>
              </Link>
            ),
          },
          { header: "From", cell: (p) => p.supplierOrganisation.name },
          {
            header: "Status",
            cell: (p) => (
              <Tag colour={p.status === "DISPUTED" ? "orange" : "blue"}>{pledgeStatusLabel(p.status)}</Tag>
            ),
          },
          {
            header: confirming ? "Delivered" : "Pledged",
            numeric: true,
            cell: (p) =>
              formatQuantity(p.request.helpType, p.deliveredQuantity ?? p.quantity, p.request.unitLabel),
          },
          confirming
            ? { header: "Delivered on", cell: (p) => (p.deliveredOn ? formatDate(p.deliveredOn) : "–") }
            : { header: "Offered on", cell: (p) => formatDate(p.createdAt) },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} search={location.search} path="/dashboard/pledges" />
    </>
  );
}
