// What the public request page says about each step of a request's history. Pure. It shows only what the system
// itself wrote (why a pledge moved the request, that it expired or was fulfilled) and the new date of an
// extension: never text a person typed (a withdrawal reason, an officer's comment on approval or on changes,
// which may name people or say what is private), nor who acted. Any other reason is left out.
import { formatDate } from "~/domain/format.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";

// The reasons the system records on request events (RequestEvent.reason), written once here.
export const REQUEST_EVENT_REASONS = {
  pledgeReceived: "Pledge received",
  pledgeReleased: "A pledge was declined or withdrawn",
  shortDelivery: "A delivery was confirmed short of its pledge",
  fulfilled: "Every pledge confirmed",
  expired: "The needed-by date passed",
} as const;

export function extendedReason(neededBy: string) {
  return `Extended to ${neededBy}`;
}

const SYSTEM_REASONS = new Set<string>(Object.values(REQUEST_EVENT_REASONS));
const EXTENDED = /^Extended to (\d{4}-\d{2}-\d{2})$/;

// What a person did, said without what they wrote.
const BY_PEOPLE: Partial<Record<RequestStatus, string>> = {
  OPEN: "Approved by the council",
  CHANGES_REQUESTED: "The council asked for changes",
  WITHDRAWN: "Withdrawn by the organisation that posted it",
};

// A note for the timeline; date (yyyy-mm-dd) is the new needed-by date of an extension, to be shown after text.
export type TimelineNote = { text: string; date?: string };

export function publicEventNote(event: {
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  reason: string | null;
}): TimelineNote | null {
  const extended = event.reason?.match(EXTENDED);
  if (extended && event.fromStatus === event.toStatus)
    return { text: `Needed-by date ${extendedVerb(event.toStatus)} to`, date: extended[1] };
  if (event.reason && SYSTEM_REASONS.has(event.reason)) return { text: event.reason };
  if (event.fromStatus === "SUBMITTED" && event.toStatus === "OPEN") return { text: BY_PEOPLE.OPEN! };
  if (event.toStatus === "CHANGES_REQUESTED" || event.toStatus === "WITHDRAWN")
    return { text: BY_PEOPLE[event.toStatus]! };
  return null;
}

// A request event's reason as the requestor's and officers' timelines show it: an extension's stored reason names
// its new date as yyyy-mm-dd, which is written out as every other date is ("27 March 2027").
export function eventReasonText(reason: string | null, toStatus?: RequestStatus) {
  const extended = reason?.match(EXTENDED);
  return extended ? `Needed-by date ${extendedVerb(toStatus)} to ${formatDate(extended[1])}` : reason;
}

// A new date given while the request waits for approval is a correction, not the one extension a published request
// may have (request-lifecycle requestRefusal): said as "extended", two of them read as two extensions, and the
// public page told of an extension that never happened.
function extendedVerb(status: RequestStatus | undefined) {
  return status === "SUBMITTED" ? "changed" : "extended";
}
