// A commitment's target and planned quantities read in its measure's unit: "£" only for pounds, "%" only for a
// percentage, as a return's figures are (returns-schema.ts). The commitment form and the CSV import use these, so
// both say the same. Safe for browser code.
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { badlyGroupedMessage, isBadlyGrouped } from "~/domain/numbers.ts";
import { countedIn } from "./labels.ts";
import { isTooLargeNumber, LARGEST_AMOUNT, readQuantity, type UnitSign } from "./values.ts";

/** Whether a unit's amounts add up (over quarters, over contracts, times a £ proxy): every unit but a percentage (a
 * level to keep, not to add) and words. The one rule the plan, the proxy value and every total follow. */
export function amountsAddUp(unit: MeasureUnit | string) {
  return unit !== "PERCENT" && unit !== "QUALITATIVE";
}

/** Whether a unit's figures are whole numbers: an item is counted once, never in halves. People are not: social
 * value counts jobs in full-time equivalents ("2.5 local people employed"), so they take decimals as hours do
 * (decision 056). The one rule a commitment's target and plan (the form and the CSV import) and a return's figures
 * follow; every other unit takes up to 2 decimal places. Figures stored before it still show as they were. */
export function takesWholeNumbers(unit: MeasureUnit | string) {
  return unit === "COUNT";
}

/** "12", "12.0" or "12.00" is whole; "12.5" is not. For a number already read (digits and a point). */
export function isWholeNumber(quantity: string) {
  return /^\d*(?:\.0*)?$/.test(quantity);
}

const SIGN_UNIT: Record<UnitSign, { unit: MeasureUnit; words: string }> = {
  "£": { unit: "GBP", words: "pounds" },
  "%": { unit: "PERCENT", words: "a percentage" },
};

/** Which figure of a commitment: its target, or its plan for one quarter ("Q1 2026/27"). */
export type Figure = { target: true } | { quarter: string };

const named = (figure: Figure) => ("target" in figure ? "the target" : `the plan for ${figure.quarter}`);

/** What to say when a commitment's figure is not a number and its measure is not known yet. */
export const NOT_A_QUANTITY = "Enter a number of 0 or more, with up to 2 decimal places";

/** The sign among `signs` that a measure of this unit is not written with, if any: "£" for hours, "%" for pounds.
 * A qualitative measure has no figures to judge (checkCommitment refuses any). */
export function wrongSign(signs: UnitSign[], unit: MeasureUnit): UnitSign | null {
  if (unit === "QUALITATIVE") return null;
  return signs.find((sign) => SIGN_UNIT[sign].unit !== unit) ?? null;
}

/** "Enter the target without a £ sign: this measure is counted in hours, not pounds" */
export function wrongSignMessage(figure: Figure, sign: UnitSign, unit: MeasureUnit) {
  return `Enter ${named(figure)} without a ${sign} sign: this measure is ${countedIn(unit)}, not ${SIGN_UNIT[sign].words}`;
}

/** What to say when a figure is not a number, naming the measure's unit where it is known. */
export function notAQuantityMessage(figure: Figure, unit: MeasureUnit | null) {
  if (unit === null) return NOT_A_QUANTITY;
  if (unit === "QUALITATIVE")
    return "target" in figure
      ? "A qualitative measure has no numeric target: leave the target blank"
      : "A qualitative measure has no quarterly plan: leave the plan blank";
  if (takesWholeNumbers(unit))
    return `Enter ${named(figure)} as a whole number of 0 or more: this measure is ${countedIn(unit)}`;
  return `Enter ${named(figure)} as a number of 0 or more, with up to 2 decimal places: this measure is ${countedIn(unit)}`;
}

/**
 * A target or planned quantity typed for a measure of `unit` ("95%" for a percentage, "£1,500" for pounds), read as
 * "95.00", or what to tell whoever typed it. With the unit not known (no measure chosen yet), either sign is taken:
 * the measure is asked for first.
 */
export function quantityIn(
  text: string,
  unit: MeasureUnit | null,
  figure: Figure,
): { ok: true; quantity: string } | { ok: false; message: string } {
  const read = readQuantity(text);
  // a number too large to keep is told the limit, not that it is not a number
  if (read === null && unit !== "QUALITATIVE" && isTooLargeNumber(text))
    return { ok: false, message: `Enter ${named(figure)} as ${LARGEST_AMOUNT} or less` };
  // "1 5", "£12,50" or "0,500" is told how to group a number, not only that it is not one (a qualitative
  // measure's figure is told to be left blank, however it is written)
  if (
    read === null &&
    unit !== "QUALITATIVE" &&
    isBadlyGrouped(text.trim().replace(/^£\s*/, "").replace(/\s*%$/, ""))
  )
    return { ok: false, message: badlyGroupedMessage(named(figure)) };
  if (read === null) return { ok: false, message: notAQuantityMessage(figure, unit) };
  const sign = unit === null ? null : wrongSign(read.signs, unit);
  if (sign) return { ok: false, message: wrongSignMessage(figure, sign, unit!) };
  if (unit !== null && takesWholeNumbers(unit) && !isWholeNumber(read.quantity))
    return {
      ok: false,
      message: `Enter ${named(figure)} as a whole number: this measure is ${countedIn(unit)}`,
    };
  return { ok: true, quantity: read.quantity };
}
