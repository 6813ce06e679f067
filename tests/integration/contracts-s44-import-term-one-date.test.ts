// A contracts import row whose start date could not be read was told only that, though a plan quarter fell after
// its readable end date (QA, session 44): the plan's quarters are now checked against each date that can be read
// (those after a readable end date, those before a readable start date), so one upload tells every problem.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,plan_reference,status,terminated_on,measure_code,target_quantity,delivery_plan,qualitative_commitment,narrative";
const csv = (rows: string[]) => [HEADER, ...rows].join("\n") + "\n";
const problems = (plan: Awaited<ReturnType<typeof previewImport>>) =>
  plan.errors.map((e) => `${e.line} ${e.column ?? "-"}: ${e.message}`);
const NOT_A_DATE = "Enter a real date as 2026-04-01 or 01/04/2026";

let world: Awaited<ReturnType<typeof createImportWorld>>;
const prefix = `ONEDATE-${Date.now() % 1_000_000}`;

beforeAll(async () => {
  world = await createImportWorld();
});

it("tells a plan quarter after a readable end date on a row whose start date is not a real date", async () => {
  // the QA report's row
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `${prefix}-1,Works,${world.companyNumber},,Resources,,100,,31/04/2026,30/03/2027,,Active,,SOC-01,20,Q1 2026/27=10; Q1 2027/28=10,,`,
    ]),
  );
  expect(problems(plan)).toEqual([
    `2 start_date: ${NOT_A_DATE}`,
    "2 delivery_plan: Q1 2027/28 is outside the contract term",
  ]);
});

it("tells a plan quarter before a readable start date on a row whose end date is not a real date", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `${prefix}-2,Works,${world.companyNumber},,Resources,,100,,2026-04-01,2027-02-30,,Active,,SOC-01,20,Q4 2025/26=10; Q3 2030/31=10,,`,
    ]),
  );
  // Q3 2030/31 may well be in the term: its end date is not known
  expect(problems(plan)).toEqual([
    `2 end_date: ${NOT_A_DATE}`,
    "2 delivery_plan: Q4 2025/26 is outside the contract term",
  ]);
});

it("tells no quarter outside the term when neither date can be read, nor when they are out of order", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `${prefix}-3,Works,${world.companyNumber},,Resources,,100,,2026-02-30,2027-02-30,,Active,,SOC-01,20,Q4 2020/21=10; Q1 2040/41=10,,`,
      `${prefix}-4,Works,${world.companyNumber},,Resources,,100,,2027-04-01,2026-03-31,,Active,,SOC-01,20,Q4 2020/21=10; Q1 2040/41=10,,`,
    ]),
  );
  expect(problems(plan)).toEqual([
    `2 start_date: ${NOT_A_DATE}`,
    `2 end_date: ${NOT_A_DATE}`,
    "3 end_date: The end date must be on or after the start date",
  ]);
});

it("imports nothing from such a row", async () => {
  const result = await applyImport(
    { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null },
    csv([
      `${prefix}-5,Works,${world.companyNumber},,Resources,,100,,31/04/2026,30/03/2027,,Active,,SOC-01,20,Q1 2026/27=10; Q1 2027/28=10,,`,
    ]),
  );
  expect(result.ok).toBe(false);
  expect(problems(result.plan)).toEqual([
    `2 start_date: ${NOT_A_DATE}`,
    "2 delivery_plan: Q1 2027/28 is outside the contract term",
  ]);
  expect(await db.contract.count({ where: { reference: { startsWith: prefix } } })).toBe(0);
});
