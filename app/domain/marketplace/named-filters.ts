// The /requests filters that name an entry of a list (a council, or one of its categories or districts): a link
// or a saved search may name one deleted since, or another council's. No server imports: pages word the notice.
import { listInWords } from "~/domain/format.ts";

export const NAMED_FILTERS = ["council", "category", "district"] as const;
export type NamedFilter = (typeof NAMED_FILTERS)[number];

// e.g. "council", "category and district", "council, category and district"
export function filterNames(filters: readonly NamedFilter[]) {
  return listInWords(NAMED_FILTERS.filter((f) => filters.includes(f)));
}

// e.g. "any council and any category"
export function anyOf(filters: readonly NamedFilter[]) {
  return filterNames(filters).replace(/(^|, | and )(\w)/g, "$1any $2");
}
