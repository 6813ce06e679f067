import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/permissions.server.ts";
import { formatQuantity } from "~/domain/marketplace/help-types.ts";
import { PLEDGE_STATUSES, pledgeStatusLabel } from "~/domain/marketplace/pledge-lifecycle.ts";
import { listSupplierPledges } from "~/domain/marketplace/queries.server.ts";
import { PageHeading, Table } from "~/ui/components.tsx";
import { formatDate } from "~/ui/format.ts";

export const meta: MetaFunction = () => [{ title: "Your pledges – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireMembership(request, { kinds: ["SUPPLIER"] });
  const pledges = await listSupplierPledges(membership.organisationId);
  return json({ pledges, organisationName: membership.organisationName });
}

export default function PledgesPage() {
  const { pledges, organisationName } = useLoaderData<typeof loader>();
  const groups = PLEDGE_STATUSES.map((status) => ({
    status,
    rows: pledges.filter((p) => p.status === status),
  })).filter((g) => g.rows.length > 0);
  return (
    <>
      <PageHeading caption={organisationName}>Your pledges</PageHeading>
      {groups.length === 0 ? (
        <p>
          You have not pledged yet. <Link to="/requests">Find a request to support</Link>.
        </p>
      ) : null}
      {groups.map((group) => (
        <Table
          key={group.status}
          caption={`${pledgeStatusLabel(group.status).replace(/^./, (c) => c.toUpperCase())} (${group.rows.length})`}
          rows={group.rows}
          rowKey={(p) => p.id}
          columns={[
            {
              header: "Request",
              cell: (p) => <Link to={`/pledges/${p.id}`}>{p.request.title}</Link>,
              rowHeader: true,
            },
            {
              header: "Pledged",
              cell: (p) => formatQuantity(p.request.helpType, p.quantity, p.request.unitLabel),
            },
            { header: "Expected delivery", cell: (p) => formatDate(p.expectedDeliveryDate) },
            { header: "Pledged on", cell: (p) => formatDate(p.createdAt) },
          ]}
        />
      ))}
    </>
  );
}
