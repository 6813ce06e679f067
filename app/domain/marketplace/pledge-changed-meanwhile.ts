// What a form on the pledge's page is told when the other side changed the pledge after the page was read (QA session
// 57, finding 7): who did what and when, and that the form's change was not made, rather than "This cannot be done
// while the pledge is withdrawn". Pure: the pledge's latest change as its history names it to the reader.
import { formatDateTime } from "~/domain/format.ts";
import type { PledgeStatus } from "~/generated/prisma/enums.ts";
import { callsOff, sideThatMovesTo, type PledgeAction, type PledgeRole } from "./pledge-lifecycle.ts";

// what the other side did to the pledge
const DID: Partial<Record<PledgeStatus, string>> = {
  ACCEPTED: "accepted",
  DECLINED: "declined",
  WITHDRAWN: "withdrew",
  DELIVERED: "reported the delivery of",
  CONFIRMED: "confirmed the delivery of",
  DISPUTED: "disputed the delivery of",
};

// what the form would have done, had the pledge not changed
const NOT_DONE: Record<PledgeAction, string> = {
  accept: "it was not accepted",
  decline: "it was not declined",
  withdraw: "it was not withdrawn",
  reportDelivery: "your delivery report was not sent",
  confirm: "the delivery was not confirmed",
  dispute: "the delivery was not disputed",
};

type Change = {
  fromStatus: PledgeStatus | null;
  toStatus: PledgeStatus;
  /** who made it, as the pledge's history names them to the reader; null for the system's changes */
  who: string | null;
  createdAt: Date | string;
};

/** Why `action` by `roles` was not taken, when the pledge's latest change (`latest`, bringing it to `status`) was the
 * other side's; null otherwise (a colleague's change, or the system's: the state machine's reason stands). */
export function changedMeanwhile(
  latest: Change | undefined,
  status: PledgeStatus,
  action: PledgeAction,
  roles: PledgeRole[],
): string | null {
  if (!latest || latest.toStatus !== status || !latest.who || latest.fromStatus === null) return null;
  if (roles.includes(sideThatMovesTo(latest.toStatus))) return null;
  const did = callsOff(latest.fromStatus, latest.toStatus) ? "called off" : DID[status];
  if (!did) return null;
  // the group's "decline" of a pledge it had accepted was its "call off"
  const notDone =
    action === "decline" && latest.fromStatus !== "OFFERED" ? "it was not called off" : NOT_DONE[action];
  return `${latest.who} ${did} this pledge on ${formatDateTime(latest.createdAt)}, so ${notDone}.`;
}
