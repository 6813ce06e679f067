import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { getViewer } from "~/auth/permissions.server.ts";
import { councilEntryOptions, publicEntryName } from "~/domain/marketplace/council-entry-options.ts";
import { helpTypeOptions, requestCard } from "~/domain/marketplace/request-card.server.ts";
import { searchQueryString } from "~/domain/marketplace/search-query.ts";
import { searchPage } from "~/domain/marketplace/search.server.ts";
import { ErrorSummary } from "~/ui/error-summary.tsx";
import { FetchedErrorSummary } from "~/ui/fetched-error-summary.tsx";
import { Button, Checkbox, Select, TextInput } from "~/ui/form-fields.tsx";
import { PageHeading, PlainLink } from "~/ui/page-parts.tsx";
import { pageHref, Pagination } from "~/ui/pagination.tsx";
import { countOf, formatDateTime, formatNumber } from "~/ui/format.ts";
import { useFocusOnNewResults } from "~/ui/focus-on-new-results.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { StillNeeded } from "~/ui/still-needed.tsx";

export const meta: MetaFunction = () => [{ title: "Find a request to support – Social Value Marketplace" }];

// Public: anyone may browse open requests; the filters live in the query string so results can be shared.
export async function loader({ request }: LoaderFunctionArgs) {
  const [page, viewer] = await Promise.all([
    searchPage(new URL(request.url).searchParams),
    getViewer(request),
  ]);
  const canSaveSearch = Boolean(viewer?.memberships.some((m) => m.kind === "SUPPLIER"));
  return json({
    ...page,
    // each card as it reads, worked out once here rather than again when the page wakes up in the browser
    requests: page.requests.map(requestCard),
    helpTypes: helpTypeOptions(),
    canSaveSearch,
    query: searchQueryString(page.filters),
    // one key per save form: a double-submitted "Save search" saves one search
    saveSearchKey: canSaveSearch ? crypto.randomUUID() : null,
  });
}

