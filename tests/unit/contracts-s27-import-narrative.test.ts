// A row with a narrative but no measure code was read as a contract-only row: the contract was imported and the
// narrative, with no commitment to go on, was dropped without a word. It now asks for the measure code, as a
// target, plan or qualitative commitment without one does.
import { describe, expect, it } from "vitest";
import { parseImportRow } from "~/domain/contracts/import-rows.ts";
import { importRecord } from "../helpers/contract-forms.ts";

const record = importRecord;

describe("a row with a narrative", () => {
  it("and no measure code is refused, naming the measure code column", () => {
    // toMatchObject: a refused row also says what of it could be read
    expect(parseImportRow(4, record({ narrative: "Apprentices from the local college" }))).toMatchObject({
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
