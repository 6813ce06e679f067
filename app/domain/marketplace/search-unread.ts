// The /requests filters a link sent that the list could not read (a type of help spelled wrongly, a date cut short,
// an id mangled when shared): each is left out, and the page says which, rather than quietly listing every request.
// No server imports: the page words the notices.
import { NAMED_FILTERS, type NamedFilter } from "./named-filters.ts";
import type { SearchFilters } from "./schemas.ts";

// the filters with a notice of their own, naming the value sent
export const UNREAD_FILTERS = ["helpType", "remote", "closingBefore", "sort", "since"] as const;
export type UnreadFilter = { name: (typeof UNREAD_FILTERS)[number]; sent: string };

// `asked`: the filters parseSearch read from `sent`. A named filter (council, category, district) that is no id at
// all is one that names nothing: it joins those not found on the lists. Empty fields mean "any" and are not unread.
export function unreadFilters(sent: URLSearchParams, asked: SearchFilters) {
  const value = (key: string) => sent.get(key)?.trim() ?? "";
  const named: NamedFilter[] = NAMED_FILTERS.filter((key) => value(key) && asked[key] === undefined);
  const others: UnreadFilter[] = UNREAD_FILTERS.filter((key) => value(key) && asked[key] === undefined).map(
    // shown back to the person: a whole pasted paragraph is not
    (name) => ({ name, sent: value(name).slice(0, 40) }),
  );
  return { named, others };
}
