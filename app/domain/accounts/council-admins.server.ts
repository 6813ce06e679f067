// A council's admins, who hear of what concerns the council as a whole: an organisation to verify, organisations
// left with no members, a return whose contract manager is gone.
import type { Tx } from "~/db.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import type { RenderedEmail } from "~/email/render.server.tsx";
import { type Brand, brandForOrganisation } from "./emails.server.tsx";

/** The addresses of the council's admins whose accounts are not deleted, but for `exceptUserId` (the person acting). */
export async function councilAdminAddresses(
  tx: Tx,
  councilId: string,
  exceptUserId?: string,
): Promise<string[]> {
  const admins = await tx.membership.findMany({
    where: {
      organisationId: councilId,
      role: "ADMIN",
      user: { deletedAt: null },
      ...(exceptUserId ? { userId: { not: exceptUserId } } : {}),
    },
    select: { user: { select: { email: true } } },
  });
  return admins.map((admin) => admin.user.email);
}

/** One email to each of those admins, in the council's colours, queued in the caller's transaction (none when the
 * council has no such admin, and then nothing is rendered). */
export async function emailCouncilAdmins(
  tx: Tx,
  councilId: string,
  email: { template: string; render: (brand: Brand) => Promise<RenderedEmail>; exceptUserId?: string },
) {
  const addresses = await councilAdminAddresses(tx, councilId, email.exceptUserId);
  if (!addresses.length) return;
  const message = await email.render(await brandForOrganisation(tx, councilId));
  for (const to of addresses) await enqueueEmail(tx, { ...message, to, template: email.template, councilId });
}
