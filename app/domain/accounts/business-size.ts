// Business size from the UK/EU SME thresholds (PRODUCT.md §5): headcount, then turnover OR balance sheet.
import type { BusinessSize } from "~/generated/prisma/enums.ts";

/** How staff are counted for a business's size, on the supplier's registration and the diversity survey alike: a
 * headcount (PRODUCT.md §5), so that both give one business the same size. */
export const STAFF_COUNT_HINT =
  "Count full-time and part-time staff, including owners who work in the business.";

export const TURNOVER_BANDS = [
  { value: "UP_TO_2M", label: "£2 million or less" },
  { value: "2M_10M", label: "More than £2 million, up to £10 million" },
  { value: "10M_50M", label: "More than £10 million, up to £50 million" },
  { value: "OVER_50M", label: "More than £50 million" },
] as const;

export const BALANCE_SHEET_BANDS = [
  { value: "UP_TO_2M", label: "£2 million or less" },
  { value: "2M_10M", label: "More than £2 million, up to £10 million" },
  { value: "10M_43M", label: "More than £10 million, up to £43 million" },
  { value: "OVER_43M", label: "More than £43 million" },
] as const;

export type TurnoverBand = (typeof TURNOVER_BANDS)[number]["value"];
export type BalanceSheetBand = (typeof BALANCE_SHEET_BANDS)[number]["value"];

// The highest £ figure each band can reach, in millions (Infinity for the open-ended top band).
const TURNOVER_CEILING: Record<TurnoverBand, number> = {
  UP_TO_2M: 2,
  "2M_10M": 10,
  "10M_50M": 50,
  OVER_50M: Infinity,
};
const BALANCE_SHEET_CEILING: Record<BalanceSheetBand, number> = {
  UP_TO_2M: 2,
  "2M_10M": 10,
  "10M_43M": 43,
  OVER_43M: Infinity,
};

export function classifyBusinessSize(answers: {
  staffHeadcount: number;
  turnoverBand: TurnoverBand;
  balanceSheetBand: BalanceSheetBand;
}): BusinessSize {
  const turnover = TURNOVER_CEILING[answers.turnoverBand];
  const balance = BALANCE_SHEET_CEILING[answers.balanceSheetBand];
  const staff = answers.staffHeadcount;
  if (staff < 10 && (turnover <= 2 || balance <= 2)) return "MICRO";
  if (staff < 50 && (turnover <= 10 || balance <= 10)) return "SMALL";
  if (staff < 250 && (turnover <= 50 || balance <= 43)) return "MEDIUM";
  return "LARGE";
}

export const BUSINESS_SIZE_LABEL: Record<BusinessSize, string> = {
  MICRO: "Micro",
  SMALL: "Small",
  MEDIUM: "Medium",
  LARGE: "Large",
};
