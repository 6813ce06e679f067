import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireViewer } from "~/auth/permissions.server.ts";
import {
  contractHistory,
  findContractForViewer,
  HISTORY_LIMIT,
} from "~/domain/contracts/contracts.server.ts";
import { readableValue } from "~/domain/contracts/history.ts";
import { contractStatusLabel, statusDateConflict } from "~/domain/contracts/labels.ts";
import { londonDayIso } from "~/domain/calendar.ts";
import { progressFor } from "~/domain/contracts/progress.server.ts";
import { keepCouncil } from "~/ui/charts/record-links.ts";
import { BackLink, PageHeading, SummaryList, Tag } from "~/ui/components.tsx";
import { formatDate, formatDateTime, formatGbp } from "~/ui/format.ts";
import { CommitmentProgressTable, NOT_AWARDED_NOTE } from "./commitment-progress.tsx";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the organisation the page is read for (its loader's actingFor): the contract's council for its
// officers, whatever the switcher is on, and the supplier for the supplier (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("actingFor");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? `${data.contract.reference}: ${data.contract.title}` : "Contract"} – Social Value Marketplace`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const found = await findContractForViewer(viewer, params.id!);
  if (!found) notFound();
  const { contract, viewAs, managerHasLeft } = found;
  const [progress, history] = await Promise.all([
    progressFor(contract.commitments),
    viewAs === "officer" ? contractHistory(contract.councilId, contract.id) : Promise.resolve([]),
  ]);
  return json({
    viewAs,
    actingFor: viewAs === "officer" ? contract.councilId : contract.supplierOrganisation.id,
    today: londonDayIso(new Date()),
    contract: {
      id: contract.id,
      // an officer's links to the lists name this council (decision 027), the supplier's follow the switcher
      councilId: contract.councilId,
      reference: contract.reference,
      title: contract.title,
      council: contract.council.name,
      supplier: contract.supplierOrganisation.name,
      department: contract.department,
      contractManager: contract.contractManager?.name ?? null,
      managerHasLeft,
      valueGbp: contract.valueGbp.toFixed(2),
      awardedOn: contract.awardedOn?.toISOString() ?? null,
      startDate: contract.startDate.toISOString(),
      endDate: contract.endDate.toISOString(),
      planReference: contract.planReference,
      status: contract.status,
      terminatedOn: contract.terminatedOn?.toISOString() ?? null,
    },
    commitments: contract.commitments.map((c) => ({
      id: c.id,
      measure: c.measure,
      targetQuantity: c.targetQuantity?.toFixed(2) ?? null,
      qualitativeText: c.qualitativeText,
      narrative: c.narrative,
      progress: progress.get(c.id)!,
    })),
    history: history.slice(0, HISTORY_LIMIT),
    // the registration and other early changes are left out: said, so nobody takes the list for the whole record
    olderHistoryLeftOut: history.length > HISTORY_LIMIT,
  });
}

