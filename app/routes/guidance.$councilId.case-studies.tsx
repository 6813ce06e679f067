import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { pageParam } from "~/auth/request-context.server.ts";
import { notFound } from "~/auth/permissions.server.ts";
import { councilCaseStudies } from "~/domain/content/case-studies.server.ts";
import { caseStudy } from "~/domain/marketplace/request-card.server.ts";
import { CaseStudyCard } from "~/ui/case-study-card.tsx";
import { BackLink, PageHeading, Pagination } from "~/ui/components.tsx";
import { formatDate, formatNumber } from "~/ui/format.ts";
import { GuidanceBody } from "~/ui/guidance-body.tsx";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { brandedByLoaded } from "~/ui/acting-for.ts";
import { ResultsHeading } from "~/ui/results-heading.tsx";

// the header names the page's council, in its colour, for everyone (app/ui/acting-for.ts)
export const handle = brandedByLoaded("branding");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.intro?.title ?? "Case studies"}: ${data.council.name} – Social Value Marketplace`
      : "Case studies – Social Value Marketplace",
  },
];

// Every council's case studies (the guidance the spec names beside "how it works" and "what good looks like"):
// its fulfilled requests whose requestor agreed to show them, under the council's own introduction if it wrote one.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = pageParam(request);
  const found = await councilCaseStudies(params.councilId!, page);
  if (!found) notFound();
  return json({
    ...found,
    // each one's help given written here, not in the browser (case-study-card.tsx)
    stories: found.stories.map(caseStudy),
    page,
  });
}

export default function CaseStudiesPage() {
  const { council, intro, total, pageCount, stories, page, first } = useLoaderData<typeof loader>();
  const location = useLocation();
  const path = `/guidance/${council.id}/case-studies`;
  return (
    <>
      <BackLink to="/guidance">All guidance</BackLink>
      <PageHeading caption={council.name}>{intro?.title ?? "Case studies"}</PageHeading>
      {intro ? (
        <GuidanceBody html={intro.html} />
      ) : (
        <p className="mb-8 max-w-3xl text-lg">
          Needs that local charities and community groups posted on the marketplace, met with help from
          suppliers working with {council.name}.
        </p>
      )}
      <p className="mb-8 max-w-3xl">
        A need is shown here once the group has confirmed it received all the help pledged, and only if the
        group agreed to share it. See <Link to="/impact">our impact</Link> for the figures.
      </p>
      <section aria-labelledby="stories">
        <ResultsHeading id="stories" page={page} pageCount={pageCount} className="mb-4 text-2xl font-bold">
          Needs that were met
        </ResultsHeading>
        {pageCount > 1 && stories.length > 0 ? (
          <p className="mb-6">
            Case studies {formatNumber(first)} to {formatNumber(first + stories.length - 1)} of{" "}
            {formatNumber(total)}
          </p>
        ) : null}
        {stories.length === 0 ? (
          <p>
            {emptyOrPastLastPage({
              page,
              pageCount,
              total,
              path,
              search: location.search,
              what: ["case study", "case studies"],
              empty: `There are no case studies from ${council.name} yet.`,
            })}
          </p>
        ) : (
          <ul className="grid gap-6 sm:grid-cols-2">
            {stories.map((story) => (
              <CaseStudyCard
                key={story.id}
                story={story}
                from={[story.organisation.name, story.category.name, story.district?.name]
                  .filter(Boolean)
                  .join(" · ")}
              />
            ))}
          </ul>
        )}
        <Pagination page={page} pageCount={pageCount} search={location.search} path={path} />
      </section>
      {intro ? (
        <p className="mt-8 text-muted">Introduction last updated {formatDate(intro.updatedAt)}</p>
      ) : null}
    </>
  );
}
