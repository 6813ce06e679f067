// Quarterly returns: a supplier's to-do list, or a council's review queue.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { quarterLabel } from "~/domain/contracts/quarters.ts";
import { pageNumberField } from "~/domain/page-number.ts";
import { requireCouncilOrSupplier } from "~/auth/permissions.server.ts";
import { pageParam } from "~/auth/request-context.server.ts";
import { complianceReturnIds } from "~/domain/reporting/dashboard-council.server.ts";
import { COMPLIANCE_BUCKETS, type ComplianceBucket } from "~/domain/reporting/dashboard-lists.ts";
import {
  listCouncilReturns,
  listSupplierReturns,
  supplierReturnContracts,
  type ReturnListItem,
} from "~/domain/reporting/returns-queries.server.ts";
import { keepCouncil } from "~/ui/charts/record-links.ts";
import { PageHeading, Pagination, Table, type Column } from "~/ui/components.tsx";
import { Button, Select } from "~/ui/form.tsx";
import { countOf, formatDate } from "~/ui/format.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { ReturnStatusTag } from "~/ui/returns.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";
import { ResultsHeading } from "~/ui/results-heading.tsx";

export const meta: MetaFunction = () => [{ title: "Quarterly returns – Social Value Marketplace" }];

const filtersSchema = z.object({
  queue: z.enum(["review", "overdue", "all"]).catch("review"),
  mine: z.literal("1").optional().catch(undefined),
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .catch(undefined),
  // "All contracts" on the supplier's filter sends it empty
  contract: z
    .string()
    .max(40)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  // one of a quarter's compliance figures on the dashboard (needs the quarter)
  compliance: z.enum(COMPLIANCE_BUCKETS).optional().catch(undefined),
  // the council a council's page links here for (see the loader)
  council: z.string().max(40).optional().catch(undefined),
  page: pageNumberField,
});

const COMPLIANCE_LABELS: Record<ComplianceBucket, string> = {
  "on-time": "first submitted on time",
  late: "first submitted late",
  overdue: "overdue, never submitted",
  "not-yet-due": "not submitted, not yet due",
  counted: "counted on the dashboard",
};

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  // the council the address names first, as the root's header reads it (an address naming two acts for the first)
  const filters = filtersSchema.parse({
    ...Object.fromEntries(params),
    council: params.get("council") ?? undefined,
  });
  // a council's pages name their council, for whoever also works for a supplier (404 for its non-members)
  const { viewer, membership } = await requireCouncilOrSupplier(request, filters.council);
  const now = new Date();
  if (membership.kind === "SUPPLIER") {
    const page = pageParam(request);
    // another organisation's contract is not offered and matches none of this supplier's returns
    const [contracts, lists] = await Promise.all([
      supplierReturnContracts(membership.organisationId),
      listSupplierReturns(membership.organisationId, page, now, filters.contract),
    ]);
    return json({
      view: "supplier" as const,
      organisationName: membership.organisationName,
      page,
      // a supplier working for several councils is told whose each return is (two may use the same title)
      severalCouncils: new Set(contracts.map((c) => c.council.name)).size > 1,
      contracts,
      filtered: !!filters.contract,
      contract: contracts.find((c) => c.id === filters.contract) ?? null,
      ...lists,
    });
  }
  const [year, quarter] = filters.quarter?.split("-Q").map(Number) ?? [];
  // a compliance figure counts all of a quarter's returns: it narrows "All returns", never another queue
  if (!filters.quarter || filters.queue !== "all") filters.compliance = undefined;
  const returnIds = filters.compliance
    ? await complianceReturnIds(
        membership.organisationId,
        { financialYear: year, quarter: quarter as 1 | 2 | 3 | 4 },
        filters.compliance,
        now,
      )
    : undefined;
  const list = await listCouncilReturns(
    membership.organisationId,
    {
      queue: filters.queue,
      managerId: filters.mine ? viewer.user.id : undefined,
      page: filters.page,
      quarter: filters.quarter ? { financialYear: year, quarter } : undefined,
      contractId: filters.contract,
      returnIds,
    },
    now,
  );
  const narrowed = [
    filters.quarter ? `for ${quarterLabel(year, quarter as 1 | 2 | 3 | 4)}` : null,
    filters.contract ? `for ${list.items[0]?.contractReference ?? "one contract"}` : null,
    filters.compliance ? COMPLIANCE_LABELS[filters.compliance] : null,
  ].filter(Boolean);
  return json({
    view: "council" as const,
    organisationName: membership.organisationName,
    filters,
    narrowed: narrowed.join(" "),
    complianceLabel: filters.compliance ? COMPLIANCE_LABELS[filters.compliance] : null,
    links: councilLinks(filters, membership.organisationId),
    councilId: membership.organisationId,
    list,
  });
}

