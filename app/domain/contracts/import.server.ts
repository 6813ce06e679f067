// CSV import of contracts and commitments: a dry run that reports every problem by line and column, then
// an all-or-nothing import. Importing the same file twice changes nothing: contracts are matched on the
// council's contract reference and commitments on their measure.
import crypto from "node:crypto";
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { db, lockUntilCommit, type Tx } from "~/db.server.ts";
import { councilStaff } from "~/domain/accounts/members.server.ts";
import { dayToDate, londonDayIso } from "~/domain/calendar.ts";
import { listInWords } from "~/domain/format.ts";
import { formatHundredths, toHundredths } from "~/domain/reporting/progress.ts";
import { SENT_TWICE_WINDOW_MS, writeAudit } from "~/domain/audit/audit.server.ts";
import type { ContractStatus, MeasureUnit } from "~/generated/prisma/enums.ts";
import { commitmentSnapshot } from "./commitments.server.ts";
import { rowLines } from "./import-lines.ts";
import { uncheckedLinesMessage } from "./import-summary.ts";
import {
  decodeImportChunks,
  END_OF_FILE_MARK_MESSAGE,
  UnreadableFileError,
  withoutEndOfFileMark,
  type ImportEncoding,
} from "./import-encoding.ts";
import { contractSnapshot, detailsSelect, lockContractRows, type Actor } from "./contracts.server.ts";
import { countedIn, formatMeasureQuantity } from "./labels.ts";
import { lockMeasureRows } from "./measures.server.ts";
import { wrongSign } from "./quantities.ts";
import { COMMITMENT_FIELD_LABELS, CONTRACT_FIELD_LABELS, diffSnapshots, type Change } from "./history.ts";
import {
  checkHeader,
  CONTRACT_COLUMNS,
  headerName,
  MAX_IMPORT_ROWS,
  parseImportRow,
  type ImportColumn,
  importRowSchema,
  type ImportRow,
  isUnnamedColumn,
  type ReadImportRow,
  type RowError,
  unnamedValueError,
} from "./import-rows.ts";
import { checkCommitment, termProblems, type CheckedCommitment, type Term, type TermBounds } from "./plan.ts";
import { IMPORT_ANNOUNCES_AT_ONCE, openDueReturns } from "./returns-due.server.ts";
import { matchSupplier, normaliseCompanyNumber, rowNamesSupplier, supplierIndex } from "./supplier-match.ts";
import { endedProblem, futureAwardProblem, TERMINATION_MESSAGES, terminationProblem } from "./termination.ts";
import { NOTHING_REPORTED, supplierChangeRefusal } from "./suppliers.server.ts";

type Line = { line: number; row: ImportRow };
/** A row with a problem in its own values, kept to check what it names against the council's records too, and
 * its commitment against its measure (`read`: the columns that could be read). */
type Rejected = {
  line: number;
  record: Record<string, string>;
  columns: Set<ImportColumn | null>;
  read: ReadImportRow;
};

/** Reads a CSV text, file or stream record by record, validating each row as it arrives. */
export async function readImportFile(
  source: string | Uint8Array | NodeJS.ReadableStream | ReadableStream<Uint8Array>,
  unitOf: (measureCode: string) => MeasureUnit | null = () => null,
) {
  const raw =
    typeof source === "string" || source instanceof Uint8Array
      ? Readable.from([source])
      : source instanceof ReadableStream
        ? Readable.fromWeb(source as import("node:stream/web").ReadableStream)
        : (source as NodeJS.ReadableStream);
  const found: { encoding: ImportEncoding } = { encoding: "utf-8" };
  const errors: RowError[] = [];
  const rows: Line[] = [];
  const rejected: Rejected[] = [];
  let headerChecked = false;
  let columns = new Set<ImportColumn>();
  let rejectedRows = 0; // rows with one or more errors (the row limit counts rows, not errors)
  let uncheckedAfter: number | null = null; // the line of a value the CSV could not be read past
  let text: Awaited<ReturnType<typeof withDelimiter>>;
  try {
    text = await withDelimiter(
      withoutEndOfFileMark(decodeImportChunks(raw as AsyncIterable<string | Uint8Array>, found)),
    );
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return unreadable(columns, found.encoding, error);
  }
  const lines = rowLines();
  let rowEnd = 0; // where the header or row before this one ended (bytes into the file)
  // The rows the parser has read and the loop below has not yet taken, in order. The parser reads a whole chunk of
  // the file at once, and stops at a broken value (a stray quote mark) with the rows before it not yet taken: they
  // are taken after it, so their problems are told and the broken row's line is counted from the last of them.
  const pending: ParsedRow[] = [];
  let readEnd = 0; // where the last row the parser read ended (bytes into the file)
  const input = Readable.from(lines.track(text.chunks));
  const parser: ReturnType<typeof parse> = input.pipe(
    parse({
      bom: true,
      delimiter: text.delimiter,
      columns: (header: string[]) => {
        const names = header.map(headerName);
        errors.push(...checkHeader(names));
        headerChecked = true;
        rowEnd = readEnd = parser.info.bytes;
        columns = new Set(names as ImportColumn[]);
        return names;
      },
      skip_empty_lines: true,
      // a row with too few or too many fields is reported with the others instead of ending the preview
      relax_column_count: true,
      info: true,
      max_record_size: 64 * 1024,
      on_record: (read: ParsedRow, info: { bytes: number }) => {
        pending.push(read);
        readEnd = info.bytes;
        return read;
      },
    }),
  );
  input.on("error", (error) => parser.destroy(error)); // pipe() does not pass a source's error on

  /** Checks one row the parser read; false when the rows after it are not to be read (see the breaks). */
  const take = ({ record, info }: ParsedRow) => {
    if (errors.some((e) => e.line === 1)) return false; // a bad header makes every row meaningless
    const line = lines.startAfter(rowEnd);
    rowEnd = info.bytes;
    // a row of empty cells (",,,,"): Excel writes one for each row below the data once used or formatted
    if (Object.values(record).every((value) => value.trim() === "")) return true;
    if (rows.length + rejectedRows >= MAX_IMPORT_ROWS) {
      errors.push({
        line,
        column: null,
        message: `A file can hold at most ${MAX_IMPORT_ROWS} rows`,
      });
      return false;
    }
    // a Ctrl+Z before the end (a file pasted after another that ended with one): its own problem, not the
    // row's wrong number of fields
    const marked = Object.entries(record).find(([, value]) => value.includes("\x1a"));
    if (marked) {
      errors.push({ line, column: knownColumn(columns, marked[0]), message: END_OF_FILE_MARK_MESSAGE });
      rejectedRows += 1;
      return true;
    }
    if (info.error?.code === "CSV_RECORD_INCONSISTENT_COLUMNS") {
      const got = /got (\d+)/.exec(info.error.message)?.[1];
      errors.push({
        line,
        column: null,
        message: `This row has ${got ?? "a different number of"} fields; the header has ${info.columns?.length ?? "more"}. Check for a missing or extra comma.`,
      });
      rejectedRows += 1;
      return true;
    }
    const unnamed = unnamedValueError(line, record);
    if (unnamed) {
      errors.push(unnamed);
      rejectedRows += 1;
      return true;
    }
    const parsed = parseImportRow(line, record, unitOf);
    if (parsed.ok) rows.push({ line, row: parsed.row });
    else {
      errors.push(...parsed.errors);
      rejected.push({
        line,
        record,
        columns: new Set(parsed.errors.map((e) => e.column)),
        read: parsed.read,
      });
      rejectedRows += 1;
    }
    return true;
  };

  try {
    for await (const read of parser as AsyncIterable<ParsedRow>) {
      pending.shift();
      if (!take(read)) break;
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) return unreadable(columns, found.encoding, error);
    if (!(error instanceof CsvError)) throw error;
    const taken = pending.splice(0).every(take);
    // the row the broken value is in starts after the last row read; its column is the value's. The parser
    // cannot go on past it (where that row ends depends on what the quote mark was meant to be), so the
    // preview says the lines after it were not checked rather than present its problems as all of them.
    if (taken) {
      uncheckedAfter = lines.startAfter(readEnd);
      errors.push({
        line: uncheckedAfter,
        column: knownColumn(columns, error.column),
        message: `${csvErrorMessage(error)} ${uncheckedLinesMessage(uncheckedAfter)}`,
      });
    }
  }
  // a header the CSV could not be read in has its own problem (an unclosed quote): the file is not empty
  if (!headerChecked && errors.length === 0)
    errors.push({ line: 1, column: null, message: "The file is empty" });
  else if (rows.length === 0 && errors.length === 0)
    errors.push({ line: 2, column: null, message: "The file has a header but no rows" });
  return {
    rows,
    rejected,
    columns,
    errors,
    rowCount: rows.length + new Set(errors.map((e) => e.line)).size,
    uncheckedAfter,
    encoding: found.encoding,
  };
}

