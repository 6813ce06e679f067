// How an officer's pages describe a cycle (pure: the pages' components use the labels). "Open" alone read as taking
// answers for a cycle opened for a later opening day, or one whose closing day is over before the night's
// housekeeping closes it.
import { londonDay } from "~/domain/calendar.ts";
import { formatDate, formatNumber, plural } from "~/domain/format.ts";

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

/**
 * How the response rate reads on an officer's pages: how many of the businesses the survey reached (eligible or
 * invited) responded, and the rate. `submitted` is as the page shows it ("<5" for a closed cycle with few answers,
 * whose rate is then not given); `reached` is null once anonymised (who it reached is no longer known).
 */
export function responseRateText({
  stage,
  opensOn,
  reached,
  submitted,
  rate,
}: {
  stage: CycleStage;
  opensOn: Date | string;
  reached: number | null;
  submitted: string;
  rate: number | null;
}) {
  // before its opening day no business can answer: a rate of 0% read as a survey nobody answered
  if (stage === "NOT_YET_OPEN") return `Not open yet – opens ${formatDate(opensOn)}`;
  if (reached === null) return "Not kept";
  if (reached === 0)
    return stage === "CLOSED"
      ? "No business was eligible or invited"
      : "No business is eligible or has been invited yet";
  const of = `of ${formatNumber(reached)} eligible or invited ${plural(reached, "business", "businesses")} responded`;
  if (rate === null) return submitted === "<5" ? `Fewer than 5 ${of}` : `${submitted} ${of}`;
  return `${submitted} ${of} (${rate}%)`;
}