const QUEUES = [
  { value: "review", label: "To review" },
  { value: "overdue", label: "Overdue" },
  { value: "all", label: "All returns" },
] as const;

type Filters = z.infer<typeof filtersSchema>;

// The list's links, each carrying only the filters that make sense where it leads: the quarter, the contract
// and "my contracts" narrow every queue; a compliance figure only "All returns", where the dashboard sends it.
// A list opened for a council its address names keeps it on them, and on its returns' links (the return page shows
// the council's view of a return to someone who is also its supplier).
function councilLinks(filters: Filters, councilId: string) {
  const keep = (href: string) => keepCouncil(href, councilId, Boolean(filters.council));
  const href = (next: Partial<Filters>) => {
    const f = { ...filters, ...next };
    const params = new URLSearchParams({ queue: f.queue });
    if (f.mine) params.set("mine", "1");
    if (f.quarter) params.set("quarter", f.quarter);
    if (f.contract) params.set("contract", f.contract);
    if (f.compliance && f.quarter && f.queue === "all") params.set("compliance", f.compliance);
    return keep(`/returns?${params}`);
  };
  return {
    queues: QUEUES.map((q) => ({ ...q, href: href({ queue: q.value }) })),
    showEverything: href({ quarter: undefined, contract: undefined, compliance: undefined }),
    clearCompliance: href({ compliance: undefined }),
    mine: href({ mine: filters.mine ? undefined : "1" }),
  };
}

/** The return's title linking to its page: `returnHref` names the council when the list was opened for one. */
const contractColumn = (
  returnHref: (id: string) => string = (id) => `/returns/${id}`,
): Column<ReturnListItem> => ({
  header: "Contract",
  rowHeader: true,
  cell: (r) => (
    <Link to={returnHref(r.id)}>
      {r.contractTitle} <span className="whitespace-nowrap">({r.contractReference})</span>
      <span className="sr-only">, {r.period} return</span>
    </Link>
  ),
});
const councilColumn: Column<ReturnListItem> = { header: "Council", cell: (r) => r.councilName };
const periodColumn: Column<ReturnListItem> = { header: "Quarter", cell: (r) => r.period };
const dueColumn: Column<ReturnListItem> = { header: "Due by", cell: (r) => formatDate(r.dueDate) };
const sentColumn: Column<ReturnListItem> = {
  header: "Sent",
  cell: (r) => (r.submittedAt ? formatDate(r.submittedAt) : "Not sent"),
};
const statusColumn: Column<ReturnListItem> = {
  header: "Status",
  cell: (r) => (
    <ReturnStatusTag
      status={r.status}
      overdue={r.overdue}
      late={r.daysSubmittedLate !== null}
      notOwed={r.notOwed}
    />
  ),
};

