// The councils the portal names in public (the request form's choice of council, the public list's filter, the
// impact page, guidance and case studies, the contacts in the accessibility statement and privacy notice): the
// verified councils on the instance. One council rule, written once, so no page names a council another leaves out.

/** Prisma: the councils the portal names in public. */
export const NAMED_COUNCIL = { kind: "COUNCIL", status: "VERIFIED" } as const;

/** Whether a council already read is one of those (NAMED_COUNCIL). */
export function isNamedCouncil(council: { kind: string; status: string }) {
  return council.kind === NAMED_COUNCIL.kind && council.status === NAMED_COUNCIL.status;
}
