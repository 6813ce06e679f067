// A contract value, proxy value or commitment figure typed too large to keep ("99999999999999999999") or a contract
// value below zero was told "Enter the value in pounds, for example 250000" or "Enter the target as a number …", as
// if it were not a number at all: each is now told the limit, on the form and in the import preview alike.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { previewImport } from "~/domain/contracts/import.server.ts";
import { createMeasure, unique } from "../helpers/factories.ts";
import { newContractForm } from "../helpers/contract-forms.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";
import { createContractsWorld, createYearContract, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let contractId: string;
let measureId: string;

beforeAll(async () => {
  w = await createContractsWorld();
  contractId = (await createYearContract(w)).id;
  measureId = (await createMeasure({ councilId: w.councilA.id, unit: "PEOPLE", name: "Apprentices" })).id;
  await db.organisation.update({ where: { id: w.supplier.id }, data: { companyNumber: "07654321" } });
});

const errorOf = (html: string, field: string) =>
  new RegExp(`<p id="${field}-error"[^>]*><span[^>]*>Error:\\s*</span>([^<]*)</p>`).exec(html)?.[1];

it("tells a contract value too large or below zero what it must be, keeping what was typed", async () => {
  for (const [typed, message] of [
    ["99999999999999999999", "The contract value must be £999,999,999,999.99 or less"],
    ["£1,000,000,000,000", "The contract value must be £999,999,999,999.99 or less"],
    ["-5", "The contract value must be £0 or more"],
    ["lots", "Enter the value in pounds, for example 250000"],
  ] as const) {
    const form = newContractForm(w.supplier.id, { reference: unique("LIM"), valueGbp: typed });
    const response = await postPage("/contracts/new", formOf(form), w.officer);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(errorOf(html, "valueGbp")).toBe(message);
    expect(html).toMatch(new RegExp(`name="valueGbp"[^>]*value="${typed}"`));
  }
  expect(await db.contract.count({ where: { reference: { startsWith: "LIM" } } })).toBe(0);
});

it("tells a proxy value too large what it must be", async () => {
  const response = await postPage(
    "/council/measures/new",
    formOf({ code: "LIM-1", name: "Big", theme: "JOBS", unit: "HOURS", proxyValueGbp: "10000000000000" }),
    w.admin,
  );
  expect(response.status).toBe(400);
  expect(errorOf(await response.text(), "proxyValueGbp")).toBe(
    "The proxy value must be £999,999,999,999.99 or less",
  );
});

it("tells a commitment's target too large what it must be", async () => {
  const response = await postPage(
    `/contracts/${contractId}/commitments/new`,
    formOf({ measureId, targetQuantity: "99999999999999999999", qualitativeText: "", narrative: "" }),
    w.officer,
  );
  expect(response.status).toBe(400);
  expect(readableMainText(await response.text())).toContain("Enter the target as 999,999,999,999.99 or less");
});

it("tells the import preview the same", async () => {
  const plan = await previewImport(
    w.councilA.id,
    [
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,measure_code,target_quantity",
      `${unique("LIM")},Works,07654321,Parks,"£5,000,000,000,000",2026-04-01,2027-03-31,,`,
      `${unique("LIM")},Works,07654321,Parks,-250,2026-04-01,2027-03-31,,`,
    ].join("\n"),
  );
  expect(plan.errors.map((e) => `${e.line} ${e.column}: ${e.message}`)).toEqual([
    "2 value_gbp: The contract value must be £999,999,999,999.99 or less",
    "3 value_gbp: The contract value must be £0 or more",
  ]);
});
