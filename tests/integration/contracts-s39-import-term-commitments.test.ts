// A file that moves a stored contract's dates so that commitments it does not mention have targets outside the new
// term was refused with "Commitments already on this contract have targets in …", naming none of them, while the
// contract's edit form names each one (termProblems). The import now says what the form says, on the row's line.
import { beforeAll, expect, it } from "vitest";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { termProblems } from "~/domain/contracts/plan.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,measure_code,target_quantity,delivery_plan";
const csv = (rows: string[]) => [HEADER, ...rows].join("\n") + "\n";
const reference = `TERM-${Date.now() % 1_000_000}`;

let world: Awaited<ReturnType<typeof createImportWorld>>;

beforeAll(async () => {
  world = await createImportWorld();
  const stored = await applyImport(
    { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null },
    csv([
      `${reference},Works,${world.companyNumber},Parks,100,2026-04-01,2027-03-31,JOB-02,10,Q1 2026/27=4; Q4 2026/27=6`,
      `${reference},Works,${world.companyNumber},Parks,100,2026-04-01,2027-03-31,ENV-01,5,Q1 2026/27=2; Q3 2026/27=3`,
    ]),
  );
  expect(stored.plan.errors).toEqual([]);
});

it("names the commitments a shorter term strands, in the contract form's words, on the row's line", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([`${reference},Works,${world.companyNumber},Parks,100,2026-07-01,2026-09-30,,,`]),
  );
  const form = termProblems(
    [
      {
        code: "JOB-02",
        plan: [
          { financialYear: 2026, quarter: 1 },
          { financialYear: 2026, quarter: 4 },
        ],
      },
      {
        code: "ENV-01",
        plan: [
          { financialYear: 2026, quarter: 1 },
          { financialYear: 2026, quarter: 3 },
        ],
      },
    ],
    { startDate: new Date("2026-07-01"), endDate: new Date("2026-09-30") },
  );
  expect(plan.errors).toEqual([
    { line: 2, column: "start_date", message: form.startDate },
    { line: 2, column: "end_date", message: form.endDate },
  ]);
  expect(plan.errors[0]!.message).toMatch(/ENV-01 and JOB-02/);
  expect(plan.errors[1]!.message).toMatch(
    /The delivery plans of ENV-01 and JOB-02 have targets in Q3 2026\/27 and Q4 2026\/27/,
  );
});

it("names only the commitment whose plan is stranded", async () => {
  const plan = await previewImport(
    world.councilA.id,
    csv([`${reference},Works,${world.companyNumber},Parks,100,2026-04-01,2026-12-31,,,`]),
  );
  expect(plan.errors).toEqual([
    {
      line: 2,
      column: "end_date",
      message:
        "The delivery plan of JOB-02 has targets in Q4 2026/27, outside these dates. Change that commitment’s plan first.",
    },
  ]);
});
