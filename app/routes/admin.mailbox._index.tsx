import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePlatformAdmin } from "~/auth/permissions.server.ts";
import { pageParam } from "~/auth/request-context.server.ts";
import { listMailbox } from "~/domain/accounts/mailbox.server.ts";
import { PageHeading, Pagination, Table, Tag } from "~/ui/components.tsx";
import { countOf, formatDateTime } from "~/ui/format.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { ResultsHeading } from "~/ui/results-heading.tsx";

export const meta: MetaFunction = () => [{ title: "Local mailbox – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request);
  const url = new URL(request.url);
  const page = pageParam(request);
  return json({ ...(await listMailbox(page)), page, search: url.search });
}

export default function Mailbox() {
  const { emails, total, pageCount, page, search, providerConfigured } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading caption="Platform administration">Local mailbox</PageHeading>
      <p className="mb-6 max-w-3xl">
        {providerConfigured
          ? "An email provider is set up, so emails are sent for real. This list shows every email in the outbox and whether it was delivered; messages themselves go to their recipients only."
          : "No email provider is set up (RESEND_API_KEY is empty), so emails are delivered here instead of being sent."}
      </p>
      <ResultsHeading page={page} pageCount={pageCount}>
        {countOf(total, "email", "emails")}
      </ResultsHeading>
      <Table
        caption={<span className="sr-only">Emails, newest first</span>}
        rows={emails}
        rowKey={(e) => e.id}
        empty={emptyOrPastLastPage({
          page,
          pageCount,
          total,
          path: "/admin/mailbox",
          search,
          what: ["email", "emails"],
          empty: "No emails yet.",
        })}
        columns={[
          {
            header: "Subject",
            rowHeader: true,
            cell: (e) => <Link to={`/admin/mailbox/${e.id}`}>{e.subject}</Link>,
          },
          { header: "To", cell: (e) => e.to },
          { header: "Written", cell: (e) => formatDateTime(e.createdAt) },
          {
            header: "Status",
            cell: (e) => (
              <Tag colour={e.status === "SENT" ? "green" : e.status === "PENDING" ? "yellow" : "red"}>
                {e.status === "SENT" ? "Delivered" : e.status === "PENDING" ? "Waiting" : "Failed"}
              </Tag>
            ),
          },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} search={search} path="/admin/mailbox" />
    </>
  );
}