export default function RequestsPage() {
  const {
    requests,
    total,
    capped,
    page,
    pageCount,
    pastEnd,
    filters,
    councils,
    errors,
    typed,
    kept,
    leftOut,
    notes,
    canSaveSearch,
    query,
    saveSearchKey,
    helpTypes,
  } = useLoaderData<typeof loader>();
  // another page, sort or filters shown in the browser: focus goes to the results, where the new page starts
  const resultsHeading = useFocusOnNewResults<HTMLHeadingElement>();
  const wrong = Object.keys(errors).length > 0;
  // links to other pages of the list keep the filters applied, not one left out as not found
  const applied = query ? `?${query}` : "";
  // the same filters without the "published since" window a digest's link adds
  const everyMatch = searchQueryString({ ...filters, since: undefined });
  const councilsShown = filters.council ? councils.filter((c) => c.id === filters.council) : councils;
  const many = councils.length > 1;
  const categories = councilEntryOptions(councilsShown, (c) => c.categories, {
    withCouncil: many,
    nameOf: publicEntryName,
  });
  const districts = councilEntryOptions(councilsShown, (c) => c.districts, {
    withCouncil: many,
    nameOf: publicEntryName,
  });
  return (
    <>
      <PageHeading>Find a request to support</PageHeading>
      {/* filters in the address the list could not use, said as a refused form's are and linked to their fields;
          otherwise a supplier's only a search's name too long to send (the server answers "Save this search" on the
          saved searches page), which the summary shown here says too */}
      {wrong ? <ErrorSummary errors={errors} /> : canSaveSearch ? <FetchedErrorSummary /> : null}
      <div className="grid gap-8 lg:grid-cols-[1fr_2fr]">
        <section aria-labelledby="filters-heading">
          <h2 id="filters-heading" className="mb-4 text-2xl font-bold">
            Search and filter
          </h2>
          <Form method="get" action="/requests">
            {filters.since ? <input type="hidden" name="since" value={filters.since} /> : null}
            <TextInput
              name="q"
              label="Search"
              hint="For example, laptops or garden"
              defaultValue={filters.q ?? ""}
            />
            <Select
              name="council"
              label="Council"
              placeholder="Any council"
              options={councils.map((c) => ({ value: c.id, label: c.name }))}
              defaultValue={filters.council}
              errors={errors.council}
            />
            <Select
              name="category"
              label="Category"
              placeholder="Any category"
              options={categories}
              defaultValue={filters.category}
              errors={errors.category}
            />
            <Select
              name="helpType"
              label="Type of help"
              placeholder="Any type of help"
              options={helpTypes}
              defaultValue={filters.helpType}
              errors={errors.helpType}
            />
            <Select
              name="district"
              label="District"
              placeholder="Any district"
              options={districts}
              defaultValue={kept.district ?? filters.district}
              errors={errors.district}
            />
            <Checkbox
              name="remote"
              value="1"
              label="Can be done remotely"
              defaultChecked={filters.remote === "1"}
              errors={errors.remote}
            />
            {/* DateInput's field without its example (so not the calendar module that example needs). What was typed
                that is not a real date is shown back in a text box, which a date box would empty. */}
            <TextInput
              name="closingBefore"
              label="Closing on or before"
              hint={typed.closingBefore === undefined ? undefined : "For example, 27/3/2027"}
              type={typed.closingBefore === undefined ? "date" : "text"}
              width="10"
              defaultValue={typed.closingBefore ?? filters.closingBefore}
              errors={errors.closingBefore}
            />
            <Select
              name="sort"
              label="Sort by"
              options={[
                ...(filters.q ? [{ value: "relevance", label: "Best match" }] : []),
                { value: "newest", label: "Newest" },
                { value: "closing", label: "Closing soon" },
              ]}
              defaultValue={filters.sort ?? (filters.q ? "relevance" : "newest")}
              errors={errors.sort}
            />
            <Button>Show requests</Button>
          </Form>
          {canSaveSearch ? (
            <Form method="post" action="/saved-searches" className="mt-8 border-t-2 border-line pt-4">
              <input type="hidden" name="intent" value="create" />
              <input type="hidden" name="query" value={query} />
              {saveSearchKey ? <input type="hidden" name="submissionKey" value={saveSearchKey} /> : null}
              <TextInput
                name="name"
                label="Save this search"
                hint="Give it a name to find it again"
                width="20"
              />
              <Checkbox name="emailDigest" label="Email me new matches every day" defaultChecked />
              <Button variant="secondary">Save search</Button>
            </Form>
          ) : null}
        </section>
        <section aria-labelledby="results-heading">
          {/* with an error summary, focus goes there instead, as on a refused form */}
          <h2
            id="results-heading"
            ref={wrong ? undefined : resultsHeading}
            tabIndex={-1}
            className="mb-4 text-2xl font-bold"
          >
            {/* said first when focus lands here from "Next page": the count alone is the same on every page */}
            {pageCount > 1 && !pastEnd ? (
              <span className="sr-only">{`Page ${page} of ${pageCount}: `}</span>
            ) : null}
            {capped ? `More than ${formatNumber(total)} requests` : countOf(total, "request", "requests")}
            {filters.q ? ` matching “${filters.q}”` : ""}
          </h2>
          {leftOut ? <p className="mb-6 font-bold">{leftOut}</p> : null}
          {notes.map((note) => (
            <p key={note} className="mb-6 border-l-8 border-brand bg-gray-100 p-4">
              {note}
            </p>
          ))}
          {capped && !pastEnd ? (
            // the list stops at the cap (decision 014): said on every page, not only on the last one
            <p className="mb-6 border-l-8 border-brand bg-gray-100 p-4">
              Showing the first {formatNumber(total)}, on {countOf(pageCount, "page", "pages")}. To see the
              rest, narrow your search: choose a council, category, type of help or district, or search for a
              word.
            </p>
          ) : null}
          {filters.since ? (
            <p className="mb-6">
              Published since {formatDateTime(filters.since)}.{" "}
              <Link to={everyMatch ? `/requests?${everyMatch}` : "/requests"}>Show older requests too</Link>
            </p>
          ) : null}
          {pastEnd && total > 0 ? (
            <PastLastPage page={page} pageCount={pageCount} total={total} capped={capped} search={applied} />
          ) : requests.length === 0 ? (
            <p>No open requests match. Try fewer filters or different words.</p>
          ) : (
            <ul className="space-y-6">
              {requests.map((r) => (
                <li key={r.id} className="border-t-4 border-brand pt-3">
                  <h3 className="mb-1 text-xl font-bold">
                    {/* a plain anchor: twenty Remix links were a measurable share of the page (decision 045) */}
                    <PlainLink to={`/requests/${r.id}`}>{r.title}</PlainLink>
                  </h3>
                  <p className="text-muted">{r.about}</p>
                  <p>
                    <StillNeeded need={r.need} />
                  </p>
                  <p>{`Needed by ${r.neededBy}`}</p>
                </li>
              ))}
            </ul>
          )}
          {capped && page === pageCount ? (
            <p className="mt-8">
              This is the last page listed: only the first {formatNumber(total)} matching requests are listed.
            </p>
          ) : null}
          <Pagination page={page} pageCount={pageCount} search={applied} path="/requests" />
        </section>
      </div>
    </>
  );
}

// A page number past the last page: say how many requests match and where they end, never an unexplained blank.
function PastLastPage({
  page,
  pageCount,
  total,
  capped,
  search,
}: {
  page: number;
  pageCount: number;
  total: number;
  capped: boolean;
  search: string;
}) {
  return capped ? (
    <div className="mb-6 border-l-8 border-brand bg-gray-100 p-4">
      <p className="mb-2">
        Only the first {formatNumber(total)} requests are listed, on {countOf(pageCount, "page", "pages")}, so
        there is no page {formatNumber(page)}. More than {formatNumber(total)} open requests match.
      </p>
      <p className="mb-2">
        To find the rest, narrow your search: choose a council, category, type of help or district, or search
        for a word.
      </p>
      <p>
        <Link to={pageHref("/requests", search, pageCount)}>
          Go to page {pageCount}, the last page listed
        </Link>
      </p>
    </div>
  ) : (
    // said as every other list says it
    <p className="mb-6 border-l-8 border-brand bg-gray-100 p-4">
      {emptyOrPastLastPage({
        page,
        pageCount,
        total,
        path: "/requests",
        search,
        what: ["open request that matches", "open requests that match"],
        empty: null,
      })}
    </p>
  );
}
