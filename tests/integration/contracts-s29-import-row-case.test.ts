// The rows of one contract repeat its columns. Rows naming its contract manager's email address or its supplier in
// another case (or the company number without its leading zero), as the import itself matches them, were refused
// as a "duplicate reference" with different contract details, though they name the same manager and supplier.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,start_date,end_date,measure_code,target_quantity,delivery_plan";

let world: Awaited<ReturnType<typeof createImportWorld>>;
let email: string;
let supplierName: string;

beforeAll(async () => {
  world = await createImportWorld();
  email = (await db.user.findUniqueOrThrow({ where: { id: world.users.officerA.id } })).email;
  supplierName = world.supplier.name;
});

function row(
  reference: string,
  measure: string,
  { number = world.companyNumber, name = "", manager = email, department = "Parks" } = {},
) {
  return `${reference},Parks upkeep,${number},${name},${department},${manager},5000,2026-04-01,2027-03-31,${measure},4,Q1 2026/27=4`;
}

const preview = (...rows: string[]) => previewImport(world.councilA.id, [HEADER, ...rows].join("\n"));

describe("rows of one contract that differ only in how the manager and supplier are written", () => {
  it("take a contract manager's email address in any case", async () => {
    const plan = await preview(
      row("RC-1", "JOB-02"),
      row("RC-1", "JOB-01", { manager: email.toUpperCase() }),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.contracts.map((c) => [c.reference, c.commitments])).toEqual([["RC-1", 2]]);
  });

  it("take a company number without its leading zero, and a supplier's name in any case", async () => {
    const byNumber = await preview(
      row("RC-2", "JOB-02"),
      row("RC-2", "JOB-01", { number: world.companyNumber.slice(1) }),
    );
    expect(byNumber.errors).toEqual([]);
    const byName = await preview(
      row("RC-3", "JOB-02", { number: "", name: supplierName }),
      row("RC-3", "JOB-01", { number: "", name: supplierName.toUpperCase() }),
    );
    expect(byName.errors).toEqual([]);
    expect(byName.contracts.map((c) => c.commitments)).toEqual([2]);
  });

  it("still refuse rows that give the contract different details", async () => {
    const plan = await preview(row("RC-4", "JOB-02"), row("RC-4", "JOB-01", { department: "parks" }));
    expect(plan.errors).toEqual([
      {
        line: 3,
        column: "department",
        message: "Duplicate reference RC-4: line 2 gives different contract details (department)",
      },
    ]);
  });
});
