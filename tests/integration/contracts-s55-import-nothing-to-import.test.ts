// The import preview's button said "Import 3 contracts" for a file whose 3 contracts were all already stored as it
// gives them: pressing it changed nothing. The button now says what it does in the summary's words ("Import 1 new
// and 1 changed contracts"), and a file that changes nothing has no button: the preview says there is nothing to
// import.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { formAsShown, postPage, readableMainText } from "../helpers/render-page.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
const companyNumber = `5${String(Date.now() % 10_000_000).padStart(7, "0")}`;

beforeAll(async () => {
  w = await createContractsWorld();
  await db.organisation.update({ where: { id: w.supplier.id }, data: { companyNumber } });
});

const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date";
const row = (reference: string, title = "Grounds maintenance") =>
  `${reference}-${companyNumber},${title},${companyNumber},Parks,5000,2026-04-01,2027-03-31`;

function upload(rows: string[]) {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("file", new File([[HEADER, ...rows].join("\n")], "contracts.csv", { type: "text/csv" }));
  return form;
}

async function preview(rows: string[]) {
  const response = await postPage("/contracts/import", upload(rows), w.officer);
  expect(response.status).toBe(200);
  return response.text();
}

/** The label of the preview's Import button, or null when it has none. */
const importButton = (html: string) =>
  /<button[^>]*value="import"[^>]*>([^<]*)<\/button>/.exec(html)?.[1] ?? null;

describe("the import preview's button", () => {
  it("says how many new contracts it imports, and is not there once they are stored", async () => {
    const rows = [row("NI-1"), row("NI-2"), row("NI-3")];
    const first = await preview(rows);
    expect(importButton(first)).toBe("Import 3 new contracts");
    const done = await postPage("/contracts/import", formAsShown(first, "/contracts/import"), w.officer);
    expect(done.status).toBe(302);

    const again = await preview(rows);
    expect(importButton(again)).toBeNull();
    // nothing is kept for a confirm step there is no button for
    expect(again).not.toContain('name="upload"');
    expect(readableMainText(again)).toContain(
      "Nothing to import All 3 contracts are already as in the file. 3 rows: 0 new contracts, 0 changed, 3 unchanged; 0 new commitments, 0 changed, 0 unchanged.",
    );
    expect(readableMainText(again)).toContain("Back to all contracts");
    expect(readableMainText(again)).not.toContain("Nothing has been saved yet");
  });

  it("names new and changed contracts, not the unchanged ones", async () => {
    const both = await preview([row("NI-1", "Grounds and verges"), row("NI-2"), row("NI-3"), row("NI-4")]);
    expect(importButton(both)).toBe("Import 1 new and 1 changed contracts");
    expect(readableMainText(both)).toContain(
      "No problems found 4 rows: 1 new contract, 1 changed, 2 unchanged; 0 new commitments, 0 changed, 0 unchanged. Nothing has been saved yet.",
    );
    expect(importButton(await preview([row("NI-1", "Grounds and verges"), row("NI-2")]))).toBe(
      "Import 1 changed contract",
    );
  });

  it("says it of one contract, or two, already as in the file", async () => {
    expect(readableMainText(await preview([row("NI-2")]))).toContain(
      "Nothing to import The contract is already as in the file.",
    );
    expect(readableMainText(await preview([row("NI-2"), row("NI-3")]))).toContain(
      "Nothing to import Both contracts are already as in the file.",
    );
  });
});
