// The columns of a contracts CSV (docs/contracts-import.md) and the checks on each row that need no
// database. One row is one commitment; a contract with no commitments has one row with no measure code.
import { z } from "zod";
import { hasVisibleText, invisibleTextMessage } from "~/domain/content/visible-text.ts";
import { ContractStatus, type MeasureUnit } from "~/generated/prisma/enums.ts";
import type { PlanEntry } from "./plan.ts";
import { quantityIn } from "./quantities.ts";
import { quarterLabel, type QuarterNumber } from "./quarters.ts";
import { AWARDED_AFTER_END, contractValueProblem, isAwardedAfterEnd } from "./schemas.ts";
import { importDayProblem, parseAmount, parseImportDay, readQuantity, type UnitSign } from "./values.ts";

/** Upload limits, shown on the import page. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

/** The columns that say what a contract is, besides the reference that names it: each of its rows gives them again,
 * and the rows of one reference must agree on them. */
export const CONTRACT_COLUMNS = [
  "contract_title",
  "supplier_company_number",
  "supplier_name",
  "department",
  "contract_manager_email",
  "value_gbp",
  "awarded_on",
  "start_date",
  "end_date",
  "plan_reference",
  "status",
  "terminated_on",
] as const;

export const IMPORT_COLUMNS = [
  "contract_reference",
  ...CONTRACT_COLUMNS,
  "measure_code",
  "target_quantity",
  "delivery_plan",
  "qualitative_commitment",
  "narrative",
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const REQUIRED_COLUMNS: ImportColumn[] = [
  "contract_reference",
  "contract_title",
  "department",
  "value_gbp",
  "start_date",
  "end_date",
];

export type RowError = { line: number; column: ImportColumn | null; message: string };

/** Header names as a procurement system might write them ("Contract Reference") → our column names. */
export function normaliseHeader(header: string) {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

// A header cell left empty: a spreadsheet writes one for each column once used or formatted, invisible in Excel.
const UNNAMED = "(unnamed column ";

/** The name a header cell is read by: its column name, or for an empty cell a placeholder naming its place. */
export function headerName(header: string, index: number) {
  const name = normaliseHeader(header);
  return name === "" ? `${UNNAMED}${index + 1})` : name;
}

export function isUnnamedColumn(name: string) {
  return name.startsWith(UNNAMED);
}

/** A value under a column with no name: an error (nothing says what it is), else null. Empty ones are ignored. */
export function unnamedValueError(line: number, record: Record<string, string>): RowError | null {
  const stray = Object.entries(record).find(([name, value]) => isUnnamedColumn(name) && value.trim() !== "");
  if (!stray) return null;
  const place = stray[0].slice(UNNAMED.length, -1);
  return {
    line,
    column: null,
    message: `This row has a value in column ${place}, which has no name in the header: name the column or delete the value`,
  };
}

/** Checks the header's column names (columns with no name are left out: see headerName). */
export const BLANK_FIRST_LINE =
  "The first line of the file is blank: it must be the header row, naming the columns as the sample file does";

export function checkHeader(names: string[]): RowError[] {
  const columns = names.filter((name) => !isUnnamedColumn(name));
  // one problem, not one for each required column: the header is not where it should be
  if (columns.length === 0) return [{ line: 1, column: null, message: BLANK_FIRST_LINE }];
  const errors: RowError[] = [];
  const known = new Set<string>(IMPORT_COLUMNS);
  for (const column of columns)
    if (!known.has(column)) errors.push({ line: 1, column: null, message: `Unknown column "${column}"` });
  for (const column of REQUIRED_COLUMNS)
    if (!columns.includes(column))
      errors.push({ line: 1, column, message: `The file has no "${column}" column` });
  if (!columns.includes("supplier_company_number") && !columns.includes("supplier_name"))
    errors.push({
      line: 1,
      column: "supplier_company_number",
      message: `The file needs a "supplier_company_number" or "supplier_name" column`,
    });
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column))
      errors.push({ line: 1, column: null, message: `The column "${column}" appears twice` });
    seen.add(column);
  }
  return errors;
}

// the financial year as councils write it: "2026/27", "2026-27", "2026/2027" or "2026-2027" (en dash too)
const PLAN_ENTRY = /^Q([1-4])\s*(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})\s*[=:]\s*(.+)$/i;

/** "Q1 2026/27=25; Q2 2026/27=25" → plan entries, or every entry's problem (each told, not only the first). Each
 * quantity is read in `unit`, the row's measure's (null when not known: either sign is taken, and the measure is
 * checked later). */
