// Who may hold a contract, and when its holder may change. Only a verified supplier can be recorded against a
// contract (it then sees the contract, its returns and evidence). Once the supplier has reported on the
// contract, its returns, notes, evidence and linked pledges are its own record: changing the supplier would
// hand them to another company, so a novated contract is registered afresh for the new supplier.
import { db, type Tx } from "~/db.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { compareNames } from "./labels.ts";

type Reader = Pick<Tx, "organisation" | "contract">;

/** Contracts holding nothing from their supplier yet: no return beyond "not started", no pledge linked. */
export const NOTHING_REPORTED: Prisma.ContractWhereInput = {
  returns: { none: { status: { not: "NOT_STARTED" } } },
  commitments: { none: { pledges: { some: {} } } },
};

export async function hasSupplierRecord(tx: Reader, contractId: string) {
  return (await tx.contract.count({ where: { id: contractId, NOT: NOTHING_REPORTED } })) > 0;
}

export function supplierChangeRefusal(supplierName: string) {
  return `The supplier cannot change: this contract already has returns or marketplace pledges from ${supplierName}, and they stay with ${supplierName}. If the contract has passed to a new supplier (novation), register a new contract for the new supplier.`;
}

/**
 * The suppliers the contract form offers: verified ones, and the contract's own supplier when changing a
 * contract (whatever its status, so saving other details never drops it). A name two suppliers share is told
 * apart by company number. They are listed as people read names (compareNames: "Supplier 2" before "Supplier 10",
 * case and accents aside), not in the database's order of text.
 */
export async function supplierChoices(currentSupplierId?: string) {
  const found = await db.organisation.findMany({
    where: {
      kind: "SUPPLIER",
      OR: [{ status: "VERIFIED" }, ...(currentSupplierId ? [{ id: currentSupplierId }] : [])],
    },
    select: { id: true, name: true, companyNumber: true },
  });
  const suppliers = found.sort(
    (a, b) => compareNames(a.name, b.name) || compareNames(a.companyNumber ?? "", b.companyNumber ?? ""),
  );
  const count = new Map<string, number>();
  for (const s of suppliers) count.set(s.name.toLowerCase(), (count.get(s.name.toLowerCase()) ?? 0) + 1);
  return suppliers.map((s) => ({
    id: s.id,
    label:
      (count.get(s.name.toLowerCase()) ?? 0) > 1
        ? `${s.name} (company number ${s.companyNumber ?? "not given"})`
        : s.name,
  }));
}

/** Why this organisation cannot be recorded as a contract's supplier, or null when it can. */
export async function supplierProblem(tx: Reader, supplierOrganisationId: string) {
  const supplier = await tx.organisation.findFirst({
    where: { id: supplierOrganisationId, kind: "SUPPLIER" },
    select: { name: true, status: true },
  });
  if (!supplier || supplier.status === "REJECTED") return "Choose the supplier from the list";
  if (supplier.status === "PENDING")
    return `${supplier.name} is waiting for verification: a council officer must verify it before a contract can be recorded against it`;
  return null;
}
