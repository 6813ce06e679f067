// Shared by the report page (browser) and the report query (server).
import { RAG_LABELS } from "./progress.ts";

// Every department: the empty value, which no department can be named (a contract's department is trimmed and
// required). It was "all", so a council's own department called "all" showed every department instead of its own.
export const ALL_DEPARTMENTS = "";

/** What the report says was delivered in the quarter: the amount, or for a commitment described in words whether
 * the quarter's accepted return described it (otherwise such a line read the same in every quarter). */
export function deliveredInQuarterText(line: {
  deliveredInQuarter: string | null;
  reportedInQuarter: boolean | null;
}): string | null {
  if (line.reportedInQuarter === null) return line.deliveredInQuarter;
  return line.reportedInQuarter ? RAG_LABELS.REPORTED : RAG_LABELS.NOT_REPORTED;
}
