// How an officer's pages describe a cycle (pure: the pages' components use the labels). "Open" alone read as taking
// answers for a cycle opened for a later opening day, or one whose closing day is over before the night's
// housekeeping closes it.
import { londonDay } from "~/domain/calendar.ts";

export type CycleStage = "NOT_YET_OPEN" | "OPEN" | "CLOSING_DATE_PASSED" | "CLOSED";

export const CYCLE_STAGE_LABELS: Record<CycleStage, string> = {
  NOT_YET_OPEN: "Not open yet",
  OPEN: "Open",
  CLOSING_DATE_PASSED: "Closing date passed",
  CLOSED: "Closed",
};

// Opening and closing dates are London days (decision 007).
export function cycleStage(
  cycle: { status: string; opensOn: Date; closesOn: Date },
  now = new Date(),
): CycleStage {
  if (cycle.status !== "OPEN") return "CLOSED";
  const today = londonDay(now).getTime();
  if (cycle.opensOn.getTime() > today) return "NOT_YET_OPEN";
  if (cycle.closesOn.getTime() < today) return "CLOSING_DATE_PASSED";
  return "OPEN";
}

/** Whether a cycle's opening day has come (London days): from then its opening date and privacy notice stay. */
export function hasOpened(cycle: { opensOn: Date }, now = new Date()) {
  return cycle.opensOn.getTime() <= londonDay(now).getTime();
}

/**
 * How a closed cycle's dates went (London days): closed before its opening day (it never took answers), before its
 * closing day was over, or at its end. Null while it is open, or for one closed with no time kept.
 */
export function howItClosed(cycle: {
  status: string;
  opensOn: Date;
  closesOn: Date;
  closedAt: Date | null;
}): "BEFORE_OPENING" | "EARLY" | "AT_THE_END" | null {
  if (cycle.status !== "CLOSED" || !cycle.closedAt) return null;
  const day = londonDay(cycle.closedAt).getTime();
  if (day < cycle.opensOn.getTime()) return "BEFORE_OPENING";
  if (day < cycle.closesOn.getTime()) return "EARLY";
  return "AT_THE_END";
}

export const CYCLE_STAGE_COLOURS = {
  NOT_YET_OPEN: "yellow",
  OPEN: "green",
  CLOSING_DATE_PASSED: "orange",
  CLOSED: "blue",
} as const satisfies Record<CycleStage, string>;
