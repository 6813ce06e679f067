// Who a marketplace email goes to: the person who acted for the organisation if they still belong to it,
// otherwise the organisation's owners (or admins, for a council).
import type { Tx } from "~/db.server.ts";

export async function organisationRecipients(
  tx: Tx,
  organisationId: string,
  preferredUserId?: string | null,
) {
  if (preferredUserId) {
    const member = await tx.membership.findFirst({
      where: { organisationId, userId: preferredUserId, user: { deletedAt: null } },
      select: { user: { select: { email: true } } },
    });
    if (member) return [member.user.email];
  }
  const owners = await tx.membership.findMany({
    where: { organisationId, role: { in: ["OWNER", "ADMIN"] }, user: { deletedAt: null } },
    select: { user: { select: { email: true } } },
  });
  return owners.map((m) => m.user.email);
}
