// The council's pledges behind the dashboard's "pledged and confirmed, by type of help" figures.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { pageParam } from "~/auth/request-context.server.ts";
import { dayToDate, yearBeforeToday } from "~/domain/calendar.ts";
import { parseDay } from "~/domain/contracts/values.ts";
import { formatQuantity, HELP_TYPES, helpTypeLabel } from "~/domain/marketplace/help-types.ts";
import { pledgeStatusLabel } from "~/domain/marketplace/pledge-lifecycle.ts";
import { PLEDGE_VIEWS } from "~/domain/reporting/dashboard-lists.ts";
import { councilActivityPledges } from "~/domain/reporting/dashboard-pledges.server.ts";
import { HelpType } from "~/generated/prisma/enums.ts";
import { withCouncil } from "~/ui/charts/record-links.ts";
import { BackLink, PageHeading, Pagination, Table } from "~/ui/components.tsx";
import { formatDate, formatNumber } from "~/ui/format.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";
import { ResultsHeading } from "~/ui/results-heading.tsx";

export const meta: MetaFunction = () => [{ title: "Marketplace pledges – Social Value Marketplace" }];

const filtersSchema = z.object({
  view: z.enum(PLEDGE_VIEWS).catch("pledged"),
  helpType: z.enum(HelpType).catch("VOLUNTEERING"),
  since: z.string().optional().catch(undefined),
});

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  // the council the dashboard's link names (`council=<id>`), else the header switcher's
  const { membership } = await requireCouncilOf(request, new URL(request.url).searchParams.get("council"));
  const {
    view,
    helpType,
    since: day,
  } = filtersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  // the last 12 months (as the dashboard counts them) unless a valid day is given
  const valid = day ? parseDay(day) : null;
  const since = valid ? dayToDate(valid) : yearBeforeToday(new Date());
  const page = pageParam(request);
  const result = await councilActivityPledges(membership.organisationId, { view, helpType, since, page });
  return json({
    ...result,
    view,
    helpType,
    since: since.toISOString(),
    page,
    councilId: membership.organisationId,
    councilName: membership.organisationName,
  });
}

export default function CouncilPledgesPage() {
  const { pledges, total, quantity, page, pageCount, view, helpType, since, councilId, councilName } =
    useLoaderData<typeof loader>();
  const location = useLocation();
  const other = view === "pledged" ? "confirmed" : "pledged";
  return (
    <>
      <BackLink to={withCouncil("/council/dashboard", councilId)}>Back to the dashboard</BackLink>
      <PageHeading caption={councilName}>
        {helpTypeLabel(helpType)}: pledges {view === "pledged" ? "made" : "confirmed"} since{" "}
        {formatDate(since)}
      </PageHeading>
      <p className="mb-4">
        {view === "pledged"
          ? "Pledges made in this time, declined and withdrawn ones left out."
          : "Pledges confirmed in this time, counting what was delivered."}{" "}
        <Link
          to={withCouncil(
            `/council/pledges?view=${other}&helpType=${helpType}&since=${since.slice(0, 10)}`,
            councilId,
          )}
        >
          See the pledges {other === "pledged" ? "made" : "confirmed"} instead
        </Link>
      </p>
      {/* reached from one of the dashboard's figures, one type of help: the others are a link away, for the same
          view and dates, not back through the dashboard */}
      <nav aria-label="Types of help" className="mb-4">
        <p>
          Other types of help:{" "}
          {HELP_TYPES.filter((h) => h.value !== helpType).map((h, i) => (
            <span key={h.value}>
              {i > 0 ? ", " : null}
              <Link
                to={withCouncil(
                  `/council/pledges?view=${view}&helpType=${h.value}&since=${since.slice(0, 10)}`,
                  councilId,
                )}
              >
                {h.label}
              </Link>
            </span>
          ))}
        </p>
      </nav>
      <ResultsHeading page={page} pageCount={pageCount} className="mb-6 text-xl font-bold">
        {formatQuantity(helpType, quantity)} in {formatNumber(total)} {total === 1 ? "pledge" : "pledges"}
      </ResultsHeading>
      <Table
        caption={`Pledges ${view === "pledged" ? "made" : "confirmed"}, newest first`}
        rows={pledges}
        rowKey={(p) => p.id}
        empty={emptyOrPastLastPage({
          page,
          pageCount,
          total,
          path: "/council/pledges",
          search: location.search,
          what: ["pledge", "pledges"],
          empty: "No pledges.",
        })}
        columns={[
          {
            header: "Request",
            rowHeader: true,
            cell: (p) => <Link to={`/requests/${p.request.id}`}>{p.request.title}</Link>,
          },
          { header: "Supplier", cell: (p) => p.supplierOrganisation.name },
          { header: "Status", cell: (p) => pledgeStatusLabel(p.status) },
          { header: "Pledged on", cell: (p) => formatDate(p.createdAt) },
          { header: "Confirmed on", cell: (p) => (p.confirmedAt ? formatDate(p.confirmedAt) : "–") },
          { header: "Counted", numeric: true, cell: (p) => formatQuantity(helpType, p.counted) },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} search={location.search} path="/council/pledges" />
    </>
  );
}