export function parsePlanText(
  text: string,
  unit: MeasureUnit | null = null,
): { ok: true; plan: PlanEntry[] } | { ok: false; messages: string[] } {
  const plan: PlanEntry[] = [];
  const messages: string[] = [];
  for (const part of text.split(";").map((p) => p.trim())) {
    if (!part) continue;
    const match = PLAN_ENTRY.exec(part);
    const financialYear = Number(match?.[2]);
    const quarter = Number(match?.[1]);
    const unlike = `"${part}" is not a quarter and quantity like "Q1 2026/27=25"`;
    const nextYear = Number(match?.[3]);
    if (!match || (match[3]!.length === 2 ? (financialYear + 1) % 100 : financialYear + 1) !== nextYear) {
      messages.push(unlike);
      continue;
    }
    const label = quarterLabel(financialYear, quarter as QuarterNumber);
    const read = quantityIn(match[4]!, unit, { quarter: label });
    // with the measure known, its unit is named; without, the entry's form is what there is to say
    if (!read.ok) messages.push(unit === null ? unlike : read.message);
    else plan.push({ financialYear, quarter, quantity: read.quantity });
  }
  return messages.length ? { ok: false, messages } : { ok: true, plan };
}

const blank = z.string().transform((s) => s.trim());
// `what` names the value when it shows nothing (only zero-width spaces, say), as on the contract form
const required = (message: string, max: number, what: string) =>
  blank.pipe(
    z
      .string()
      .min(1, message)
      .max(max, `Must be ${max} characters or fewer`)
      .refine((v) => v === "" || hasVisibleText(v), invisibleTextMessage(what)),
  );
const optional = (max: number) => blank.pipe(z.string().max(max, `Must be ${max} characters or fewer`));
const transformed = <T>(
  parse: (s: string) => T | null,
  message: string | ((value: string) => string),
  allowBlank: boolean,
) =>
  blank.transform((value, ctx): T | null => {
    if (value === "" && allowBlank) return null;
    const parsed = value === "" ? null : parse(value);
    if (parsed === null) {
      ctx.addIssue({ code: "custom", message: typeof message === "string" ? message : message(value) });
      return z.NEVER;
    }
    return parsed;
  });

// A commitment's target and plan, read in its measure's unit (null when not known: either sign is taken)
const targetQuantity = (unit: MeasureUnit | null) =>
  blank.transform((value, ctx) => {
    if (value === "") return null;
    const read = quantityIn(value, unit, { target: true });
    if (!read.ok) {
      ctx.addIssue({ code: "custom", message: read.message });
      return z.NEVER;
    }
    return read.quantity;
  });