/** A row as the parser gives it (`info: true`): its values by column, and where it ends. */
type ParsedRow = {
  record: Record<string, string>;
  info: { bytes: number; columns?: unknown[]; error?: CsvError };
};

/** The column a header name is, when it is one of the import's (not a column with no name, nor an unknown one). */
function knownColumn(columns: Set<ImportColumn>, name: unknown) {
  return typeof name === "string" && columns.has(name as ImportColumn) && !isUnnamedColumn(name)
    ? (name as ImportColumn)
    : null;
}

function unreadable(columns: Set<ImportColumn>, encoding: ImportEncoding, error: UnreadableFileError) {
  return {
    rows: [],
    rejected: [],
    columns,
    errors: [{ line: error.line, column: null, message: error.message }],
    rowCount: 0,
    uncheckedAfter: null,
    encoding,
  };
}

const DELIMITERS = [",", ";", "\t"] as const;
const FIRST_LINE_LIMIT = 64 * 1024;

/**
 * The text with the character its columns are separated by: commas, or, when the header row has none, the
 * semicolons or tabs Excel writes in languages that use the comma for decimals (and for "Unicode text"). The
 * header is read to decide; its names hold none of these characters. Values may (a delivery plan is written
 * "Q1 2026/27=25; Q2 2026/27=25"), which is why only the header decides.
 */
async function withDelimiter(decoded: AsyncIterable<string>) {
  const iterator = decoded[Symbol.asyncIterator]();
  const head: string[] = [];
  let length = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    length += next.value.length;
    if (next.value.includes("\n") || length >= FIRST_LINE_LIMIT) break;
  }
  const firstLine = head.join("").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = DELIMITERS.find((d) => firstLine.includes(d)) ?? ",";
  async function* chunks() {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { delimiter, chunks: chunks() };
}

/** What went wrong in the CSV itself, in words a person who saved the file from Excel can act on. */
function csvErrorMessage(error: CsvError) {
  // csv-parse's types leave out some of the codes it throws ("INVALID_OPENING_QUOTE")
  switch (error.code as string) {
    case "CSV_QUOTE_NOT_CLOSED":
      return 'A value starts with a quote mark (") that is never closed. Close it, or remove it.';
    case "INVALID_OPENING_QUOTE":
      return 'A value has a quote mark (") inside it. Put the whole value in quotes and write each quote mark inside it twice ("").';
    case "CSV_INVALID_CLOSING_QUOTE":
      return 'A quoted value has more text after its closing quote mark ("). Put the whole value in quotes and write each quote mark inside it twice ("").';
    case "CSV_MAX_RECORD_SIZE":
      return "This row is longer than a row can be (64 KB). Check for a quote mark that is never closed.";
    default:
      return `The file is not valid CSV here: ${error.message}`;
  }
}

// ───────────── the dry run ─────────────

type PlannedCommitment = {
  line: number;
  measureId: string;
  measureCode: string;
  measureUnit: MeasureUnit;
  value: CheckedCommitment;
  narrative: string | null;
  existingId: string | null;
  changes: Change[];
};

type PlannedContract = {
  line: number;
  reference: string;
  existingId: string | null;
  data: {
    reference: string;
    title: string;
    supplierOrganisationId: string;
    department: string;
    contractManagerId: string | null;
    valueGbp: string;
    awardedOn: Date | null;
    startDate: Date;
    endDate: Date;
    planReference: string | null;
    status: ContractStatus;
    terminatedOn: Date | null;
  };
  supplierName: string;
  supplierCompanyNumber: string | null;
  changes: Change[];
  commitments: PlannedCommitment[];
  /** the measure codes of commitments already on the contract that the file does not give: kept as they are */
  kept: string[];
};

