import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { themeLabel, unitLabel } from "~/domain/contracts/labels.ts";
import { listMeasures } from "~/domain/contracts/measures.server.ts";
import { helpTypeLabel } from "~/domain/marketplace/help-types.ts";
import { withCouncil } from "~/ui/charts/record-links.ts";
import { PageHeading, Table, Tag } from "~/ui/components.tsx";
import { formatGbp, plural } from "~/ui/format.ts";
import { actsForNamed } from "~/ui/acting-for.ts";

export const meta: MetaFunction = () => [{ title: "Measure library – Social Value Marketplace" }];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  // the council named in the address (its officers only, partnership officers included), else the one acted for:
  // a measure saved for one council of an admin of two comes back to that council's library
  const { membership } = await requireCouncilOf(request, new URL(request.url).searchParams.get("council"));
  return json({
    council: membership.organisationName,
    // the counts link to the contracts behind them, in this council's list (decision 027)
    councilId: membership.organisationId,
    canManage: membership.role === "ADMIN",
    measures: await listMeasures(membership.organisationId),
  });
}

export default function Measures() {
  const { council, councilId, canManage, measures } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading caption={council}>Measure library</PageHeading>
      <p className="mb-6 max-w-3xl">
        The measures your contracts’ social value commitments are recorded in. Proxy values are your council’s
        own £ per unit; none are supplied with the portal.
      </p>
      {canManage ? (
        <p className="mb-6">
          <Link to={withCouncil("/council/measures/new", councilId)} className="font-bold">
            Add a measure
          </Link>
        </p>
      ) : null}
      <Table
        caption="Measures"
        rows={measures}
        rowKey={(m) => m.id}
        empty={
          canManage
            ? "Your council’s library has no measures yet. Add a measure: every social value commitment on a contract is recorded against one."
            : "Your council’s library has no measures yet, so no social value commitment can be recorded on a contract. A council admin adds them."
        }
        columns={[
          { header: "Code", rowHeader: true, cell: (m) => m.code },
          {
            header: "Measure",
            cell: (m) => (canManage ? <Link to={`/council/measures/${m.id}`}>{m.name}</Link> : m.name),
          },
          {
            header: "Theme",
            // the council's own framework theme, which it maps the measure to: where its reports place it
            cell: (m) => (
              <>
                {themeLabel(m.theme)}
                {m.frameworkMapping ? (
                  <span className="block text-sm">Framework: {m.frameworkMapping}</span>
                ) : null}
              </>
            ),
          },
          { header: "Unit", cell: (m) => unitLabel(m.unit) },
          {
            header: "Marketplace help that counts",
            cell: (m) => m.contributingHelpTypes.map(helpTypeLabel).join(", ") || "None",
          },
          {
            header: "Proxy value",
            numeric: true,
            cell: (m) => (m.proxyValueGbp ? formatGbp(m.proxyValueGbp) : "–"),
          },
          {
            header: "Commitments",
            numeric: true,
            // the contracts the count is made of (one commitment per measure on a contract)
            cell: (m) =>
              m.commitmentCount > 0 ? (
                <Link to={withCouncil(`/contracts?measure=${encodeURIComponent(m.id)}`, councilId)}>
                  {m.commitmentCount}
                  <span className="sr-only">
                    {" "}
                    {plural(m.commitmentCount, "contract", "contracts")} with a commitment on {m.code}
                  </span>
                </Link>
              ) : (
                0
              ),
          },
          {
            header: "Status",
            cell: (m) => (m.retiredAt ? <Tag colour="grey">Retired</Tag> : <Tag colour="green">In use</Tag>),
          },
        ]}
      />
    </>
  );
}
