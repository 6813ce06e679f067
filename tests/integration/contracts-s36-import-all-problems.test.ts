// A row with a bad date or number was not checked against the council's records: its unknown supplier, contract
// manager or measure code was told only once the date was corrected and the file uploaded again. The preview must
// list every row's problems in one round.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,status,measure_code,target_quantity,delivery_plan";

let world: Awaited<ReturnType<typeof createImportWorld>>;
const prefix = `ALL-${Date.now() % 1_000_000}`;

beforeAll(async () => {
  world = await createImportWorld();
});

const csv = (rows: string[]) => [HEADER, ...rows].join("\n") + "\n";
const problems = (plan: Awaited<ReturnType<typeof previewImport>>) =>
  plan.errors.map((e) => `${e.line} ${e.column ?? "-"}: ${e.message}`);

it("tells an unknown supplier, manager and measure on a row with a bad date, with the date", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `${prefix}-1,Works,99999999,,Parks,nobody@example.test,100,2026-02-30,2026-04-01,2027-03-31,Active,ZZZ-99,10,Q1 2026/27=10`,
    ]),
  );
  expect(problems(plan)).toEqual([
    "2 awarded_on: Enter a real date as 2026-04-01 or 01/04/2026",
    "2 supplier_company_number: No supplier with company number 99999999 is registered",
    "2 contract_manager_email: nobody@example.test is not a member of your council",
    "2 measure_code: There is no measure with code ZZZ-99 in your library",
  ]);
});

it("tells a retired measure on a row with a bad value, and says a column's own problem only once", async () => {
  await db.measure.updateMany({
    where: { councilId: world.councilA.id, code: "ENV-01" },
    data: { retiredAt: new Date() },
  });
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `${prefix}-2,Works,${world.companyNumber},,Parks,not-an-email,lots,,2026-04-01,2027-03-31,Active,env-01,,`,
    ]),
  );
  expect(problems(plan)).toEqual([
    "2 contract_manager_email: Enter an email address like name@council.gov.uk",
    "2 value_gbp: Enter the value in pounds, for example 250000",
    "2 measure_code: The measure ENV-01 is retired",
  ]);
});

it("finds nothing more to say about a bad row whose supplier, manager and measure are known", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([
      `${prefix}-3,Works,${world.companyNumber.slice(1)},,Parks,${world.users.officerA.email.toUpperCase()},100,,2026-13-01,2027-03-31,Active,JOB-02,4,Q1 2026/27=4`,
    ]),
  );
  expect(problems(plan)).toEqual(["2 start_date: Enter a real date as 2026-04-01 or 01/04/2026"]);
});

it("imports nothing from such a file", async () => {
  const result = await applyImport(
    { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null },
    csv([
      `${prefix}-4,Works,99999999,,Parks,,100,2026-02-30,2026-04-01,2027-03-31,Active,,,`,
      `${prefix}-5,Works,${world.companyNumber},,Parks,,100,,2026-04-01,2027-03-31,Active,,,`,
    ]),
  );
  expect(result.ok).toBe(false);
  expect(problems(result.plan)).toContain(
    "2 supplier_company_number: No supplier with company number 99999999 is registered",
  );
  expect(await db.contract.count({ where: { reference: { startsWith: prefix } } })).toBe(0);
});
