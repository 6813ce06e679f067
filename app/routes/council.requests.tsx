// The council's requests behind each marketplace activity figure on the dashboard.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { pageParam } from "~/auth/request-context.server.ts";
import { dayToDate, yearBeforeToday } from "~/domain/calendar.ts";
import { parseDay } from "~/domain/contracts/values.ts";
import { helpTypeLabel } from "~/domain/marketplace/help-types.ts";
import { statusLabel } from "~/domain/marketplace/request-lifecycle.ts";
import { councilActivityRequests } from "~/domain/reporting/activity-requests.server.ts";
import { ACTIVITY_VIEWS, type ActivityView } from "~/domain/reporting/dashboard-lists.ts";
import { withCouncil } from "~/ui/charts/record-links.ts";
import { BackLink, PageHeading, Pagination, Table } from "~/ui/components.tsx";
import { countOf, formatDate } from "~/ui/format.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";
import { ResultsHeading } from "~/ui/results-heading.tsx";

export const meta: MetaFunction = () => [{ title: "Marketplace requests – Social Value Marketplace" }];

const TITLES: Record<ActivityView, string> = {
  opened: "Requests opened",
  fulfilled: "Requests fulfilled",
  expired: "Requests expired",
  pledged: "Requests opened and pledged to",
};

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  // the council the dashboard's link names (`council=<id>`), else the header switcher's
  const { membership } = await requireCouncilOf(request, new URL(request.url).searchParams.get("council"));
  const url = new URL(request.url);
  const asked = url.searchParams.get("view");
  const view: ActivityView = ACTIVITY_VIEWS.includes(asked as ActivityView)
    ? (asked as ActivityView)
    : "opened";
  // the last 12 months (as the dashboard counts them) unless a valid day is given
  const day = parseDay(url.searchParams.get("since") ?? "");
  const since = day ? dayToDate(day) : yearBeforeToday(new Date());
  const page = pageParam(request);
  const result = await councilActivityRequests(membership.organisationId, { view, since, page });
  return json({
    ...result,
    view,
    since: since.toISOString(),
    page,
    councilId: membership.organisationId,
    councilName: membership.organisationName,
  });
}

export default function CouncilRequestsPage() {
  const { requests, total, page, pageCount, view, since, councilId, councilName } =
    useLoaderData<typeof loader>();
  const location = useLocation();
  const day = since.slice(0, 10);
  return (
    <>
      <BackLink to={withCouncil("/council/dashboard", councilId)}>Back to the dashboard</BackLink>
      <PageHeading caption={councilName}>
        {TITLES[view]} since {formatDate(since)}
      </PageHeading>
      <nav aria-label="Other lists" className="mb-6">
        <ul className="flex flex-wrap gap-6">
          {ACTIVITY_VIEWS.filter((v) => v !== view).map((v) => (
            <li key={v}>
              <Link to={withCouncil(`/council/requests?view=${v}&since=${day}`, councilId)}>{TITLES[v]}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <ResultsHeading page={page} pageCount={pageCount}>
        {countOf(total, "request", "requests")}
      </ResultsHeading>
      <Table
        caption={`${TITLES[view]}, newest first`}
        rows={requests}
        rowKey={(r) => r.id}
        empty={emptyOrPastLastPage({
          page,
          pageCount,
          total,
          path: "/council/requests",
          search: location.search,
          what: ["request", "requests"],
          empty: "No requests.",
        })}
        columns={[
          {
            header: "Request",
            rowHeader: true,
            cell: (r) => <Link to={`/requests/${r.id}`}>{r.title}</Link>,
          },
          { header: "Posted by", cell: (r) => r.organisation.name },
          { header: "Type of help", cell: (r) => helpTypeLabel(r.helpType) },
          { header: "Category", cell: (r) => r.category.name },
          { header: "Status", cell: (r) => statusLabel(r.status) },
          { header: "Opened", cell: (r) => (r.publishedAt ? formatDate(r.publishedAt) : "–") },
          { header: "Needed by", cell: (r) => formatDate(r.neededBy) },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} search={location.search} path="/council/requests" />
    </>
  );
}
