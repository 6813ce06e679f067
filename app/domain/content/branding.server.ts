// The council whose name and brand colour the header shows: the viewer's own council, or the council their
// organisation works with. Anonymous visitors see the partnership's neutral brand.
import { actingMembership, type Viewer } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";

export type Branding = { councilName: string; brandColour: string } | null;

export async function brandingFor(viewer: Viewer | null, request: Request): Promise<Branding> {
  if (!viewer) return null;
  const acting = actingMembership(viewer, request, { kinds: ["COUNCIL", "SUPPLIER", "VCSE"] });
  if (!acting) return null;
  const councilId =
    acting.kind === "COUNCIL"
      ? acting.organisationId
      : (
          await db.organisation.findUnique({
            where: { id: acting.organisationId },
            select: { councilId: true },
          })
        )?.councilId;
  if (!councilId) return null;
  const council = await db.organisation.findUnique({
    where: { id: councilId },
    select: { name: true, councilSettings: { select: { brandColour: true } } },
  });
  if (!council?.councilSettings) return null;
  return { councilName: council.name, brandColour: council.councilSettings.brandColour };
}
