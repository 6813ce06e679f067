// Which registered supplier a row of a contract import means. Only a verified supplier can hold a contract:
// company numbers are not unique on the portal (anyone can register one), so a pending look-alike must never
// be picked, and a number two verified suppliers share must be sorted out by a person, not by chance.
import type { VerificationStatus } from "~/generated/prisma/enums.ts";

export type SupplierCandidate = {
  id: string;
  name: string;
  companyNumber: string | null;
  status: VerificationStatus;
};

export type SupplierMatch<S extends SupplierCandidate> =
  | { ok: true; supplier: S }
  | { ok: false; column: "supplier_company_number" | "supplier_name"; message: string };

/** "1234567" (a spreadsheet dropped the leading zero), " sc 123456 " → "01234567", "SC123456". */
export function normaliseCompanyNumber(value: string) {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  return /^\d{1,7}$/.test(compact) ? compact.padStart(8, "0") : compact;
}

const nameKey = (name: string) => name.trim().toLowerCase();

function groupBy<S>(rows: S[], key: (row: S) => string | null) {
  const map = new Map<string, S[]>();
  for (const row of rows) {
    const k = key(row);
    if (k) map.set(k, [...(map.get(k) ?? []), row]);
  }
  return map;
}

const names = (rows: SupplierCandidate[]) =>
  rows
    .map((s) => s.name)
    .sort((a, b) => a.localeCompare(b, "en-GB"))
    .join(", ");

/** Indexes the candidates once for a whole file. Rejected organisations are left out entirely. */
export function supplierIndex<S extends SupplierCandidate>(candidates: S[]) {
  const verified = candidates.filter((s) => s.status === "VERIFIED");
  const pending = candidates.filter((s) => s.status === "PENDING");
  const number = (s: S) => (s.companyNumber ? normaliseCompanyNumber(s.companyNumber) : null);
  const name = (s: S) => nameKey(s.name);
  return {
    verifiedByNumber: groupBy(verified, number),
    pendingByNumber: groupBy(pending, number),
    verifiedByName: groupBy(verified, name),
    pendingByName: groupBy(pending, name),
  };
}

const waiting = (pending: SupplierCandidate[], number?: string) =>
  `${names(pending)}${number ? ` (company number ${number})` : ""} is waiting for verification: a council officer must verify it before contracts can be recorded against it`;

/** The supplier a row means: by company number when it gives one, else by name. */
export function matchSupplier<S extends SupplierCandidate>(
  index: ReturnType<typeof supplierIndex<S>>,
  row: { companyNumber: string; name: string },
): SupplierMatch<S> {
  if (row.companyNumber) {
    const column = "supplier_company_number" as const;
    const number = normaliseCompanyNumber(row.companyNumber);
    const verified = index.verifiedByNumber.get(number) ?? [];
    if (verified.length === 1) return { ok: true, supplier: verified[0]! };
    if (verified.length > 1)
      return {
        ok: false,
        column,
        message: `${verified.length} verified suppliers have company number ${number} (${names(verified)}), so the import cannot tell which holds this contract. Register it by hand and choose the supplier, or ask an administrator to resolve the duplicate registration.`,
      };
    const pending = index.pendingByNumber.get(number) ?? [];
    if (pending.length) return { ok: false, column, message: waiting(pending, number) };
    return { ok: false, column, message: `No supplier with company number ${number} is registered` };
  }
  const column = "supplier_name" as const;
  const verified = index.verifiedByName.get(nameKey(row.name)) ?? [];
  if (verified.length === 1) return { ok: true, supplier: verified[0]! };
  if (verified.length > 1)
    return {
      ok: false,
      column,
      message: `More than one supplier is called "${row.name}": give the company number`,
    };
  const pending = index.pendingByName.get(nameKey(row.name)) ?? [];
  if (pending.length) return { ok: false, column, message: waiting(pending) };
  return { ok: false, column, message: `No supplier called "${row.name}" is registered` };
}

/**
 * Whether a row names this very supplier: by company number when it gives one, else by name. A contract already
 * registered keeps the supplier it has when the file names it, whatever became of it since (another verified
 * registration sharing its number, or a contract recorded with it before it was verified), as the edit form does.
 */
export function rowNamesSupplier(
  supplier: { name: string; companyNumber: string | null },
  row: { companyNumber: string; name: string },
): boolean {
  if (row.companyNumber)
    return (
      supplier.companyNumber !== null &&
      normaliseCompanyNumber(supplier.companyNumber) === normaliseCompanyNumber(row.companyNumber)
    );
  return nameKey(supplier.name) === nameKey(row.name);
}
