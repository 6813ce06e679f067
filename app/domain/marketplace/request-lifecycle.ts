// The request state machine (PRODUCT.md §2). Pure: which action each role may take in each state.
import type { RequestStatus } from "~/generated/prisma/enums.ts";

export type RequestRole = "REQUESTOR" | "OFFICER" | "SYSTEM";

export type RequestAction =
  | "edit"
  | "submit"
  | "approve"
  | "requestChanges"
  | "withdraw"
  | "extend"
  | "expire"
  | "pledgesChanged"
  | "fulfil"
  | "setShowcase";

export const REQUEST_STATUSES: RequestStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "CHANGES_REQUESTED",
  "OPEN",
  "PARTIALLY_PLEDGED",
  "FULLY_PLEDGED",
  "FULFILLED",
  "WITHDRAWN",
  "EXPIRED",
];

export const REQUEST_ACTIONS: RequestAction[] = [
  "edit",
  "submit",
  "approve",
  "requestChanges",
  "withdraw",
  "extend",
  "expire",
  "pledgesChanged",
  "fulfil",
  "setShowcase",
];

export const REQUEST_ROLES: RequestRole[] = ["REQUESTOR", "OFFICER", "SYSTEM"];

// Statuses in which suppliers can still pledge, and those shown on the public marketplace.
export const PLEDGEABLE_STATUSES: RequestStatus[] = ["OPEN", "PARTIALLY_PLEDGED"];
export const LIVE_STATUSES: RequestStatus[] = ["OPEN", "PARTIALLY_PLEDGED", "FULLY_PLEDGED"];
export const PUBLISHED_STATUSES: RequestStatus[] = [
  "OPEN",
  "PARTIALLY_PLEDGED",
  "FULLY_PLEDGED",
  "FULFILLED",
];
export const EDITABLE_STATUSES: RequestStatus[] = ["DRAFT", "CHANGES_REQUESTED"];
// Statuses a request ends in. Once published, a link to it still says what became of it.
export const CLOSED_STATUSES: RequestStatus[] = ["FULFILLED", "WITHDRAWN", "EXPIRED"];

type Rule = { from: RequestStatus[]; roles: RequestRole[]; to: RequestStatus | "same" | "byPledges" };

const RULES: Record<RequestAction, Rule> = {
  edit: { from: EDITABLE_STATUSES, roles: ["REQUESTOR"], to: "same" },
  submit: { from: EDITABLE_STATUSES, roles: ["REQUESTOR"], to: "SUBMITTED" },
  approve: { from: ["SUBMITTED"], roles: ["OFFICER"], to: "OPEN" },
  requestChanges: { from: ["SUBMITTED"], roles: ["OFFICER"], to: "CHANGES_REQUESTED" },
  // Once a pledge is accepted the requestor cannot simply walk away; the domain checks that too.
  withdraw: {
    from: ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "OPEN", "PARTIALLY_PLEDGED"],
    roles: ["REQUESTOR"],
    to: "WITHDRAWN",
  },
  extend: { from: LIVE_STATUSES, roles: ["REQUESTOR"], to: "same" },
  expire: { from: PLEDGEABLE_STATUSES, roles: ["SYSTEM"], to: "EXPIRED" },
  pledgesChanged: { from: LIVE_STATUSES, roles: ["SYSTEM"], to: "byPledges" },
  fulfil: { from: ["FULLY_PLEDGED"], roles: ["SYSTEM"], to: "FULFILLED" },
  setShowcase: { from: REQUEST_STATUSES, roles: ["REQUESTOR"], to: "same" },
};

export type RequestTransition = { ok: true; to: RequestStatus } | { ok: false; reason: string };

// The status a live request has for how much of it is pledged.
export function statusForPledged(quantity: number, pledgedQuantity: number): RequestStatus {
  if (pledgedQuantity <= 0) return "OPEN";
  return pledgedQuantity >= quantity ? "FULLY_PLEDGED" : "PARTIALLY_PLEDGED";
}

export function requestTransition(
  status: RequestStatus,
  action: RequestAction,
  role: RequestRole,
  amounts: { quantity: number; pledgedQuantity: number } = { quantity: 1, pledgedQuantity: 0 },
): RequestTransition {
  const rule = RULES[action];
  if (!rule.roles.includes(role)) return { ok: false, reason: "You cannot do this to a request." };
  if (!rule.from.includes(status))
    return { ok: false, reason: `This cannot be done while the request is ${statusLabel(status)}.` };
  if (rule.to === "same") return { ok: true, to: status };
  if (rule.to === "byPledges")
    return { ok: true, to: statusForPledged(amounts.quantity, amounts.pledgedQuantity) };
  return { ok: true, to: rule.to };
}

// The statuses an action can move a request from: database code selects only the rows a rule applies to.
export function statusesAllowing(action: RequestAction): RequestStatus[] {
  return [...RULES[action].from];
}

export function canRequest(status: RequestStatus, action: RequestAction, role: RequestRole) {
  return requestTransition(status, action, role).ok;
}

const LABELS: Record<RequestStatus, string> = {
  DRAFT: "draft",
  SUBMITTED: "waiting for approval",
  CHANGES_REQUESTED: "changes requested",
  OPEN: "open",
  PARTIALLY_PLEDGED: "partly pledged",
  FULLY_PLEDGED: "fully pledged",
  FULFILLED: "fulfilled",
  WITHDRAWN: "withdrawn",
  EXPIRED: "expired",
};

export function statusLabel(status: RequestStatus) {
  return LABELS[status];
}
