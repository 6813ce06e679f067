// A row with a narrative but no measure code was read as a contract-only row: the contract was imported and the
// narrative, with no commitment to go on, was dropped without a word. It now asks for the measure code, as a
// target, plan or qualitative commitment without one does.
import { describe, expect, it } from "vitest";
import { parseImportRow } from "~/domain/contracts/import-rows.ts";

const record = (overrides: Record<string, string> = {}) => ({
  contract_reference: "C-1",
  contract_title: "Title",
  supplier_company_number: "01234567",
  department: "Resources",
  value_gbp: "1000",
  start_date: "2026-04-01",
  end_date: "2027-03-31",
  ...overrides,
});

describe("a row with a narrative", () => {
  it("and no measure code is refused, naming the measure code column", () => {
    expect(parseImportRow(4, record({ narrative: "Apprentices from the local college" }))).toEqual({
      ok: false,
      errors: [
        { line: 4, column: "measure_code", message: "Enter the measure code this commitment is measured by" },
      ],
    });
  });

  it("left blank with no measure code is a contract-only row", () => {
    expect(parseImportRow(4, record({ narrative: "  " })).ok).toBe(true);
  });
});
