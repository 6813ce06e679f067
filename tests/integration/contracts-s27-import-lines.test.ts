// A row's problems are reported on the line the row starts on, as a text editor numbers the file, even when a
// quoted value (an address, a narrative) holds line breaks, Windows ones included.
import { beforeAll, describe, expect, it } from "vitest";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,status,measure_code,qualitative_commitment,narrative";

let world: Awaited<ReturnType<typeof createImportWorld>>;

beforeAll(async () => {
  world = await createImportWorld();
});

/** One row; `narrative` may hold line breaks (it is quoted). */
function row(reference: string, { status = "Active", narrative = "", measure = "SOC-04" } = {}) {
  return `${reference},"Schools, works",${world.companyNumber},Children's Services,100,2026-04-01,2027-03-31,${status},${measure},Two careers fairs,"${narrative}"`;
}

const preview = (file: string) => previewImport(world.councilA.id, file);
const where = (errors: { line: number; column: string | null }[]) => errors.map((e) => [e.line, e.column]);

describe("line numbers in a file whose quoted values hold line breaks", () => {
  it("name the line a row starts on, not the line it ends on", async () => {
    const file = [
      HEADER,
      row("L-1", { status: "Paused", narrative: "First\nsecond\nthird" }),
      row("L-2"),
    ].join("\n");
    expect(where((await preview(file)).errors)).toEqual([[2, "status"]]);

    const clean = await preview([HEADER, row("L-3", { narrative: "a\nb" }), row("L-4")].join("\n"));
    expect(clean.contracts.map((c) => [c.reference, c.line])).toEqual([
      ["L-3", 2],
      ["L-4", 4],
    ]);
  });

  it("count a quoted Windows line break as one line, so later rows are not reported too far down", async () => {
    const file =
      [
        HEADER,
        row("W-1", { narrative: "Line one\r\nline two\r\nline three" }),
        "",
        row("W-2", { status: "Paused" }),
        row("W-3", { narrative: "x\r\ny", status: "Soon" }),
      ].join("\r\n") + "\r\n\r\n";
    expect(where((await preview(`\ufeff${file}`)).errors)).toEqual([
      [6, "status"],
      [7, "status"],
    ]);
  });

  it("a duplicate reference points at the line the first row starts on", async () => {
    const file = [HEADER, row("D-1", { narrative: "a\nb\nc" }), row("D-1", { measure: "SOC-04" })].join("\n");
    const { errors } = await preview(file);
    expect(where(errors)).toEqual([[5, "measure_code"]]);
    expect(errors[0]!.message).toMatch(/line 2 already gives SOC-04/);
  });

  it("a quote mark never closed is reported on the line of the row it opens in", async () => {
    const file = [
      HEADER,
      row("Q-1", { narrative: "a\nb" }),
      `Q-2,"Schools works,${world.companyNumber}`,
      "more",
      "text",
    ].join("\n");
    const { errors } = await preview(file);
    expect(errors).toEqual([
      { line: 4, column: "contract_title", message: expect.stringMatching(/never closed/) },
    ]);
  });
});
