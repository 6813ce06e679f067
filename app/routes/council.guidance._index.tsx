import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCouncilAdminOf } from "~/auth/permissions.server.ts";
import { listCouncilGuidance } from "~/domain/content/guidance.server.ts";
import { GUIDANCE_AUDIENCES } from "~/domain/content/audiences.ts";
import { keepCouncil } from "~/ui/charts/record-links.ts";
import { PageHeading, Table, Tag } from "~/ui/components.tsx";
import { formatDate } from "~/ui/format.ts";
import { actsForNamed } from "~/ui/acting-for.ts";

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Guidance pages${data ? ` – ${data.councilName}` : ""} – Social Value Marketplace` },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // the council a link names (`council=<id>`, the dashboard's), else the header switcher's: its admins only
  const named = new URL(request.url).searchParams.get("council");
  const { membership } = await requireCouncilAdminOf(request, named, "add or change guidance pages");
  const pages = await listCouncilGuidance(membership.organisationId);
  return json({
    councilName: membership.organisationName,
    councilId: membership.organisationId,
    // the links to add and edit a page keep the council the address names
    named: Boolean(named),
    pages,
  });
}

export default function CouncilGuidance() {
  const { councilName, councilId, named, pages } = useLoaderData<typeof loader>();
  const keep = (href: string) => keepCouncil(href, councilId, named);
  return (
    <>
      <PageHeading caption={councilName}>Guidance pages</PageHeading>
      <p className="mb-6 max-w-3xl">
        Pages for suppliers and requestors, written in Markdown. Published pages appear on the public{" "}
        <Link to="/guidance">guidance</Link> list.
      </p>
      <p className="mb-6 max-w-3xl">
        Your council&apos;s <Link to={`/guidance/${councilId}/case-studies`}>case studies page</Link> lists
        the fulfilled requests whose groups agreed to share them. To introduce them in your own words, publish
        a page with the web address name <code>case-studies</code>: it is shown above them, under its title.
      </p>
      <p className="mb-8">
        <Link to={keep("/council/guidance/new")} className="font-bold">
          Add a guidance page
        </Link>
      </p>
      <Table
        caption="Your council's guidance pages"
        rows={pages}
        rowKey={(p) => p.id}
        empty="You have no guidance pages yet."
        columns={[
          {
            header: "Title",
            rowHeader: true,
            cell: (p) => (
              <Link to={keep(`/council/guidance/${p.id}`)}>
                {p.title}
                <span className="sr-only"> (edit)</span>
              </Link>
            ),
          },
          { header: "For", cell: (p) => GUIDANCE_AUDIENCES.find((a) => a.value === p.audience)?.label },
          {
            header: "Status",
            cell: (p) =>
              p.published ? (
                <Link to={`/guidance/${councilId}/${p.slug}`}>
                  <Tag colour="green">Published</Tag>
                  <span className="sr-only"> – view {p.title}</span>
                </Link>
              ) : (
                <Tag colour="grey">Draft</Tag>
              ),
          },
          { header: "Last updated", cell: (p) => formatDate(p.updatedAt) },
        ]}
      />
    </>
  );
}
