import { json, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { caseStudy, impactTotal } from "~/domain/marketplace/request-card.server.ts";
import { OPEN_DATA_FIELDS } from "~/domain/reporting/impact-fields.ts";
import { latestCaseStudies } from "~/domain/content/case-studies.server.ts";
import {
  impactCouncils,
  impactOpenData,
  recentFigures,
  stillShowcased,
  summariseImpact,
} from "~/domain/reporting/impact.server.ts";
import { CaseStudyCard } from "~/ui/case-study-card.tsx";
import { BarChart } from "~/ui/charts/bar-chart.tsx";
import { barChart } from "~/ui/charts/geometry.server.ts";
import { PageHeading } from "~/ui/page-parts.tsx";
import { Table } from "~/ui/table.tsx";
import { formatNumber } from "~/ui/format.ts";

export const meta: MetaFunction = () => [{ title: "Our impact – Social Value Marketplace" }];

export async function loader() {
  // the rows are the open data download's shared copy, so the download holds the figures of the page just read
  const [{ value: rows }, { value: allStories }, { value: allCouncils }] = await Promise.all([
    impactOpenData(),
    recentFigures("impact-stories", () => latestCaseStudies()),
    impactCouncils(),
  ]);
  const councils = summariseImpact(rows).map((council) => {
    const pledgesByCategory = new Map<string, number>();
    for (const c of council.byCategory)
      pledgesByCategory.set(c.label, (pledgesByCategory.get(c.label) ?? 0) + c.pledges);
    const bars = [...pledgesByCategory].map(([label, value]) => ({ label, value }));
    // each total's type of help and quantity delivered are written here: formatQuantity's module brings the
    // pluralize library, which the page would otherwise ship to every browser
    return {
      ...council,
      byHelpType: council.byHelpType.map(impactTotal),
      byCategory: council.byCategory.map(impactTotal),
      byDistrict: council.byDistrict.map(impactTotal),
      categoryChart: barChart(bars),
    };
  });
  // a requestor who has since withdrawn its consent is not shown, whatever the shared copy holds
  const shown = await stillShowcased(allStories.map((story) => story.id));
  // a council with nothing confirmed yet is still named, with its totals said to be none
  const withHelp = new Set(councils.map((council) => council.id));
  return json({
    councils,
    councilsWithoutHelp: allCouncils.filter((council) => !withHelp.has(council.id)),
    stories: allStories.filter((story) => shown.has(story.id)).map(caseStudy),
  });
}

// "1 confirmed pledge in 1 category.", "12 confirmed pledges across 3 categories."
function categorySummary(pledges: number, categories: number) {
  const pledged = `${formatNumber(pledges)} confirmed ${pledges === 1 ? "pledge" : "pledges"}`;
  if (categories === 0) return `${pledged} in no category.`;
  return categories === 1
    ? `${pledged} in 1 category.`
    : `${pledged} across ${formatNumber(categories)} categories.`;
}

// Every council's tables have the same captions, and each caption names its table's scrolling region: said to a
// screen reader with the council's name (shown in the heading above), two councils' tables are two regions with
// distinct names, as landmarks must be (axe's landmark-unique), not several called the same.
function inCouncil(name: string) {
  return <span className="sr-only">, {name}</span>;
}

export default function Impact() {
  const { councils, councilsWithoutHelp, stories } = useLoaderData<typeof loader>();
  // every council under its own heading, in the order of their names, whether or not help was confirmed
  const sections = [
    ...councils.map((council) => ({ id: council.id, name: council.name, figures: council })),
    ...councilsWithoutHelp.map((council) => ({ ...council, figures: null })),
  ].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  return (
    <>
      <PageHeading>Our impact</PageHeading>
      <p className="mb-8 max-w-3xl text-lg">
        The social value council suppliers have delivered to local charities and community groups through the
        marketplace. Only help the group has confirmed it received is counted.
      </p>
      {sections.length === 0 ? <p className="mb-8">No help has been confirmed yet.</p> : null}
      {sections.map(({ id, name, figures: council }) => (
        <section key={id} aria-labelledby={`impact-${id}`} className="mb-12">
          <h2 id={`impact-${id}`} className="mb-4 text-3xl font-bold">
            {name}
          </h2>
          {council ? (
            <>
              <ul className="mb-8 grid gap-4 sm:grid-cols-3">
                {council.byHelpType.map((h) => (
                  <li key={h.helpType} className="border-l-8 border-brand bg-brand-light p-4">
                    <span className="block text-3xl font-bold">{h.delivered}</span>
                    <span className="block">{h.label}</span>
                    <span className="block text-muted">
                      from {formatNumber(h.pledges)} confirmed {h.pledges === 1 ? "pledge" : "pledges"}
                    </span>
                  </li>
                ))}
              </ul>
              <BarChart
                id={`impact-categories-${council.id}`}
                title="Confirmed pledges by category"
                summary={categorySummary(
                  council.byHelpType.reduce((s, h) => s + h.pledges, 0),
                  new Set(council.byCategory.map((c) => c.label)).size,
                )}
                labelHeader="Category"
                valueHeader="Confirmed pledges"
                chart={council.categoryChart}
              />
              <Table
                caption={<>Confirmed help by category and type{inCouncil(name)}</>}
                rows={council.byCategory}
                rowKey={(c) => `${c.label}-${c.helpType}`}
                columns={[
                  { header: "Category", rowHeader: true, cell: (c) => c.label },
                  { header: "Type of help", cell: (c) => c.helpTypeLabel },
                  { header: "Confirmed pledges", numeric: true, cell: (c) => formatNumber(c.pledges) },
                  { header: "Delivered", numeric: true, cell: (c) => c.delivered },
                ]}
              />
              <Table
                caption={<>Confirmed help by district and type{inCouncil(name)}</>}
                rows={council.byDistrict}
                rowKey={(c) => `${c.label}-${c.helpType}`}
                columns={[
                  { header: "District", rowHeader: true, cell: (c) => c.label },
                  { header: "Type of help", cell: (c) => c.helpTypeLabel },
                  { header: "Confirmed pledges", numeric: true, cell: (c) => formatNumber(c.pledges) },
                  { header: "Delivered", numeric: true, cell: (c) => c.delivered },
                ]}
              />
            </>
          ) : (
            <p>No help has been confirmed for {name} yet.</p>
          )}
          {/* every council's fulfilled requests its groups agreed to share, not only the latest few below */}
          <p className="mt-4">
            <Link to={`/guidance/${id}/case-studies`}>Case studies from {name}</Link>
          </p>
        </section>
      ))}
      <section aria-labelledby="stories" className="mb-12">
        <h2 id="stories" className="mb-4 text-3xl font-bold">
          Needs that were met
        </h2>
        {stories.length === 0 ? (
          <p>No case studies yet.</p>
        ) : (
          <ul className="grid gap-6 sm:grid-cols-2">
            {stories.map((story) => (
              <CaseStudyCard
                key={story.id}
                story={story}
                // the stories of every council are listed together: each says whose it is
                from={[
                  story.organisation.name,
                  story.category.name,
                  story.district ? `${story.district.name}, ${story.council.name}` : story.council.name,
                ].join(" · ")}
              />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="open-data">
        <h2 id="open-data" className="mb-4 text-3xl font-bold">
          Open data
        </h2>
        <p className="mb-4 max-w-3xl">
          The figures on this page, free to reuse under the Open Government Licence. One row per council,
          category, district and type of help. They contain no personal data.
        </p>
        <ul className="mb-6 list-disc pl-6">
          <li>
            <a href="/impact/data.csv">Download as CSV</a>
          </li>
          <li>
            <a href="/impact/data.json">Download as JSON</a>
          </li>
        </ul>
        <Table
          caption="Fields"
          rows={OPEN_DATA_FIELDS}
          rowKey={(f) => f.name}
          columns={[
            { header: "Field", rowHeader: true, cell: (f) => <code>{f.name}</code> },
            { header: "What it means", cell: (f) => f.description },
          ]}
        />
      </section>
    </>
  );
}
