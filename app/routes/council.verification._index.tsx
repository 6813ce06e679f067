import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { pageParam } from "~/auth/request-context.server.ts";
import { verificationQueue } from "~/domain/accounts/organisations.server.ts";
import { KIND_LABEL } from "~/domain/accounts/schemas.ts";
import { PageHeading, Pagination, Table } from "~/ui/components.tsx";
import { countOf, formatDate } from "~/ui/format.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";
import { ResultsHeading } from "~/ui/results-heading.tsx";

export const meta: MetaFunction = () => [{ title: "Organisations to verify – Social Value Marketplace" }];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

// The council the officer is working for now, or the one the dashboard's link names (`council=<id>`): partners each
// verify their own organisations.
export async function loader({ request }: LoaderFunctionArgs) {
  const named = new URL(request.url).searchParams.get("council");
  const { membership } = await requireCouncilOf(request, named);
  const page = pageParam(request);
  const { queue, total, pageCount } = await verificationQueue([membership.organisationId], page);
  // an organisation's page is opened naming this queue (its council, when the address named it, and its page), so
  // its way back and a decision there lead back here rather than to the first page of the switcher's council
  const opened = new URLSearchParams();
  if (named) opened.set("council", membership.organisationId);
  if (page > 1) opened.set("page", String(page));
  const openedFrom = opened.size ? `?${opened}` : "";
  return json({ councilName: membership.organisationName, queue, total, page, pageCount, openedFrom });
}

export default function VerificationQueue() {
  const { councilName, queue, total, page, pageCount, openedFrom } = useLoaderData<typeof loader>();
  // the other pages keep the council the address names
  const { search } = useLocation();
  return (
    <>
      <PageHeading caption={councilName}>Organisations to verify</PageHeading>
      <p className="mb-6 max-w-3xl">
        New charities, community groups and suppliers wait here until you check they are genuine. Until then
        they can draft but cannot publish requests or pledge.
      </p>
      <ResultsHeading page={page} pageCount={pageCount}>
        {countOf(total, "organisation waiting", "organisations waiting")}
      </ResultsHeading>
      <Table
        caption="Organisations waiting, oldest first"
        rows={queue}
        rowKey={(o) => o.id}
        empty={emptyOrPastLastPage({
          page,
          pageCount,
          total,
          path: "/council/verification",
          search,
          what: ["organisation waiting", "organisations waiting"],
          empty: "No organisations are waiting for verification.",
        })}
        columns={[
          {
            header: "Organisation",
            rowHeader: true,
            cell: (o) => <Link to={`/council/verification/${o.id}${openedFrom}`}>{o.name}</Link>,
          },
          { header: "Type", cell: (o) => KIND_LABEL[o.kind] },
          { header: "Registered", cell: (o) => formatDate(o.createdAt) },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} search={search} path="/council/verification" />
    </>
  );
}
