import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { actingMembership, requireUser } from "~/auth/permissions.server.ts";
import { KIND_LABEL, ROLE_LABEL } from "~/domain/accounts/schemas.ts";
import { MembershipName } from "~/ui/memberships.tsx";
import { PageHeading, Table } from "~/ui/components.tsx";
import { OrganisationStatusTag } from "~/ui/organisation-status.tsx";

export const meta: MetaFunction = () => [{ title: "Your organisations – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const acting = actingMembership(viewer, request, { kinds: ["COUNCIL", "SUPPLIER", "VCSE"] });
  return json({ memberships: viewer.memberships, actingId: acting?.organisationId ?? null });
}

export default function Organisations() {
  const { memberships, actingId } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>Your organisations</PageHeading>
      {memberships.length > 1 ? (
        <p className="mb-6">You belong to several organisations. Choose the one you are working for now.</p>
      ) : null}
      <Table
        caption={<span className="sr-only">Your organisations</span>}
        rows={memberships}
        rowKey={(m) => m.organisationId}
        empty="You do not belong to an organisation yet."
        columns={[
          {
            header: "Organisation",
            rowHeader: true,
            cell: (m) => <MembershipName membership={m} />,
          },
          { header: "Type", cell: (m) => KIND_LABEL[m.kind] },
          { header: "Your role", cell: (m) => ROLE_LABEL[m.role] },
          {
            header: "Status",
            cell: (m) => <OrganisationStatusTag status={m.status} />,
          },
          {
            header: <span className="sr-only">Working for</span>,
            cell: (m) =>
              m.organisationId === actingId ? (
                <strong>Working for this one</strong>
              ) : (
                <Form method="post" action="/switch-organisation">
                  <input type="hidden" name="organisationId" value={m.organisationId} />
                  <input type="hidden" name="redirectTo" value="/organisations" />
                  <button type="submit" className="underline">
                    Work for this one<span className="sr-only">: {m.organisationName}</span>
                  </button>
                </Form>
              ),
          },
        ]}
      />
      <p>
        <Link to="/organisations/new">Register an organisation</Link>
      </p>
    </>
  );
}
