import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { requireCouncilOrSupplier } from "~/auth/permissions.server.ts";
import { pageParam } from "~/auth/request-context.server.ts";
import {
  contractFilterOptions,
  listCouncilContracts,
  listSupplierContracts,
} from "~/domain/contracts/contracts.server.ts";
import { CONTRACT_STATUSES, contractStatusLabel, statusDateConflict } from "~/domain/contracts/labels.ts";
import { londonDayIso } from "~/domain/calendar.ts";
import { progressFor } from "~/domain/contracts/progress.server.ts";
import { getMeasure } from "~/domain/contracts/measures.server.ts";
import { contractFiltersSchema, searchProblem } from "~/domain/contracts/schemas.ts";
import { PageHeading, Pagination, Table } from "~/ui/components.tsx";
import { Button, Select, TextInput } from "~/ui/form.tsx";
import { countOf, formatDate, formatGbp, formatNumber, listInWords } from "~/ui/format.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { keepCouncil } from "~/ui/charts/record-links.ts";
import { CommitmentProgressTable, NOT_AWARDED_NOTE } from "./contracts.$id._index/commitment-progress.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";
import { ResultsHeading } from "~/ui/results-heading.tsx";

export const meta: MetaFunction = () => [{ title: "Contracts – Social Value Marketplace" }];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  const council = new URL(request.url).searchParams.get("council") || undefined;
  // A council's dashboard names its council: someone who also works for a supplier (first, or chosen in the header
  // switcher) landed on the supplier's contracts. Only that council's members act for it; anyone else gets 404.
  const { membership } = await requireCouncilOrSupplier(request, council);
  if (membership.kind === "SUPPLIER") {
    const page = pageParam(request);
    const { total, pageCount, contracts } = await listSupplierContracts(membership.organisationId, page);
    const progress = await progressFor(contracts.flatMap((c) => c.commitments));
    return json({
      view: "supplier" as const,
      organisationName: membership.organisationName,
      today: londonDayIso(new Date()),
      page,
      pageCount,
      total,
      contracts: contracts.map((c) => ({
        id: c.id,
        reference: c.reference,
        title: c.title,
        status: c.status,
        council: c.council.name,
        startDate: c.startDate.toISOString(),
        endDate: c.endDate.toISOString(),
        terminatedOn: c.terminatedOn?.toISOString() ?? null,
        commitments: c.commitments.map((m) => ({
          id: m.id,
          measure: m.measure,
          targetQuantity: m.targetQuantity?.toFixed(2) ?? null,
          qualitativeText: m.qualitativeText,
          progress: progress.get(m.id)!,
        })),
      })),
    });
  }
  const filters = contractFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [measure, options] = await Promise.all([
    filters.measure ? getMeasure(membership.organisationId, filters.measure) : null,
    contractFilterOptions(membership.organisationId),
  ]);
  // a measure from the dashboard, a department, supplier or manager no longer among the council's (a link kept
  // from before, or another council's): said, and dropped, as the form can show only what is among them
  const notFound: Choice[] = [
    ...(filters.measure && !measure ? ["measure" as const] : []),
    ...unknownChoices(filters, options),
  ];
  for (const name of notFound) filters[name] = undefined;
  const result = await listCouncilContracts(membership.organisationId, filters);
  return json({
    view: "officer" as const,
    organisationName: membership.organisationName,
    // kept on the list's own links and form, so it goes on acting for the council named
    council: council ?? null,
    councilId: membership.organisationId,
    today: londonDayIso(new Date()),
    filters,
    notFound,
    searchProblem: searchProblem(filters.q),
    measure: measure ? { code: measure.code, name: measure.name } : null,
    options,
    ...result,
  });
}

