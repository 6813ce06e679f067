// The import preview of a file with one row said "1 rows: 1 new contract…".
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { postPage, readableMainText } from "../helpers/render-page.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
const companyNumber = String(Date.now() % 100_000_000).padStart(8, "0");

beforeAll(async () => {
  w = await createContractsWorld();
  await db.organisation.update({ where: { id: w.supplier.id }, data: { companyNumber } });
});

function upload(csv: string) {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("file", new File([csv], "contracts.csv", { type: "text/csv" }));
  return form;
}

it("counts one row as one row", async () => {
  const csv = [
    "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date",
    `ONE-${companyNumber},Grounds maintenance,${companyNumber},Parks,5000,2026-04-01,2027-03-31`,
  ].join("\n");
  const response = await postPage("/contracts/import", upload(csv), w.officer);
  expect(response.status).toBe(200);
  const text = readableMainText(await response.text());
  expect(text).toContain(
    "No problems found 1 row: 1 new contract, 0 changed, 0 unchanged; 0 new commitments, 0 changed, 0 unchanged.",
  );
});
