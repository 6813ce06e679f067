// The contract forms as an officer sends them, and a row of the contracts import, so a test names only the fields
// it is about.

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "";

/** The register-a-contract form filled in for a two-year contract with the supplier, changed by `overrides`. */
export function newContractForm(supplierOrganisationId: string, overrides: Record<string, string> = {}) {
  return {
    reference: "",
    title: "Highways maintenance",
    supplierOrganisationId,
    department: "Highways",
    contractManagerId: "",
    valueGbp: "1000000",
    awardedOn: "",
    startDate: "2026-04-01",
    endDate: "2028-03-31",
    planReference: "",
    status: "ACTIVE",
    terminatedOn: "",
    ...overrides,
  };
}

type SavedContract = {
  reference: string;
  title: string;
  supplierOrganisationId: string;
  department: string;
  contractManagerId: string | null;
  valueGbp: { toFixed(digits: number): string };
  awardedOn: Date | null;
  startDate: Date;
  endDate: Date;
  planReference: string | null;
  status: string;
  terminatedOn: Date | null;
  updatedAt: Date;
};

/** A saved contract's edit form as its page fills it in (with the version it was read at), changed by `overrides`. */
export function contractEditForm(contract: SavedContract, overrides: Record<string, string> = {}) {
  return {
    reference: contract.reference,
    title: contract.title,
    supplierOrganisationId: contract.supplierOrganisationId,
    department: contract.department,
    contractManagerId: contract.contractManagerId ?? "",
    valueGbp: contract.valueGbp.toFixed(2),
    awardedOn: day(contract.awardedOn),
    startDate: day(contract.startDate),
    endDate: day(contract.endDate),
    planReference: contract.planReference ?? "",
    status: contract.status,
    terminatedOn: day(contract.terminatedOn),
    version: contract.updatedAt.toISOString(),
    ...overrides,
  };
}

/** One row of a contracts CSV as the import reads it (header names as keys): a contract-only row, changed by
 * `overrides`. */
export function importRecord(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    contract_reference: "C-1",
    contract_title: "Title",
    supplier_company_number: "01234567",
    department: "Resources",
    value_gbp: "1000",
    start_date: "2026-04-01",
    end_date: "2027-03-31",
    ...overrides,
  };
}

/** A commitment form's plan boxes for the quarters of 2026/27 (a term of April 2026 to March 2027), as the form sends
 * them: each quarter's key, and its quantity (blank where none is given). */
export function planBoxes2026(...quantities: string[]) {
  const form: Record<string, string> = {};
  ["2026-1", "2026-2", "2026-3", "2026-4"].forEach((key, i) => {
    form[`plan[${i}].quarter`] = key;
    form[`plan[${i}].quantity`] = quantities[i] ?? "";
  });
  return form;
}
