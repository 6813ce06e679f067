import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { actingMembership, requireUser } from "~/auth/permissions.server.ts";
import { MembershipsTable } from "~/ui/memberships.tsx";
import { PageHeading } from "~/ui/components.tsx";

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
      <MembershipsTable
        memberships={memberships}
        more={[
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
