// The import preview counted contracts as new, changed and unchanged but gave commitments one total ("3
// commitments"), the same whether the file added them, changed them or repeated what was stored. The preview (and
// the message once imported) now counts commitments as it counts contracts, and importing the same file again
// still changes nothing.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { DEFAULT_MEASURES } from "~/domain/contracts/default-measures.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { postPage, readableMainText } from "../helpers/render-page.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
const companyNumber = String(Date.now() % 100_000_000).padStart(8, "0");
const reference = `CNT-${companyNumber}`;
const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,measure_code,target_quantity,delivery_plan";
const row = (title: string, rest: string) =>
  `${reference},${title},${companyNumber},Parks,5000,2026-04-01,2027-03-31,${rest}`;
const first = [HEADER, row("Works", "JOB-02,4,Q1 2026/27=4"), row("Works", "GRO-04,100,")].join("\n");

beforeAll(async () => {
  w = await createContractsWorld();
  await db.organisation.update({ where: { id: w.supplier.id }, data: { companyNumber } });
  await db.measure.createMany({ data: DEFAULT_MEASURES.map((m) => ({ ...m, councilId: w.councilA.id })) });
  const actor = { councilId: w.councilA.id, actorUserId: w.users.officerA.id, ipAddress: null };
  expect((await applyImport(actor, first)).plan.errors).toEqual([]);
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

it("says the commitments of a file imported again are unchanged, and importing it changes nothing", async () => {
  expect(await previewText(first)).toContain(
    "2 rows: 0 new contracts, 0 changed, 1 unchanged; 0 new commitments, 0 changed, 2 unchanged.",
  );
  const before = await db.commitment.findMany({
    where: { contract: { reference } },
    select: { id: true, updatedAt: true },
    orderBy: { id: "asc" },
  });
  const actor = { councilId: w.councilA.id, actorUserId: w.users.officerA.id, ipAddress: null };
  const again = await applyImport(actor, first);
  expect(again.ok && again.plan.counts).toMatchObject({
    changed: 0,
    unchanged: 1,
    commitmentsCreated: 0,
    commitmentsChanged: 0,
    commitmentsUnchanged: 2,
  });
  const after = await db.commitment.findMany({
    where: { contract: { reference } },
    select: { id: true, updatedAt: true },
    orderBy: { id: "asc" },
  });
  expect(after).toEqual(before);
});

it("counts a new, a changed and an unchanged commitment of a stored contract apart", async () => {
  const csv = [
    HEADER,
    row("Works", "JOB-02,6,Q1 2026/27=6"),
    row("Works", "GRO-04,100,"),
    row("Works", "JOB-01,2,Q2 2026/27=2"),
  ].join("\n");
  const plan = await previewImport(w.councilA.id, csv);
  expect(plan.errors).toEqual([]);
  expect(plan.counts).toMatchObject({
    changed: 1,
    commitments: 3,
    commitmentsCreated: 1,
    commitmentsChanged: 1,
    commitmentsUnchanged: 1,
  });
  const text = await previewText(csv);
  expect(text).toContain(
    "3 rows: 0 new contracts, 1 changed, 0 unchanged; 1 new commitment, 1 changed, 1 unchanged.",
  );
  // the contract's own row of the table says which of its commitments are new and which change
  expect(text).toMatch(new RegExp(`${reference} Works .* 3 1 new, 1 changed `));
});
