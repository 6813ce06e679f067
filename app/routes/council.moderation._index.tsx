import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { pageParam } from "~/auth/request-context.server.ts";
import { helpTypeLabel } from "~/domain/marketplace/help-types.ts";
import { moderationQueue } from "~/domain/marketplace/queries.server.ts";
import { isPastNeededBy } from "~/domain/marketplace/request-lifecycle.ts";
import { withCouncil } from "~/ui/charts/record-links.ts";
import { PageHeading, Pagination, Table, Tag } from "~/ui/components.tsx";
import { countOf, formatDate } from "~/ui/format.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";
import { ResultsHeading } from "~/ui/results-heading.tsx";

export const meta: MetaFunction = () => [{ title: "Requests to approve – Social Value Marketplace" }];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  // the council the dashboard's link names (`council=<id>`), else the header switcher's
  const { membership } = await requireCouncilOf(request, new URL(request.url).searchParams.get("council"));
  const page = pageParam(request);
  const { queue, total, pageCount } = await moderationQueue(membership.organisationId, page);
  // a request whose needed-by date passed while it waited cannot be approved: the officer asks for a new date
  const rows = queue.map((r) => ({ ...r, datePassed: isPastNeededBy(r.neededBy) }));
  return json({
    queue: rows,
    total,
    page,
    pageCount,
    councilId: membership.organisationId,
    councilName: membership.organisationName,
  });
}

export default function ModerationQueuePage() {
  const { queue, total, page, pageCount, councilId, councilName } = useLoaderData<typeof loader>();
  // the other pages keep the council the address names
  const { search } = useLocation();
  return (
    <>
      <PageHeading caption={councilName}>Requests to approve</PageHeading>
      <ul className="mb-6 flex flex-wrap gap-6">
        <li>
          {/* the council's lists, of the council shown */}
          <Link to={withCouncil("/council/categories", councilId)}>Needs and priorities (categories)</Link>
        </li>
        <li>
          <Link to={withCouncil("/council/districts", councilId)}>Districts and postcode areas</Link>
        </li>
      </ul>
      <ResultsHeading page={page} pageCount={pageCount}>
        {countOf(total, "request waiting", "requests waiting")}
      </ResultsHeading>
      <Table
        caption="Requests waiting, oldest first"
        rows={queue}
        rowKey={(r) => r.id}
        empty={emptyOrPastLastPage({
          page,
          pageCount,
          total,
          path: "/council/moderation",
          search,
          what: ["request waiting", "requests waiting"],
          empty: "No requests are waiting for approval.",
        })}
        columns={[
          {
            header: "Request",
            cell: (r) => <Link to={`/council/moderation/${r.id}`}>{r.title}</Link>,
            rowHeader: true,
          },
          {
            header: "Posted by",
            cell: (r) => (
              <>
                {r.organisation.name}{" "}
                {r.organisation.status === "VERIFIED" ? null : <Tag colour="orange">not verified</Tag>}
              </>
            ),
          },
          { header: "Type of help", cell: (r) => helpTypeLabel(r.helpType) },
          { header: "Category", cell: (r) => r.category.name },
          { header: "Submitted", cell: (r) => formatDate(r.submittedAt) },
          {
            header: "Needed by",
            cell: (r) => (
              <>
                {formatDate(r.neededBy)} {r.datePassed ? <Tag colour="red">date passed</Tag> : null}
              </>
            ),
          },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} search={search} path="/council/moderation" />
    </>
  );
}
