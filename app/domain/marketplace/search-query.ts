// The /requests filters as a query string. No imports beyond types: the list page's links use it in the
// browser, where the form schemas (and zod) are not shipped.
import type { SearchFilters } from "./schemas.ts";

/** The filters as a query string (no page), e.g. for a saved search's link. */
export function searchQueryString(filters: Partial<SearchFilters>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== "" && key !== "page") params.set(key, String(value));
  return params.toString();
}