export type ImportPlan = {
  errors: RowError[];
  rowCount: number;
  /** the line of a value the CSV could not be read past: the lines after it were not checked */
  uncheckedAfter: number | null;
  /** "windows-1252" for a file Excel on Windows saved as "CSV (Comma delimited)" */
  encoding: ImportEncoding;
  contracts: {
    line: number;
    reference: string;
    title: string;
    supplier: string;
    supplierCompanyNumber: string | null;
    commitments: number;
    /** the file's commitments of this contract by what importing does to each (a new contract's are all new) */
    commitmentOutcomes: Record<"new" | "changed" | "unchanged", number>;
    /** the measure codes of the commitments already on the contract that the file leaves out: kept as they are */
    kept: string[];
    outcome: "new" | "changed" | "unchanged";
    /** for a changed contract, each field that changes, from what to what (commitments as "JOB-02: Target") */
    changes: Change[];
    /** the unit of each change's commitment's measure, in the order of `changes` (null for the contract's own),
     * so a target reads "50 hours" as on the contract's page */
    units: (MeasureUnit | null)[];
  }[];
  /** contracts, then the file's commitments (`commitments` all of them: new, changed and unchanged), then the
   * commitments already stored that the file leaves out, which are kept (`commitmentsKept`) */
  counts: {
    created: number;
    changed: number;
    unchanged: number;
    commitments: number;
    commitmentsCreated: number;
    commitmentsChanged: number;
    commitmentsUnchanged: number;
    commitmentsKept: number;
  };
};

type Reader = Pick<Tx, "organisation" | "membership" | "measure" | "contract">;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// A contract's column on one of its rows, as the import compares it: an email address, a company number and a
// supplier's name are matched in any case (and the number with or without its leading zero), so rows that differ
// only so name the same contract manager and supplier, and are not a clash of contract details.
function contractValue(column: ImportColumn, v: unknown) {
  if (typeof v !== "string") return v;
  if (column === "supplier_company_number") return normaliseCompanyNumber(v);
  if (column === "contract_manager_email" || column === "supplier_name") return v.toLowerCase();
  return v;
}

/** A column a row gives differently from the earlier row of its reference on `line`. */
type Disagreement = { column: ImportColumn; line: number };

/**
 * Each row giving contract details that differ from an earlier row of its reference, by line: every column it
 * differs in, first in CONTRACT_COLUMNS order. Rows with problems of their own count too (each column compared
 * with the first row that gives it readably), so a first row with a bad date or a plan that does not add up does
 * not hide a second row's different title until it is fixed. A column a row could not read, or naming a supplier
 * or contract manager the council does not have, is not compared: its own problem is told.
 */
function contractDisagreements(
  lines: Line[],
  rejected: Rejected[],
  unknown: (reference: string, value: (column: ImportColumn) => string) => Set<ImportColumn>,
) {
  const rows = [
    ...lines.map(({ line, row }) => {
      const unread = unknown(row.contract_reference, (column) => String(row[column] ?? ""));
      return {
        line,
        reference: row.contract_reference,
        value: (column: ImportColumn) =>
          unread.has(column)
            ? { ok: false as const }
            : { ok: true as const, value: contractValue(column, row[column]) },
      };
    }),
    ...rejected
      .filter((r) => !r.columns.has("contract_reference"))
      .map(({ line, record, columns }) => {
        const raw = (c: ImportColumn) => (record[c] ?? "").trim();
        const unread = unknown(raw("contract_reference"), raw);
        return {
          line,
          reference: raw("contract_reference"),
          value: (column: ImportColumn) => {
            if (columns.has(column) || unread.has(column)) return { ok: false as const };
            const read = importRowSchema.shape[column as keyof typeof importRowSchema.shape].safeParse(
              record[column] ?? "",
            );
            return read.success
              ? { ok: true as const, value: contractValue(column, read.data) }
              : { ok: false as const };
          },
        };
      }),
  ]
    .filter((r) => r.reference !== "")
    .sort((a, b) => a.line - b.line);
  const firsts = new Map<string, Map<ImportColumn, { line: number; value: unknown }>>();
  const found = new Map<number, { reference: string; differs: Disagreement[] }>();
  for (const { line, reference, value } of rows) {
    const key = referenceKey(reference);
    let given = firsts.get(key);
    if (!given) firsts.set(key, (given = new Map()));
    const differs: Disagreement[] = [];
    for (const column of CONTRACT_COLUMNS) {
      const read = value(column);
      if (!read.ok) continue;
      const first = given.get(column);
      if (!first) given.set(column, { line, value: read.value });
      else if (!same(first.value, read.value)) differs.push({ column, line: first.line });
    }
    if (differs.length) found.set(line, { reference, differs });
  }
  return found;
}

/**
 * A row's disagreements in the columns it has no other problem in, as one problem under the first of them that
 * names every one: "Duplicate reference X-4: line 2 gives different contract details (contract_title, department
 * and value_gbp)". Null when there are none.
 */
function disagreementToTell(
  found: { reference: string; differs: Disagreement[] } | undefined,
  told: (column: ImportColumn) => boolean,
) {
  const differs = found?.differs.filter((d) => !told(d.column)) ?? [];
  if (!found || !differs.length) return null;
  // each column is compared with the first row giving it readably, which is not always the same row
  const byLine = new Map<number, ImportColumn[]>();
  for (const { line, column } of differs) byLine.set(line, [...(byLine.get(line) ?? []), column]);
  const against = Array.from(byLine, ([line, columns], index) => {
    const names = listInWords(columns);
    return index === 0
      ? `line ${line} gives different contract details (${names})`
      : `line ${line} (${names})`;
  });
  return {
    column: differs[0]!.column,
    message: `Duplicate reference ${found.reference}: ${against.join(", and ")}`,
  };
}
// where each of checkCommitment's problems is told
const COMMITMENT_COLUMNS = {
  targetQuantity: "target_quantity",
  qualitativeText: "qualitative_commitment",
  plan: "delivery_plan",
} as const satisfies Record<string, ImportColumn>;

/** What a row with a target and no delivery plan is told, in the words of docs/contracts-import.md. */
function blankPlanMessage(unit: MeasureUnit, target: string) {
  const total = formatMeasureQuantity(unit, formatHundredths(toHundredths(target)));
  return `Enter a delivery plan: each quarter’s target, written as “Q1 2026/27=25; Q2 2026/27=25”, adding up to the target of ${total}`;
}

/** A contract reference in any case names one contract of the council (its unique index is on lower(reference)). */
const referenceKey = (reference: string) => reference.toLowerCase();

