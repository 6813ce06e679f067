// What a list says for a page number past its last page (an old link, a bookmark, the last item on a page just
// dealt with): how many there are and a link to the last page, instead of its "nothing here" message, which would
// tell an officer the queue is empty or a requestor they have posted nothing.
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { pageHref } from "./components.tsx";
import { countOf, formatNumber, plural } from "./format.ts";

export function emptyOrPastLastPage({
  page,
  pageCount,
  total,
  path,
  search = "",
  what,
  empty,
}: {
  page: number;
  pageCount: number;
  total: number;
  path: string;
  search?: string;
  /** what the list holds, one and many: ["request", "requests"] */
  what: [string, string];
  empty: ReactNode;
}): ReactNode {
  if (total === 0 || page <= pageCount) return empty;
  return (
    <>
      There is no page {formatNumber(page)}: there {plural(total, "is", "are")} {countOf(total, ...what)}, on{" "}
      {countOf(pageCount, "page", "pages")}.{" "}
      <Link to={pageHref(path, search, pageCount)}>Go to page {pageCount}, the last page</Link>
    </>
  );
}
