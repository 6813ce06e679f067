// Display formats in words and figures (GOV.UK style: "27 March 2027"), shared by the pages, the emails and the
// scheduled jobs: plain functions with no UI in them, so the domain can use them too.
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "Europe/London",
});

export function formatDate(value: string | Date | null | undefined) {
  if (!value) return "";
  return dateFormat.format(typeof value === "string" ? new Date(value) : value);
}

export function formatDateTime(value: string | Date | null | undefined) {
  if (!value) return "";
  return dateTimeFormat.format(typeof value === "string" ? new Date(value) : value);
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

/** The word for `count` of something: `plural(1, "request", "requests")` is "request", any other count the second. */
export function plural(count: number, one: string, many: string) {
  return count === 1 ? one : many;
}

/** A count and its word, the count in figures with thousands separators: "1 request", "1,204 requests". */
export function countOf(count: number, one: string, many: string) {
  return `${formatNumber(count)} ${plural(count, one, many)}`;
}
