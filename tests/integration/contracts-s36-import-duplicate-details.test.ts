// Rows of one contract reference must give the same contract details. When the first row had a problem of its own
// (a plan that does not add up, a bad date), a later row's different title was not told in that preview: the user
// fixed the first row and only then learned of the second. Every problem is now listed in one round.
import { beforeAll, expect, it } from "vitest";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,status,measure_code,target_quantity,delivery_plan";

let world: Awaited<ReturnType<typeof createImportWorld>>;

beforeAll(async () => {
  world = await createImportWorld();
});

const csv = (rows: string[]) => [HEADER, ...rows].join("\n") + "\n";
const problems = (plan: Awaited<ReturnType<typeof previewImport>>) =>
  plan.errors.map((e) => `${e.line} ${e.column ?? "-"}: ${e.message}`);

it("tells a second row's different title when the first row's plan does not add up", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `X-4,Schools works,${world.companyNumber},,Parks,,100,,2026-04-01,2027-03-31,Active,JOB-02,4,Q1 2026/27=1; Q2 2026/27=1`,
      `X-4,School works,${world.companyNumber},,Parks,,100,,2026-04-01,2027-03-31,Active,GRO-04,100,`,
    ]),
  );
  expect(problems(plan)).toEqual([
    "2 delivery_plan: The quarterly plan adds up to 2 people but the target is 4 people: they must be equal",
    "3 contract_title: Duplicate reference X-4: line 2 gives different contract details (contract_title)",
  ]);
  expect(plan.contracts).toEqual([]);
});

it("tells it when the first row has a bad date, comparing only the columns it could read", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `X-5,Schools works,${world.companyNumber},,Parks,,100,,2026-13-01,2027-03-31,Active,,,`,
      `X-5,Schools works,${world.companyNumber},,Parks,,100,,2026-05-01,2027-03-31,Active,,,`,
      `X-5,School works,${world.companyNumber},,Parks,,100,,2026-05-01,2027-03-31,Active,,,`,
    ]),
  );
  expect(problems(plan)).toEqual([
    "2 start_date: Enter a real date as 2026-04-01 or 01/04/2026",
    "4 contract_title: Duplicate reference X-5: line 2 gives different contract details (contract_title)",
  ]);
});

it("tells a rejected later row's different details beside its own problem, not again in its problem's column", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `X-6,Schools works,${world.companyNumber},,Parks,,100,,2026-04-01,2027-03-31,Active,,,`,
      `X-6,Schools works,${world.companyNumber},,Parks,,lots,,2026-04-01,2027-03-31,Active,,,`,
      `X-6,School works,${world.companyNumber},,Parks,,100,,2026-04-01,2027-03-31,Active,,lots,`,
    ]),
  );
  const told = problems(plan);
  // line 3's unreadable value is not told again as a different one; line 4 is told all its problems (since session
  // 42 with the measure code its target needs, once told only when the target could be read)
  expect(told.filter((p) => p.startsWith("3 "))).toEqual([
    "3 value_gbp: Enter the value in pounds, for example 250000",
  ]);
  expect(told.filter((p) => p.startsWith("4 "))).toEqual([
    "4 measure_code: Enter the measure code this commitment is measured by",
    expect.stringMatching(/^4 target_quantity: /),
    "4 contract_title: Duplicate reference X-6: line 2 gives different contract details (contract_title)",
  ]);
});
