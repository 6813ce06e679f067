// What each help type measures: the unit a request's quantity is in. Safe for browser code.
import pluralize from "pluralize";
import { formatNumber } from "~/domain/format.ts";
import type { HelpType } from "~/generated/prisma/enums.ts";

export const HELP_TYPES: { value: HelpType; label: string; unit: string; unitSingular: string }[] = [
  { value: "VOLUNTEERING", label: "Volunteering", unit: "hours", unitSingular: "hour" },
  { value: "GOODS", label: "Goods", unit: "items", unitSingular: "item" },
  { value: "EXPERTISE", label: "Professional expertise", unit: "hours", unitSingular: "hour" },
  { value: "FUNDING", label: "Funding", unit: "£", unitSingular: "£" },
  { value: "WORK_PLACEMENT", label: "Work placements and training", unit: "places", unitSingular: "place" },
];

/** Where a help type comes in the order they are listed everywhere (HELP_TYPES'), for sorting rows by help type. */
export function helpTypeOrder(helpType: HelpType) {
  return HELP_TYPES.findIndex((h) => h.value === helpType);
}

export function helpTypeLabel(helpType: HelpType) {
  return HELP_TYPES.find((h) => h.value === helpType)?.label ?? helpType;
}

/** What a request's quantity is counted in: the requestor's own unit ("laptops") or its help type's ("hours"). */
export function quantityUnit(helpType: HelpType, unitLabel?: string | null) {
  return unitLabel || HELP_TYPES.find((h) => h.value === helpType)?.unit || "";
}

export function formatQuantity(helpType: HelpType, quantity: number, unitLabel?: string | null) {
  if (helpType === "FUNDING") return `£${formatNumber(quantity, 3)}`;
  const type = HELP_TYPES.find((h) => h.value === helpType);
  const unit = unitLabel
    ? quantity === 1
      ? singularUnit(unitLabel)
      : unitLabel
    : (quantity === 1 ? type?.unitSingular : type?.unit) || "";
  return `${formatNumber(quantity, 3)} ${unit}`;
}

// English singulars come from `pluralize`; what it gets wrong for the things people give is put right here.
// Things with no singular to give ("clothes", not "1 clothe"), and words it would misread ("supplies" is not
// one "supply" of something, "glasses" are spectacles more often than one glass): left as the requestor typed them.
for (const word of [
  "clothes",
  "trousers",
  "jeans",
  "shorts",
  "pants",
  "pyjamas",
  "glasses",
  "binoculars",
  "headphones",
  "tights",
  "goods",
  "supplies",
  "toiletries",
  "groceries",
  "means",
])
  pluralize.addUncountableRule(word);
// "-ies" words whose singular ends in "ie", not "y"
for (const singular of ["hoodie", "cookie", "brownie", "beanie", "onesie", "smoothie"])
  pluralize.addIrregularRule(singular, `${singular}s`);

// One of a unit the requestor typed as a plural ("laptops", "boxes of food", "school uniforms"): "laptop",
// "box of food", "school uniform". The noun changed is the one before "of", else the last word; a word that is
// not plain letters ("A4", "£") is left as typed.
export function singularUnit(unit: string) {
  const words = unit.split(" ");
  const of = words.findIndex((w, i) => i > 0 && w.toLowerCase() === "of");
  const at = of > 0 ? of - 1 : words.length - 1;
  if (/^[a-z]{3,}$/i.test(words[at])) words[at] = pluralize.singular(words[at]);
  return words.join(" ");
}
