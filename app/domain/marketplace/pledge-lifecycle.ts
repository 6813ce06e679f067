// The pledge state machine (PRODUCT.md §2). Pure: which action each role may take in each state.
import type { PledgeStatus } from "~/generated/prisma/enums.ts";

export type PledgeRole = "SUPPLIER" | "REQUESTOR" | "SYSTEM";
export type PledgeAction = "accept" | "decline" | "withdraw" | "reportDelivery" | "confirm" | "dispute";

export const PLEDGE_STATUSES: PledgeStatus[] = [
  "OFFERED",
  "ACCEPTED",
  "DECLINED",
  "DELIVERED",
  "CONFIRMED",
  "DISPUTED",
  "WITHDRAWN",
];
export const PLEDGE_ACTIONS: PledgeAction[] = [
  "accept",
  "decline",
  "withdraw",
  "reportDelivery",
  "confirm",
  "dispute",
];
export const PLEDGE_ROLES: PledgeRole[] = ["SUPPLIER", "REQUESTOR", "SYSTEM"];

// Pledges in these states hold their share of the request's quantity (Request.pledgedQuantity; see heldShare).
export const HOLDING_STATUSES: PledgeStatus[] = ["OFFERED", "ACCEPTED", "DELIVERED", "CONFIRMED", "DISPUTED"];

// Who may take an action from which states (one entry per group of roles that share a starting set).
type Rule = { by: { roles: PledgeRole[]; from: PledgeStatus[] }[]; to: PledgeStatus };

const RULES: Record<PledgeAction, Rule> = {
  accept: { by: [{ roles: ["REQUESTOR"], from: ["OFFERED"] }], to: "ACCEPTED" },
  // An accepted pledge can still be called off, by either side, until it is delivered: otherwise a supplier
  // who cannot deliver would hold the request's share for ever. For the same reason the requestor can call off
  // a disputed delivery the supplier never puts right (else the request could neither be withdrawn, expire
  // nor be pledged again). SYSTEM declines only what is still on offer, when a request is withdrawn or
  // expires: accepted work is the two parties' to call off.
  decline: {
    by: [
      { roles: ["REQUESTOR"], from: ["OFFERED", "ACCEPTED", "DISPUTED"] },
      { roles: ["SYSTEM"], from: ["OFFERED"] },
    ],
    to: "DECLINED",
  },
  withdraw: { by: [{ roles: ["SUPPLIER"], from: ["OFFERED", "ACCEPTED"] }], to: "WITHDRAWN" },
  // A dispute is not a dead end: the supplier puts it right and reports the delivery again, or the
  // requestor, satisfied after all, confirms it (or calls it off: decline).
  reportDelivery: { by: [{ roles: ["SUPPLIER"], from: ["ACCEPTED", "DISPUTED"] }], to: "DELIVERED" },
  confirm: { by: [{ roles: ["REQUESTOR"], from: ["DELIVERED", "DISPUTED"] }], to: "CONFIRMED" },
  dispute: { by: [{ roles: ["REQUESTOR"], from: ["DELIVERED"] }], to: "DISPUTED" },
};

export type PledgeTransition = { ok: true; to: PledgeStatus } | { ok: false; reason: string };

const NOT_YOURS = "You cannot do this to a pledge.";

export function pledgeTransition(
  status: PledgeStatus,
  action: PledgeAction,
  role: PledgeRole,
): PledgeTransition {
  const rule = RULES[action];
  const mine = rule.by.find((entry) => entry.roles.includes(role));
  if (!mine) return { ok: false, reason: NOT_YOURS };
  if (!mine.from.includes(status))
    return { ok: false, reason: `This cannot be done while the pledge is ${pledgeStatusLabel(status)}.` };
  return { ok: true, to: rule.to };
}

// The latest change of a pledge, as its history records it (a null actor: the system).
export type LatestChange = {
  fromStatus: PledgeStatus | null;
  toStatus: PledgeStatus;
  actorUserId: string | null;
};

// Whether an action the state machine refuses is a repeat of one just taken (a double-submitted form): the pledge
// is in the state the action leads to, and its latest change is that very transition, by a person. Each such
// transition is open to one side only (the system aside), so it was the same side's. The caller still checks the
// details sent (a reason, a delivery) are the same: anything else is refused as usual.
export function repeatsLatestChange(
  status: PledgeStatus,
  action: PledgeAction,
  role: PledgeRole,
  latest: LatestChange | null,
) {
  return (
    status === RULES[action].to &&
    latest !== null &&
    latest.toStatus === status &&
    latest.fromStatus !== null &&
    latest.actorUserId !== null &&
    pledgeTransition(latest.fromStatus, action, role).ok
  );
}

// Which side a person who moved a pledge to this status was on: a supplier offers it; every other status a person
// can move it to is open to one side only (SYSTEM changes have no person).
export function sideThatMovesTo(status: PledgeStatus): Exclude<PledgeRole, "SYSTEM"> {
  if (status === "OFFERED") return "SUPPLIER";
  const roles = Object.values(RULES)
    .filter((rule) => rule.to === status)
    .flatMap((rule) => rule.by.flatMap((entry) => entry.roles));
  return roles.includes("SUPPLIER") ? "SUPPLIER" : "REQUESTOR";
}

export function canPledge(status: PledgeStatus, action: PledgeAction, role: PledgeRole) {
  return pledgeTransition(status, action, role).ok;
}

