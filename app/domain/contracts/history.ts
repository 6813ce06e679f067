// A contract's history of changes: field-by-field differences, kept in the audit log's `details`.
import { formatDate, formatGbp, formatNumber } from "~/domain/format.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { CONTRACT_STATUSES, formatMeasureQuantity } from "./labels.ts";

export type Change = { field: string; label: string; from: string | null; to: string | null };

export type Snapshot = Record<string, string | null>;

/** Every field whose value differs, in the order of `labels`. */
export function diffSnapshots(before: Snapshot, after: Snapshot, labels: Record<string, string>): Change[] {
  const changes: Change[] = [];
  for (const [field, label] of Object.entries(labels)) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (from !== to) changes.push({ field, label, from, to });
  }
  return changes;
}

export const CONTRACT_FIELD_LABELS: Record<string, string> = {
  reference: "Reference",
  title: "Title",
  supplier: "Supplier",
  department: "Department or service",
  contractManager: "Contract manager",
  valueGbp: "Value (£)",
  awardedOn: "Award date",
  startDate: "Start date",
  endDate: "End date",
  planReference: "Procurement plan reference",
  status: "Status",
  terminatedOn: "Termination date",
};

export const COMMITMENT_FIELD_LABELS: Record<string, string> = {
  measure: "Measure",
  targetQuantity: "Target",
  qualitativeText: "Commitment",
  narrative: "Narrative",
  plan: "Quarterly plan",
};

export const MEASURE_FIELD_LABELS: Record<string, string> = {
  code: "Code",
  name: "Name",
  theme: "Theme",
  unit: "Unit",
  helpText: "Help text",
  contributingHelpTypes: "Marketplace help that counts towards this measure",
  proxyValueGbp: "Proxy value in £ per unit",
  frameworkMapping: "Framework theme",
};

/** An edit refused because the record changed after the form was read: what is saved now, field by field,
 * where it differs from what the user sent (their input is kept in the form). */
export type StaleEdit = {
  /** the record's version now, for the form to carry when the user saves again */
  version: string;
  differences: { field: string; label: string; saved: string | null; yours: string | null }[];
};

export function staleEdit(version: Date, saved: Snapshot, yours: Snapshot, labels: Record<string, string>) {
  const differences = diffSnapshots(saved, yours, labels).map(({ field, label, from, to }) => ({
    field,
    label,
    saved: from,
    yours: to,
  }));
  return { version: version.toISOString(), differences } satisfies StaleEdit;
}

/** Reads the list of changes back from an audit entry's details, ignoring anything malformed. */
export function changesFrom(details: unknown): Change[] {
  if (!details || typeof details !== "object" || !("changes" in details)) return [];
  const changes = (details as { changes: unknown }).changes;
  if (!Array.isArray(changes)) return [];
  return changes.filter(
    (c): c is Change =>
      !!c &&
      typeof c === "object" &&
      typeof (c as Change).field === "string" &&
      typeof (c as Change).label === "string",
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;

/** The unit of the measure a commitment's change was to, in a history entry's details (written since the history
 * said "100 → 110" for "100 hours → 110 hours"); null for entries written before, or anything malformed. */
/** The unit of each change an import recorded (`units`, in the order of its changes; null for a contract's own). */
export function unitsFrom(details: unknown): (MeasureUnit | null)[] | null {
  if (!details || typeof details !== "object" || !("units" in details)) return null;
  const units = (details as { units: unknown }).units;
  return Array.isArray(units) ? units.map((u) => (typeof u === "string" ? (u as MeasureUnit) : null)) : null;
}

export function unitFrom(details: unknown): MeasureUnit | null {
  if (!details || typeof details !== "object" || !("unit" in details)) return null;
  const unit = (details as { unit: unknown }).unit;
  return typeof unit === "string" ? (unit as MeasureUnit) : null;
}

/**
 * A recorded value as the pages say it: "ACTIVE" is "Active", "2026-04-01" is "1 April 2026", "1500000.00" is
 * "£1,500,000.00", and a commitment's target "110.00" in its measure's unit, when known, "110 hours". The history
 * keeps the values as stored (and read back by tests and exports); only what a person reads is put in words.
 * Anything not recognised is shown as it is.
 */
export function readableValue(
  field: string,
  value: string | null,
  unit: MeasureUnit | null = null,
): string | null {
  const quantity = (n: string) => (unit ? formatMeasureQuantity(unit, n) : formatNumber(n));
  if (value === null) return null;
  switch (field) {
    case "status":
      return CONTRACT_STATUSES.find((s) => s.value === value)?.label ?? value;
    case "awardedOn":
    case "startDate":
    case "endDate":
    case "terminatedOn":
      return DAY.test(value) ? formatDate(value) : value;
    case "valueGbp":
    case "proxyValueGbp":
      return DECIMAL.test(value) ? formatGbp(value) : value;
    case "targetQuantity":
      return DECIMAL.test(value) ? quantity(value) : value;
    case "plan":
      // "Q1 2026/27: 1500.00; Q2 2026/27: 250.50" (planText)
      return value.replace(/: (\d+(?:\.\d+)?)(?=;|$)/g, (_, n: string) => `: ${quantity(n)}`);
    default:
      return value;
  }
}
