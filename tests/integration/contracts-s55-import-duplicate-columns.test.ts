// Rows of one contract reference must give the same contract details. A row giving a different title, department
// and value was told only "(contract_title)": the officer fixed the title and learned of the department in the next
// preview. The one problem now names every column the row gives differently.
import { beforeAll, expect, it } from "vitest";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,status";

let world: Awaited<ReturnType<typeof createImportWorld>>;

beforeAll(async () => {
  world = await createImportWorld();
});

const row = (
  reference: string,
  { title = "Schools works", department = "Parks", value = "100", start = "2026-04-01" } = {},
) => `${reference},${title},${world.companyNumber},${department},${value},${start},2027-03-31,Active`;
const preview = (rows: string[]) => previewImport(world.councilA.id, [HEADER, ...rows].join("\n") + "\n");
const problems = (plan: Awaited<ReturnType<typeof preview>>) =>
  plan.errors.map((e) => `${e.line} ${e.column ?? "-"}: ${e.message}`);

it("names every column a row of the same reference gives differently", async () => {
  const plan = await preview([
    row("DC-1"),
    row("DC-1", { title: "School works", department: "Libraries", value: "250" }),
  ]);
  expect(problems(plan)).toEqual([
    "3 contract_title: Duplicate reference DC-1: line 2 gives different contract details (contract_title, department and value_gbp)",
  ]);
});

it("names the row each column differs from, when the first row could not give them all", async () => {
  // line 2's start date cannot be read: line 4's is compared with line 3's, its department with line 2's
  const plan = await preview([
    row("DC-2", { start: "2026-13-01" }),
    row("DC-2", { start: "2026-05-01" }),
    row("DC-2", { department: "Libraries", start: "2026-06-01" }),
  ]);
  expect(problems(plan)).toEqual([
    "2 start_date: Enter a real date as 2026-04-01 or 01/04/2026",
    "4 department: Duplicate reference DC-2: line 2 gives different contract details (department), and line 3 (start_date)",
  ]);
});

it("leaves out a column the row has a problem of its own in", async () => {
  const plan = await preview([
    row("DC-3"),
    row("DC-3", { title: "School works", department: "Libraries", value: "lots" }),
  ]);
  expect(problems(plan)).toEqual([
    "3 value_gbp: Enter the value in pounds, for example 250000",
    "3 contract_title: Duplicate reference DC-3: line 2 gives different contract details (contract_title and department)",
  ]);
});
