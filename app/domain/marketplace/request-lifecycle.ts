// The request state machine (PRODUCT.md §2). Pure: which action each role may take in each state.
import { dayToDate, londonDay } from "~/domain/calendar.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { extendedReason } from "./request-timeline.ts";

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

// The one definition of "past its needed-by date": the date (a DATE column, 00:00 UTC) is before today in
// London. The help is still needed on the day itself. The expiry run selects by the same bound (jobs.server.ts).
export function neededByPassedBefore(now = new Date()): Date {
  return londonDay(now);
}

export function isPastNeededBy(neededBy: Date | string, now = new Date()) {
  return new Date(neededBy) < neededByPassedBefore(now);
}

// Whether a request takes new pledges now: open or partly pledged, and its needed-by date not yet passed. Until
// the nightly expiry run closes it, a request past that date is still open but takes none: the public list,
// matching and the request page say the same as the pledge itself (claimShare), and its offers cannot be accepted.
export function takesPledges(request: { status: RequestStatus; neededBy: Date | string }, now = new Date()) {
  return PLEDGEABLE_STATUSES.includes(request.status) && !isPastNeededBy(request.neededBy, now);
}
export const PUBLISHED_STATUSES: RequestStatus[] = [
  "OPEN",
  "PARTIALLY_PLEDGED",
  "FULLY_PLEDGED",
  "FULFILLED",
];
export const EDITABLE_STATUSES: RequestStatus[] = ["DRAFT", "CHANGES_REQUESTED"];
// Statuses a request ends in. Once published, a link to it still says what became of it.
export const CLOSED_STATUSES: RequestStatus[] = ["FULFILLED", "WITHDRAWN", "EXPIRED"];

// A fully pledged request with work under way (a pledge accepted, delivered, disputed or confirmed) does not
// expire when its needed-by date passes: it stays fully pledged until every pledge is confirmed (fulfilled), or
// until the two parties call off accepted work, which gives its share back (partly pledged) so the next expiry
// run closes it. The requestor may also extend it once. Fully pledged by offers nobody answered, it expires; an
// offer still unanswered beside the work under way is declined by the expiry run (jobs.server.ts), which then
// leaves the request partly pledged, so it expires too.
const EXPIRES_ONLY_BEFORE_WORK: RequestStatus[] = ["FULLY_PLEDGED"];

type Rule = {
  from: RequestStatus[];
  roles: RequestRole[];
  to: RequestStatus | "same" | "byPledges";
  // statuses the action is refused in while a pledge's work is under way
  notWhileUnderWay?: RequestStatus[];
};

const RULES: Record<RequestAction, Rule> = {
  edit: { from: EDITABLE_STATUSES, roles: ["REQUESTOR"], to: "same" },
  submit: { from: EDITABLE_STATUSES, roles: ["REQUESTOR"], to: "SUBMITTED" },
  approve: { from: ["SUBMITTED"], roles: ["OFFICER"], to: "OPEN" },
  requestChanges: { from: ["SUBMITTED"], roles: ["OFFICER"], to: "CHANGES_REQUESTED" },
  // Once a pledge is accepted the requestor cannot simply walk away: the domain refuses while any is accepted,
  // delivered or disputed. Fully pledged by offers alone, it can be withdrawn like a partly pledged one (the
  // offers are declined), rather than only after declining each offer by hand.
  withdraw: {
    from: ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "OPEN", "PARTIALLY_PLEDGED", "FULLY_PLEDGED"],
    roles: ["REQUESTOR"],
    to: "WITHDRAWN",
  },
  // Waiting for approval, too: a needed-by date that passes in the queue cannot be approved, and the requestor
  // moves it rather than wait for the council to ask (not the one extension of a published request).
  extend: { from: ["SUBMITTED", ...LIVE_STATUSES], roles: ["REQUESTOR"], to: "same" },
  expire: {
    from: LIVE_STATUSES,
    roles: ["SYSTEM"],
    to: "EXPIRED",
    notWhileUnderWay: EXPIRES_ONLY_BEFORE_WORK,
  },
  pledgesChanged: { from: LIVE_STATUSES, roles: ["SYSTEM"], to: "byPledges" },
  fulfil: { from: ["FULLY_PLEDGED"], roles: ["SYSTEM"], to: "FULFILLED" },
  // a case study is of help given: only a fulfilled request is shown on the public impact page (PRODUCT.md §6)
  setShowcase: { from: ["FULFILLED"], roles: ["REQUESTOR"], to: "same" },
};

export type RequestTransition = { ok: true; to: RequestStatus } | { ok: false; reason: string };

// What a request's pledges amount to: its quantity, how much is pledged, and how many pledges have work under
// way (accepted or later: pledge-lifecycle UNDER_WAY_STATUSES). The default is a request nothing is pledged to.
export type RequestAmounts = { quantity: number; pledgedQuantity: number; pledgesUnderWay?: number };

