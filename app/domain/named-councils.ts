// The councils the portal names in public (the request form's choice of council, the public list's filter, the
// impact page, guidance and case studies, the contacts in the accessibility statement and privacy notice): the
// verified councils on the instance. One council rule, written once, so no page names a council another leaves out.
import type { Prisma } from "~/generated/prisma/client.ts";

/** Prisma: the councils the portal names in public. */
export const NAMED_COUNCIL = { kind: "COUNCIL", status: "VERIFIED" } as const;

/** Whether a council already read is one of those (NAMED_COUNCIL). */
export function isNamedCouncil(council: { kind: string; status: string }) {
  return council.kind === NAMED_COUNCIL.kind && council.status === NAMED_COUNCIL.status;
}

/** Prisma: a council someone can approve requests for: a member of its own, or a partner council's partnership-wide
 * staff (decision 011). One a platform admin has just added, whose first admin has not joined, has nobody yet. */
export const COUNCIL_WITH_MODERATORS = {
  OR: [
    { memberships: { some: {} } },
    { partnership: { councils: { some: { memberships: { some: { partnershipWide: true } } } } } },
  ],
} satisfies Prisma.OrganisationWhereInput;

/** Why a request for a council nobody can approve for yet (COUNCIL_WITH_MODERATORS) is not sent for approval: it
 * would wait unseen. `then`: what the requestor can do instead, on the page they are on. */
export function nobodyToApprove(councilName: string, then: string) {
  return `Nobody at ${councilName} can approve requests yet: the council has only just joined the portal. ${then}`;
}
