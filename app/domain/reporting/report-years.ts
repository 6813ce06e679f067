// The financial years a report may be for. Safe for browser code.
import { DAY_YEARS } from "~/domain/contracts/values.ts";

/** Those a contract's dates can fall in (1 January 1990 is in 1989/90). A year outside them is a slip in a typed or
 * saved address (0001 was read as 1901 by the date arithmetic). */
export const REPORT_YEARS = { from: DAY_YEARS.from - 1, to: DAY_YEARS.to };
