// The contract forms as an officer sends them, so a test names only the fields it is about.

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
