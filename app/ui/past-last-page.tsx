// What a list says for a page number past its last page (an old link, a bookmark, the last item on a page just
// dealt with): how many there are and a link to the last page, instead of its "nothing here" message, which would
// tell an officer the queue is empty or a requestor they have posted nothing.
import type { ReactNode } from "react";
import { Link, useLocation } from "@remix-run/react";
import { pageHref } from "./pagination.tsx";
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
      There is no page <PageAsked page={page} />: there {plural(total, "is", "are")} {countOf(total, ...what)}
      , on {countOf(pageCount, "page", "pages")}.{" "}
      <Link to={pageHref(path, search, pageCount)}>Go to page {pageCount}, the last page</Link>
    </>
  );
}

// The page number as the address has it: a number beyond MAX_PAGE (page-number.ts) is read as MAX_PAGE, but the list names the one
// asked for (as a BigInt, as it may be too big for a number to hold exactly). It does not import MAX_PAGE: that
// module brings zod, which public pages must not ship (tests/e2e/javascript-budget.spec.ts).
function PageAsked({ page }: { page: number }) {
  const asked = new URLSearchParams(useLocation().search).get("page")?.trim() ?? "";
  const beyond = /^\d+$/.test(asked) && BigInt(asked) > BigInt(page);
  return <>{beyond ? BigInt(asked).toLocaleString("en-GB") : formatNumber(page)}</>;
}
