// How a supplier whose pledge was accepted reaches the group that asked. There is no messaging in the portal, so the
// request's own contact preference (optional, and often only "Email the coordinator") is not enough: the supplier is
// also given an address. Shown only while the pledge is agreed (sharesContact), to its two sides, never publicly.
import type { Prisma } from "~/db.server.ts";
import type { PledgeStatus } from "~/generated/prisma/enums.ts";
import type { ContactSource } from "./contact-source.ts";
import { sharesContact } from "./pledge-lifecycle.ts";

/** What a request's contact for its suppliers is drawn from: read with the request, only where it may be shown. */
export const requestorContactSelect = {
  contactPreference: true,
  createdById: true,
  organisation: {
    select: {
      contactEmail: true,
      // people whose accounts are deleted have no address to give
      memberships: {
        where: { user: { deletedAt: null } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { userId: true, role: true, user: { select: { email: true } } },
      },
    },
  },
} satisfies Prisma.RequestSelect;

type ContactRead = Prisma.RequestGetPayload<{ select: typeof requestorContactSelect }>;

export type RequestorContact = { preference: string | null; emails: string[]; source: ContactSource };

/**
 * The request's contact preference if given, and where to email the group: its own contact address; else the person
 * who posted the request, while they are still a member; else its owners (else its members, so that an agreed pledge
 * always has someone to write to).
 */
export function requestorContactOf(request: ContactRead): RequestorContact {
  const preference = request.contactPreference?.trim() || null;
  const { contactEmail, memberships } = request.organisation;
  if (contactEmail) return { preference, emails: [contactEmail], source: "organisation" };
  const poster = memberships.find((m) => m.userId === request.createdById);
  if (poster) return { preference, emails: [poster.user.email], source: "poster" };
  const owners = memberships.filter((m) => m.role === "OWNER");
  if (owners.length > 0) return { preference, emails: owners.map((m) => m.user.email), source: "owners" };
  return { preference, emails: memberships.map((m) => m.user.email), source: "members" };
}

/** The contact for a pledge in this state: none while it is only offered, nor once declined or withdrawn. */
export function requestorContactFor(status: PledgeStatus, request: ContactRead): RequestorContact | null {
  return sharesContact(status) ? requestorContactOf(request) : null;
}