const deliveryPlan = (unit: MeasureUnit | null) =>
  blank.transform((value, ctx) => {
    const parsed = parsePlanText(value, unit);
    if (!parsed.ok) {
      for (const message of parsed.messages) ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return parsed.plan;
  });

export const importRowSchema = z.object({
  contract_reference: required("Enter the contract reference", 60, "The contract reference"),
  contract_title: required("Enter the contract title", 200, "The contract title"),
  supplier_company_number: optional(20),
  supplier_name: optional(200),
  department: required("Enter the department or service", 120, "The department or service"),
  contract_manager_email: blank.pipe(
    z.union([z.literal(""), z.email("Enter an email address like name@council.gov.uk")]),
  ),
  value_gbp: transformed(parseAmount, contractValueProblem, false),
  awarded_on: transformed(parseImportDay, importDayProblem, true),
  start_date: transformed(parseImportDay, importDayProblem, false),
  end_date: transformed(parseImportDay, importDayProblem, false),
  plan_reference: optional(60),
  status: transformed(
    (s) => {
      const upper = s.toUpperCase();
      return upper in ContractStatus ? (upper as ContractStatus) : null;
    },
    "Status must be Pipeline, Active, Ended or Terminated",
    true,
  ),
  // required when the contract is terminated (checked with the stored contract: import.server.ts)
  terminated_on: transformed(parseImportDay, importDayProblem, true),
  measure_code: blank.transform((s) => s.toUpperCase()),
  target_quantity: targetQuantity(null),
  delivery_plan: deliveryPlan(null),
  qualitative_commitment: optional(2000),
  narrative: optional(2000),
});

/** A row whose commitment's measure is of `unit` (null when not known): its target and plan are read in it. */
function importRowSchemaFor(unit: MeasureUnit | null) {
  return importRowSchema.extend({ target_quantity: targetQuantity(unit), delivery_plan: deliveryPlan(unit) });
}

// one schema per unit, built once: a file has up to MAX_IMPORT_ROWS rows
const rowSchemas = new Map<MeasureUnit | null, ReturnType<typeof importRowSchemaFor>>();
function rowSchema(unit: MeasureUnit | null) {
  let schema = rowSchemas.get(unit);
  if (!schema) rowSchemas.set(unit, (schema = importRowSchemaFor(unit)));
  return schema;
}

/** A row as read, with `figure_signs`: the signs its target and plan are written with ("£", "%"), checked again
 * against its measure's unit once the measures are locked (the unit read first may have changed since). */
export type ImportRow = z.infer<ReturnType<typeof importRowSchemaFor>> & { figure_signs: UnitSign[] };

/** The signs a row's target and plan quantities are written with. */
function figureSigns(target: string, plan: string): UnitSign[] {
  const quantities = [target, ...plan.split(";").map((part) => PLAN_ENTRY.exec(part.trim())?.[4] ?? "")];
  return Array.from(new Set(quantities.flatMap((q) => readQuantity(q)?.signs ?? [])));
}

/** Each column's values as far as they could be read: a column with a problem of its own is left out. */
export type ReadImportRow = Partial<Omit<ImportRow, "figure_signs">>;

const COLUMN_ORDER = new Map(IMPORT_COLUMNS.map((column, index) => [column, index]));

/** Validates one record, reporting each problem by column, all at once: the checks across columns (the supplier
 * given, the dates in order, a measure for a commitment) are made on every column read, so a bad value in one
 * column does not hide them until it is fixed. A row with problems comes back with what could be read of it
 * (`read`), for the checks against the council's records. Missing optional columns read as blank here; the
 * import keeps a stored contract's values for them (import.server.ts). */
export function parseImportRow(
  line: number,
  record: Record<string, string>,
  unitOf: (measureCode: string) => MeasureUnit | null = () => null,
): { ok: true; row: ImportRow } | { ok: false; errors: RowError[]; read: ReadImportRow } {
  const input = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, record[c] ?? ""]));
  const unit = unitOf(input.measure_code!.trim().toUpperCase());
  const schema = rowSchema(unit);
  const result = schema.safeParse(input);
  const errors: RowError[] = result.success
    ? []
    : result.error.issues.map((issue) => ({
        line,
        column: issue.path[0] as ImportColumn,
        message: issue.message,
      }));
  const unread = new Set(errors.map((e) => e.column));
  // a row with problems (rare in a large file) has each other column read on its own
  const row: ReadImportRow = result.success
    ? result.data
    : Object.fromEntries(
        IMPORT_COLUMNS.filter((column) => !unread.has(column)).flatMap((column) => {
          const read = schema.shape[column].safeParse(input[column]);
          return read.success ? [[column, read.data]] : [];
        }),
      );
  // a column that could not be read is not blank: the row tells it with the others
  const given = (column: ImportColumn, value: unknown) =>
    unread.has(column) || (Array.isArray(value) ? value.length > 0 : value != null && value !== "");
  if (
    !given("supplier_company_number", row.supplier_company_number) &&
    !given("supplier_name", row.supplier_name)
  )
    errors.push({
      line,
      column: "supplier_company_number",
      message: "Enter the supplier's company number or name",
    });
  if (row.end_date && row.start_date && row.end_date < row.start_date)
    errors.push({ line, column: "end_date", message: "The end date must be on or after the start date" });
  if (
    row.awarded_on &&
    row.end_date &&
    isAwardedAfterEnd({ awardedOn: row.awarded_on, startDate: row.start_date ?? null, endDate: row.end_date })
  )
    errors.push({ line, column: "awarded_on", message: AWARDED_AFTER_END });
  if (
    !row.measure_code &&
    (given("target_quantity", row.target_quantity) ||
      given("delivery_plan", row.delivery_plan) ||
      given("qualitative_commitment", row.qualitative_commitment) ||
      // a narrative tells a commitment's story: with no measure it had no commitment to go on, and was lost
      given("narrative", row.narrative))
  )
    errors.push({
      line,
      column: "measure_code",
      message: "Enter the measure code this commitment is measured by",
    });
  if (result.success && errors.length === 0)
    return {
      ok: true,
      row: { ...result.data, figure_signs: figureSigns(input.target_quantity!, input.delivery_plan!) },
    };
  // in the order of the columns, each column's own problems first (a stable sort)
  errors.sort((a, b) => COLUMN_ORDER.get(a.column!)! - COLUMN_ORDER.get(b.column!)!);
  return { ok: false, errors, read: row };
}
