// Excel saves a row of empty cells (",,,,,") for each row below the data that was ever used or formatted: such
// rows are ignored, as blank lines are, instead of each being refused for a missing reference, title and dates.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,status,measure_code,qualitative_commitment";
const EMPTY_ROW = ",,,,,,,,,";

let world: Awaited<ReturnType<typeof createImportWorld>>;

beforeAll(async () => {
  world = await createImportWorld();
});

const row = (reference: string, status = "Active") =>
  `${reference},Schools works,${world.companyNumber},Children's Services,100,2026-04-01,2027-03-31,${status},SOC-04,Two careers fairs`;

describe("rows with every cell empty", () => {
  it("are ignored below the data, so the file imports", async () => {
    const file = [HEADER, row("BLANK-1"), row("BLANK-2"), EMPTY_ROW, EMPTY_ROW, " , ,", ""].join("\r\n");
    const preview = await previewImport(world.councilA.id, file);
    expect(preview.errors).toEqual([]);
    expect(preview.rowCount).toBe(2);
    const result = await applyImport(
      { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null },
      file,
    );
    expect(result.ok).toBe(true);
    expect(await db.contract.count({ where: { reference: { startsWith: "BLANK-" } } })).toBe(2);
  });

  it("are ignored between rows, and the rows after them keep their own line numbers", async () => {
    const file = [HEADER, row("GAP-1"), EMPTY_ROW, row("GAP-2", "Paused")].join("\n");
    const { errors } = await previewImport(world.councilA.id, file);
    expect(errors.map((e) => [e.line, e.column])).toEqual([[4, "status"]]);
  });

  it("a file with a header and only such rows has no rows", async () => {
    const { errors } = await previewImport(world.councilA.id, [HEADER, EMPTY_ROW, EMPTY_ROW].join("\n"));
    expect(errors).toEqual([{ line: 2, column: null, message: "The file has a header but no rows" }]);
  });
});
