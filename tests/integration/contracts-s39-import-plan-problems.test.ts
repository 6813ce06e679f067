// A row's delivery plan was told only its first problem: a quarter outside the term hid that the plan does not add
// up to the target, and the first entry that could not be read hid the others. Each took another upload to find.
// Every problem of a row's plan is now told at once, each under its column.
import { beforeAll, expect, it } from "vitest";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,measure_code,target_quantity,delivery_plan";
const csv = (rows: string[]) => [HEADER, ...rows].join("\n") + "\n";
const problems = (plan: Awaited<ReturnType<typeof previewImport>>) =>
  plan.errors.map((e) => `${e.line} ${e.column ?? "-"}: ${e.message}`);

let world: Awaited<ReturnType<typeof createImportWorld>>;

beforeAll(async () => {
  world = await createImportWorld();
});

it("tells a quarter outside the term and a plan that does not add up, together", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `PLAN-1,Works,${world.companyNumber},Parks,100,2026-04-01,2027-03-31,JOB-02,10,Q1 2026/27=4; Q1 2030/31=3; Q3 2031/32=1`,
    ]),
  );
  expect(problems(plan)).toEqual([
    "2 delivery_plan: Q1 2030/31 is outside the contract term",
    "2 delivery_plan: Q3 2031/32 is outside the contract term",
    expect.stringMatching(
      /^2 delivery_plan: The quarterly plan adds up to 8 .*but the target is 10 .*: they must be equal$/,
    ),
  ]);
});

it("still tells a plan that adds up only its quarters outside the term", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `PLAN-2,Works,${world.companyNumber},Parks,100,2026-04-01,2027-03-31,JOB-02,10,Q1 2026/27=4; Q1 2030/31=6`,
    ]),
  );
  expect(problems(plan)).toEqual(["2 delivery_plan: Q1 2030/31 is outside the contract term"]);
});

it("tells every plan entry that cannot be read, with the row's other problems", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `PLAN-3,Works,${world.companyNumber},Parks,lots,2026-04-01,2027-03-31,JOB-02,10,Q5 2026/27=4; Q2 2026/27=3; Q3 2026=3`,
    ]),
  );
  expect(problems(plan)).toEqual([
    "2 value_gbp: Enter the value in pounds, for example 250000",
    '2 delivery_plan: "Q5 2026/27=4" is not a quarter and quantity like "Q1 2026/27=25"',
    '2 delivery_plan: "Q3 2026=3" is not a quarter and quantity like "Q1 2026/27=25"',
  ]);
});
