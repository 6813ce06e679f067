import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { pageParam } from "~/auth/request-context.server.ts";
import { CASE_STUDIES_TITLE, councilsWithCaseStudiesIntro } from "~/domain/content/case-studies.server.ts";
import { CASE_STUDIES_SLUG, listPublishedGuidance } from "~/domain/content/guidance.server.ts";
import { GUIDANCE_AUDIENCES } from "~/domain/content/audiences.ts";
import { PageHeading } from "~/ui/page-parts.tsx";
import { Pagination } from "~/ui/pagination.tsx";
import { countOf, formatNumber } from "~/ui/format.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { ResultsHeading } from "~/ui/results-heading.tsx";

export const meta: MetaFunction = () => [{ title: "Guidance – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const page = pageParam(request);
  const { total, pageCount, first, pages } = await listPublishedGuidance(page);
  const councils = new Map<string, { id: string; name: string; pages: typeof pages }>();
  for (const guidance of pages) {
    const { councilId, council } = guidance;
    const entry = councils.get(councilId) ?? { id: councilId, name: council.name, pages: [] };
    // the case studies page is public to everyone, whoever its introduction was written for
    entry.pages.push(guidance.slug === CASE_STUDIES_SLUG ? { ...guidance, audience: "EVERYONE" } : guidance);
    councils.set(councilId, entry);
  }
  // Every council has a case studies page, its own introduction or not. One that published an introduction has it
  // among its pages (its address is the case studies page's), so it is named once, under its title, and a council
  // whose only published page it is is listed; for any other council the list names the page itself.
  const withIntro = await councilsWithCaseStudiesIntro([...councils.keys()]);
  return json({
    councils: Array.from(councils.values(), (council) => ({
      ...council,
      // (from the loader: the title is in a server module, which the browser's bundle leaves out)
      caseStudies: withIntro.has(council.id) ? null : CASE_STUDIES_TITLE,
    })),
    page,
    pageCount,
    total,
    first,
    shown: pages.length,
  });
}

const audienceLabel = (value: string) => GUIDANCE_AUDIENCES.find((a) => a.value === value)?.label ?? value;

export default function GuidanceIndex() {
  const { councils, page, pageCount, total, first, shown } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <PageHeading>Guidance</PageHeading>
      <p className="mb-8 max-w-3xl text-lg">
        How the marketplace works, what good social value looks like and what others have done, from each
        council.
      </p>
      <ResultsHeading page={page} pageCount={pageCount} className="mb-6 text-xl font-bold">
        {pageCount > 1 && shown > 0
          ? `Guidance pages ${formatNumber(first)} to ${formatNumber(first + shown - 1)} of ${formatNumber(total)}`
          : countOf(total, "page of guidance", "pages of guidance")}
      </ResultsHeading>
      {councils.length === 0 ? (
        <p>
          {emptyOrPastLastPage({
            page,
            pageCount,
            total,
            path: "/guidance",
            search: location.search,
            what: ["page of guidance", "pages of guidance"],
            empty: "There is no guidance yet.",
          })}
        </p>
      ) : null}
      {councils.map((council) => (
        <section key={council.id} aria-labelledby={`council-${council.id}`} className="mb-8">
          <h2 id={`council-${council.id}`} className="mb-3 text-2xl font-bold">
            {council.name}
          </h2>
          <ul className="space-y-2">
            {council.pages.map((page) => (
              <li key={page.slug}>
                <Link to={`/guidance/${council.id}/${page.slug}`} className="text-lg">
                  {page.title}
                </Link>{" "}
                <span className="text-muted">for {audienceLabel(page.audience).toLowerCase()}</span>
              </li>
            ))}
            {council.caseStudies ? (
              <li>
                <Link to={`/guidance/${council.id}/case-studies`} className="text-lg">
                  {council.caseStudies}
                </Link>{" "}
                <span className="text-muted">for everyone</span>
              </li>
            ) : null}
          </ul>
        </section>
      ))}
      <Pagination page={page} pageCount={pageCount} search={location.search} path="/guidance" />
    </>
  );
}
