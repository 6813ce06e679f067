// How every page writes a commitment's progress figures, so the returns pages and the contract page agree.
// Safe for browser code.
import { formatMeasureQuantity } from "~/domain/contracts/labels.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { formatNumber } from "~/domain/format.ts";
import type { Progress } from "./progress.ts";

/** Said beside every delivered-against-committed figure: a contract in the pipeline is left out (decision 033). */
export const PIPELINE_NOT_COUNTED = "Contracts not yet awarded (in the pipeline) are not counted.";

/** Where a figure does not apply: a qualitative commitment, or nothing planned yet. */
export const NO_FIGURE = "–";

export function formatPlanToDate(progress: Progress | null, unit: MeasureUnit) {
  return progress?.kind === "numeric" ? formatMeasureQuantity(unit, progress.planToDate) : NO_FIGURE;
}

/** What is shown for a level (a percentage) with no accepted figure yet, instead of a 0 nobody reported. */
export const NOT_REPORTED_YET = "Not reported yet";

/** A quantity in the measure's unit; for a qualitative commitment, how many quarters were reported. */
export function formatDeliveredToDate(progress: Progress | null, unit: MeasureUnit) {
  if (!progress) return NO_FIGURE;
  if (progress.kind === "numeric")
    return progress.reported ? formatMeasureQuantity(unit, progress.deliveredToDate) : NOT_REPORTED_YET;
  const n = progress.reportedQuarterCount;
  return `${n} ${n === 1 ? "quarter" : "quarters"} reported`;
}

/** Delivered as a share of plan to date, to one decimal place (as progress.ts works it out): "92.5%". */
export function formatProgressPercent(progress: Progress | null) {
  return progress?.kind === "numeric" && progress.percent !== null
    ? `${formatNumber(progress.percent, 1)}%`
    : NO_FIGURE;
}
