// What a group is told about a request it can no longer edit (edited only as a draft or when the council asks for
// changes, PRODUCT.md §2): why, and what it can do instead. Read from the state machine, so it offers only what is
// possible now: the council's "request changes" while the request waits for approval, withdrawing while no
// pledge's work is under way.
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { canRequest, CLOSED_STATUSES, statusLabel } from "./request-lifecycle.ts";

// the heading of the manage page's section that says it, which the edit page's refusal points to
export const CORRECTION_HEADING = "Correcting this request";

// Null while the group can edit it, and once it is closed (nothing more is published from it).
export function correctionAdvice(
  status: RequestStatus,
  {
    councilName,
    councilEmail,
    unsettledPledges,
  }: { councilName: string; councilEmail: string | null; unsettledPledges: number },
): string[] | null {
  if (canRequest(status, "edit", "REQUESTOR") || CLOSED_STATUSES.includes(status)) return null;
  const withdrawable = canRequest(status, "withdraw", "REQUESTOR") && unsettledPledges === 0;
  const contact = councilEmail ? ` (${councilEmail})` : "";
  if (canRequest(status, "requestChanges", "OFFICER"))
    return [
      whyNot(status),
      `To correct it, ask ${councilName}${contact} to send it back to you for changes: it can while the request is waiting for approval, and you then edit it and submit it again.` +
        (withdrawable ? " Or withdraw it below and post it again as a new request." : ""),
    ];
  return [
    `${whyNot(status)} ${councilName} cannot send it back to you for changes either: it can only while a request is waiting for approval.`,
    withdrawable
      ? "To correct it, withdraw it below and post it again as a new request. A detail a supplier needs only to deliver, such as where to drop off, you can give it once you accept its pledge: it is then given your contact details."
      : `It cannot be withdrawn while a pledge to it is accepted, delivered or disputed. Give the suppliers whose pledges you accepted any detail they need: they have your contact details. If something in the request is wrong, contact ${councilName}${contact}.`,
  ];
}

function whyNot(status: RequestStatus) {
  return canRequest(status, "requestChanges", "OFFICER")
    ? "A request cannot be changed once it is submitted, so that what the council approves, and suppliers pledge to, is what they read."
    : "A published request cannot be changed, so that suppliers pledge to what they read.";
}

// The edit page's answer to a request it no longer edits, shown on the manage page it sends the group to.
export function notEditableMessage(status: RequestStatus) {
  if (CLOSED_STATUSES.includes(status))
    return `This request can no longer be edited: it is ${statusLabel(status)}.`;
  return `This request can no longer be edited. ${whyNot(status)} What you can do instead is under “${CORRECTION_HEADING}” below.`;
}
