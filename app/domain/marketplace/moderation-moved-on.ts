// What an officer is told when their decision on a request comes too late: someone else decided it (or the group
// withdrew it) after the page was read. It names who did what and when, and that theirs was not sent, from the
// request's own history: "This cannot be done while the request is open" told them none of it. Pure.
import { formatDateTime } from "~/domain/format.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";

type Change = {
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  createdAt: string | Date;
  actor: { id: string; name: string } | null;
};

const DONE: Partial<Record<RequestStatus, string>> = {
  OPEN: "approved and published this request",
  CHANGES_REQUESTED: "asked the group for changes to this request",
  WITHDRAWN: "withdrew this request",
};

type Decision = "approve" | "requestChanges";

// what became of the officer's decision, by what happened first
function whatBecameOf(attempted: Decision, happened: RequestStatus) {
  if (attempted === "requestChanges")
    return happened === "CHANGES_REQUESTED"
      ? "so your comment was not sent"
      : "so your request for changes was not sent";
  if (happened === "CHANGES_REQUESTED")
    return "so it was not approved: it comes back to the list of requests to approve when the group sends it again";
  return happened === "WITHDRAWN" ? "so it was not approved" : "so it is published already";
}

/** The sentence for a decision (`attempted`) refused because the request is no longer waiting for approval, from
 * its history (oldest first), to the officer `you` (their user id); null while it still waits, or when its history says nothing of how it left the list. */
export function movedOnMessage(
  request: { status: RequestStatus; events: Change[] },
  attempted: Decision,
  you: string,
): string | null {
  if (request.status === "SUBMITTED") return null;
  // the change that took it off the list of requests to approve (pledges since are the system's, not a decision)
  const latest = [...request.events].reverse().find((e) => e.fromStatus === "SUBMITTED" && DONE[e.toStatus]);
  if (!latest) return null;
  const who = latest.actor?.id === you ? "You" : (latest.actor?.name ?? "Someone");
  const when = formatDateTime(latest.createdAt);
  return `${who} ${DONE[latest.toStatus]} on ${when}, ${whatBecameOf(attempted, latest.toStatus)}.`;
}
