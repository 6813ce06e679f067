// Days as the portal reads them (Europe/London), written as the tests type them: ISO (2026-12-05) for dates the
// database and links hold, dd/mm/yyyy for what a person types into a date box.

/** Today in London, as yyyy-mm-dd. */
export const londonToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());

/** The day `days` after the yyyy-mm-dd day `iso` (before it, for a negative number). */
export function daysAfter(iso: string, days: number) {
  const date = new Date(`${iso}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The day `days` after today in London. */
export const daysFromToday = (days: number) => daysAfter(londonToday(), days);

/** A yyyy-mm-dd day as a person types it: dd/mm/yyyy. */
export const ukDate = (iso: string) => iso.split("-").reverse().join("/");
