// Display formats in words and figures (GOV.UK style: "27 March 2027"), shared by the pages, the emails and the
// scheduled jobs: plain functions with no UI in them, so the domain can use them too.
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/London",
});

export function formatDate(value: string | Date | null | undefined) {
  if (!value) return "";
  return dateFormat.format(typeof value === "string" ? new Date(value) : value);
}

// A day and time as GOV.UK writes them, in London: "1 December 2026 at 7am", "at 5:30pm", "at midday", "at
// midnight". Intl's en-GB wrote "at 7:05", which read as either end of the day.
export function formatDateTime(value: string | Date | null | undefined) {
  if (!value) return "";
  const at = typeof value === "string" ? new Date(value) : value;
  return `${dateFormat.format(at)} at ${clockTime(at)}`;
}

// The same to the second with the clock it was read on, for the audit log: "5 December 2026 at 3:24:10pm GMT", "at
// midnight GMT" and "at midday BST" exactly on the hour (a second past is "12:00:01am GMT"). In
// the hour the clocks go back, 1:30:05am BST and 1:30:05am GMT are an hour apart, and only the zone tells them apart.
const zoneFormat = new Intl.DateTimeFormat("en-GB", {
  second: "2-digit",
  timeZone: "Europe/London",
  timeZoneName: "short",
});

export function formatDateTimeToSecond(value: string | Date | null | undefined) {
  if (!value) return "";
  const at = typeof value === "string" ? new Date(value) : value;
  const parts = timeFormat.formatToParts(at);
  const hour = Number(parts.find((p) => p.type === "hour")!.value);
  const minute = parts.find((p) => p.type === "minute")!.value;
  const zone = zoneFormat.formatToParts(at);
  const second = zone.find((p) => p.type === "second")!.value.padStart(2, "0");
  const name = zone.find((p) => p.type === "timeZoneName")!.value;
  // exactly midnight or midday, to the second, is said so as GOV.UK does ("at midnight GMT"), not "12:00:00am"
  const exact = minute === "00" && second === "00" && hour % 12 === 0;
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const time = exact
    ? hour === 0
      ? "midnight"
      : "midday"
    : `${hour12}:${minute}:${second}${hour < 12 ? "am" : "pm"}`;
  return `${dateFormat.format(at)} at ${time} ${name}`;
}

function clockTime(at: Date) {
  const parts = timeFormat.formatToParts(at);
  const hour = Number(parts.find((p) => p.type === "hour")!.value);
  const minute = parts.find((p) => p.type === "minute")!.value;
  if (minute === "00" && hour === 0) return "midnight";
  if (minute === "00" && hour === 12) return "midday";
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${hour12}${minute === "00" ? "" : `:${minute}`}${hour < 12 ? "am" : "pm"}`;
}

// Intl formatters are slow to build (tens of microseconds each) and a dashboard formats thousands of
// figures, so each one is built once.
const gbpFormat = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatGbp(value: number | string) {
  return gbpFormat.format(Number(value));
}

export function formatNumber(value: number | string, maximumFractionDigits = 2) {
  let format = numberFormats.get(maximumFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat("en-GB", { maximumFractionDigits });
    numberFormats.set(maximumFractionDigits, format);
  }
  return format.format(Number(value));
}

// ISO date (yyyy-mm-dd) for date inputs.
export function isoDate(value: string | Date | null | undefined) {
  if (!value) return "";
  return (typeof value === "string" ? new Date(value) : value).toISOString().slice(0, 10);
}

/**
 * The order pages list names in (organisations, people, departments), as people read a list rather than as the
 * database orders text: letters in any case and with or without accents together ("acme ltd" with "Acme Ltd",
 * "Émile" with "Emile"), numbers by their value ("Supplier 2" before "Supplier 10").
 */
export const compareNames = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" }).compare;

/** Choices with a name (a picker's organisations or councils) in the order of `compareNames`, then by id. */
export function inNameOrder<T extends { id: string; name: string }>(choices: T[]): T[] {
  return [...choices].sort(
    (a, b) => compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

const LIST = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/** Names as a sentence lists them: "A", "A and B", "A, B and C" (no comma before "and", as GOV.UK writes). */
export function listInWords(names: readonly string[]) {
  return LIST.format(names);
}

/** Text with its first letter a capital, to start a sentence or a cell: "name and number" → "Name and number". */
export function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The word for `count` of something: `plural(1, "request", "requests")` is "request", any other count the second. */
export function plural(count: number, one: string, many: string) {
  return count === 1 ? one : many;
}

/** A count and its word, the count in figures with thousands separators: "1 request", "1,204 requests". */
export function countOf(count: number, one: string, many: string) {
  return `${formatNumber(count)} ${plural(count, one, many)}`;
}