/** Checks every row against the council's suppliers, staff, measures and contracts; writes nothing. */
async function planImport(
  tx: Reader,
  councilId: string,
  lines: Line[],
  columns: Set<ImportColumn>,
  rejected: Rejected[] = [],
) {
  const errors: RowError[] = [];
  const references = Array.from(
    new Set([
      ...lines.map((l) => l.row.contract_reference),
      ...rejected.map((r) => (r.record.contract_reference ?? "").trim()).filter(Boolean),
    ]),
  );
  const [suppliers, staff, measures, existing, withSupplierRecord] = await Promise.all([
    // pending suppliers too, only to say why a row naming one cannot be imported
    tx.organisation.findMany({
      where: { kind: "SUPPLIER", status: { in: ["VERIFIED", "PENDING"] } },
      select: { id: true, name: true, companyNumber: true, status: true },
    }),
    tx.membership.findMany({
      where: { ...councilStaff(councilId), user: { deletedAt: null } },
      select: { user: { select: { id: true, email: true, name: true } } },
    }),
    tx.measure.findMany({
      where: { councilId },
      select: { id: true, code: true, name: true, unit: true, retiredAt: true },
    }),
    tx.contract.findMany({
      where: { councilId, reference: { in: references, mode: "insensitive" } },
      select: {
        id: true,
        ...detailsSelect,
        supplierOrganisation: { select: { id: true, name: true, companyNumber: true } },
        contractManager: { select: { name: true, email: true } },
        commitments: {
          select: {
            id: true,
            measureId: true,
            targetQuantity: true,
            qualitativeText: true,
            narrative: true,
            measure: { select: { code: true, name: true } },
            plan: { select: { financialYear: true, quarter: true, targetQuantity: true } },
          },
        },
      },
    }),
    // contracts whose supplier can no longer change (see suppliers.server.ts)
    tx.contract.findMany({
      where: { councilId, reference: { in: references, mode: "insensitive" }, NOT: NOTHING_REPORTED },
      select: { reference: true },
    }),
  ]);
  const supplierFixed = new Set(withSupplierRecord.map((c) => referenceKey(c.reference)));
  const supplierIndexed = supplierIndex(suppliers);
  const staffByEmail = new Map(staff.map((m) => [m.user.email, m.user]));
  const measureByCode = new Map(measures.map((m) => [m.code.toUpperCase(), m]));
  const existingByRef = new Map(existing.map((c) => [referenceKey(c.reference), c]));
  type StoredCommitment = (typeof existing)[number]["commitments"][number];
  // a commitment column left out of the file keeps what a matched commitment already has
  const keptFrom =
    (previous: StoredCommitment | undefined) =>
    <T>(column: ImportColumn, fromFile: T, stored: T) =>
      previous && !columns.has(column) ? stored : fromFile;
  /** A row's commitment checked against its measure's rules and the contract's term (null when not known), each
   * problem under its column. */
  const checkRowCommitment = (
    row: Pick<ImportRow, "target_quantity" | "qualitative_commitment" | "delivery_plan">,
    unit: MeasureUnit,
    previous: StoredCommitment | undefined,
    term: Term | TermBounds | null,
  ) => {
    const kept = keptFrom(previous);
    const targetQuantity = kept(
      "target_quantity",
      row.target_quantity,
      previous?.targetQuantity?.toString() ?? null,
    );
    const plan = kept(
      "delivery_plan",
      row.delivery_plan,
      previous?.plan.map((p) => ({ ...p, quantity: p.targetQuantity.toString() })) ?? [],
    );
    const checked = checkCommitment(
      {
        unit,
        targetQuantity,
        qualitativeText: kept(
          "qualitative_commitment",
          row.qualitative_commitment,
          previous?.qualitativeText ?? "",
        ),
        plan,
      },
      term,
    );
    const problems = checked.ok
      ? []
      : Object.entries(checked.errors).flatMap(([field, messages]) =>
          (messages ?? []).map((message) => ({
            column: COMMITMENT_COLUMNS[field as keyof typeof COMMITMENT_COLUMNS],
            // a blank plan's one problem is its total of 0, not what was left out
            message:
              field === "plan" && plan.length === 0 && targetQuantity != null
                ? blankPlanMessage(unit, targetQuantity)
                : message,
          })),
        );
    return { checked, problems };
  };

  // A row with a problem in its own values (a date, a number) is not planned, but what it names is checked too:
  // an unknown supplier, contract manager or measure is told with the rest, not once the first problem is fixed.
  // the supplier and contract manager columns of a row naming ones the council does not have (told by the checks below)
  const unknown = (reference: string, value: (column: ImportColumn) => string) => {
    const columns = new Set<ImportColumn>();
    const held = existingByRef.get(referenceKey(reference));
    const named = { companyNumber: value("supplier_company_number"), name: value("supplier_name") };
    if (
      (named.companyNumber || named.name) &&
      !(held && rowNamesSupplier(held.supplierOrganisation, named)) &&
      !matchSupplier(supplierIndexed, named).ok
    )
      columns.add("supplier_company_number").add("supplier_name");
    const email = value("contract_manager_email").toLowerCase();
    if (email && !staffByEmail.has(email) && held?.contractManager?.email !== email)
      columns.add("contract_manager_email");
    return columns;
  };
  const disagreements = contractDisagreements(lines, rejected, unknown);
  for (const { line, record, columns: reported, read } of rejected) {
    const value = (column: ImportColumn) => (record[column] ?? "").trim();
    const errorCount = errors.length;
    const add = (column: ImportColumn, message: string) => {
      if (!reported.has(column)) errors.push({ line, column, message });
    };
    const held = existingByRef.get(referenceKey(value("contract_reference")));
    const named = { companyNumber: value("supplier_company_number"), name: value("supplier_name") };
    if (
      (named.companyNumber || named.name) &&
      !reported.has("supplier_company_number") &&
      !reported.has("supplier_name") &&
      !(held && rowNamesSupplier(held.supplierOrganisation, named))
    ) {
      const match = matchSupplier(supplierIndexed, named);
      if (!match.ok) add(match.column, match.message);
    }
    const email = value("contract_manager_email").toLowerCase();
    if (email && !staffByEmail.has(email) && held?.contractManager?.email !== email)
      add("contract_manager_email", `${value("contract_manager_email")} is not a member of your council`);
    const code = value("measure_code").toUpperCase();
    const measure = code ? measureByCode.get(code) : undefined;
    if (code && !measure) add("measure_code", `There is no measure with code ${code} in your library`);
    else if (measure?.retiredAt && !held?.commitments.some((c) => c.measureId === measure.id))
      add("measure_code", `The measure ${code} is retired`);
    // its commitment's own rules too (a plan that does not add up to the target), when its target, plan and words
    // could be read; its quarters are checked against each date of the term that could be read (a quarter after a
    // readable end date is told though the start date is not), and against neither when the dates are out of order
    else if (
      measure &&
      read.target_quantity !== undefined &&
      read.delivery_plan !== undefined &&
      read.qualitative_commitment !== undefined
    ) {
      const term: TermBounds | null =
        read.start_date && read.end_date && read.start_date > read.end_date
          ? null
          : {
              startDate: read.start_date ? dayToDate(read.start_date) : null,
              endDate: read.end_date ? dayToDate(read.end_date) : null,
            };
      const previous = held?.commitments.find((c) => c.measureId === measure.id);
      const commitment = {
        target_quantity: read.target_quantity,
        delivery_plan: read.delivery_plan,
        qualitative_commitment: read.qualitative_commitment,
      };
      for (const { column, message } of checkRowCommitment(commitment, measure.unit, previous, term).problems)
        add(column, message);
    }
    // and its contract's status and termination date, as a readable row's are, when they and the dates can be read
    if (
      read.status !== undefined &&
      read.terminated_on !== undefined &&
      read.start_date &&
      read.end_date &&
      read.start_date <= read.end_date
    ) {
      const problem = statusProblem(held, {
        status: read.status,
        terminated_on: read.terminated_on,
        start_date: read.start_date,
        end_date: read.end_date,
      });
      if (problem) add(problem.column, problem.message);
    }
    if (read.status !== undefined && read.awarded_on !== undefined) {
      const problem = futureAwardImportProblem(held, { status: read.status, awarded_on: read.awarded_on });
      if (problem) add(problem.column, problem.message);
    }
    const clash = disagreementToTell(
      disagreements.get(line),
      (column) => reported.has(column) || errors.slice(errorCount).some((e) => e.column === column),
    );
    if (clash) add(clash.column, clash.message);
  }

  const contracts = new Map<string, PlannedContract>();
  for (const { line, row } of lines) {
    const add = (column: ImportColumn | null, message: string) => errors.push({ line, column, message });
    const errorCount = errors.length;

    const key = referenceKey(row.contract_reference);
    const held = existingByRef.get(key);
    const named = { companyNumber: row.supplier_company_number, name: row.supplier_name };
    // a registered contract's own supplier, named by the row, stays its supplier (see rowNamesSupplier)
    const match =
      held && rowNamesSupplier(held.supplierOrganisation, named)
        ? { ok: true as const, supplier: held.supplierOrganisation }
        : matchSupplier(supplierIndexed, named);
    const supplier = match.ok ? match.supplier : undefined;
    if (!match.ok) add(match.column, match.message);
    if (supplier && held && held.supplierOrganisationId !== supplier.id && supplierFixed.has(key))
      add(
        row.supplier_company_number ? "supplier_company_number" : "supplier_name",
        supplierChangeRefusal(held.supplierOrganisation.name),
      );
    let manager: { id: string; name: string } | null = null;
    if (row.contract_manager_email) {
      const email = row.contract_manager_email.toLowerCase();
      manager = staffByEmail.get(email) ?? null;
      // a contract's own manager stays on it after leaving the council, as on its edit form: the same file
      // imported again still changes nothing
      if (!manager && held?.contractManagerId && held.contractManager?.email === email)
        manager = { id: held.contractManagerId, name: held.contractManager.name };
      if (!manager)
        add("contract_manager_email", `${row.contract_manager_email} is not a member of your council`);
    }

    const first = contracts.get(key);
    const clash = disagreementToTell(disagreements.get(line), (column) =>
      errors.slice(errorCount).some((e) => e.column === column),
    );
    if (clash) add(clash.column, clash.message);

    let commitment: PlannedCommitment | null = null;
    if (row.measure_code) {
      const measure = measureByCode.get(row.measure_code);
      if (!measure) add("measure_code", `There is no measure with code ${row.measure_code} in your library`);
      // a retired measure stays on commitments that already use it, so re-importing them still works
      else if (measure.retiredAt && !held?.commitments.some((c) => c.measureId === measure.id))
        add("measure_code", `The measure ${row.measure_code} is retired`);
      else {
        const previous = held?.commitments.find((c) => c.measureId === measure.id);
        const kept = keptFrom(previous);
        const repeat = first?.commitments.find((c) => c.measureId === measure.id);
        if (repeat)
          add(
            "measure_code",
            `Duplicate commitment: line ${repeat.line} already gives ${row.measure_code} for ${row.contract_reference}`,
          );
        // read in the unit the measure had before it was locked: a "£" taken for pounds is not saved as hours
        const sign = wrongSign(row.figure_signs, measure.unit);
        if (sign)
          add(
            "measure_code",
            `The measure ${row.measure_code} has just changed: it is now ${countedIn(measure.unit)}. Write this row's target and plan without a ${sign} sign, then preview the file again`,
          );
        const { checked, problems } = checkRowCommitment(row, measure.unit, previous, {
          startDate: dayToDate(row.start_date!),
          endDate: dayToDate(row.end_date!),
        });
        if (!checked.ok) for (const { column, message } of problems) add(column, message);
        else {
          const narrative = kept("narrative", row.narrative || null, previous?.narrative ?? null);
          const after = commitmentSnapshot({
            measure,
            ...checked.value,
            narrative,
            plan: checked.value.plan,
          });
          const before = previous
            ? commitmentSnapshot({
                ...previous,
                plan: previous.plan.map((p) => ({ ...p, quantity: p.targetQuantity })),
              })
            : {};
          commitment = {
            line,
            measureId: measure.id,
            measureCode: measure.code,
            measureUnit: measure.unit,
            value: checked.value,
            narrative,
            existingId: previous?.id ?? null,
            changes: diffSnapshots(before, after, COMMITMENT_FIELD_LABELS),
          };
        }
      }
    }
    if (errors.length > errorCount || !supplier) continue;

    if (!first) {
      const previous = held;
      // These optional columns, left out of the file or left blank, keep what a matched contract already has:
      // a procurement system's export often lacks what officers filled in by hand (docs/contracts-import.md).
      if (!manager && previous?.contractManagerId && previous.contractManager)
        manager = { id: previous.contractManagerId, name: previous.contractManager.name };
      const { status, terminatedOn } = statusOf(previous, row);
      const problem = statusProblem(previous, {
        status: row.status,
        terminated_on: row.terminated_on,
        start_date: row.start_date!,
        end_date: row.end_date!,
      });
      const award = futureAwardImportProblem(previous, row);
      for (const found of [problem, award]) if (found) add(found.column, found.message);
      if (problem || award) continue;
      const data = {
        // a contract already registered keeps its reference as written there, whatever the file's case
        reference: previous?.reference ?? row.contract_reference,
        title: row.contract_title,
        supplierOrganisationId: supplier.id,
        department: row.department,
        contractManagerId: manager?.id ?? null,
        valueGbp: row.value_gbp!,
        awardedOn: row.awarded_on ? dayToDate(row.awarded_on) : (previous?.awardedOn ?? null),
        startDate: dayToDate(row.start_date!),
        endDate: dayToDate(row.end_date!),
        planReference: row.plan_reference || previous?.planReference || null,
        status,
        terminatedOn: terminatedOn ? dayToDate(terminatedOn) : null,
      };
      const after = contractSnapshot({
        ...data,
        supplierOrganisation: { name: supplier.name },
        contractManager: manager,
      });
      contracts.set(key, {
        line,
        reference: data.reference,
        existingId: previous?.id ?? null,
        data,
        supplierName: supplier.name,
        supplierCompanyNumber: supplier.companyNumber,
        changes: diffSnapshots(previous ? contractSnapshot(previous) : {}, after, CONTRACT_FIELD_LABELS),
        commitments: [],
        kept: [],
      });
    }
    if (commitment) contracts.get(key)!.commitments.push(commitment);
  }
  // New dates for a contract must not leave the plan of a commitment the file does not mention outside the
  // term (the same rule as editing the contract by hand).
  for (const contract of contracts.values()) {
    const previous = existingByRef.get(referenceKey(contract.reference));
    if (!previous) continue;
    const inFile = new Set(contract.commitments.map((c) => c.measureId));
    const notInFile = previous.commitments.filter((c) => !inFile.has(c.measureId));
    // an import never deletes: the preview says which commitments stay as they are
    contract.kept = notInFile.map((c) => c.measure.code).sort((a, b) => a.localeCompare(b, "en-GB"));
    // the contract form's rule and words, naming the commitments whose plans to change
    const problems = termProblems(
      notInFile.map((c) => ({ code: c.measure.code, plan: c.plan })),
      { startDate: contract.data.startDate, endDate: contract.data.endDate },
    );
    // each told against the date that leaves it out, as the contract form does
    for (const [column, field] of [
      ["start_date", "startDate"],
      ["end_date", "endDate"],
    ] as const) {
      const message = problems[field];
      if (message) errors.push({ line: contract.line, column, message });
    }
  }
  return { errors, contracts: Array.from(contracts.values()) };
}

