// Reading the numbers and dates officers type or a procurement system exports. Safe for browser code.
import { withoutThousandsCommas } from "~/domain/numbers.ts";

/** "£1,250,000.5" or "£ 1,250,000.5" → "1250000.50"; null if it is not a non-negative amount with at most two decimal places. */
export function parseAmount(text: string): string | null {
  // "1,5" or "12,50" is most likely a decimal comma, not thousands: refused rather than read as 15 or 1,250
  // "£ 1,500" as well as "£1,500": a space after the sign is how some people (and some exports) write it
  const cleaned = withoutThousandsCommas(text.trim().replace(/^£\s*/, ""));
  if (cleaned === null) return null;
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return `${BigInt(match[1]!)}.${(match[2] ?? "").padEnd(2, "0")}`;
}

/** A commitment's target or planned quantity: as parseAmount, and a percentage may be written with its sign
 * ("95%"), as the return form takes it. */
export function parseQuantity(text: string): string | null {
  return parseAmount(text.trim().replace(/\s*%$/, ""));
}

/** The years a contract date may fall in: wider than any real contract, narrow enough that a typing slip (2206 for
 * 2026) is caught and a term cannot stretch to thousands of quarters. */
export const DAY_YEARS = { from: 1990, to: 2100 };

/** What to tell someone whose date parseDay refused: a real date in a year outside DAY_YEARS gets its own words. */
export function dayProblem(text: string, unreadable: string): string {
  const day = calendarDay(text);
  return day && !inDayYears(day.y)
    ? `Enter a date between ${DAY_YEARS.from} and ${DAY_YEARS.to}`
    : unreadable;
}

/** "2026-04-01" or the UK "01/04/2026" → "2026-04-01"; null if it is not a real calendar day within DAY_YEARS. */
export function parseDay(text: string): string | null {
  const day = calendarDay(text);
  if (!day || !inDayYears(day.y)) return null;
  return day.date.toISOString().slice(0, 10);
}

const inDayYears = (year: number) => year >= DAY_YEARS.from && year <= DAY_YEARS.to;

// The day written, in either form, if it is one on the calendar (any four-digit year).
function calendarDay(text: string) {
  const value = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return { y, date };
}
