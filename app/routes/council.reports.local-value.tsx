// The commitments behind one of the council dashboard's "local £ by financial year" figures.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { requireCouncilOfficer } from "~/auth/permissions.server.ts";
import { pageParam } from "~/auth/request-context.server.ts";
import { formatMeasureQuantity } from "~/domain/contracts/labels.ts";
import { quarterOf } from "~/domain/contracts/quarters.ts";
import { LOCAL_VALUE_VIEWS, localValueInYear } from "~/domain/reporting/local-value.server.ts";
import { localValueSource } from "~/domain/reporting/local-value-source.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { links as recordLinks } from "~/ui/charts/record-links.ts";
import { BackLink, PageHeading, Pagination, Table } from "~/ui/components.tsx";
import { formatGbp, formatNumber } from "~/ui/format.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Local £ ${data.view} in ${data.label} – Social Value Marketplace`
      : "Local £ by financial year – Social Value Marketplace",
  },
];

// the financial year under way unless a year is given
const filtersSchema = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .catch(() => quarterOf(new Date()).financialYear),
  view: z.enum(LOCAL_VALUE_VIEWS).catch("delivered"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireCouncilOfficer(request);
  const filters = filtersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await localValueInYear(membership.organisationId, {
    financialYear: filters.year,
    view: filters.view,
    page: pageParam(request),
  });
  return json({
    councilName: membership.organisationName,
    isAdmin: membership.role === "ADMIN",
    ...result,
  });
}

export default function LocalValueYearPage() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  const other = data.view === "planned" ? "delivered" : "planned";
  return (
    <>
      <BackLink to="/council/dashboard">Back to the dashboard</BackLink>
      <PageHeading caption={data.councilName}>
        Local £ {data.view} in {data.label}
      </PageHeading>
      <p className="mb-4 max-w-3xl">
        {data.view === "planned"
          ? "Each commitment's plan for the quarters of this financial year"
          : "Each commitment's delivery in the quarters of this financial year (accepted returns and confirmed marketplace pledges)"}
        , valued at the council’s own proxy value for its measure. Source:{" "}
        {localValueSource(data.proxyValueSource, data.isAdmin)}.{" "}
        <Link to={recordLinks.localValueYear(data.financialYear, other)}>
          See the local £ {other} in {data.label} instead
        </Link>
      </p>
      <p className="mb-6 text-xl font-bold" role="status">
        {formatGbp(data.total)} from {formatNumber(data.commitments)}{" "}
        {data.commitments === 1 ? "commitment" : "commitments"} on {formatNumber(data.contracts)}{" "}
        {data.contracts === 1 ? "contract" : "contracts"}
      </p>
      <Table
        caption={`Commitments with local £ ${data.view} in ${data.label}, by contract`}
        rows={data.rows}
        rowKey={(r) => r.commitmentId}
        empty={`No commitment has local £ ${data.view} in ${data.label}.`}
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