/**
 * A contract's changes, then its commitments' changes labelled with the measure code, each with the unit its values
 * are in (its commitment's measure's; none for the contract's own fields).
 */
function changesWithUnits(c: PlannedContract): { change: Change; unit: MeasureUnit | null }[] {
  return [
    ...c.changes.map((change) => ({ change, unit: null })),
    ...c.commitments.flatMap((m) =>
      m.changes.map((ch) => ({
        change: { ...ch, label: `${m.measureCode}: ${ch.label}` },
        unit: m.measureUnit,
      })),
    ),
  ];
}

// the preview's two lists, in one order
const listed = (changes: { change: Change; unit: MeasureUnit | null }[]) => ({
  changes: changes.map(({ change }) => change),
  units: changes.map(({ unit }) => unit),
});

function summarise(
  file: { rowCount: number; uncheckedAfter: number | null; encoding: ImportEncoding },
  errors: RowError[],
  planned: PlannedContract[],
): ImportPlan {
  const contracts = planned.map((c) => ({
    line: c.line,
    reference: c.reference,
    title: c.data.title,
    supplier: c.supplierName,
    supplierCompanyNumber: c.supplierCompanyNumber,
    commitments: c.commitments.length,
    commitmentOutcomes: {
      new: c.commitments.filter((m) => !m.existingId).length,
      changed: c.commitments.filter((m) => m.existingId && m.changes.length).length,
      unchanged: c.commitments.filter((m) => m.existingId && !m.changes.length).length,
    },
    kept: c.kept,
    outcome: !c.existingId
      ? ("new" as const)
      : c.changes.length || c.commitments.some((m) => m.changes.length)
        ? ("changed" as const)
        : ("unchanged" as const),
    ...listed(c.existingId ? changesWithUnits(c) : []),
  }));
  return {
    errors: [...errors].sort((a, b) => a.line - b.line),
    rowCount: file.rowCount,
    uncheckedAfter: file.uncheckedAfter,
    encoding: file.encoding,
    contracts,
    counts: {
      created: contracts.filter((c) => c.outcome === "new").length,
      changed: contracts.filter((c) => c.outcome === "changed").length,
      unchanged: contracts.filter((c) => c.outcome === "unchanged").length,
      commitments: contracts.reduce((sum, c) => sum + c.commitments, 0),
      commitmentsCreated: contracts.reduce((sum, c) => sum + c.commitmentOutcomes.new, 0),
      commitmentsChanged: contracts.reduce((sum, c) => sum + c.commitmentOutcomes.changed, 0),
      commitmentsUnchanged: contracts.reduce((sum, c) => sum + c.commitmentOutcomes.unchanged, 0),
      commitmentsKept: contracts.reduce((sum, c) => sum + c.kept.length, 0),
    },
  };
}