// The status a live request has for how much of it is pledged.
export function statusForPledged(quantity: number, pledgedQuantity: number): RequestStatus {
  if (pledgedQuantity <= 0) return "OPEN";
  return pledgedQuantity >= quantity ? "FULLY_PLEDGED" : "PARTIALLY_PLEDGED";
}

export function requestTransition(
  status: RequestStatus,
  action: RequestAction,
  role: RequestRole,
  amounts: RequestAmounts = { quantity: 1, pledgedQuantity: 0 },
): RequestTransition {
  const rule = RULES[action];
  if (!rule.roles.includes(role)) return { ok: false, reason: "You cannot do this to a request." };
  if (!rule.from.includes(status))
    return { ok: false, reason: `This cannot be done while the request is ${stateInWords(status)}.` };
  if (rule.notWhileUnderWay?.includes(status) && (amounts.pledgesUnderWay ?? 0) > 0)
    return { ok: false, reason: "This cannot be done while work on a pledge to the request is under way." };
  if (rule.to === "same") return { ok: true, to: status };
  if (rule.to === "byPledges")
    return { ok: true, to: statusForPledged(amounts.quantity, amounts.pledgedQuantity) };
  return { ok: true, to: rule.to };
}

// The latest change of a request, as its history records it (a null actor: the system).
export type LatestRequestChange = {
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  actorUserId: string | null;
};

// Whether an action the state machine refuses is a repeat of one just taken (a double-submitted form): the request
// is in the state the action leads to, and its latest change is that very transition, by a person. Each such
// transition is open to one side only (the requestor's organisation, or the council's officers), so it was the
// same side's. Actions that keep the status (edit, extend) and the system's are never repeats here; the caller
// still checks the details sent (a reason) are the same.
export function repeatsLatestRequestChange(
  status: RequestStatus,
  action: RequestAction,
  role: RequestRole,
  latest: LatestRequestChange | null,
) {
  const to = RULES[action].to;
  return (
    to !== "same" &&
    to !== "byPledges" &&
    status === to &&
    latest !== null &&
    latest.toStatus === status &&
    latest.fromStatus !== null &&
    latest.actorUserId !== null &&
    requestTransition(latest.fromStatus, action, role).ok
  );
}

// Whether an extension refused because the request was extended already is that extension sent twice: the
// latest change, by a person, kept the status and moved the needed-by date to this very date.
export function repeatsExtension(
  request: { status: RequestStatus; neededBy: Date },
  latest: (LatestRequestChange & { reason: string | null }) | null,
  neededBy: string,
) {
  return (
    latest !== null &&
    latest.actorUserId !== null &&
    latest.fromStatus === request.status &&
    latest.toStatus === request.status &&
    latest.reason === extendedReason(neededBy) &&
    request.neededBy.getTime() === dayToDate(neededBy).getTime()
  );
}

// The statuses an action can move a request from: database code selects only the rows a rule applies to.
export function statusesAllowing(action: RequestAction): RequestStatus[] {
  return [...RULES[action].from];
}

// Of those, the statuses it applies to only while no pledge's work is under way.
export function statusesAllowingOnlyBeforeWork(action: RequestAction): RequestStatus[] {
  return [...(RULES[action].notWhileUnderWay ?? [])];
}

export function canRequest(status: RequestStatus, action: RequestAction, role: RequestRole) {
  return requestTransition(status, action, role).ok;
}

// said on the manage page in place of the form, and to a withdrawal refused from a page loaded before: one text
export const WITHDRAW_WHILE_UNDER_WAY =
  "You cannot withdraw this request while a pledge to it is accepted, delivered or disputed. Call off an accepted or disputed pledge from its page, or confirm a delivery, and you can then withdraw it.";
export const EXTENDED_ONCE = "A request can be extended only once.";

/** Why a form for `action` cannot be acted on with the request as it now is (it moved on since the page was loaded):
 * the state machine's reason or a rule the domain adds (requests.server.ts), or null when it can be, or `action` is
 * not a request action at all. */
export function requestRefusal(
  request: { status: RequestStatus; extendedAt?: Date | string | null; unsettledPledges?: number },
  action: unknown,
  role: RequestRole,
): string | null {
  if (!REQUEST_ACTIONS.includes(action as RequestAction)) return null;
  const transition = requestTransition(request.status, action as RequestAction, role);
  if (!transition.ok) return transition.reason;
  if (action === "withdraw" && (request.unsettledPledges ?? 0) > 0) return WITHDRAW_WHILE_UNDER_WAY;
  // before publication a new date is a correction, which does not use up the one extension
  if (action === "extend" && request.extendedAt && request.status !== "SUBMITTED") return EXTENDED_ONCE;
  return null;
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

// The status in a sentence ("while the request is …"), where a tag's words do not read: "is changes requested".
const IN_A_SENTENCE: Partial<Record<RequestStatus, string>> = {
  DRAFT: "a draft",
  CHANGES_REQUESTED: "waiting for the changes the council asked for",
};

function stateInWords(status: RequestStatus) {
  return IN_A_SENTENCE[status] ?? LABELS[status];
}
