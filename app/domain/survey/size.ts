// Business size from staff headcount, turnover and balance sheet (PRODUCT.md §5 thresholds):
// micro < 10 staff and turnover or balance sheet ≤ £2m; small < 50 and ≤ £10m;
// medium < 250 and turnover ≤ £50m or balance sheet ≤ £43m; anything else is large.
import type { BusinessSize } from "~/generated/prisma/enums.ts";

export const SIZE_THRESHOLDS = [
  { size: "MICRO", staffBelow: 10, turnoverMax: 2_000_000, balanceSheetMax: 2_000_000 },
  { size: "SMALL", staffBelow: 50, turnoverMax: 10_000_000, balanceSheetMax: 10_000_000 },
  { size: "MEDIUM", staffBelow: 250, turnoverMax: 50_000_000, balanceSheetMax: 43_000_000 },
] as const;

// null = not known (the business preferred not to say).
export type SizeFacts = {
  staff: number | null;
  turnoverGbp: number | null;
  balanceSheetGbp: number | null;
};

// Returns null when the answers given cannot settle the size (e.g. a financial figure withheld and the
// other one too large for the tier the headcount allows).
export function classifyBusinessSize(facts: SizeFacts): BusinessSize | null {
  if (facts.staff === null) return null;
  for (const tier of SIZE_THRESHOLDS) {
    if (facts.staff >= tier.staffBelow) continue;
    const turnoverFits = facts.turnoverGbp !== null && facts.turnoverGbp <= tier.turnoverMax;
    const balanceFits = facts.balanceSheetGbp !== null && facts.balanceSheetGbp <= tier.balanceSheetMax;
    if (turnoverFits || balanceFits) return tier.size;
    if (facts.turnoverGbp === null || facts.balanceSheetGbp === null) return null;
  }
  return "LARGE";
}

// The bands the questionnaire offers: each band's upper bound is a threshold, so the band's upper bound
// classifies every business in the band the same way.
export const STAFF_BANDS = {
  "0_9": { label: "Fewer than 10", max: 9 },
  "10_49": { label: "10 to 49", max: 49 },
  "50_249": { label: "50 to 249", max: 249 },
  "250_PLUS": { label: "250 or more", max: Number.POSITIVE_INFINITY },
} as const;

export const TURNOVER_BANDS = {
  UP_TO_2M: { label: "£2 million or less", max: 2_000_000 },
  "2M_10M": { label: "More than £2 million, up to £10 million", max: 10_000_000 },
  "10M_50M": { label: "More than £10 million, up to £50 million", max: 50_000_000 },
  OVER_50M: { label: "More than £50 million", max: Number.POSITIVE_INFINITY },
} as const;

export const BALANCE_SHEET_BANDS = {
  UP_TO_2M: { label: "£2 million or less", max: 2_000_000 },
  "2M_10M": { label: "More than £2 million, up to £10 million", max: 10_000_000 },
  "10M_43M": { label: "More than £10 million, up to £43 million", max: 43_000_000 },
  OVER_43M: { label: "More than £43 million", max: Number.POSITIVE_INFINITY },
} as const;

function bandMax(bands: Record<string, { max: number }>, code: string | null | undefined) {
  return code && Object.hasOwn(bands, code) ? bands[code].max : null;
}

export function classifyFromBands(answers: {
  staffHeadcountBand?: string | null;
  turnoverBand?: string | null;
  balanceSheetBand?: string | null;
}): BusinessSize | null {
  return classifyBusinessSize({
    staff: bandMax(STAFF_BANDS, answers.staffHeadcountBand),
    turnoverGbp: bandMax(TURNOVER_BANDS, answers.turnoverBand),
    balanceSheetGbp: bandMax(BALANCE_SHEET_BANDS, answers.balanceSheetBand),
  });
}

export function isSme(size: BusinessSize | null | undefined) {
  return size === "MICRO" || size === "SMALL" || size === "MEDIUM";
}

export const SIZE_LABELS: Record<BusinessSize, string> = {
  MICRO: "Micro",
  SMALL: "Small",
  MEDIUM: "Medium",
  LARGE: "Large",
};

export { outwardCode } from "~/domain/postcodes.ts";