/** The dry run: every problem in the file, and what importing it would do. */
/** Each of the council's measure codes (in capitals) → its unit: a row's target and plan are read in it. */
async function measureUnits(councilId: string) {
  const measures = await db.measure.findMany({ where: { councilId }, select: { code: true, unit: true } });
  const units = new Map(measures.map((m) => [m.code.toUpperCase(), m.unit]));
  return (code: string) => units.get(code) ?? null;
}

export async function previewImport(councilId: string, source: Parameters<typeof readImportFile>[0]) {
  const file = await readImportFile(source, await measureUnits(councilId));
  const planned = await planImport(db, councilId, file.rows, file.columns, file.rejected);
  return summarise(file, [...file.errors, ...planned.errors], planned.contracts);
}

// The form's words, naming the column a procurement system's export would need.
function importTerminationMessage(problem: string) {
  return problem === TERMINATION_MESSAGES.missing
    ? "A terminated contract needs the date it was terminated in terminated_on, for example 2027-03-27"
    : problem;
}

const ENDED_EARLY_IMPORT_MESSAGE =
  "An ended contract ran to its end date: one that stopped before end_date is Terminated, with the day it stopped in terminated_on";

/** A row's contract status (a stored contract's when left blank, else Active) and its termination date: a terminated
 * contract says when (decision 025); left blank, a stored termination date is kept. */