export default function Contracts() {
  const data = useLoaderData<typeof loader>();
  return data.view === "supplier" ? <SupplierContracts data={data} /> : <CouncilContracts data={data} />;
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function SupplierContracts({ data }: { data: Extract<Data, { view: "supplier" }> }) {
  const location = useLocation();
  return (
    <>
      <PageHeading caption={data.organisationName}>Your contracts</PageHeading>
      <p className="mb-8 max-w-3xl">
        The social value you committed to in each contract, what was planned by the end of the last full
        quarter, what has been delivered so far (confirmed marketplace pledges and accepted quarterly returns)
        and what percentage of the plan that is.
      </p>
      {data.total > 0 ? (
        <ResultsHeading page={data.page} pageCount={data.pageCount}>
          {countOf(data.total, "contract", "contracts")}
        </ResultsHeading>
      ) : null}
      {data.total === 0 ? (
        <p>No council has recorded a contract with your organisation yet.</p>
      ) : data.contracts.length === 0 ? (
        <p>
          {emptyOrPastLastPage({
            page: data.page,
            pageCount: data.pageCount,
            total: data.total,
            path: "/contracts",
            search: location.search,
            what: ["contract", "contracts"],
            empty: "There are no contracts on this page.",
          })}
        </p>
      ) : (
        data.contracts.map((contract) => (
          <section key={contract.id} aria-labelledby={`contract-${contract.id}`} className="mb-10">
            <h2 id={`contract-${contract.id}`} className="mb-1 text-2xl font-bold">
              <Link to={`/contracts/${contract.id}`}>
                {contract.reference}: {contract.title}
              </Link>
            </h2>
            <p className="mb-4 text-muted">
              {contract.council} · {contractStatusLabel(contract.status)} · {formatDate(contract.startDate)}{" "}
              to {formatDate(contract.endDate)}
              {contract.terminatedOn ? ` · Terminated on ${formatDate(contract.terminatedOn)}` : ""}
              {statusDateConflict(contract, data.today) ? (
                <strong className="block text-ink">{statusDateConflict(contract, data.today)}</strong>
              ) : null}
            </p>
            {contract.status === "PIPELINE" ? <p className="mb-4 max-w-3xl">{NOT_AWARDED_NOTE}</p> : null}
            <CommitmentProgressTable
              caption={`Commitments in ${contract.reference}`}
              commitments={contract.commitments}
              notAwarded={contract.status === "PIPELINE"}
            />
          </section>
        ))
      )}
      <Pagination page={data.page} pageCount={data.pageCount} search={location.search} path="/contracts" />
    </>
  );
}

type Choice = "measure" | "department" | "supplier" | "manager";
const CHOICE_NAMES: Record<Choice, string> = {
  measure: "measure",
  department: "department",
  supplier: "supplier",
  manager: "contract manager",
};

function unknownChoices(
  filters: Partial<Record<Choice, string>>,
  options: Awaited<ReturnType<typeof contractFilterOptions>>,
): Choice[] {
  const known: Record<Exclude<Choice, "measure">, string[]> = {
    department: options.departments,
    supplier: options.suppliers.map((s) => s.id),
    manager: options.managers.map((m) => m.id),
  };
  return (Object.keys(known) as (keyof typeof known)[]).filter((name) => {
    const value = filters[name];
    return value !== undefined && value !== "" && !known[name].includes(value);
  });
}

// The same list without one of its filters, from its first page.
function withoutFilter(search: string, name: string) {
  const params = new URLSearchParams(search);
  params.delete(name);
  params.delete("page");
  const rest = params.toString();
  return rest ? `/contracts?${rest}` : "/contracts";
}

function CouncilContracts({ data }: { data: Extract<Data, { view: "officer" }> }) {
  const location = useLocation();
  const { filters, options } = data;
  // a list opened for a council its address names leads on to that council's pages
  const keep = (href: string) => keepCouncil(href, data.councilId, Boolean(data.council));
  return (
    <>
      <PageHeading caption={data.organisationName}>Contracts</PageHeading>
      <div className="mb-8 flex flex-wrap gap-4">
        <Link to={keep("/contracts/new")} className="font-bold">
          Register a contract
        </Link>
        <Link to={keep("/contracts/import")} className="font-bold">
          Import contracts from a CSV file
        </Link>
      </div>
      <Form method="get" className="mb-8 border-l-4 border-line pl-4" aria-labelledby="filter-heading">
        <h2 id="filter-heading" className="mb-4 text-xl font-bold">
          Find contracts
        </h2>
        {data.council ? <input type="hidden" name="council" value={data.council} /> : null}
        {filters.awardedSince ? (
          <>
            <input type="hidden" name="awardedSince" value={filters.awardedSince} />
            <p className="mb-4">
              Only contracts awarded since {formatDate(filters.awardedSince)} (from the dashboard).{" "}
              <Link to={withoutFilter(location.search, "awardedSince")}>
                Include contracts awarded before then
              </Link>
            </p>
          </>
        ) : null}
        {filters.awardDate === "none" ? (
          <>
            <input type="hidden" name="awardDate" value="none" />
            <p className="mb-4">
              Only active, ended or terminated contracts with no award date recorded (from the dashboard).{" "}
              <Link to={withoutFilter(location.search, "awardDate")}>
                Show contracts whatever their award date
              </Link>
            </p>
          </>
        ) : null}
        {filters.localValue ? (
          <>
            <input type="hidden" name="localValue" value="yes" />
            <p className="mb-4">
              Only contracts with commitments valued in the council’s local £ (from the dashboard).{" "}
              <Link to={withoutFilter(location.search, "localValue")}>
                Include contracts with no commitment valued in local £
              </Link>
            </p>
          </>
        ) : null}
        {filters.awarded ? (
          <>
            <input type="hidden" name="awarded" value="yes" />
            <p className="mb-4">
              Only contracts that have been awarded: contracts not yet awarded (in the pipeline) are left out,
              as the dashboard’s figures leave them out.{" "}
              <Link to={withoutFilter(location.search, "awarded")}>Include contracts in the pipeline</Link>
            </p>
          </>
        ) : null}
        {filters.measure && data.measure ? (
          <>
            <input type="hidden" name="measure" value={filters.measure} />
            <p className="mb-4">
              Only contracts with a commitment on {data.measure.code} {data.measure.name}.{" "}
              <Link to={withoutFilter(location.search, "measure")}>
                Include contracts without this measure
              </Link>
            </p>
          </>
        ) : null}
        <TextInput
          name="q"
          label="Reference or title"
          hint="Or the procurement plan reference, for example PM3-1042"
          defaultValue={filters.q ?? ""}
          width="20"
          errors={data.searchProblem ? [data.searchProblem] : undefined}
        />
        <div className="grid gap-x-6 sm:grid-cols-2">
          <Select
            name="department"
            label="Department or service"
            placeholder="Any department"
            defaultValue={filters.department}
            options={options.departments.map((d) => ({ value: d, label: d }))}
          />
          <Select
            name="supplier"
            label="Supplier"
            placeholder="Any supplier"
            defaultValue={filters.supplier}
            options={options.suppliers.map((s) => ({ value: s.id, label: s.name }))}
          />
          <Select
            name="manager"
            label="Contract manager"
            placeholder="Any contract manager"
            defaultValue={filters.manager}
            options={options.managers.map((m) => ({ value: m.id, label: m.name }))}
          />
          <Select
            name="status"
            label="Status"
            placeholder="Any status"
            defaultValue={filters.status}
            options={CONTRACT_STATUSES}
          />
          <Select
            name="commitments"
            label="Social value commitments"
            placeholder="With or without"
            defaultValue={filters.commitments}
            options={[
              { value: "yes", label: "Has commitments recorded" },
              { value: "no", label: "No commitments recorded" },
            ]}
          />
        </div>
        <Button>Apply filters</Button>{" "}
        <Link to={keep("/contracts")} className="ml-4">
          Clear filters
        </Link>
      </Form>
      {data.notFound.length > 0 ? (
        <p className="mb-6 border-l-8 border-brand bg-gray-100 p-4">
          The {listInWords(data.notFound.map((n) => CHOICE_NAMES[n]))} in the link you followed{" "}
          {data.notFound.length === 1 ? "is" : "are"} not among this council’s contracts, so contracts of{" "}
          {listInWords(data.notFound.map((n) => `any ${CHOICE_NAMES[n]}`))} are shown.
        </p>
      ) : null}
      <ResultsHeading page={filters.page} pageCount={data.pageCount}>
        {countOf(data.total, "contract", "contracts")} found
      </ResultsHeading>
      <Table
        caption="Contracts"
        rows={data.contracts}
        rowKey={(c) => c.id}
        empty={emptyOrPastLastPage({
          page: filters.page,
          pageCount: data.pageCount,
          total: data.total,
          path: "/contracts",
          search: location.search,
          what: ["contract", "contracts"],
          empty: Object.entries(filters).some(([name, value]) => name !== "page" && value) ? (
            "No contracts match these filters."
          ) : (
            <>
              Your council has no contracts on the portal yet.{" "}
              <Link to={keep("/contracts/new")}>Register a contract</Link> or{" "}
              <Link to={keep("/contracts/import")}>import contracts from a CSV file</Link>: their social value
              commitments, quarterly returns and delivery then show here, on the dashboard and in the
              quarterly report.
            </>
          ),
        })}
        columns={[
          {
            header: "Reference",
            rowHeader: true,
            cell: (c) => <Link to={`/contracts/${c.id}`}>{c.reference}</Link>,
          },
          { header: "Title", cell: (c) => c.title },
          { header: "Supplier", cell: (c) => c.supplierOrganisation.name },
          { header: "Department", cell: (c) => c.department },
          { header: "Contract manager", cell: (c) => c.contractManager?.name ?? "Not set" },
          {
            header: "Status",
            cell: (c) => {
              const conflict = statusDateConflict(c, data.today);
              return (
                <>
                  {contractStatusLabel(c.status)}
                  {conflict ? <strong className="block text-sm">{conflict}</strong> : null}
                </>
              );
            },
          },
          {
            header: "Ends",
            cell: (c) =>
              c.terminatedOn ? `Terminated on ${formatDate(c.terminatedOn)}` : formatDate(c.endDate),
          },
          { header: "Value", numeric: true, cell: (c) => formatGbp(c.valueGbp) },
          { header: "Commitments", numeric: true, cell: (c) => formatNumber(c.commitmentCount) },
        ]}
      />
      <Pagination page={filters.page} pageCount={data.pageCount} search={location.search} path="/contracts" />
    </>
  );
}
