// Which marketplace help can count towards a measure: only help whose quantity is in the measure's own unit.
// A confirmed pledge adds its quantity to the commitment it is linked to, so 20 laptops (GOODS, items) linked
// to a measure in pounds would add £20. Safe for browser code: the measure form checks it too.
import { HELP_TYPES, helpTypeLabel } from "~/domain/marketplace/help-types.ts";
import type { HelpType, MeasureUnit } from "~/generated/prisma/enums.ts";
import { amountsAddUp } from "./quantities.ts";

/** The measure unit each help type's quantity is in: HELP_TYPES's hours, items, £ and places. */
export const HELP_TYPE_UNIT: Record<HelpType, MeasureUnit> = {
  VOLUNTEERING: "HOURS",
  EXPERTISE: "HOURS",
  FUNDING: "GBP",
  GOODS: "COUNT",
  // a place is one person placed, not a length of time: a measure in weeks cannot count places
  WORK_PLACEMENT: "PEOPLE",
};

/** Help types that can count towards a measure in this unit, in the order the marketplace lists them. */
export function helpTypesFor(unit: MeasureUnit): HelpType[] {
  return HELP_TYPES.map((h) => h.value).filter((h) => HELP_TYPE_UNIT[h] === unit);
}

/** Whether confirmed pledges can count towards a commitment in this unit: never a level (a percentage, which the
 * progress rule takes as reported), nor a unit no help is measured in, since no pledge of a help type can be linked
 * to it; any linked to it before that rule still count, as the progress rule adds them. */
export function pledgesCanCount(unit: MeasureUnit, linkedPledges = 0): boolean {
  return amountsAddUp(unit) && (helpTypesFor(unit).length > 0 || linkedPledges > 0);
}

const MEASURE_IN: Record<MeasureUnit, string> = {
  PEOPLE: "a measure of people",
  HOURS: "a measure in hours",
  WEEKS: "a measure in weeks",
  GBP: "a measure in pounds (£)",
  PERCENT: "a percentage measure",
  COUNT: "a measure that is a count",
  TONNES: "a measure in tonnes",
  TONNES_CO2E: "a measure in tonnes CO2e",
  QUALITATIVE: "a qualitative measure",
};

/** "Goods (items)": the label with the unit a pledge of that help is in. */
function labelWithUnit(helpType: HelpType) {
  const unit = HELP_TYPES.find((h) => h.value === helpType)?.unit;
  return unit ? `${helpTypeLabel(helpType)} (${unit})` : helpTypeLabel(helpType);
}

function list(items: string[], conjunction: "and" | "or") {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/** Why these help types cannot count towards a measure in this unit, or null when they all can. */
export function helpTypeMismatch(unit: MeasureUnit, helpTypes: HelpType[]): string | null {
  const misfits = helpTypes.filter((h) => HELP_TYPE_UNIT[h] !== unit);
  if (misfits.length === 0) return null;
  const fitting = helpTypesFor(unit);
  const untick = `Untick ${list(misfits.map(labelWithUnit), "and")}.`;
  return fitting.length
    ? `Only ${list(fitting.map(labelWithUnit), "or")} can count towards ${MEASURE_IN[unit]}. ${untick}`
    : `No marketplace help can count towards ${MEASURE_IN[unit]}. ${untick}`;
}

/** The hint beside the form's checkboxes: which help fits which unit. */
export function helpTypeUnitHint() {
  const units = Array.from(new Set(HELP_TYPES.map((h) => HELP_TYPE_UNIT[h.value])));
  const pairs = units.map(
    (unit) => `${list(helpTypesFor(unit).map(helpTypeLabel), "or")} for ${MEASURE_IN[unit]}`,
  );
  return `Only help measured in the measure's unit can count: ${list(pairs, "and")}. None for any other unit.`;
}