function statusOf(
  stored: { status: ContractStatus; terminatedOn: Date | null } | undefined,
  row: Pick<ImportRow, "status" | "terminated_on">,
) {
  const status = row.status ?? stored?.status ?? "ACTIVE";
  const terminatedOn =
    status !== "TERMINATED" ? null : (row.terminated_on ?? iso(stored?.terminatedOn ?? null));
  return { status, terminatedOn };
}

/** What is wrong with a row's status and termination date given its dates, under its column, or null. */
function statusProblem(
  stored: { status: ContractStatus; terminatedOn: Date | null } | undefined,
  row: Pick<ImportRow, "status" | "terminated_on"> & { start_date: string; end_date: string },
): { column: ImportColumn; message: string } | null {
  const { status, terminatedOn } = statusOf(stored, row);
  const termination = terminationProblem({
    status,
    terminatedOn,
    startDate: row.start_date,
    endDate: row.end_date,
  });
  if (termination) return { column: "terminated_on", message: importTerminationMessage(termination) };
  if (endedProblem({ status, endDate: row.end_date }, londonDayIso(new Date())))
    return { column: "status", message: ENDED_EARLY_IMPORT_MESSAGE };
  return null;
}

/** What is wrong with a row's award date (the stored one when left blank) for its status, under awarded_on, or null:
 * a contract past the pipeline cannot have been awarded after today (futureAwardProblem, as the form says). */
function futureAwardImportProblem(
  stored: { status: ContractStatus; awardedOn: Date | null } | undefined,
  row: Pick<ImportRow, "status" | "awarded_on">,
): { column: ImportColumn; message: string } | null {
  const status = row.status ?? stored?.status ?? "ACTIVE";
  const awardedOn = row.awarded_on || iso(stored?.awardedOn ?? null);
  if (!futureAwardProblem({ status, awardedOn }, londonDayIso(new Date()))) return null;
  return {
    column: "awarded_on",
    message: row.awarded_on
      ? "The award date must be today or in the past: only a contract with status Pipeline can have an award date still to come"
      : `The award date already recorded for this contract, ${awardedOn}, is still to come: give the day it was awarded in awarded_on, or status Pipeline`,
  };
}

// ───────────── the import ─────────────

// Thousands of rows go in as one INSERT … SELECT FROM unnest(arrays) per table: row-by-row inserts through
// the ORM took over 20 s for a 5,000-row file.
type PlanRow = { commitmentId: string; financialYear: number; quarter: number; quantity: string };

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

async function insertContracts(
  tx: Tx,
  councilId: string,
  rows: (PlannedContract["data"] & { id: string })[],
) {
  if (!rows.length) return;
  await tx.$executeRaw`
    INSERT INTO "Contract" ("id", "councilId", "reference", "title", "supplierOrganisationId", "department",
      "contractManagerId", "valueGbp", "awardedOn", "startDate", "endDate", "planReference", "status",
      "terminatedOn", "updatedAt")
    SELECT t.id, ${councilId}, t.reference, t.title, t.supplier, t.department, t.manager, t.value,
      t.awarded, t.starts, t.ends, t.plan, t.status::"ContractStatus", t.terminated, now()
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.reference)}::text[],
      ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.supplierOrganisationId)}::text[],
      ${rows.map((r) => r.department)}::text[], ${rows.map((r) => r.contractManagerId)}::text[],
      ${rows.map((r) => r.valueGbp)}::numeric[], ${rows.map((r) => iso(r.awardedOn))}::date[],
      ${rows.map((r) => iso(r.startDate))}::date[], ${rows.map((r) => iso(r.endDate))}::date[],
      ${rows.map((r) => r.planReference)}::text[], ${rows.map((r) => r.status)}::text[],
      ${rows.map((r) => iso(r.terminatedOn))}::date[])
      AS t(id, reference, title, supplier, department, manager, value, awarded, starts, ends, plan, status,
        terminated)`;
}

async function insertCommitments(tx: Tx, rows: (PlannedCommitment & { id: string; contractId: string })[]) {
  if (!rows.length) return;
  await tx.$executeRaw`
    INSERT INTO "Commitment" ("id", "contractId", "measureId", "targetQuantity", "qualitativeText", "narrative",
      "updatedAt")
    SELECT t.id, t.contract, t.measure, t.target, t.qualitative, t.narrative, now()
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.contractId)}::text[],
      ${rows.map((r) => r.measureId)}::text[], ${rows.map((r) => r.value.targetQuantity)}::numeric[],
      ${rows.map((r) => r.value.qualitativeText)}::text[], ${rows.map((r) => r.narrative)}::text[])
      AS t(id, contract, measure, target, qualitative, narrative)`;
}

async function insertPlanRows(tx: Tx, rows: PlanRow[]) {
  if (!rows.length) return;
  await tx.$executeRaw`
    INSERT INTO "CommitmentPlan" ("id", "commitmentId", "financialYear", "quarter", "targetQuantity")
    SELECT gen_random_uuid()::text, t.commitment, t.fy, t.quarter, t.quantity
    FROM unnest(${rows.map((r) => r.commitmentId)}::text[], ${rows.map((r) => r.financialYear)}::int[],
      ${rows.map((r) => r.quarter)}::int[], ${rows.map((r) => r.quantity)}::numeric[])
      AS t(commitment, fy, quarter, quantity)`;
}

async function insertAudit(
  tx: Tx,
  actor: Actor,
  rows: { action: string; entityId: string; details: object }[],
) {
  if (!rows.length) return;
  await tx.$executeRaw`
    INSERT INTO "AuditLog" ("id", "actorUserId", "organisationId", "councilId", "filedUnderId", "actorOrganisationId",
      "action", "entityType", "entityId", "details", "ipAddress")
    SELECT gen_random_uuid()::text, ${actor.actorUserId}, ${actor.councilId}, ${actor.councilId}, ${actor.councilId},
      ${actor.councilId}, t.action, 'Contract', t.entity, t.details, ${actor.ipAddress}
    FROM unnest(${rows.map((r) => r.action)}::text[], ${rows.map((r) => r.entityId)}::text[],
      ${rows.map((r) => JSON.stringify(r.details))}::jsonb[]) AS t(action, entity, details)`;
}

