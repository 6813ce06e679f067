// What the local £ page's address asks for: a financial year, and the local £ planned or delivered in it. A value
// the page cannot read is not quietly swapped for another: it says what it was given and what it shows instead.
import { z } from "zod";
import { financialYearLabel } from "~/domain/contracts/quarters.ts";
import { REPORT_YEARS } from "./report-years.ts";

export const LOCAL_VALUE_VIEWS = ["planned", "delivered"] as const;
export type LocalValueView = (typeof LOCAL_VALUE_VIEWS)[number];

// four digits, so "0x7EA" or "2.026e3" are not read as 2026
const yearSchema = z
  .string()
  .trim()
  .regex(/^\d{4}$/)
  .transform(Number)
  .pipe(z.number().min(REPORT_YEARS.from).max(REPORT_YEARS.to));
const viewSchema = z.enum(LOCAL_VALUE_VIEWS);

// a long value is cut short, so the message stays readable
const quoted = (typed: string) => `“${typed.length > 40 ? `${typed.slice(0, 40)}…` : typed}”`;

/** The year and view asked for, or the financial year under way and "delivered", with a sentence for each value
 * given that could not be read. An empty value is taken as none given. */
export function localValueFilters(search: URLSearchParams, currentYear: number) {
  const notUnderstood: string[] = [];
  const typedYear = search.get("year")?.trim() || null;
  const typedView = search.get("view")?.trim() || null;
  const year = typedYear === null ? null : yearSchema.safeParse(typedYear);
  const view = typedView === null ? null : viewSchema.safeParse(typedView);
  const financialYear = year?.success ? year.data : currentYear;
  if (typedYear !== null && !year?.success)
    notUnderstood.push(
      `The year ${quoted(typedYear)} was not understood, so this shows ${financialYearLabel(financialYear)}, the financial year under way. A year is written like ${currentYear}, from ${REPORT_YEARS.from} to ${REPORT_YEARS.to}.`,
    );
  if (typedView !== null && !view?.success)
    notUnderstood.push(
      `${quoted(typedView)} was not understood as planned or delivered, so this shows the local £ delivered.`,
    );
  return {
    financialYear,
    view: view?.success ? view.data : ("delivered" as const),
    notUnderstood,
  };
}
