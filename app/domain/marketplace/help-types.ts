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
  const unit = unitLabel
    ? quantity === 1
      ? singularUnit(unitLabel)
      : unitLabel
    : (quantity === 1 ? type?.unitSingular : type?.unit) || "";
  return `${formatNumber(quantity, 3)} ${unit}`;
}

// Words whose plural is not the singular with an "s" (or that have no singular to give): those not listed and
// not in a regular shape are left as the requestor typed them.
const IRREGULAR: Record<string, string> = {
  people: "person",
  children: "child",
  men: "man",
  women: "woman",
  feet: "foot",
  teeth: "tooth",
  mice: "mouse",
  geese: "goose",
  knives: "knife",
  loaves: "loaf",
  shelves: "shelf",
  buses: "bus",
};
const NO_SINGULAR = new Set([
  "clothes",
  "trousers",
  "jeans",
  "shorts",
  "pants",
  "pyjamas",
  "scissors",
  "glasses",
  "binoculars",
  "headphones",
  "tights",
  "goods",
  "supplies",
  "toiletries",
  "groceries",
  "news",
  "series",
  "species",
  "means",
  "sheep",
  "fish",
  "deer",
]);
// "-ies" words whose singular ends in "ie", not "y"
const IE_WORDS = new Set([
  "cookies",
  "hoodies",
  "movies",
  "pies",
  "ties",
  "brownies",
  "beanies",
  "onesies",
  "smoothies",
]);

// One of a unit the requestor typed as a plural ("laptops", "boxes of food", "school uniforms"): "laptop",
// "box of food", "school uniform". The noun changed is the one before "of", else the last word. Only regular
// English plurals are changed; anything else (already singular, "clothes", "kg") is left as typed.
export function singularUnit(unit: string) {
  const words = unit.split(" ");
  const of = words.findIndex((w, i) => i > 0 && w.toLowerCase() === "of");
  const at = of > 0 ? of - 1 : words.length - 1;
  words[at] = singularWord(words[at]);
  return words.join(" ");
}

function singularWord(word: string) {
  const lower = word.toLowerCase();
  if (IRREGULAR[lower]) return matchCase(word, IRREGULAR[lower]);
  if (NO_SINGULAR.has(lower) || lower.length < 3 || !/^[a-z]+$/.test(lower)) return word;
  if (IE_WORDS.has(lower)) return word.slice(0, -1);
  if (lower.endsWith("ies") && lower.length > 4) return `${word.slice(0, -3)}${matchCase(word, "y")}`;
  if (/(ch|sh|ss|x|zz)es$/.test(lower)) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(lower) || !lower.endsWith("s")) return word;
  return word.slice(0, -1);
}

// `to` in the case `word` was typed in: all capitals stays all capitals, a capital first letter stays one.
function matchCase(word: string, to: string) {
  if (word.length > 1 && word === word.toUpperCase()) return to.toUpperCase();
  return word[0] === word[0].toUpperCase() ? to[0].toUpperCase() + to.slice(1) : to;
}
