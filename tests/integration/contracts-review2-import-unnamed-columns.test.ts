// A spreadsheet saved as CSV often ends its header with empty cells ("…,narrative,,"): columns once used, or
// only formatted, that Excel still writes, with an empty field on every row under them. They are invisible in
// Excel, so 'Unknown column ""' (twice, and 'The column "" appears twice') left the officer nothing to fix.
// A column with no name and nothing in it is ignored; a value under one is still a row error.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { createWorld, unique } from "../helpers/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let companyNumber: string;

beforeAll(async () => {
  world = await createWorld();
  companyNumber = (await db.organisation.findUniqueOrThrow({ where: { id: world.supplier.id } }))
    .companyNumber!;
});

const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date";
const row = (reference: string) => `${reference},Works,${companyNumber},Resources,1000,2026-04-01,2027-03-31`;

describe("columns with no name in the header", () => {
  it("are ignored when nothing is under them, at the end or between named columns", async () => {
    const reference = unique("BLANK");
    const file = `${HEADER},,\n${row(reference)},,\n`;
    const preview = await previewImport(world.councilA.id, file);
    expect(preview.errors).toEqual([]);
    expect(preview.counts.created).toBe(1);
    const between = HEADER.replace(",department", ",,department");
    const middle = `${between}\n${row(unique("BLANK")).replace(",Resources", ",,Resources")}\n`;
    expect((await previewImport(world.councilA.id, middle)).errors).toEqual([]);

    const actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null };
    expect((await applyImport(actor, file)).ok).toBe(true);
    expect(await db.contract.count({ where: { councilId: world.councilA.id, reference } })).toBe(1);
  });

  it("a value under one is an error on its row, naming the column's place", async () => {
    const file = `${HEADER},,\n${row(unique("BLANK"))},,\n${row(unique("BLANK"))},,stray\n`;
    const preview = await previewImport(world.councilA.id, file);
    expect(preview.errors).toEqual([
      {
        line: 3,
        column: null,
        message: expect.stringMatching(/column 9,.*no name in the header/),
      },
    ]);
  });

  it("an unknown named column is still refused", async () => {
    const preview = await previewImport(world.councilA.id, `${HEADER},notes,\n${row(unique("BLANK"))},x,\n`);
    expect(preview.errors).toEqual([{ line: 1, column: null, message: 'Unknown column "notes"' }]);
  });
});