export type ImportCounts = ImportPlan["counts"];

/**
 * What importing a previewed upload did, if it was imported moments ago: "Import" sent twice (a double click, a
 * form sent again after a slow answer) is answered as the first was, with the first's counts, instead of "0 new"
 * or "that preview has expired" (decision 024).
 */
export async function importedMomentsAgo(
  councilId: string,
  upload: string,
  tx: Pick<Tx, "auditLog"> = db,
): Promise<ImportCounts | null> {
  const earlier = await tx.auditLog.findFirst({
    where: {
      organisationId: councilId,
      action: "contract.import",
      details: { path: ["upload"], equals: upload },
      createdAt: { gt: new Date(Date.now() - SENT_TWICE_WINDOW_MS) },
    },
    select: { details: true },
  });
  if (!earlier) return null;
  const counts = earlier.details as Record<string, number>;
  // an import logged before the commitments were counted by outcome gives none of those
  return {
    created: counts.created ?? 0,
    changed: counts.changed ?? 0,
    unchanged: counts.unchanged ?? 0,
    commitments: counts.commitments ?? 0,
    commitmentsCreated: counts.commitmentsCreated ?? 0,
    commitmentsChanged: counts.commitmentsChanged ?? 0,
    commitmentsUnchanged: counts.commitmentsUnchanged ?? 0,
    commitmentsKept: counts.commitmentsKept ?? 0,
  };
}

/**
 * Imports the whole file in one transaction, or nothing if any row has a problem. `upload` names the previewed
 * file it came from: imported once, a second import of it is answered with the first's counts, writing nothing.
 */
export async function applyImport(
  actor: Actor,
  source: Parameters<typeof readImportFile>[0],
  upload?: string,
): Promise<{ ok: true; plan: ImportPlan } | { ok: false; plan: ImportPlan }> {
  // the units read here are checked again once the measures are locked (planImport: figure_signs)
  const file = await readImportFile(source, await measureUnits(actor.councilId));
  // the contracts it wrote: the returns of their quarters already ended are opened once it has committed
  let written: string[] = [];
  const result = await db.$transaction(
    async (tx) => {
      // One import per council at a time: a second (a double click, or a colleague importing the same file)
      // waits here, then plans against what the first wrote and finds nothing left to do.
      await lockUntilCommit(tx, `contract-import:${actor.councilId}`);
      const earlier = upload ? await importedMomentsAgo(actor.councilId, upload, tx) : null;
      if (earlier) return { ok: true as const, plan: { ...summarise(file, [], []), counts: earlier } };
      // the contracts it changes are held until it ends, as an edit by hand holds its one (lockContractRows)
      const references = Array.from(new Set(file.rows.map((l) => l.row.contract_reference)));
      await lockContractRows(tx, { councilId: actor.councilId, references }, "FOR UPDATE");
      // and the council's measures keep the units it checks against (lockMeasureRows)
      await lockMeasureRows(tx, { councilId: actor.councilId }, "FOR SHARE");
      const planned = await planImport(tx, actor.councilId, file.rows, file.columns, file.rejected);
      const plan = summarise(file, [...file.errors, ...planned.errors], planned.contracts);
      if (plan.errors.length) return { ok: false as const, plan };

      const ids = new Map(planned.contracts.map((c) => [c.reference, c.existingId ?? crypto.randomUUID()]));
      written = Array.from(ids.values());
      await insertContracts(
        tx,
        actor.councilId,
        planned.contracts.filter((c) => !c.existingId).map((c) => ({ id: ids.get(c.reference)!, ...c.data })),
      );
      for (const c of planned.contracts.filter((c) => c.existingId && c.changes.length))
        await tx.contract.update({ where: { id: c.existingId! }, data: c.data });

      const newCommitments = planned.contracts.flatMap((c) =>
        c.commitments
          .filter((m) => !m.existingId)
          .map((m) => ({ ...m, id: crypto.randomUUID(), contractId: ids.get(c.reference)! })),
      );
      await insertCommitments(tx, newCommitments);
      const planRows: PlanRow[] = newCommitments.flatMap((m) =>
        m.value.plan.map((p) => ({ commitmentId: m.id, ...p })),
      );
      for (const c of planned.contracts)
        for (const m of c.commitments.filter((m) => m.existingId && m.changes.length)) {
          await tx.commitment.update({
            where: { id: m.existingId! },
            data: {
              targetQuantity: m.value.targetQuantity,
              qualitativeText: m.value.qualitativeText,
              narrative: m.narrative,
            },
          });
          await tx.commitmentPlan.deleteMany({ where: { commitmentId: m.existingId! } });
          planRows.push(...m.value.plan.map((p) => ({ commitmentId: m.existingId!, ...p })));
        }
      await insertPlanRows(tx, planRows);

      const audit = planned.contracts
        .filter((c) => !c.existingId || c.changes.length || c.commitments.some((m) => m.changes.length))
        .map((c) => ({
          action: c.existingId ? "contract.import_update" : "contract.import_create",
          entityId: ids.get(c.reference)!,
          // each change's unit kept with it: a measure's code may be changed, or reused, after the import
          details: listed(changesWithUnits(c)),
        }));
      await insertAudit(tx, actor, audit);
      await writeAudit(
        {
          actorUserId: actor.actorUserId,
          organisationId: actor.councilId,
          actorOrganisationId: actor.councilId,
          action: "contract.import",
          entityType: "ContractImport",
          ipAddress: actor.ipAddress,
          details: { rows: plan.rowCount, ...plan.counts, ...(upload ? { upload } : {}) },
        },
        tx,
      );
      return { ok: true as const, plan };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  // at once, not at the daily job's next run: until then their report rows would say "Not opened"; and their
  // suppliers are told at once too (through the outbox), as for a contract registered by hand, unless the file
  // opened so many that writing the emails would hold this page for minutes (IMPORT_ANNOUNCES_AT_ONCE)
  if (result.ok) await openDueReturns(written, { announceUpTo: IMPORT_ANNOUNCES_AT_ONCE });
  return result;
}
