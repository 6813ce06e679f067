// Some Windows programs end a text file with Ctrl+Z (0x1A), the old end-of-file mark. Read as data, a file ending
// with one was refused ("This row has 1 fields; the header has 10"), though Excel and Notepad open it as if it
// were not there. A Ctrl+Z at the very end (after the last line break or the last value, perhaps followed by a
// line break or spaces) is now ignored; one anywhere else is a problem of its own, on its row and column.
import { beforeAll, describe, expect, it } from "vitest";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { END_OF_FILE_MARK_MESSAGE } from "~/domain/contracts/import-encoding.ts";
import { createImportWorld, streamOf, utf16File } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,measure_code,qualitative_commitment,narrative";
const row = (reference: string, narrative = "Local schools") =>
  `${reference},Works,${world.companyNumber},Parks,100,2026-04-01,2027-03-31,SOC-04,Two careers fairs,"${narrative}"`;
const CTRL_Z = "\x1a";

let world: Awaited<ReturnType<typeof createImportWorld>>;

beforeAll(async () => {
  world = await createImportWorld();
});

const preview = (file: Parameters<typeof previewImport>[1]) => previewImport(world.councilA.id, file);

describe("a Ctrl+Z at the end of the file", () => {
  it.each([
    ["on a line of its own after the last line break", (line: string) => `${HEADER}\r\n${line}\r\n${CTRL_Z}`],
    ["straight after the last value", (line: string) => `${HEADER}\r\n${line}${CTRL_Z}`],
    ["followed by a line break and spaces", (line: string) => `${HEADER}\n${line}\n${CTRL_Z}\r\n  \t\r\n`],
    ["twice", (line: string) => `${HEADER}\n${line}\n${CTRL_Z}${CTRL_Z}`],
  ])("is ignored %s", async (_, fileOf) => {
    const plan = await preview(fileOf(row("Z-1")));
    expect(plan.errors).toEqual([]);
    expect(plan.rowCount).toBe(1);
    expect(plan.contracts.map((c) => c.reference)).toEqual(["Z-1"]);
  });

  it("is ignored when it arrives in a chunk of its own, or after whitespace in a later chunk", async () => {
    const bytes = new TextEncoder().encode(`${HEADER}\r\n${row("Z-1")}\r\n${CTRL_Z}\r\n   `);
    for (const size of [1, 2, 7, 64]) {
      const plan = await preview(streamOf(bytes, size));
      expect(plan.errors).toEqual([]);
      expect(plan.contracts.map((c) => c.reference)).toEqual(["Z-1"]);
    }
  });

  it("is ignored in a Windows-1252 file and in a UTF-16 one", async () => {
    const windows = new Uint8Array([
      ...Buffer.from(
        `${HEADER}\r\nZ-1,Works,${world.companyNumber},Parks,100,2026-04-01,2027-03-31,SOC-04,Fairs,Caf`,
        "latin1",
      ),
      0xe9, // é in Windows-1252, not valid UTF-8
      ...Buffer.from(`\r\n${CTRL_Z}`, "latin1"),
    ]);
    const file1252 = await preview(windows);
    expect(file1252.encoding).toBe("windows-1252");
    expect(file1252.errors).toEqual([]);

    const utf16 = await preview(utf16File(`${HEADER}\r\n${row("Z-2")}\r\n${CTRL_Z}`, "le"));
    expect(utf16.encoding).toBe("utf-16");
    expect(utf16.errors).toEqual([]);
    expect(utf16.contracts.map((c) => c.reference)).toEqual(["Z-2"]);
  });

  it("leaves a file of a header and a Ctrl+Z with no rows, said as such", async () => {
    const plan = await preview(`${HEADER}\r\n${CTRL_Z}`);
    expect(plan.errors.map((e) => e.message)).toEqual(["The file has a header but no rows"]);
  });
});

describe("a Ctrl+Z anywhere else", () => {
  it("is told on its row as a Ctrl+Z, not as a row with the wrong number of fields", async () => {
    const plan = await preview([HEADER, row("Z-1"), CTRL_Z, row("Z-2")].join("\r\n"));
    expect(plan.errors).toEqual([
      { line: 3, column: "contract_reference", message: END_OF_FILE_MARK_MESSAGE },
    ]);
  });

  it("is told in the column of the value it is in, with the rows after it still checked", async () => {
    const plan = await preview(
      [HEADER, row("Z-1", `Local${CTRL_Z} schools`), row("Z-2"), "Z-3,Works,99999999"].join("\n"),
    );
    expect(plan.errors[0]).toEqual({ line: 2, column: "narrative", message: END_OF_FILE_MARK_MESSAGE });
    expect(plan.errors.slice(1).map((e) => e.line)).toEqual([4]);
  });

  it("is told when it is followed by more than whitespace", async () => {
    const plan = await preview(`${HEADER}\n${row("Z-1")}\n${CTRL_Z}x\n`);
    expect(plan.errors).toEqual([
      { line: 3, column: "contract_reference", message: END_OF_FILE_MARK_MESSAGE },
    ]);
  });
});
