// Shared by the report page (browser) and the report query (server).
import { RAG_LABELS } from "./progress.ts";

export const ALL_DEPARTMENTS = "all";

/** What the report says was delivered in the quarter: the amount, or for a commitment described in words whether
 * the quarter's accepted return described it (otherwise such a line read the same in every quarter). */
export function deliveredInQuarterText(line: {
  deliveredInQuarter: string | null;
  reportedInQuarter: boolean | null;
}): string | null {
  if (line.reportedInQuarter === null) return line.deliveredInQuarter;
  return line.reportedInQuarter ? RAG_LABELS.REPORTED : RAG_LABELS.NOT_REPORTED;
}
