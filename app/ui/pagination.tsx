// A list's pages: links to the pages around this one, keeping its filters (offered by components.tsx too).
import { Link } from "@remix-run/react";

// Pagination keeps every other query-string parameter (filters are shareable URLs).
/** The address of page `target` of a list at `path` with the query string `search` (page 1 has no "page"). */
export function pageHref(path: string, search: string, target: number) {
  const params = new URLSearchParams(search);
  if (target <= 1) params.delete("page");
  else params.set("page", String(target));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function Pagination({
  page,
  pageCount,
  search,
  path,
}: {
  page: number;
  pageCount: number;
  search: string;
  path: string;
}) {
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => pageHref(path, search, target);
  const pages = Array.from(new Set([1, page - 1, page, page + 1, pageCount])).filter(
    (p) => p >= 1 && p <= pageCount,
  );
  return (
    <nav aria-label="Pagination" className="my-8">
      <ul className="flex flex-wrap items-center gap-2">
        {/* past the last page, "Previous" would lead to another page past it: the list links to the last one */}
        {page > 1 && page <= pageCount ? (
          <li>
            <Link to={hrefFor(page - 1)} rel="prev" className="font-bold">
              ‹ Previous<span className="sr-only"> page</span>
            </Link>
          </li>
        ) : null}
        {pages.map((p, index) => (
          <li key={p} className="flex items-center gap-2">
            {index > 0 && p - pages[index - 1] > 1 ? <span aria-hidden="true">…</span> : null}
            {p === page ? (
              <span aria-current="page" className="bg-brand px-3 py-1 font-bold text-white">
                <span className="sr-only">Page </span>
                {p}
              </span>
            ) : (
              <Link to={hrefFor(p)} className="px-3 py-1" aria-label={`Page ${p}`}>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next" className="font-bold">
              Next<span className="sr-only"> page</span> ›
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
