// Reading the numbers and dates officers type or a procurement system exports. Safe for browser code.
import { LAST_YEAR, londonDayIso } from "~/domain/calendar.ts";
import { withoutThousandsSeparators } from "~/domain/numbers.ts";

/** "£1,250,000.5", "£ 1,250,000.5" or "£1 250 000.5" → "1250000.50"; null if it is not a non-negative amount with at
 * most two decimal places. */
export function parseAmount(text: string): string | null {
  // "1,5" or "12,50" is most likely a decimal comma, not thousands: refused rather than read as 15 or 1,250
  // "£ 1,500" as well as "£1,500": a space after the sign is how some people (and some exports) write it
  return parseDecimal(text.trim().replace(/^£\s*/, ""));
}

/** "1,250,000.5" or "1 250 000.5" → "1250000.50" (thousands grouped as every number typed in the portal is,
 * numbers.ts): digits alone, no sign; null if it is not a non-negative amount with at most two decimal places. */
export function parseDecimal(text: string): string | null {
  const cleaned = withoutThousandsSeparators(text.trim());
  if (cleaned === null) return null;
  // ".5" as many write a half, as well as "0.5"
  const match = /^(\d{1,12}|(?=\.\d))(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return `${BigInt(match[1] || "0")}.${(match[2] ?? "").padEnd(2, "0")}`;
}

/** The most an amount or quantity can be (the database keeps 14 digits, 2 of them after the point). */
export const LARGEST_AMOUNT = "999,999,999,999.99";

/** Whether the text is a number refused only for its size: "£2,000,000,000,000", "99999999999999999999". Such a
 * figure is told the limit, not that it is not a number. */
export function isTooLargeNumber(text: string): boolean {
  const plain = withoutThousandsSeparators(text.trim().replace(/^£\s*/, "").replace(/\s*%$/, ""));
  const match = plain === null ? null : /^(\d+)(?:\.\d{1,2})?$/.exec(plain);
  return match !== null && BigInt(match[1]!) >= 10n ** 12n;
}

/** The signs a figure may be written with: a pound sign before it, a per cent sign after it. */
export type UnitSign = "£" | "%";

/** "£1,250" → { quantity: "1250.00", signs: ["£"] }, "95 %" → { quantity: "95.00", signs: ["%"] }: a commitment's
 * target or planned quantity and the signs it was written with, for its measure's unit to judge (quantities.ts);
 * null if it is not a number once they are taken off. */
export function readQuantity(text: string): { quantity: string; signs: UnitSign[] } | null {
  let rest = text.trim();
  const signs: UnitSign[] = [];
  if (rest.startsWith("£")) {
    signs.push("£");
    rest = rest.slice(1);
  }
  if (rest.endsWith("%")) {
    signs.push("%");
    rest = rest.slice(0, -1);
  }
  const quantity = parseDecimal(rest);
  return quantity === null ? null : { quantity, signs };
}

/** A quantity whose measure is not known yet, either sign taken: readQuantity's number. Where the measure is known,
 * quantityIn (quantities.ts) takes only the sign its unit is written with. */
export function parseQuantity(text: string): string | null {
  return readQuantity(text)?.quantity ?? null;
}

/** The years a contract date may fall in: wider than any real contract, narrow enough that a typing slip (2206 for
 * 2026) is caught and a term cannot stretch to thousands of quarters. */
export const DAY_YEARS = { from: 1990, to: LAST_YEAR };

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
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0 to 99 as 1900 to 1999, so "0001-01-01" was told it is not
  // a real date while "9999-01-01" was told the years allowed
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return { y, date };
}

// A date with a time after it, as Excel and other council systems export a date: "2026-04-01 00:00:00",
// "01/04/2026 00:00", "1/4/2026 12:00:00 AM", "2026-04-01T00:00:00Z", "2026-04-01T00:00:00.000+01:00".
const DATE_TIME =
  /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4})(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([AaPp])\.?[Mm]\.?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** A date with a time after it: its date as written, the time read (null if it is not a real time). */
function splitDateTime(text: string) {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [, date, h, mi, sec, fraction, meridiem, zone] = match;
  let hour = Number(h);
  const minute = Number(mi);
  const second = Number(sec ?? "0");
  if (meridiem) {
    if (hour < 1 || hour > 12) return { date: date!, time: null };
    hour = (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return { date: date!, time: null };
  const midnight = hour === 0 && minute === 0 && second === 0 && !/[1-9]/.test(fraction ?? "");
  let offsetMinutes: number | null = null;
  if (zone === "Z") offsetMinutes = 0;
  else if (zone) {
    const digits = zone.replace(":", "");
    offsetMinutes =
      (zone.startsWith("-") ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || "0"));
  }
  return { date: date!, time: { hour, minute, second, midnight, offsetMinutes } };
}

/**
 * A date in an imported file, as parseDay reads it, or with a time after it as exports write one. Its day is the
 * date written: a contract runs from a day, and a time (00:00, or 09:30 a system stamped on) does not change it.
 * Only a time given in UTC or at an offset is read as the moment it is, on London's calendar: a system that holds
 * London's midnight in UTC writes 1 April 2026 as "2026-03-31T23:00:00Z".
 */
export function parseImportDay(text: string): string | null {
  const plain = parseDay(text);
  if (plain !== null) return plain;
  const split = splitDateTime(text);
  if (!split?.time) return null;
  const day = parseDay(split.date);
  if (day === null) return null;
  const { hour, minute, second, midnight, offsetMinutes } = split.time;
  if (midnight || offsetMinutes === null) return day;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const moment = new Date(Date.UTC(y, m - 1, d, hour, minute, second) - offsetMinutes * 60_000);
  return parseDay(londonDayIso(moment));
}

/** What to tell someone whose date parseImportDay refused: its date or its time, whichever is wrong. */
export function importDayProblem(text: string): string {
  const split = splitDateTime(text);
  if (split && parseDay(split.date) !== null && !split.time)
    return `The time after the date is not a real time: enter the date as 2026-04-01 or 01/04/2026, with or without a time such as 00:00`;
  return dayProblem(split?.date ?? text, "Enter a real date as 2026-04-01 or 01/04/2026");
}
