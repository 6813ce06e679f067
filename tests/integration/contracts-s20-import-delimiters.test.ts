// A contracts file saved by Excel in a language that writes decimals with a comma has its columns separated by
// semicolons (and "Unicode text" by tabs). The preview answered with nine problems, among them every required
// column "missing" and csv-parse's own "Invalid Opening Quote: a quote is found on field …". The header row now
// decides the separator; and what is wrong in the CSV itself is said in words a person can act on.
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { DEFAULT_MEASURES } from "~/domain/contracts/default-measures.ts";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { createWorld } from "../helpers/factories.ts";

const COLUMNS = [
  "contract_reference",
  "contract_title",
  "supplier_company_number",
  "department",
  "value_gbp",
  "start_date",
  "end_date",
  "measure_code",
  "target_quantity",
  "delivery_plan",
];

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  await db.organisation.update({ where: { id: world.supplier.id }, data: { companyNumber: "07654321" } });
  await db.measure.createMany({
    data: DEFAULT_MEASURES.map((m) => ({ ...m, councilId: world.councilA.id })),
  });
});

// the delivery plan holds semicolons, so a semicolon file quotes it, as Excel does
function file(separator: string) {
  const plan = '"Q1 2026/27=1; Q2 2026/27=1; Q3 2026/27=1; Q4 2026/27=1"';
  const rows = [
    COLUMNS.join(separator),
    [
      "SEP-1",
      "Schools works",
      "07654321",
      "Education",
      "150000",
      "2026-04-01",
      "2027-03-31",
      "JOB-02",
      "4",
      plan,
    ].join(separator),
    ["SEP-2", "Grounds", "07654321", "Environment", "90000", "01/04/2026", "31/03/2027", "", "", ""].join(
      separator,
    ),
  ];
  return rows.join("\r\n") + "\r\n";
}

describe("a contracts file's separator", () => {
  it.each([
    ["commas", ","],
    ["semicolons", ";"],
    ["tabs", "\t"],
  ])("with %s is read the same way", async (_name, separator) => {
    const preview = await previewImport(world.councilA.id, file(separator));
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toEqual({
      created: 2,
      changed: 0,
      unchanged: 0,
      commitments: 1,
      commitmentsCreated: 1,
      commitmentsChanged: 0,
      commitmentsUnchanged: 0,
      commitmentsKept: 0,
    });
  });

  it("is found from a header row that arrives in several pieces", async () => {
    const bytes = Buffer.from(file(";"));
    const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
      bytes.subarray(i * 7, i * 7 + 7),
    );
    const preview = await previewImport(world.councilA.id, Readable.from(pieces));
    expect(preview.errors).toEqual([]);
    expect(preview.counts.created).toBe(2);
  });

  it("a comma file's unquoted delivery plan, semicolons and all, is still one value", async () => {
    const text = file(",").replace(/"(Q1[^"]+)"/, "$1");
    const preview = await previewImport(world.councilA.id, text);
    expect(preview.errors).toEqual([]);
    expect(preview.counts.commitments).toBe(1);
  });
});

describe("a file that is not valid CSV", () => {
  it("a quote mark never closed is named as such", async () => {
    const text = file(",").replace("Grounds", '"Grounds');
    const preview = await previewImport(world.councilA.id, text);
    const [problem] = preview.errors.filter((e) => e.message.includes("never closed"));
    expect(problem?.message).toBe(
      `A value starts with a quote mark (") that is never closed. Close it, or remove it. Lines after line ${problem?.line} could not be checked until this is fixed.`,
    );
  });

  it("a quote mark inside a value says how to write one", async () => {
    const text = file(",").replace("Schools works", 'Schools "works"');
    const preview = await previewImport(world.councilA.id, text);
    expect(preview.errors).toEqual([
      {
        line: 2,
        column: "contract_title",
        message:
          'A value has a quote mark (") inside it. Put the whole value in quotes and write each quote mark inside it twice (""). Lines after line 2 could not be checked until this is fixed.',
      },
    ]);
  });
});
