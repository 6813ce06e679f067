// A contracts import row with a bad value (a value in pounds, an award date) hid its end date before its start
// date and a delivery plan not adding up to its target: each took another upload to find (QA, session 42). The
// preview now lists every problem of each row at once, and the import still writes nothing while any is left.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,plan_reference,status,terminated_on,measure_code,target_quantity,delivery_plan,qualitative_commitment,narrative";
const csv = (rows: string[]) => [HEADER, ...rows].join("\n") + "\n";
const problems = (plan: Awaited<ReturnType<typeof previewImport>>) =>
  plan.errors.map((e) => `${e.line} ${e.column ?? "-"}: ${e.message}`);

const END_BEFORE_START = "end_date: The end date must be on or after the start date";
const BAD_VALUE = "value_gbp: Enter the value in pounds, for example 250000";
const ADDS_UP_TO_5 = expect.stringMatching(
  /^3 delivery_plan: The quarterly plan adds up to 5 hours but the target is 10 hours: they must be equal$/,
);

let world: Awaited<ReturnType<typeof createImportWorld>>;
const prefix = `EVERY-${Date.now() % 1_000_000}`;

beforeAll(async () => {
  world = await createImportWorld();
});

// the QA report's file, with this world's supplier
const qaRows = () => [
  `${prefix}-11,Bad row,${world.companyNumber},,Resources,,abc,2026-02-01,2026-04-01,2025-03-31,,Active,,SOC-01,10,Q1 2026/27=10,,`,
  `${prefix}-12,Bad row,${world.companyNumber},,Resources,,100,2026-02-01,2026-04-01,2025-03-31,,Active,,SOC-01,10,Q1 2026/27=5,,`,
];

it("lists a bad value with the end date before the start, and that date with a plan short of its target", async () => {
  const plan = await previewImport(world.councilA.id, csv(qaRows()));
  expect(problems(plan)).toEqual([
    `2 ${BAD_VALUE}`,
    `2 ${END_BEFORE_START}`,
    `3 ${END_BEFORE_START}`,
    ADDS_UP_TO_5,
  ]);
});

it("tells a plan short of its target and its quarters outside the term on a row with a bad award date", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `${prefix}-13,Works,${world.companyNumber},,Resources,,100,2026-02-30,2026-04-01,2027-03-31,,Active,,SOC-01,10,Q1 2026/27=4; Q1 2030/31=1,,`,
    ]),
  );
  expect(problems(plan)).toEqual([
    "2 awarded_on: Enter a real date as 2026-04-01 or 01/04/2026",
    "2 delivery_plan: Q1 2030/31 is outside the contract term",
    expect.stringMatching(
      /^2 delivery_plan: The quarterly plan adds up to 5 hours but the target is 10 hours/,
    ),
  ]);
});

it("tells nothing about the plan when the target cannot be read, nor about the term when a date cannot", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `${prefix}-14,Works,${world.companyNumber},,Resources,,100,,2026-04-01,2027-03-31,,Active,,SOC-01,lots,Q1 2026/27=5,,`,
      `${prefix}-15,Works,${world.companyNumber},,Resources,,100,,2026-04-01,2027-02-30,,Active,,SOC-01,5,Q1 2030/31=5,,`,
    ]),
  );
  expect(problems(plan)).toEqual([
    expect.stringMatching(/^2 target_quantity: /),
    "3 end_date: Enter a real date as 2026-04-01 or 01/04/2026",
  ]);
});

it("tells a terminated contract with no termination date, and one ended before its end date, on rows with a bad value", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `${prefix}-17,Works,${world.companyNumber},,Resources,,abc,,2026-04-01,2027-03-31,,Terminated,,,,,,`,
      `${prefix}-18,Works,${world.companyNumber},,Resources,,abc,,2026-04-01,2099-03-31,,Ended,,,,,,`,
      // an end date that cannot be read: the termination date is not checked against it
      `${prefix}-19,Works,${world.companyNumber},,Resources,,100,,2026-04-01,2027-02-30,,Terminated,2028-01-01,,,,,`,
    ]),
  );
  expect(problems(plan)).toEqual([
    `2 ${BAD_VALUE}`,
    "2 terminated_on: A terminated contract needs the date it was terminated in terminated_on, for example 2027-03-27",
    `3 ${BAD_VALUE}`,
    expect.stringMatching(/^3 status: An ended contract ran to its end date/),
    "4 end_date: Enter a real date as 2026-04-01 or 01/04/2026",
  ]);
});

it("imports nothing from the QA report's file, and the preview still lists its problems", async () => {
  const result = await applyImport(
    { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null },
    csv([
      ...qaRows(),
      `${prefix}-16,Fine,${world.companyNumber},,Resources,,100,,2026-04-01,2027-03-31,,Active,,SOC-01,10,Q1 2026/27=10,,`,
    ]),
  );
  expect(result.ok).toBe(false);
  expect(problems(result.plan)).toEqual([
    `2 ${BAD_VALUE}`,
    `2 ${END_BEFORE_START}`,
    `3 ${END_BEFORE_START}`,
    ADDS_UP_TO_5,
  ]);
  expect(await db.contract.count({ where: { reference: { startsWith: prefix } } })).toBe(0);
});
