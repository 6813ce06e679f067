// A row with a target for an additive measure and its delivery_plan left blank was told "The quarterly plan adds up
// to 0 hours but the target is 10 hours": true, but it did not say a plan was missing, nor how one is written. It is
// now told to enter one, in the format the sample file and docs/contracts-import.md use.
import { beforeAll, expect, it } from "vitest";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,measure_code,target_quantity,delivery_plan";
const csv = (rows: string[]) => [HEADER, ...rows].join("\n") + "\n";
const problems = (plan: Awaited<ReturnType<typeof previewImport>>) =>
  plan.errors.map((e) => `${e.line} ${e.column ?? "-"}: ${e.message}`);
const FORMAT = "Enter a delivery plan: each quarter’s target, written as “Q1 2026/27=25; Q2 2026/27=25”";

let world: Awaited<ReturnType<typeof createImportWorld>>;

beforeAll(async () => {
  world = await createImportWorld();
});

const row = (reference: string, measure: string, target: string, plan: string, value = "100") =>
  `${reference},Works,${world.companyNumber},Parks,${value},2026-04-01,2027-03-31,${measure},${target},${plan}`;

it("asks for a delivery plan, and how to write one, when it is blank", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([row("BP-1", "SOC-01", "10", ""), row("BP-2", "SOC-02", "12000", "  ")]),
  );
  expect(problems(plan)).toEqual([
    `2 delivery_plan: ${FORMAT}, adding up to the target of 10 hours`,
    `3 delivery_plan: ${FORMAT}, adding up to the target of £12,000.00`,
  ]);
});

it("asks for it on a row with other problems too", async () => {
  const plan = await previewImport(world.councilA.id, csv([row("BP-3", "SOC-01", "10", "", "lots")]));
  expect(problems(plan)).toEqual([
    "2 value_gbp: Enter the value in pounds, for example 250000",
    `2 delivery_plan: ${FORMAT}, adding up to the target of 10 hours`,
  ]);
});

it("still tells a plan that is written but adds up to nothing what it adds up to", async () => {
  const plan = await previewImport(world.councilA.id, csv([row("BP-4", "SOC-01", "10", "Q1 2026/27=0")]));
  expect(problems(plan)).toEqual([
    "2 delivery_plan: The quarterly plan adds up to 0 hours but the target is 10 hours: they must be equal",
  ]);
});

it("asks for no plan where none is needed: a percentage, or a target of 0", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([row("BP-5", "GRO-04", "100", ""), row("BP-6", "SOC-01", "0", "")]),
  );
  expect(plan.errors).toEqual([]);
});
