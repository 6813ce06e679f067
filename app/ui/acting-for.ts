// The organisation the header shows (its council's name and colour) is the one the page acts for. Most pages act
// for the organisation the switcher is on, which the root loader reads; a page that acts for an organisation its
// address names (decision 027: `?organisation=<id>` on a group's pages, `?council=<id>` on a council's) says so
// with `export const handle = actsForNamed("organisation")`, and a page about one record, which acts for the
// record's own council whatever the address says (a guidance page), with `actsForLoaded("councilId")`: the field
// of its loader's data naming that council. The header then shows that organisation (for the viewer's own
// memberships only, see the root loader), so someone in two groups or two councils does not see one named in the
// header and another on the page. The root's error page picks its header the same way.
// A public page of one council (its guidance) shows that council in the header to everyone, visitors and other
// organisations' members too, as its own page: `brandedByLoaded("branding")`, the field of its loader's data holding
// the council's header (its name and colour, which the page shows anyway).
import { useLocation, useMatches } from "@remix-run/react";
import type { Branding } from "~/domain/content/branding.server.ts";

export type NamedParam = "organisation" | "council";

type ActsFor = { actsForNamed?: NamedParam; actsForLoaded?: string; brandedByLoaded?: string };

export function actsForNamed(param: NamedParam): ActsFor {
  return { actsForNamed: param };
}

export function actsForLoaded(field: string): ActsFor {
  return { actsForLoaded: field };
}

export function brandedByLoaded(field: string): ActsFor {
  return { brandedByLoaded: field };
}

// The header a public page of one council gives for everyone (undefined: none, the page is not one; null: that
// council's neutral header). A route whose loader failed names none.
export function usePageBranding(): Branding | undefined {
  for (const match of [...useMatches()].reverse()) {
    const field = (match.handle as ActsFor | undefined)?.brandedByLoaded;
    if (!field) continue;
    const value = (match.data as Record<string, unknown> | undefined)?.[field];
    return isBranding(value) ? value : undefined;
  }
  return undefined;
}

function isBranding(value: unknown): value is Branding {
  if (value === null) return true;
  if (typeof value !== "object") return false;
  const { councilName, brandColour } = value as Record<string, unknown>;
  return typeof councilName === "string" && typeof brandColour === "string";
}

// The organisation the page shown acts for when its route says which (undefined: the switcher's). The address's
// first value counts, as the routes read it (`searchParams.get`). A route whose loader failed (an error page) names
// none by its data, and is shown with the switcher's header.
export function useActingOrganisation(): string | undefined {
  const matches = useMatches();
  const { search } = useLocation();
  for (let i = matches.length - 1; i >= 0; i--) {
    const match = matches[i]!;
    const handle = match.handle as ActsFor | undefined;
    if (handle?.actsForNamed) return new URLSearchParams(search).get(handle.actsForNamed) || undefined;
    if (handle?.actsForLoaded) {
      const value = (match.data as Record<string, unknown> | undefined)?.[handle.actsForLoaded];
      return typeof value === "string" && value ? value : undefined;
    }
  }
  return undefined;
}
