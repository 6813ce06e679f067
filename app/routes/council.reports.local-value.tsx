// The commitments behind one of the council dashboard's "local £ by financial year" figures.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { pageParam } from "~/auth/request-context.server.ts";
import { formatMeasureQuantity } from "~/domain/contracts/labels.ts";
import { quarterOf } from "~/domain/contracts/quarters.ts";
import { localValueFilters } from "~/domain/reporting/local-value-filters.ts";
import { localValueInYear } from "~/domain/reporting/local-value.server.ts";
import { localValueSource } from "~/domain/reporting/local-value-source.ts";
import { PIPELINE_NOT_COUNTED } from "~/domain/reporting/progress-format.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { links as recordLinks, withCouncil } from "~/ui/charts/record-links.ts";
import { BackLink, Notice, PageHeading, Pagination, Table } from "~/ui/components.tsx";
import { formatGbp, formatNumber } from "~/ui/format.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";
import { ResultsHeading } from "~/ui/results-heading.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Local £ ${data.view} in ${data.label} – Social Value Marketplace`
      : "Local £ by financial year – Social Value Marketplace",
  },
];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  // the council the dashboard's link names, as the report does: only its officers act for it (404 otherwise),
  // so someone working for several councils sees the council whose figure they followed
  const { membership } = await requireCouncilOf(request, new URL(request.url).searchParams.get("council"));
  // the financial year under way unless a year is given; one that cannot be read is said so on the page
  const filters = localValueFilters(new URL(request.url).searchParams, quarterOf(new Date()).financialYear);
  const result = await localValueInYear(membership.organisationId, {
    financialYear: filters.financialYear,
    view: filters.view,
    page: pageParam(request),
  });
  return json({
    // a year not yet started, or under way, with nothing delivered is said so rather than shown as a bare £0
    currentFinancialYear: quarterOf(new Date()).financialYear,
    councilId: membership.organisationId,
    councilName: membership.organisationName,
    isAdmin: membership.role === "ADMIN",
    notUnderstood: filters.notUnderstood,
    ...result,
  });
}

// No commitment adds to the figure: "£0.00 from 0 commitments" read as if the year had been a failure, for a year
// not yet started (or just started) as for one that ended with nothing delivered.
function nothingYet(data: {
  view: string;
  label: string;
  financialYear: number;
  currentFinancialYear: number;
}) {
  if (data.view === "planned") return `Nothing is planned for ${data.label}, so there is no local £ to show.`;
  if (data.financialYear > data.currentFinancialYear)
    return `No delivery reported yet for ${data.label}: the financial year starts on 1 April ${data.financialYear}.`;
  if (data.financialYear === data.currentFinancialYear)
    return `No delivery reported yet for ${data.label}, the financial year under way.`;
  return `No delivery was reported for ${data.label}.`;
}

export default function LocalValueYearPage() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  const other = data.view === "planned" ? "delivered" : "planned";
  return (
    <>
      {/* back to the dashboard of the council shown, though the header switcher is on another since */}
      <BackLink to={withCouncil("/council/dashboard", data.councilId)}>Back to the dashboard</BackLink>
      <PageHeading caption={data.councilName}>
        Local £ {data.view} in {data.label}
      </PageHeading>
      {data.notUnderstood.length > 0 ? (
        <Notice title="Part of the address was not understood">
          <ul className="list-disc pl-6">
            {data.notUnderstood.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <p className="mb-4 max-w-3xl">
        {data.view === "planned"
          ? "Each commitment's plan for the quarters of this financial year"
          : "Each commitment's delivery in the quarters of this financial year (accepted returns and confirmed marketplace pledges)"}
        , valued at the council’s own proxy value for its measure. Source:{" "}
        {localValueSource(data.proxyValueSource, data.isAdmin)}. {PIPELINE_NOT_COUNTED}{" "}
        <Link to={withCouncil(recordLinks.localValueYear(data.financialYear, other), data.councilId)}>
          See the local £ {other} in {data.label} instead
        </Link>
      </p>
      <ResultsHeading page={data.page} pageCount={data.pageCount} className="mb-6 text-xl font-bold">
        {data.commitments === 0 ? (
          nothingYet(data)
        ) : (
          <>
            {formatGbp(data.total)} from {formatNumber(data.commitments)}{" "}
            {data.commitments === 1 ? "commitment" : "commitments"} on {formatNumber(data.contracts)}{" "}
            {data.contracts === 1 ? "contract" : "contracts"}
          </>
        )}
      </ResultsHeading>
      <Table
        caption={`Commitments with local £ ${data.view} in ${data.label}, by contract`}
        rows={data.rows}
        rowKey={(r) => r.commitmentId}
        empty={emptyOrPastLastPage({
          page: data.page,
          pageCount: data.pageCount,
          total: data.commitments,
          path: "/council/reports/local-value",
          search: location.search,
          what: ["commitment", "commitments"],
          empty: `No commitment has local £ ${data.view} in ${data.label}.`,
        })}
        columns={[
          {
            header: "Contract",
            rowHeader: true,
            cell: (r) => (
              <Link to={recordLinks.contract(r.contract.id)}>
                {r.contract.reference} {r.contract.title}
              </Link>
            ),
          },
          { header: "Measure", cell: (r) => `${r.measure.code} ${r.measure.name}` },
          {
            header: data.view === "planned" ? "Planned" : "Delivered",
            numeric: true,
            cell: (r) => formatMeasureQuantity(r.measure.unit as MeasureUnit, r.quantity),
          },
          { header: "Proxy value a unit", numeric: true, cell: (r) => formatGbp(r.proxyValueGbp) },
          { header: "Local £", numeric: true, cell: (r) => formatGbp(r.localValue) },
        ]}
      />
      <Pagination
        page={data.page}
        pageCount={data.pageCount}
        search={location.search}
        path="/council/reports/local-value"
      />
    </>
  );
}
