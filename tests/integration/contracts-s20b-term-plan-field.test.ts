// Moving a contract's start date later, past quarters its delivery plan has targets in, was refused with the
// message next to the end date (which the officer had not touched), and the error summary linked there. The
// quarters a later start leaves out are now told against the start date, those an earlier end leaves out against
// the end date; in the CSV import's preview too (its start_date and end_date columns). Since session 54 they are told
// with the form's other problems, not in a second round.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { createCommitment, createContract, createMeasure } from "../helpers/factories.ts";
import { postPage } from "../helpers/render-page.ts";
import { type ContractsWorld, createContractsWorld, formOf } from "./contracts-world.ts";
import { contractEditForm } from "../helpers/contract-forms.ts";

let w: ContractsWorld;
let contractId: string;

beforeAll(async () => {
  w = await createContractsWorld();
  const contract = await createContract({
    councilId: w.councilA.id,
    supplierOrganisationId: w.supplier.id,
    reference: "TERM-1",
    startDate: new Date("2026-04-01"),
    endDate: new Date("2028-03-31"),
    awardedOn: null,
    planReference: null,
  });
  contractId = contract.id;
  const hours = await createMeasure({ councilId: w.councilA.id, unit: "HOURS" });
  await createCommitment({
    contractId,
    measureId: hours.id,
    targetQuantity: 20,
    plan: [
      { financialYear: 2026, quarter: 1, targetQuantity: 10 },
      { financialYear: 2027, quarter: 4, targetQuantity: 10 },
    ],
  });
});

async function edit(term: { startDate: string; endDate: string }, other: Record<string, string> = {}) {
  const c = await db.contract.findUniqueOrThrow({ where: { id: contractId } });
  const response = await postPage(
    `/contracts/${contractId}/edit`,
    formOf(contractEditForm(c, { awardedOn: "", ...term, ...other })),
    w.officer,
  );
  expect(response.status).toBe(400);
  return response.text();
}

const errorOf = (html: string, field: string) =>
  new RegExp(`id="${field}-error"[^>]*>(?:<span[^>]*>Error: </span>)?([^<]*)<`).exec(html)?.[1] ?? null;

describe("a change of term that leaves delivery plan quarters out", () => {
  it("a later start: told next to the start date, with the summary linking there", async () => {
    const html = await edit({ startDate: "2026-10-01", endDate: "2028-03-31" });
    expect(errorOf(html, "startDate")).toMatch(/targets in Q1 2026\/27, outside these dates/);
    expect(errorOf(html, "endDate")).toBeNull();
    expect(html).toContain('<a href="#startDate"');
  });

  it("an earlier end: told next to the end date", async () => {
    const html = await edit({ startDate: "2026-04-01", endDate: "2027-12-31" });
    expect(errorOf(html, "endDate")).toMatch(/targets in Q4 2027\/28, outside these dates/);
    expect(errorOf(html, "startDate")).toBeNull();
  });

  it("both: each date with its own quarters", async () => {
    const html = await edit({ startDate: "2026-07-01", endDate: "2027-12-31" });
    expect(errorOf(html, "startDate")).toMatch(/targets in Q1 2026\/27,/);
    expect(errorOf(html, "endDate")).toMatch(/targets in Q4 2027\/28,/);
  });

  // session 54: told in the same answer as a problem elsewhere on the form, not once that is put right
  it("with another field's problem: both told at once", async () => {
    const html = await edit({ startDate: "2026-04-01", endDate: "2027-12-31" }, { valueGbp: "lots" });
    expect(errorOf(html, "valueGbp")).toMatch(/value in pounds/);
    expect(errorOf(html, "endDate")).toMatch(/targets in Q4 2027\/28, outside these dates/);
  });

  it("with the end date's own problem: only that is told", async () => {
    const html = await edit({ startDate: "2026-04-01", endDate: "2026-03-31" }, { valueGbp: "lots" });
    expect(errorOf(html, "endDate")).toBe("The end date must be on or after the start date");
  });

  it("in the CSV import's preview: each against its own column", async () => {
    await db.organisation.update({ where: { id: w.supplier.id }, data: { companyNumber: "04321098" } });
    const csv = [
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date",
      "TERM-1,Highways maintenance,04321098,Highways,1000000,2026-07-01,2027-12-31",
    ].join("\n");
    const preview = await previewImport(w.councilA.id, csv);
    expect(preview.errors.map((e) => e.column)).toEqual(["start_date", "end_date"]);
    expect(preview.errors[0]!.message).toMatch(/targets in Q1 2026\/27, outside these dates/);
    expect(preview.errors[1]!.message).toMatch(/targets in Q4 2027\/28, outside these dates/);
  });
});
