// An import never deletes a commitment: those already on a contract that the file leaves out are kept as they are.
// The preview and the message once imported did not say so, so an officer importing a file with fewer rows than
// the contract has commitments could not tell whether the others would go. Both now say which are kept.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { DEFAULT_MEASURES } from "~/domain/contracts/default-measures.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { action as importAction } from "~/routes/contracts.import.tsx";
import { flashMessageOf } from "../helpers/flash.ts";
import { postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
const companyNumber = String((Date.now() + 4040) % 100_000_000).padStart(8, "0");
const first = `KEPT-${companyNumber}-1`;
const second = `KEPT-${companyNumber}-2`;
const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,measure_code,target_quantity,delivery_plan,qualitative_commitment";
const row = (reference: string, rest: string) =>
  `${reference},Works,${companyNumber},Parks,5000,2026-04-01,2027-03-31,${rest}`;
const JOB = "JOB-02,4,Q1 2026/27=4,";
const GRO = "GRO-04,100,,";
const SOC = "SOC-04,,,Two careers fairs";

beforeAll(async () => {
  w = await createContractsWorld();
  await db.organisation.update({ where: { id: w.supplier.id }, data: { companyNumber } });
  await db.measure.createMany({ data: DEFAULT_MEASURES.map((m) => ({ ...m, councilId: w.councilA.id })) });
  const actor = { councilId: w.councilA.id, actorUserId: w.users.officerA.id, ipAddress: null };
  const stored = [
    HEADER,
    row(first, JOB),
    row(first, GRO),
    row(first, SOC),
    row(second, JOB),
    row(second, SOC),
  ];
  expect((await applyImport(actor, stored.join("\n"))).plan.errors).toEqual([]);
});

function upload(csv: string) {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("file", new File([csv], "contracts.csv", { type: "text/csv" }));
  return form;
}

async function previewText(csv: string) {
  const response = await postPage("/contracts/import", upload(csv), w.officer);
  expect(response.status).toBe(200);
  return readableMainText(await response.text());
}

const commitmentsOf = (reference: string) =>
  db.commitment.findMany({
    where: { contract: { reference } },
    select: { measure: { select: { code: true } } },
    orderBy: { measure: { code: "asc" } },
  });

it("says which commitments the file leaves out of one contract, and that they will be kept", async () => {
  // the first contract's JOB-02 only, with a new target; the second contract's both, unchanged
  const csv = [HEADER, row(first, "JOB-02,6,Q1 2026/27=6,"), row(second, JOB), row(second, SOC)].join("\n");
  const plan = await previewImport(w.councilA.id, csv);
  expect(plan.errors).toEqual([]);
  expect(plan.counts.commitmentsKept).toBe(2);
  expect(plan.contracts.map((c) => [c.reference, c.kept])).toEqual([
    [first, ["GRO-04", "SOC-04"]],
    [second, []],
  ]);
  const text = await previewText(csv);
  expect(text).toContain(
    `2 commitments already on contract ${first} are not in the file and will be kept as they are: GRO-04 and SOC-04.`,
  );
  // and on the contract's own row of the table
  expect(text).toMatch(
    new RegExp(`${first} Works .* 1 1 changed 2 not in the file, kept as they are: GRO-04 and SOC-04 `),
  );

  // imported: the message says they were kept, and they are
  const preview = await callAction(importAction, {
    path: "/contracts/import",
    cookie: w.officer,
    form: upload(csv),
  });
  const { upload: id } = await jsonOf<{ upload: string }>(preview);
  const form = new FormData();
  form.append("intent", "import");
  form.append("upload", id);
  const done = await callAction(importAction, { path: "/contracts/import", cookie: w.officer, form });
  expect(done.status).toBe(302);
  expect(await flashMessageOf(done)).toBe(
    "Import complete: 0 new contracts, 1 changed, 1 unchanged; 0 new commitments, 1 changed, 2 unchanged; 2 commitments already stored and not in the file were kept as they were",
  );
  expect((await commitmentsOf(first)).map((c) => c.measure.code)).toEqual(["GRO-04", "JOB-02", "SOC-04"]);

  // and the council's audit log says the same of the import
  const log = await renderPage("/council/audit?action=contract.import", w.admin);
  expect(log.status).toBe(200);
  const entry = readableMainText(await log.text());
  expect(entry).toContain("Contracts: 2 (0 new, 1 changed, 1 unchanged)");
  expect(entry).toContain("Commitments: 3 (0 new, 1 changed, 2 unchanged)");
  expect(entry).toContain("Commitments not in the file, kept as they were: 2");
});

it("says how many contracts keep commitments when several do, and names them on each row", async () => {
  // a row with the commitment columns blank gives the contract alone: all three of its commitments are kept
  const csv = [HEADER, row(first, ",,,"), row(second, JOB)].join("\n");
  const plan = await previewImport(w.councilA.id, csv);
  expect(plan.errors).toEqual([]);
  expect(plan.counts.commitmentsKept).toBe(4);
  const text = await previewText(csv);
  expect(text).toContain(
    "4 commitments already on 2 of these contracts are not in the file and will be kept as they are: the table names them.",
  );
  expect(text).toContain("3 not in the file, kept as they are: GRO-04, JOB-02 and SOC-04");
  expect(text).toContain("1 not in the file, kept as it is: SOC-04");
});

it("says nothing of kept commitments when the file gives every one", async () => {
  const csv = [HEADER, row(second, JOB), row(second, SOC)].join("\n");
  const text = await previewText(csv);
  expect(text).toContain(
    "2 rows: 0 new contracts, 0 changed, 1 unchanged; 0 new commitments, 0 changed, 2 unchanged.",
  );
  expect(text).not.toContain("not in the file");
});
