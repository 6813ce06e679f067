// The council whose name and brand colour the header shows: the viewer's own council, or the council their
// organisation works with. Anonymous visitors (and organisations with no council) see the partnership's neutral brand.
import type { Viewer } from "~/auth/permissions.server.ts";
import { Prisma, readRows, type Tx } from "~/db.server.ts";

export type Branding = { councilName: string; brandColour: string } | null;

/** What a council's header (on a page or an email) is drawn from: its name and brand colour. */
export const councilBrandSelect = {
  name: true,
  councilSettings: { select: { brandColour: true } },
} satisfies Prisma.OrganisationSelect;

export type CouncilBrand = Prisma.OrganisationGetPayload<{ select: typeof councilBrandSelect }>;

/** A council's header as its public pages show it to everyone: the neutral one for a council without settings, as
 * the header of its members shows it (brandingOfMemberships). */
export function brandingOf(council: CouncilBrand): Branding {
  return council.councilSettings
    ? { councilName: council.name, brandColour: council.councilSettings.brandColour }
    : null;
}

/** A council's header as its emails carry it (no colour: the neutral default). */
export function emailBrandingOf(council: CouncilBrand) {
  return { councilName: council.name, brandColour: council.councilSettings?.brandColour };
}

/** emailBrandingOf a council read by its id, for an email whose own read does not reach the council. */
export async function emailBrandingOfCouncil(tx: Tx, councilId: string) {
  return emailBrandingOf(
    await tx.organisation.findUniqueOrThrow({ where: { id: councilId }, select: councilBrandSelect }),
  );
}

// The header of each organisation the viewer belongs to, by its id: the switcher's, or the one a page acts for
// (app/ui/acting-for.ts), is picked from these, so a page never shows an organisation the viewer is not in.
export async function brandingOfMemberships(viewer: Viewer | null): Promise<Record<string, Branding>> {
  const ids = viewer ? [...new Set(viewer.memberships.map((m) => m.organisationId))] : [];
  if (ids.length === 0) return {};
  // One raw query (it runs on every signed-in page): each organisation's council, or itself if a council.
  const rows = await readRows<
    { organisationId: string; councilName: string; brandColour: string }[]
  >(Prisma.sql`
    SELECT a.id AS "organisationId", c.name AS "councilName", cs."brandColour"
    FROM "Organisation" a
    JOIN "Organisation" c ON c.id = CASE WHEN a.kind = 'COUNCIL' THEN a.id ELSE a."councilId" END
    JOIN "CouncilSettings" cs ON cs."organisationId" = c.id
    WHERE a.id IN (${Prisma.join(ids)})`);
  const found = new Map(rows.map((r) => [r.organisationId, r]));
  return Object.fromEntries(
    ids.map((id) => {
      const row = found.get(id);
      return [id, row ? { councilName: row.councilName, brandColour: row.brandColour } : null];
    }),
  );
}
