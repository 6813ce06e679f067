// The organisation the header shows (its council's name and colour) is the one the page acts for. Most pages act
// for the organisation the switcher is on, which the root loader reads; a page that acts for an organisation its
// address names (decision 027: `?organisation=<id>` on a group's pages, `?council=<id>` on a council's) says so
// with `export const handle = actsForNamed("organisation")`, and the header then shows that organisation, so
// someone in two groups or two councils does not see one named in the header and another on the page.
import { useMatches } from "@remix-run/react";

export const NAMED_PARAMS = ["organisation", "council"] as const;
export type NamedParam = (typeof NAMED_PARAMS)[number];

export function actsForNamed(param: NamedParam) {
  return { actsForNamed: param };
}

// The address parameter naming the organisation the page shown acts for, when its route takes one.
export function useNamedParam(): NamedParam | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const handle = matches[i]!.handle as { actsForNamed?: NamedParam } | undefined;
    if (handle?.actsForNamed) return handle.actsForNamed;
  }
  return undefined;
}
