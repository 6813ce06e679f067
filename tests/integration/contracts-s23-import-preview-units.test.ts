// The import's preview listed a changed commitment's target and plan as bare figures ("JOB-02: Target: 50 → 60")
// where the contract's page says "50 hours → 60 hours". The preview now says each in its measure's unit.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCommitment, createContract, createMeasure, unique } from "../helpers/factories.ts";
import { postPage, readableText } from "../helpers/render-page.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;

beforeAll(async () => {
  w = await createContractsWorld();
  await db.organisation.update({ where: { id: w.supplier.id }, data: { companyNumber: "05550123" } });
});

function upload(csv: string) {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("file", new File([csv], "contracts.csv", { type: "text/csv" }));
  return form;
}

describe("the import preview of a changed commitment", () => {
  it("says its target and plan in the measure's unit, as the contract's page does", async () => {
    const hours = await createMeasure({ councilId: w.councilA.id, unit: "HOURS", code: unique("HRS") });
    const pounds = await createMeasure({ councilId: w.councilA.id, unit: "GBP", code: unique("GBP") });
    const reference = unique("UNIT");
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
      reference,
      title: "Libraries",
      department: "Communities",
      valueGbp: 100000,
      startDate: new Date("2026-04-01"),
      endDate: new Date("2027-03-31"),
      awardedOn: null,
    });
    await createCommitment({
      contractId: contract.id,
      measureId: hours.id,
      targetQuantity: 50,
      plan: [{ financialYear: 2026, quarter: 1, targetQuantity: 50 }],
    });
    await createCommitment({
      contractId: contract.id,
      measureId: pounds.id,
      targetQuantity: 1500,
      plan: [{ financialYear: 2026, quarter: 1, targetQuantity: 1500 }],
    });
    const csv = [
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,measure_code,target_quantity,delivery_plan",
      `${reference},Libraries,05550123,Communities,100000,2026-04-01,2027-03-31,${hours.code},60,Q1 2026/27=60`,
      `${reference},Libraries,05550123,Communities,100000,2026-04-01,2027-03-31,${pounds.code},2000,Q1 2026/27=2000`,
    ].join("\n");

    const response = await postPage("/contracts/import", upload(csv), w.officer);
    expect(response.status).toBe(200);
    const page = readableText(await response.text());
    expect(page).toContain(`${hours.code}: Target : 50 hours → 60 hours`);
    expect(page).toContain(`${hours.code}: Quarterly plan : Q1 2026/27: 50 hours → Q1 2026/27: 60 hours`);
    expect(page).toContain(`${pounds.code}: Target : £1,500.00 → £2,000.00`);
  });
});
