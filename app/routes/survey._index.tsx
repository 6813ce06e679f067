import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/permissions.server.ts";
import { cyclesOpenTo } from "~/domain/survey/eligibility.server.ts";
import { hasOpened } from "~/domain/survey/stages.ts";
import { PageHeading, Table, Tag } from "~/ui/components.tsx";
import { formatDate } from "~/ui/format.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Supplier diversity survey${data ? ` – ${data.organisationName}` : ""} – Social Value Marketplace`,
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireMembership(request, {
    kinds: ["SUPPLIER"],
    roles: ["OWNER", "MEMBER"],
  });
  // A survey opened for a later day, or whose closing day is over before the night's housekeeping closes it, is
  // listed too (its page says why it takes no answers): the list says so, not "Not started" as if it could be.
  const cycles = (await cyclesOpenTo(membership.organisationId)).map((c) => ({
    ...c,
    notOpenYet: !c.accepting && !hasOpened(c),
    closingDatePassed: !c.accepting && hasOpened(c),
  }));
  return json({ organisationName: membership.organisationName, cycles });
}

const statusTag = {
  IN_PROGRESS: <Tag colour="yellow">In progress</Tag>,
  SUBMITTED: <Tag colour="green">Submitted</Tag>,
  WITHDRAWN: <Tag colour="grey">Withdrawn</Tag>,
};

export default function SurveyList() {
  const { organisationName, cycles } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading caption={organisationName}>Supplier diversity survey</PageHeading>
      <p className="mb-6 max-w-3xl">
        Each year councils ask small and medium-sized businesses in their area who owns and leads them and
        what makes it hard to bid for council contracts. Every question is optional.
      </p>
      <Table
        caption="Surveys open to your business"
        rows={cycles}
        rowKey={(c) => c.id}
        empty="There are no surveys open to your business at the moment."
        columns={[
          {
            header: "Survey",
            rowHeader: true,
            cell: (c) => (
              <Link to={`/survey/${c.id}`}>
                {c.councilName} {c.year}
              </Link>
            ),
          },
          { header: "Open", cell: (c) => `${formatDate(c.opensOn)} to ${formatDate(c.closesOn)}` },
          {
            header: "Your answers",
            cell: (c) =>
              c.notOpenYet ? (
                <Tag colour="grey">Not open yet</Tag>
              ) : c.closingDatePassed && c.responseStatus !== "SUBMITTED" ? (
                <Tag colour="grey">Closed</Tag>
              ) : c.rejected && c.responseStatus === "IN_PROGRESS" ? (
                // answers never sent, from a business the council has since rejected: "In progress" read as a
                // survey it could go on with
                <Tag colour="grey">Cannot be sent</Tag>
              ) : c.responseStatus ? (
                statusTag[c.responseStatus]
              ) : (
                <Tag colour="blue">Not started</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
