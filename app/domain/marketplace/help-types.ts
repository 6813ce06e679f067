// What each help type measures: the unit a request's quantity is in. Safe for browser code.
import { formatNumber } from "~/domain/format.ts";
import type { HelpType } from "~/generated/prisma/enums.ts";

export const HELP_TYPES: { value: HelpType; label: string; unit: string; unitSingular: string }[] = [
  { value: "VOLUNTEERING", label: "Volunteering", unit: "hours", unitSingular: "hour" },
  { value: "GOODS", label: "Goods", unit: "items", unitSingular: "item" },
  { value: "EXPERTISE", label: "Professional expertise", unit: "hours", unitSingular: "hour" },
  { value: "FUNDING", label: "Funding", unit: "£", unitSingular: "£" },
  { value: "WORK_PLACEMENT", label: "Work placements and training", unit: "places", unitSingular: "place" },
];

export function helpTypeLabel(helpType: HelpType) {
  return HELP_TYPES.find((h) => h.value === helpType)?.label ?? helpType;
}

export function formatQuantity(helpType: HelpType, quantity: number, unitLabel?: string | null) {
  if (helpType === "FUNDING") return `£${formatNumber(quantity, 3)}`;
  const type = HELP_TYPES.find((h) => h.value === helpType);
  const unit = unitLabel || (quantity === 1 ? type?.unitSingular : type?.unit) || "";
  return `${formatNumber(quantity, 3)} ${unit}`;
}
