// Whether the organisation a supplier is acting for may pledge yet: only a verified supplier pledges (PRODUCT.md
// §2). Pages that lead to pledging say why not, plainly, instead of offering a pledge link the form then refuses.
import type { RequestStatus, VerificationStatus } from "~/generated/prisma/enums.ts";
import { isPastNeededBy, takesPledges } from "./request-lifecycle.ts";

type Supplier = { organisationName: string; status: VerificationStatus };

/** Someone signed in with no organisation at all (signed up on their way to pledge) is offered registering a business
 * to pledge to `request`, while it takes pledges: the request's page and its pledge page ask this. */
export function offersRegisteringToPledge(
  viewer: { memberships: readonly unknown[]; user: { isPlatformAdmin: boolean } } | null | undefined,
  request: { status: RequestStatus; neededBy: Date | string },
  now = new Date(),
): boolean {
  return (
    Boolean(viewer) &&
    !viewer!.memberships.length &&
    !viewer!.user.isPlatformAdmin &&
    takesPledges(request, now)
  );
}

/** The page that registers a business and then leads back to pledging to request `id`. */
export const registerToPledgeHref = (id: string) =>
  `/organisations/new/supplier?redirectTo=${encodeURIComponent(`/requests/${id}/pledge`)}`;

/** Why `supplier` cannot pledge, in words for the page, or null when it can. */
export function notPledgingYet(supplier: Supplier): string | null {
  if (supplier.status === "VERIFIED") return null;
  if (supplier.status === "REJECTED")
    return `The council did not verify ${supplier.organisationName}, so it cannot pledge to requests. The council’s email said why and what to do next.`;
  return `You can pledge once the council has verified ${supplier.organisationName}. Until then you can look at requests but not pledge to them.`;
}

/** What a supplier is told of a request other suppliers have pledged all of: it is not closed, as a pledge
 * withdrawn or declined reopens it. */
const FULLY_PLEDGED_TO_SUPPLIERS =
  "Nothing more is needed: suppliers have pledged all of it. If a pledge is withdrawn or declined, the amount is needed again and you can pledge it then.";

/** The one rule for a request pledged in full and still running (its needed-by date not passed): it takes no
 * new pledge for now. Returns what the supplier is told, or null when the rule does not apply. The pledge form
 * and the refused pledge (pledges.server.ts) both ask here. */
export function fullyPledgedForNow(
  request: { status: RequestStatus; neededBy: Date | string },
  now = new Date(),
): string | null {
  return request.status === "FULLY_PLEDGED" && !isPastNeededBy(request.neededBy, now)
    ? FULLY_PLEDGED_TO_SUPPLIERS
    : null;
}