/** The states in which `role` may take `action`: what needs that side's action next. */
export function statusesWhereCan(action: PledgeAction, role: PledgeRole): PledgeStatus[] {
  return PLEDGE_STATUSES.filter((status) => canPledge(status, action, role));
}

/** Why none of `roles` may take `action` on a pledge in `status` (its state's reason before "you cannot"), or null
 * when one of them may, or `action` is not a pledge action at all. */
export function pledgeRefusal(status: PledgeStatus, action: unknown, roles: PledgeRole[]): string | null {
  if (!PLEDGE_ACTIONS.includes(action as PledgeAction)) return null;
  const answers = roles.map((role) => pledgeTransition(status, action as PledgeAction, role));
  if (answers.some((answer) => answer.ok)) return null;
  const reasons = answers.flatMap((answer) => (answer.ok ? [] : [answer.reason]));
  return reasons.find((reason) => reason !== NOT_YOURS) ?? NOT_YOURS;
}

// Once the requestor has accepted a pledge, its supplier is told how to contact the requestor (the request's
// contact preference): never while the pledge is only on offer, nor after it was declined or withdrawn.
export const CONTACT_SHARED_STATUSES: PledgeStatus[] = ["ACCEPTED", "DELIVERED", "DISPUTED", "CONFIRMED"];

export function sharesContact(status: PledgeStatus) {
  return CONTACT_SHARED_STATUSES.includes(status);
}

// Pledges still on their way: holding a share of the request but not yet counted as delivered.
export const IN_FLIGHT_STATUSES: PledgeStatus[] = HOLDING_STATUSES.filter((status) => status !== "CONFIRMED");

// Whether a change releases the pledge's share back to the request.
export function releasesShare(from: PledgeStatus, to: PledgeStatus) {
  return HOLDING_STATUSES.includes(from) && !HOLDING_STATUSES.includes(to);
}

// How much of its request a pledge holds: its quantity while it holds a share, except that a delivery confirmed
// short of it holds only what was delivered. The rest goes back to the request, which is partly pledged again
// (open to other pledges until its needed-by date) instead of fulfilled with less than it needed.
export function heldShare(
  status: PledgeStatus,
  pledge: { quantity: number; deliveredQuantity: number | null },
) {
  if (!HOLDING_STATUSES.includes(status)) return 0;
  if (status !== "CONFIRMED" || pledge.deliveredQuantity === null) return pledge.quantity;
  return Math.min(pledge.quantity, pledge.deliveredQuantity);
}

// How much of a supplier's commitment a pledge still in progress takes up: what it promised, until the supplier
// reports what it delivered. That is then what was given (confirmed, only that counts towards the commitment), so
// the rest of the commitment is free for other requests. Disputed, the supplier may still put it right in full.
export function promisedToCommitment(
  status: PledgeStatus,
  pledge: { quantity: number; deliveredQuantity: number | null },
) {
  if (status !== "DELIVERED" || pledge.deliveredQuantity === null) return pledge.quantity;
  return Math.min(pledge.quantity, pledge.deliveredQuantity);
}

const LABELS: Record<PledgeStatus, string> = {
  OFFERED: "offered",
  ACCEPTED: "accepted",
  DECLINED: "declined",
  DELIVERED: "delivered",
  CONFIRMED: "confirmed",
  DISPUTED: "disputed",
  WITHDRAWN: "withdrawn",
};

export function pledgeStatusLabel(status: PledgeStatus) {
  return LABELS[status];
}

// Declining a pledge the group had agreed to (accepted, or delivered and disputed) calls it off (decision 012): its
// status is DECLINED as an offer turned down is, but the group's banner and the supplier's email say "called off",
// so its pages do too. `from` is the status it was declined from (its history's DECLINED row).
export function callsOff(from: PledgeStatus | null | undefined, to: PledgeStatus) {
  return to === "DECLINED" && from != null && from !== "OFFERED";
}

/** A pledge's status (or a change of it) in words: "called off" for one declined after it was agreed. */
export function pledgeStateLabel(status: PledgeStatus, calledOff: boolean) {
  return status === "DECLINED" && calledOff ? "called off" : pledgeStatusLabel(status);
}

// Pledges a request cannot be withdrawn over: work agreed or done that SYSTEM may not decline and that is
// not yet settled (a confirmed pledge is settled and stays as delivered).
export const UNSETTLED_STATUSES: PledgeStatus[] = HOLDING_STATUSES.filter(
  (status) => status !== "CONFIRMED" && !canPledge(status, "decline", "SYSTEM"),
);

// Pledges whose work is under way or done: accepted or later, which SYSTEM may no longer decline. A fully pledged
// request with any of these does not expire (request-lifecycle.ts, expire).
export const UNDER_WAY_STATUSES: PledgeStatus[] = HOLDING_STATUSES.filter(
  (status) => !canPledge(status, "decline", "SYSTEM"),
);

// (Computed last: the state machine's refusals read the labels above.)
/** Pledges that wait for the group that asked: offers to answer, and deliveries to confirm (a disputed one too: the
 * group may still confirm it once put right). Its dashboard and its list of requests count the same ones. */
export const TO_ANSWER = statusesWhereCan("accept", "REQUESTOR");
const TO_CONFIRM = statusesWhereCan("confirm", "REQUESTOR");
export const WAITING_FOR_REQUESTOR: PledgeStatus[] = [...new Set([...TO_ANSWER, ...TO_CONFIRM])];
/** Pledges that wait for the supplier: accepted, or disputed (it puts the delivery right and reports it again). */
export const TO_DELIVER = statusesWhereCan("reportDelivery", "SUPPLIER");
