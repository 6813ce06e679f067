// Focus for a list paged, sorted or filtered in the browser. Without JavaScript each page is a new document and
// focus starts at its top ("Skip to main content"); a client-side navigation keeps the document, the link or button
// pressed goes away or stays behind, and focus fell back to <body>, the next Tab going to the footer. So a new
// address of the same list moves focus to its results (their heading, tabIndex -1), where the new page starts.
import { useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

/** A ref for the results' heading, focused when the list's address (path and query, not its #fragment) changes
 * while the page is shown: never on the page's first load, so focus is not taken from where the browser put it, nor
 * while the page shows an error summary (`errorsShown`: a filter refused), which takes focus itself. */
export function useFocusOnNewResults<T extends HTMLElement>({ errorsShown = false } = {}) {
  const ref = useRef<T>(null);
  const { pathname, search } = useLocation();
  const shown = useRef(`${pathname}${search}`);
  useEffect(() => {
    const address = `${pathname}${search}`;
    if (address === shown.current) return;
    shown.current = address;
    if (!errorsShown) ref.current?.focus();
  }, [pathname, search, errorsShown]);
  return ref;
}
