// The words pages use for measure themes, units and contract statuses, and the order they list names in. Safe for
// browser code.
import { formatDate, formatGbp, formatNumber, plural } from "~/domain/format.ts";
import type { ContractStatus, MeasureTheme, MeasureUnit } from "~/generated/prisma/enums.ts";
import { endedProblem } from "./termination.ts";

// Every list of names on the contract pages and forms sorts with the portal's one comparator.
export { compareNames } from "~/domain/format.ts";

export const MEASURE_THEMES: { value: MeasureTheme; label: string }[] = [
  { value: "JOBS", label: "Jobs" },
  { value: "GROWTH", label: "Growth" },
  { value: "SOCIAL", label: "Social" },
  { value: "ENVIRONMENT", label: "Environment" },
  { value: "INNOVATION", label: "Innovation" },
];

/** Each unit's words: its name in lists, what goes in brackets after a measure's name so whoever types a figure
 * knows what it counts ("(weeks)", "(£)"), and what its figures are, to finish "it is …". */
const UNITS: Record<MeasureUnit, { label: string; inBrackets: string; countedIn: string }> = {
  PEOPLE: { label: "People", inBrackets: "people", countedIn: "counted in people" },
  HOURS: { label: "Hours", inBrackets: "hours", countedIn: "counted in hours" },
  WEEKS: { label: "Weeks", inBrackets: "weeks", countedIn: "counted in weeks" },
  GBP: { label: "Pounds (£)", inBrackets: "£", countedIn: "counted in pounds (£)" },
  PERCENT: { label: "Percentage (%)", inBrackets: "%", countedIn: "a percentage" },
  COUNT: { label: "Count", inBrackets: "count", countedIn: "a count" },
  TONNES: { label: "Tonnes", inBrackets: "tonnes", countedIn: "counted in tonnes" },
  TONNES_CO2E: { label: "Tonnes CO2e", inBrackets: "tonnes CO2e", countedIn: "counted in tonnes CO2e" },
  QUALITATIVE: {
    label: "Qualitative (described in words)",
    inBrackets: "described in words",
    countedIn: "described in words",
  },
};

export const MEASURE_UNITS: { value: MeasureUnit; label: string }[] = (
  Object.keys(UNITS) as MeasureUnit[]
).map((value) => ({ value, label: UNITS[value].label }));

export const CONTRACT_STATUSES: { value: ContractStatus; label: string }[] = [
  { value: "PIPELINE", label: "Pipeline" },
  { value: "ACTIVE", label: "Active" },
  { value: "ENDED", label: "Ended" },
  { value: "TERMINATED", label: "Terminated" },
];

export function themeLabel(theme: MeasureTheme) {
  return MEASURE_THEMES.find((t) => t.value === theme)?.label ?? theme;
}

export function unitLabel(unit: MeasureUnit) {
  return UNITS[unit]?.label ?? unit;
}

/** "Apprenticeship weeks (weeks)", "Local spend (£)": a measure's name with its unit, once: a name that already
 * ends with it, as the default library's "Local spend (£)" does, is left as it is, and so is one that ends
 * "(qualitative)", as the default library's qualitative measures do ("Community engagement (qualitative) (described
 * in words)" said it twice). */
export function nameWithUnit(name: string, unit: MeasureUnit) {
  const ending = name.trimEnd().toLowerCase();
  const already = [`(${UNITS[unit].inBrackets})`, ...(unit === "QUALITATIVE" ? ["(qualitative)"] : [])];
  return already.some((words) => ending.endsWith(words.toLowerCase()))
    ? name
    : `${name} (${UNITS[unit].inBrackets})`;
}

/** What a measure's figures are, to finish "it is …": "counted in hours", "a percentage", "a count". */
export function countedIn(unit: MeasureUnit) {
  return UNITS[unit].countedIn;
}

export function contractStatusLabel(status: ContractStatus) {
  return CONTRACT_STATUSES.find((s) => s.value === status)?.label ?? status;
}

/**
 * Where a contract's recorded status and its end date disagree, in words, or null. The status is what an officer
 * recorded and nothing changes it as the days pass: a contract whose end date has gone by stays Active, and one
 * marked Ended before the rule against that (endedProblem) keeps it, until someone saves the contract. Pages say
 * so beside the status instead of showing it as if it were right. `endDate` is "YYYY-MM-DD" or an ISO time at
 * midnight UTC; `today` is today in London, "YYYY-MM-DD". A terminated contract or one in the pipeline is left as
 * recorded.
 */
export function statusDateConflict(
  contract: { status: ContractStatus; endDate: string },
  today: string,
): string | null {
  const end = contract.endDate.slice(0, 10);
  if (endedProblem({ status: contract.status, endDate: end }, today))
    return `Ends ${formatDate(end)} but marked as ended`;
  if (contract.status === "ACTIVE" && end < today)
    return `Ended ${formatDate(end)} but still marked as active`;
  return null;
}

/** "1,200 hours", "£5,000.00", "95%" */
export function formatMeasureQuantity(unit: MeasureUnit, quantity: string | number | null) {
  if (quantity === null) return "";
  const n = Number(quantity);
  if (unit === "GBP") return formatGbp(n);
  const number = formatNumber(n);
  const suffix: Partial<Record<MeasureUnit, string>> = {
    PEOPLE: plural(n, " person", " people"),
    HOURS: plural(n, " hour", " hours"),
    WEEKS: plural(n, " week", " weeks"),
    TONNES: plural(n, " tonne", " tonnes"),
    TONNES_CO2E: " tonnes CO2e",
  };
  return unit === "PERCENT" ? `${number}%` : `${number}${suffix[unit] ?? ""}`;
}
