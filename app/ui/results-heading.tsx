// The heading over a list's results, paged or filtered: it says how many there are and, to a screen reader, which
// page this is, and with JavaScript it takes focus when another page or filter of the list is shown in the browser
// (focus-on-new-results.ts), where the new results start, rather than falling to <body>.
import type { ReactNode } from "react";
import { useFocusOnNewResults } from "~/ui/focus-on-new-results.ts";

export function ResultsHeading({
  page,
  pageCount,
  id = "results-heading",
  className = "mb-4 text-xl font-bold",
  errorsShown = false,
  children,
}: {
  page: number;
  pageCount: number;
  id?: string;
  className?: string;
  /** the page shows an error summary (a filter refused): the summary takes focus, not the results */
  errorsShown?: boolean;
  children: ReactNode;
}) {
  const ref = useFocusOnNewResults<HTMLHeadingElement>({ errorsShown });
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className={className}>
      {/* said first when focus lands here from "Next page": the count alone is the same on every page */}
      {pageCount > 1 && page <= pageCount ? (
        <span className="sr-only">{`Page ${page} of ${pageCount}: `}</span>
      ) : null}
      {children}
    </h2>
  );
}
