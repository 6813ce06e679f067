// Which invitations are still open: one rule for every page, count and change that asks (members, account and
// organisation deletion, erasure, the council's verification page).
import type { Prisma } from "~/generated/prisma/client.ts";

/**
 * An invitation still open, whose link still works: not accepted, not ended and not expired. Cancelling and
 * declining both end it (declining sets revokedAt as well as declinedAt), so neither counts as open. Ending the
 * invitations still running (a new invitation to the address, a cancellation, an organisation closing) asks only
 * `acceptedAt: null, revokedAt: null`, with no expiry: an expired one is ended too.
 */
export function openInvitationWhere(now = new Date()) {
  return { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } satisfies Prisma.InvitationWhereInput;
}
