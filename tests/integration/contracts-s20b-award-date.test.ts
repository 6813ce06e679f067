// An award date after the contract's end (a typing slip: 2062 for 2026) was taken by the form and the CSV import,
// and the dashboard would count the contract as awarded in a year it never ran. Both now refuse it against the
// award date, the answers kept.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { postPage } from "../helpers/render-page.ts";
import { type ContractsWorld, createContractsWorld, formOf } from "./contracts-world.ts";
import { newContractForm } from "../helpers/contract-forms.ts";

let w: ContractsWorld;

beforeAll(async () => {
  w = await createContractsWorld();
  await db.organisation.update({ where: { id: w.supplier.id }, data: { companyNumber: "05432109" } });
});

// in the pipeline: its award date may be still to come (an awarded contract's may not, which is told instead:
// contracts-s57-award-date-to-come), so the end date is the only bound and these dates never go stale
const contract = (awardedOn: string) =>
  newContractForm(w.supplier.id, {
    reference: "AWARD-1",
    title: "Cleaning",
    department: "Facilities",
    valueGbp: "250000",
    status: "PIPELINE",
    awardedOn,
  });

describe("an award date after the contract's end date", () => {
  it("is refused by the form, next to the award date, with the answers kept", async () => {
    const response = await postPage("/contracts/new", formOf(contract("2062-03-01")), w.officer);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<a href="#awardedOn"');
    expect(html).toMatch(/id="awardedOn-error"[^>]*>.*The award date must be on or before the end date/);
    expect(html).toMatch(/<input[^>]*name="awardedOn"[^>]*value="2062-03-01"/);
    expect(html).toMatch(/<input[^>]*name="title"[^>]*value="Cleaning"/);
    expect(await db.contract.count({ where: { reference: "AWARD-1" } })).toBe(0);
  });

  it("is taken on the end date itself, and before it", async () => {
    const response = await postPage("/contracts/new", formOf(contract("2028-03-31")), w.officer);
    expect(response.status).toBe(302);
  });

  it("is a problem in the CSV import's preview", async () => {
    const csv = [
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,awarded_on,start_date,end_date",
      "AWARD-2,Grounds,05432109,Parks,90000,01/03/2062,01/04/2026,31/03/2027",
    ].join("\n");
    const preview = await previewImport(w.councilA.id, csv);
    expect(preview.errors).toEqual([
      { line: 2, column: "awarded_on", message: "The award date must be on or before the end date" },
    ]);
  });
});

describe("an end date before the start date", () => {
  it("is the one problem reported, not the award date too", async () => {
    const response = await postPage(
      "/contracts/new",
      formOf({ ...contract("2026-03-01"), reference: "AWARD-3", endDate: "2026-01-01" }),
      w.officer,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("The end date must be on or after the start date");
    expect(html).not.toContain("The award date must be on or before the end date");
  });
});
