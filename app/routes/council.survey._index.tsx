import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireSurveyOfficer } from "~/auth/survey-access.server.ts";
import { listCycles } from "~/domain/survey/cycles.server.ts";
import { CYCLE_STAGE_COLOURS, CYCLE_STAGE_LABELS, cycleStage } from "~/domain/survey/stages.ts";
import { PageHeading, Table, Tag } from "~/ui/components.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";
import { withCouncil } from "~/ui/charts/record-links.ts";
import { formatDate } from "~/ui/format.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Supplier diversity surveys${data ? ` – ${data.councilName}` : ""} – Social Value Marketplace` },
];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

// the council a link names (`council=<id>`), else the header switcher's (requireSurveyOfficer)
export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireSurveyOfficer(request);
  const cycles = (await listCycles(membership.organisationId)).map((c) => ({ ...c, stage: cycleStage(c) }));
  return json({ councilId: membership.organisationId, councilName: membership.organisationName, cycles });
}

export default function SurveyCycles() {
  const { councilId, councilName, cycles } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading caption={councilName}>Supplier diversity surveys</PageHeading>
      <p className="mb-6">
        {/* names the council this list is for, so the survey is opened for it whatever the switcher says since */}
        <Link to={withCouncil("/council/survey/new", councilId)} className="font-bold">
          Open a new survey
        </Link>
      </p>
      <Table
        caption="Survey cycles"
        rows={cycles}
        rowKey={(c) => c.id}
        empty="No surveys yet."
        columns={[
          {
            header: "Year",
            rowHeader: true,
            cell: (c) => <Link to={`/council/survey/${c.id}`}>{c.year}</Link>,
          },
          { header: "Opens", cell: (c) => formatDate(c.opensOn) },
          { header: "Closes", cell: (c) => formatDate(c.closesOn) },
          {
            header: "Status",
            cell: (c) => (
              <>
                <Tag colour={CYCLE_STAGE_COLOURS[c.stage]}>{CYCLE_STAGE_LABELS[c.stage]}</Tag>{" "}
                {c.anonymisedAt ? <Tag colour="grey">Anonymised</Tag> : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
