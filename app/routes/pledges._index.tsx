import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireMembership } from "~/auth/permissions.server.ts";
import { pageParam } from "~/auth/request-context.server.ts";
import { formatQuantity } from "~/domain/marketplace/help-types.ts";
import {
  PLEDGE_STATUSES,
  pledgeStateLabel,
  pledgeStatusLabel,
  TO_DELIVER,
} from "~/domain/marketplace/pledge-lifecycle.ts";
import { notPledgingYet } from "~/domain/marketplace/pledge-eligibility.ts";
import { listSupplierPledges } from "~/domain/marketplace/queries.server.ts";
import type { PledgeStatus } from "~/generated/prisma/enums.ts";
import { PageHeading, Pagination, Table, Tag } from "~/ui/components.tsx";
import { formatDate, formatNumber } from "~/ui/format.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { ResultsHeading } from "~/ui/results-heading.tsx";

export const meta: MetaFunction = () => [{ title: "Your pledges – Social Value Marketplace" }];

const capitalised = (status: PledgeStatus) => pledgeStatusLabel(status).replace(/^./, (c) => c.toUpperCase());

// The pledges that wait for the supplier to deliver (accepted or disputed): the dashboard's count links here, and
// the list is one filter among the states, as a state is.
const TO_DELIVER_FILTER = "to-deliver";
type Filter = PledgeStatus | typeof TO_DELIVER_FILTER;
// Declined pledges include those the group called off after agreeing them (decision 012): one list, each row tagged
// as its page says it.
const filterLabel = (filter: Filter) =>
  filter === TO_DELIVER_FILTER
    ? "To deliver (accepted or disputed)"
    : filter === "DECLINED"
      ? "Declined or called off"
      : capitalised(filter);

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireMembership(request, { kinds: ["SUPPLIER"] });
  const asked = new URL(request.url).searchParams.get("status");
  const status: Filter | undefined =
    asked === TO_DELIVER_FILTER ? TO_DELIVER_FILTER : PLEDGE_STATUSES.find((s) => s === asked);
  const page = pageParam(request);
  const list = await listSupplierPledges(membership.organisationId, {
    status: status === TO_DELIVER_FILTER ? TO_DELIVER : status,
    page,
  });
  return json({
    ...list,
    status: status ?? null,
    page,
    organisationName: membership.organisationName,
    // a supplier the council has not verified was told "You have not pledged yet. Find a request to support", as
    // if it could: it is told why it cannot yet
    notPledgingYet: notPledgingYet(membership),
  });
}

export default function PledgesPage() {
  const { pledges, byStatus, total, status, page, pageCount, organisationName, notPledgingYet } =
    useLoaderData<typeof loader>();
  const location = useLocation();
  const everything = Object.values(byStatus).reduce((sum, n) => sum + (n ?? 0), 0);
  const toDeliver = TO_DELIVER.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0);
  // every state that has a pledge, and the pledges to deliver while there are any; and the list shown, even with
  // none (its last one withdrawn, say): its tab, marked current, says which list this is
  const filters: (Filter | null)[] = [
    null,
    ...(toDeliver > 0 || status === TO_DELIVER_FILTER ? [TO_DELIVER_FILTER as Filter] : []),
    ...PLEDGE_STATUSES.filter((s) => byStatus[s] || s === status),
  ];
  const countOf = (filter: Filter | null) =>
    filter === null ? everything : filter === TO_DELIVER_FILTER ? toDeliver : (byStatus[filter] ?? 0);
  return (
    <>
      <PageHeading caption={organisationName}>Your pledges</PageHeading>
      {everything === 0 && notPledgingYet ? (
        <p>
          {notPledgingYet} <Link to="/requests">Look at requests</Link>.
        </p>
      ) : everything === 0 ? (
        <p>
          You have not pledged yet. <Link to="/requests">Find a request to support</Link>.
        </p>
      ) : (
        <>
          <nav aria-label="Pledges by state" className="mb-6">
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              {filters.map((s) => (
                <li key={s ?? "all"}>
                  <Link
                    to={s ? `/pledges?status=${s}` : "/pledges"}
                    aria-current={s === status ? "page" : undefined}
                    className={s === status ? "font-bold no-underline" : undefined}
                  >
                    {s ? filterLabel(s) : "All"} ({countOf(s)})
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <ResultsHeading page={page} pageCount={pageCount}>
            {total === 1 ? "1 pledge" : `${formatNumber(total)} pledges`}
          </ResultsHeading>
          <Table
            caption={`${status ? filterLabel(status) : "All pledges"} (${total}), newest first`}
            rows={pledges}
            rowKey={(p) => p.id}
            empty={emptyOrPastLastPage({
              page,
              pageCount,
              total,
              path: "/pledges",
              search: location.search,
              what: ["pledge", "pledges"],
              // an empty table shows no caption: the list is named here
              empty:
                status === TO_DELIVER_FILTER
                  ? "You have no pledges to deliver."
                  : status
                    ? `You have no ${filterLabel(status).toLowerCase()} pledges.`
                    : "You have no pledges.",
            })}
            columns={[
              {
                header: "Request",
                cell: (p) => <Link to={`/pledges/${p.id}`}>{p.request.title}</Link>,
                rowHeader: true,
              },
              {
                header: "State",
                cell: (p) => <Tag>{pledgeStateLabel(p.status, p.calledOff)}</Tag>,
              },
              {
                header: "Pledged",
                cell: (p) => formatQuantity(p.request.helpType, p.quantity, p.request.unitLabel),
              },
              { header: "Expected delivery", cell: (p) => formatDate(p.expectedDeliveryDate) },
              {
                // what the supplier reported delivering, which may be less than it pledged
                header: "Delivered",
                cell: (p) =>
                  p.deliveredQuantity == null
                    ? "Not reported"
                    : `${formatQuantity(p.request.helpType, p.deliveredQuantity, p.request.unitLabel)} on ${formatDate(p.deliveredOn)}`,
              },
              { header: "Pledged on", cell: (p) => formatDate(p.createdAt) },
            ]}
          />
          <Pagination page={page} pageCount={pageCount} search={location.search} path="/pledges" />
        </>
      )}
    </>
  );
}
