// When a requestor is reminded of a delivery the supplier reported that they have neither confirmed nor disputed
// (decision 053): a week after the report, and once more two weeks after that; then no more. The portal never
// confirms a delivery itself: a confirmed one counts as social value delivered, which only the requestor can say.
// Days are London days, as the needed-by date's are: a delivery reported on a Monday is reminded on the next
// Monday's run, whatever the hour either happened at.
import { londonDay, londonMidnight } from "~/domain/calendar.ts";

const DAY = 24 * 60 * 60 * 1000;

/** How many days after the report each reminder goes: the first, then the second and last. */
export const DELIVERY_REMINDER_DAYS = [7, 21] as const;

/** Which reminder: 1 the first, 2 the second and last. */
export type DeliveryReminderStage = 1 | 2;

export const LAST_DELIVERY_REMINDER: DeliveryReminderStage = 2;

const STAGES: DeliveryReminderStage[] = [1, 2];

function daysBetween(earlier: Date, later: Date) {
  return Math.round((londonDay(later).getTime() - londonDay(earlier).getTime()) / DAY);
}

/**
 * The reminder due at `now` for a delivery reported at `reportedAt`, when `sent` (the latest stage sent for that
 * report, 0 for none) is behind it; null otherwise. Only the latest one due: a delivery left a month unanswered
 * while the job did not run gets the second reminder, not both at once.
 */
export function deliveryReminderDue(
  reportedAt: Date,
  now: Date,
  sent: number = 0,
): DeliveryReminderStage | null {
  const days = daysBetween(reportedAt, now);
  const due = STAGES.filter((stage) => days >= DELIVERY_REMINDER_DAYS[stage - 1]).at(-1);
  return due !== undefined && due > sent ? due : null;
}

/** The moment a report must have been made before for `stage` to be due at `now`: the same rule as
 * deliveryReminderDue, for a query (the start of the London day after the one `stage`'s days back). */
export function reportedBeforeFor(stage: DeliveryReminderStage, now: Date): Date {
  const lastDay = londonDay(now).getTime() - DELIVERY_REMINDER_DAYS[stage - 1] * DAY;
  return londonMidnight(new Date(lastDay + DAY));
}