export default function Returns() {
  const data = useLoaderData<typeof loader>();
  return data.view === "supplier" ? <SupplierReturns data={data} /> : <CouncilReturns data={data} />;
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function SupplierReturns({ data }: { data: Extract<Data, { view: "supplier" }> }) {
  const location = useLocation();
  const total = data.toDo.total + data.done.total;
  const council = data.severalCouncils ? [councilColumn] : [];
  const forContract = data.contract
    ? ` for ${data.contract.reference}`
    : data.filtered
      ? " for the contract chosen"
      : "";
  return (
    <>
      <PageHeading caption={data.organisationName}>Quarterly returns</PageHeading>
      <p className="mb-6 max-w-3xl">
        Each quarter, report the social value you delivered on each contract. Returns open when a quarter ends
        and are due a set number of days later.
      </p>
      {data.contracts.length > 1 || data.filtered ? (
        <Form
          method="get"
          action="/returns"
          className="mb-8 border-l-4 border-line pl-4"
          aria-labelledby="filter-heading"
        >
          <h2 id="filter-heading" className="mb-4 text-xl font-bold">
            Find returns
          </h2>
          <Select
            key={data.contract?.id ?? ""}
            name="contract"
            label="Contract"
            placeholder="All contracts"
            defaultValue={data.contract?.id ?? ""}
            options={data.contracts.map((c) => ({
              value: c.id,
              label: `${c.title} (${c.reference})${data.severalCouncils ? `, ${c.council.name}` : ""}`,
            }))}
          />
          <div className="flex flex-wrap items-baseline gap-6">
            <Button variant="secondary">Show returns</Button>
            {data.filtered ? <Link to="/returns">Show returns for every contract</Link> : null}
          </div>
        </Form>
      ) : null}
      <ResultsHeading page={data.page} pageCount={data.pageCount}>
        {countOf(total, "return", "returns")}
        {forContract}
      </ResultsHeading>
      {/* one list across pages: the returns to complete come first, so a later page may hold only the rest */}
      {data.page > data.pageCount && total > 0 ? (
        <p className="mb-8">
          {emptyOrPastLastPage({
            page: data.page,
            pageCount: data.pageCount,
            total,
            path: "/returns",
            search: location.search,
            what: ["return", "returns"],
            empty: null,
          })}
        </p>
      ) : (
        <>
          {data.toDo.items.length || data.toDo.total === 0 ? (
            <Table
              caption={`Returns to complete${forContract}: ${data.toDo.total}`}
              rows={data.toDo.items}
              rowKey={(r) => r.id}
              empty={`You have no returns to complete${forContract}.`}
              columns={[contractColumn(), ...council, periodColumn, dueColumn, statusColumn]}
            />
          ) : (
            <p className="mb-8">
              {data.toDo.total === 1
                ? "Your 1 return to complete is on the first page."
                : `Your ${data.toDo.total} returns to complete are on the earlier pages.`}
            </p>
          )}
          {data.done.items.length || data.done.total === 0 ? (
            <Table
              caption={`Sent, accepted and not owed returns${forContract}: ${data.done.total}`}
              rows={data.done.items}
              rowKey={(r) => r.id}
              empty={`You have not submitted any returns${forContract} yet.`}
              columns={[contractColumn(), ...council, periodColumn, sentColumn, statusColumn]}
            />
          ) : (
            <p className="mb-8">Your sent, accepted and not owed returns are on the next pages.</p>
          )}
        </>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} search={location.search} path="/returns" />
    </>
  );
}

function CouncilReturns({ data }: { data: Extract<Data, { view: "council" }> }) {
  const location = useLocation();
  const { queue, mine } = data.filters;
  const caption = `${data.links.queues.find((q) => q.value === queue)!.label}${data.narrowed ? ` ${data.narrowed}` : ""}${mine ? " (my contracts)" : ""}: ${data.list.total}`;
  return (
    <>
      <PageHeading caption={data.organisationName}>Quarterly returns</PageHeading>
      <nav aria-label="Return queues" className="mb-4">
        <ul className="flex flex-wrap gap-4">
          {data.links.queues.map((q) => (
            <li key={q.value}>
              <Link
                to={q.href}
                aria-current={q.value === queue ? "page" : undefined}
                className={q.value === queue ? "font-bold no-underline" : undefined}
              >
                {q.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {data.complianceLabel ? (
        <p className="mb-4">
          Showing only the returns {data.complianceLabel}, from the council dashboard.{" "}
          <Link to={data.links.clearCompliance}>Clear the dashboard filter</Link>
        </p>
      ) : null}
      <p className="mb-6 flex flex-wrap gap-6">
        {data.narrowed ? <Link to={data.links.showEverything}>Show every quarter and contract</Link> : null}
        <Link to={data.links.mine}>
          {mine ? "Show returns for every contract" : "Show only contracts I manage"}
        </Link>
      </p>
      <ResultsHeading page={data.filters.page} pageCount={data.list.pageCount}>
        {countOf(data.list.total, "return", "returns")}
      </ResultsHeading>
      <Table
        caption={caption}
        rows={data.list.items}
        rowKey={(r) => r.id}
        empty={emptyOrPastLastPage({
          page: data.filters.page,
          pageCount: data.list.pageCount,
          total: data.list.total,
          path: "/returns",
          search: location.search,
          what: ["return", "returns"],
          empty: "There are no returns here.",
        })}
        columns={[
          contractColumn((id) =>
            keepCouncil(`/returns/${id}`, data.councilId, Boolean(data.filters.council)),
          ),
          { header: "Supplier", cell: (r) => r.supplierName },
          periodColumn,
          dueColumn,
          // how long each has waited: the queue lists a due date's returns in that order
          ...(queue === "review"
            ? [
                {
                  header: "Submitted",
                  cell: (r: ReturnListItem) => (r.submittedAt ? formatDate(r.submittedAt) : null),
                },
              ]
            : []),
          {
            header: "Contract manager",
            cell: (r) =>
              r.managerName === null
                ? "Not assigned"
                : r.managerHasLeft
                  ? `${r.managerName} (no longer works for the council)`
                  : r.managerName,
          },
          statusColumn,
          {
            header: <span className="sr-only">Actions</span>,
            cell: (r) =>
              r.status === "SUBMITTED" ? (
                <Link to={`/returns/${r.id}/review`}>
                  Review
                  <span className="sr-only">
                    {" "}
                    {r.contractReference} {r.period}
                  </span>
                </Link>
              ) : null,
          },
        ]}
      />
      <Pagination
        page={data.filters.page}
        pageCount={data.list.pageCount}
        search={location.search}
        path="/returns"
      />
    </>
  );
}
