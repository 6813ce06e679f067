// The council whose name and brand colour the header shows: the viewer's own council, or the council their
// organisation works with. Anonymous visitors see the partnership's neutral brand.
import { actingMembership, type Viewer } from "~/auth/permissions.server.ts";
import { db, Prisma, readRows } from "~/db.server.ts";

export type Branding = { councilName: string; brandColour: string } | null;

export async function brandingFor(viewer: Viewer | null, request: Request): Promise<Branding> {
  if (!viewer) return null;
  const acting = actingMembership(viewer, request, { kinds: ["COUNCIL", "SUPPLIER", "VCSE"] });
  if (!acting) return null;
  return brandingOf(acting.organisationId);
}

// The header for an organisation a page's address names (app/ui/acting-for.ts): only for one the viewer belongs to
// (undefined otherwise: the page acts for no other, and answers 404).
export async function namedBranding(
  viewer: Viewer | null,
  organisationId: string | null,
): Promise<Branding | undefined> {
  if (!viewer || !organisationId) return undefined;
  if (!viewer.memberships.some((m) => m.organisationId === organisationId)) return undefined;
  return brandingOf(organisationId);
}

async function brandingOf(organisationId: string): Promise<Branding> {
  // One raw query (it runs on every signed-in page): the acting organisation's council, or itself if a council.
  const [branding] = await readRows<{ councilName: string; brandColour: string }[]>(Prisma.sql`
    SELECT c.name AS "councilName", cs."brandColour"
    FROM "Organisation" a
    JOIN "Organisation" c ON c.id = CASE WHEN a.kind = 'COUNCIL' THEN a.id ELSE a."councilId" END
    JOIN "CouncilSettings" cs ON cs."organisationId" = c.id
    WHERE a.id = ${organisationId}`);
  return branding ?? null;
}

// The brand colour a council's emails carry in their header (undefined: the neutral default).
export async function councilBrandColour(councilId: string): Promise<string | undefined> {
  const settings = await db.councilSettings.findUnique({
    where: { organisationId: councilId },
    select: { brandColour: true },
  });
  return settings?.brandColour;
}