export default function ContractPage() {
  const { viewAs, today, contract, commitments, history, olderHistoryLeftOut } =
    useLoaderData<typeof loader>();
  const officer = viewAs === "officer";
  const conflict = statusDateConflict(contract, today);
  // an officer's links to the council's lists name the contract's council; the supplier's follow the switcher
  const forCouncil = (href: string) => keepCouncil(href, contract.councilId, officer);
  const change = (hidden: string) =>
    officer ? { to: `/contracts/${contract.id}/edit`, label: "Change", hidden } : undefined;
  return (
    <>
      <BackLink to={forCouncil("/contracts")}>All contracts</BackLink>
      <PageHeading caption={`${contract.reference} · ${contract.council}`}>{contract.title}</PageHeading>
      <p className="mb-6">
        <Tag colour={contract.status === "ACTIVE" ? "green" : "grey"}>
          {contractStatusLabel(contract.status)}
        </Tag>
        {contract.terminatedOn ? (
          <span className="ml-2">Terminated on {formatDate(contract.terminatedOn)}</span>
        ) : null}
        {conflict ? (
          <strong className="ml-2">
            {conflict}
            {officer ? (
              <>
                : <Link to={`/contracts/${contract.id}/edit`}>change the status or the end date</Link>
              </>
            ) : null}
          </strong>
        ) : null}
      </p>
      {officer ? (
        <p className="mb-6">
          <Link to={`/contracts/${contract.id}/edit`} className="font-bold">
            Change contract details
          </Link>
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: "Supplier", value: contract.supplier, action: change("supplier") },
          { key: "Department or service", value: contract.department, action: change("department") },
          {
            key: "Contract manager",
            value: contract.contractManager
              ? contract.managerHasLeft
                ? `${contract.contractManager} (no longer works for the council${officer ? ": return emails go to the council's admins until you choose a new manager" : ""})`
                : contract.contractManager
              : "Not set",
            action: change("contract manager"),
          },
          { key: "Value", value: formatGbp(contract.valueGbp), action: change("value") },
          {
            key: "Term",
            value: `${formatDate(contract.startDate)} to ${formatDate(contract.endDate)}`,
            action: change("term"),
          },
          ...(contract.terminatedOn
            ? [
                {
                  key: "Terminated on",
                  value: `${formatDate(contract.terminatedOn)}: plan to date and the committed figures stop at the end of that quarter`,
                  action: change("termination date"),
                },
              ]
            : []),
          {
            key: "Awarded",
            value: contract.awardedOn ? formatDate(contract.awardedOn) : "Not recorded",
            action: change("award date"),
          },
          {
            key: "Procurement plan reference",
            value: contract.planReference ?? "Not recorded",
            action: change("procurement plan reference"),
          },
        ]}
      />
      <h2 className="mb-4 text-2xl font-bold">Social value commitments</h2>
      {officer ? (
        <p className="mb-4">
          <Link to={`/contracts/${contract.id}/commitments/new`} className="font-bold">
            Add a commitment
          </Link>
        </p>
      ) : null}
      {contract.status === "PIPELINE" ? <p className="mb-4 max-w-3xl">{NOT_AWARDED_NOTE}</p> : null}
      <CommitmentProgressTable
        caption={`Commitments in ${contract.reference}`}
        commitments={commitments}
        notAwarded={contract.status === "PIPELINE"}
        editPath={officer ? (id) => `/contracts/${contract.id}/commitments/${id}` : undefined}
      />
      {commitments.some((c) => c.narrative) ? (
        <>
          <h3 className="mb-2 text-xl font-bold">Notes on the commitments</h3>
          <dl className="mb-8">
            {commitments
              .filter((c) => c.narrative)
              .map((c) => (
                <div key={c.id} className="mb-3">
                  <dt className="font-bold">{c.measure.name}</dt>
                  <dd className="whitespace-pre-line">{c.narrative}</dd>
                </div>
              ))}
          </dl>
        </>
      ) : null}
      <p className="mb-8">
        {/* the returns that delivery to date is counted from: the council's to review or chase, the supplier's
            own to send or see what became of them */}
        {officer ? (
          <Link to={forCouncil(`/returns?queue=all&contract=${encodeURIComponent(contract.id)}`)}>
            Quarterly returns for this contract
          </Link>
        ) : (
          <Link to={`/returns?contract=${encodeURIComponent(contract.id)}`}>
            Your quarterly returns for this contract
          </Link>
        )}
      </p>
      {officer ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="mb-4 text-2xl font-bold">
            History of changes
          </h2>
          {olderHistoryLeftOut ? (
            <p className="mb-4">
              The latest {history.length} changes are shown. Older changes, the contract’s registration among
              them, are kept in the council’s audit log, which council admins can search.
            </p>
          ) : null}
          {history.length === 0 ? (
            <p>No changes have been recorded.</p>
          ) : (
            <ol className="space-y-6">
              {history.map((entry) => (
                <li key={entry.id} className="border-l-4 border-line pl-4">
                  <h3 className="font-bold">
                    {entry.what}
                    {entry.measure ? ` (${entry.measure})` : ""}
                  </h3>
                  <p className="mb-2 text-muted">
                    {formatDateTime(entry.when)} by {entry.who}
                  </p>
                  {entry.changes.length ? (
                    <table className="w-full text-left text-sm">
                      <caption className="sr-only">Changes made on {formatDateTime(entry.when)}</caption>
                      <thead>
                        <tr>
                          <th scope="col" className="pr-4">
                            Field
                          </th>
                          <th scope="col" className="pr-4">
                            Before
                          </th>
                          <th scope="col">After</th>
                        </tr>
                      </thead>
                      <tbody>
                        {entry.changes.map((c, index) => (
                          <tr key={index} className="border-t border-line align-top">
                            <th scope="row" className="pr-4 font-normal">
                              {c.label}
                            </th>
                            <td className="pr-4">
                              {readableValue(c.field, c.from, entry.units[index]) ?? "Not given"}
                            </td>
                            <td>{readableValue(c.field, c.to, entry.units[index]) ?? "Not given"}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </>
  );
}
