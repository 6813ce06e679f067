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

// Pledges in these states hold their share of the request's quantity (Request.pledgedQuantity).
export const HOLDING_STATUSES: PledgeStatus[] = ["OFFERED", "ACCEPTED", "DELIVERED", "CONFIRMED", "DISPUTED"];

type Rule = { from: PledgeStatus[]; roles: PledgeRole[]; to: PledgeStatus };

const RULES: Record<PledgeAction, Rule> = {
  accept: { from: ["OFFERED"], roles: ["REQUESTOR"], to: "ACCEPTED" },
  // SYSTEM declines what is still on offer when a request is withdrawn or expires.
  // An accepted pledge can still be called off, by either side, until it is delivered: otherwise a supplier
  // who cannot deliver would hold the request's share for ever. (SYSTEM only ever declines offered pledges.)
  decline: { from: ["OFFERED", "ACCEPTED"], roles: ["REQUESTOR", "SYSTEM"], to: "DECLINED" },
  withdraw: { from: ["OFFERED", "ACCEPTED"], roles: ["SUPPLIER"], to: "WITHDRAWN" },
  // A dispute is not a dead end: the supplier puts it right and reports the delivery again, or the
  // requestor, satisfied after all, confirms it.
  reportDelivery: { from: ["ACCEPTED", "DISPUTED"], roles: ["SUPPLIER"], to: "DELIVERED" },
  confirm: { from: ["DELIVERED", "DISPUTED"], roles: ["REQUESTOR"], to: "CONFIRMED" },
  dispute: { from: ["DELIVERED"], roles: ["REQUESTOR"], to: "DISPUTED" },
};

export type PledgeTransition = { ok: true; to: PledgeStatus } | { ok: false; reason: string };

export function pledgeTransition(
  status: PledgeStatus,
  action: PledgeAction,
  role: PledgeRole,
): PledgeTransition {
  const rule = RULES[action];
  if (!rule.roles.includes(role)) return { ok: false, reason: "You cannot do this to a pledge." };
  if (!rule.from.includes(status))
    return { ok: false, reason: `This cannot be done while the pledge is ${pledgeStatusLabel(status)}.` };
  return { ok: true, to: rule.to };
}

export function canPledge(status: PledgeStatus, action: PledgeAction, role: PledgeRole) {
  return pledgeTransition(status, action, role).ok;
}

// Whether a change releases the pledge's share back to the request.
export function releasesShare(from: PledgeStatus, to: PledgeStatus) {
  return HOLDING_STATUSES.includes(from) && !HOLDING_STATUSES.includes(to);
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
