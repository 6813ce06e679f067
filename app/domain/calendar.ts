// Calendar dates (needed-by dates, due dates) are stored as DATE, read as 00:00 UTC of that date. Which date
// it is "today" is decided in London, where the council works: at 00:30 on a summer night it is already the
// next day in London while still the previous one in UTC.
const londonDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The last year any date typed into the portal may fall in (a contract's dates, a survey's closing date): far
 * beyond any real term, near enough that a typing slip (2206 for 2026) is caught. */
export const LAST_YEAR = 2100;

/**
 * A day typed the way people in the UK write it ("27/03/2027", "27/3/2027") as the ISO day a date field sends
 * ("2027-03-27"), for a browser without a date picker; anything else is left as it is, for the field's own check.
 */
export function ukDayAsIso(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const uk = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(value);
  return uk ? `${uk[3]}-${uk[2]!.padStart(2, "0")}-${uk[1]!.padStart(2, "0")}` : value;
}

/** An ISO day ("2027-03-27") as people in the UK write it, and the date boxes take it ("27/03/2027"). */
export function isoDayAsUk(day: string): string {
  const [year, month, date] = day.split("-");
  return `${date}/${month}/${year}`;
}

/** The day date fields give as their example ("For example, 27/03/2027") when they take any day. */
export const EXAMPLE_DAY = "2027-03-27";

/** The example for a date field that takes only the days from `min` to `max` (ISO days, either or both): the usual
 * one if it is among them, else the nearest day the field takes (for a date delivered, no later than today, today),
 * so that a field is never shown a date it refuses. */
export function exampleDayWithin(min?: string, max?: string): string {
  if (max && EXAMPLE_DAY > max) return max;
  if (min && EXAMPLE_DAY < min) return min;
  return EXAMPLE_DAY;
}

/** 00:00 UTC of a calendar date written as an ISO day ("2027-03-27"), as a DATE column holds it. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** 00:00 UTC of the calendar date that `moment` falls on in London. */
export function londonDay(moment: Date): Date {
  const [year, month, day] = londonDate.format(moment).split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The calendar date `moment` falls on in London, as an ISO day ("2027-03-27"). */
export function londonDayIso(moment: Date): string {
  return londonDay(moment).toISOString().slice(0, 10);
}

const londonHour = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "2-digit",
  hourCycle: "h23",
});

/** The moment a calendar date (00:00 UTC, as a DATE column holds it) begins in London, to compare timestamps with:
 * in summer time an hour before 00:00 UTC, so that something done at 00:30 on a June night in London counts on
 * that London day. (Clocks change at 01:00 UTC, so at 00:00 UTC London is already on the day's offset.) */
export function londonMidnight(day: Date): Date {
  return new Date(day.getTime() - Number(londonHour.format(day)) * 60 * 60 * 1000);
}

/** The same calendar date a year before `day` (00:00 UTC), where "the last 12 months" begin: 29 February's is
 * 28 February, as there is no 29th in that year. Not 365 days: across a 29 February that is a day short. */
export function sameDateYearBefore(day: Date): Date {
  const year = day.getUTCFullYear() - 1;
  const month = day.getUTCMonth();
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day.getUTCDate(), daysInMonth)));
}

/** The first day of "the last 12 months" as at `now` (the dashboard's activity, the lists behind it): the same
 * date a year before today in London. */
export function yearBeforeToday(now: Date): Date {
  return sameDateYearBefore(londonDay(now));
}
