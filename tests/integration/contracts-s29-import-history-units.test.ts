// A contract's history found the unit of an import's changes ("HRS-1: Target") by the measure code in their label.
// A measure's code can change, and be given to another measure: the imported target of a measure counted in hours
// then read without its unit, or in the unit of the measure now holding the code ("40%" for 40 hours). An import
// now keeps each change's unit with it, as a change made on the contract's pages does.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport } from "~/domain/contracts/import.server.ts";
import { createMeasure, unique } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
const companyNumber = String((Date.now() + 7) % 100_000_000).padStart(8, "0");

beforeAll(async () => {
  w = await createContractsWorld();
  await db.organisation.update({ where: { id: w.supplier.id }, data: { companyNumber } });
});

it("says an imported target in the unit its measure had, after the code is given to another measure", async () => {
  const code = unique("HRS").toUpperCase().slice(0, 18);
  const hours = await createMeasure({ councilId: w.councilA.id, code, unit: "HOURS" });
  const reference = unique("HU");
  const csv = [
    "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,measure_code,target_quantity,delivery_plan",
    `${reference},Parks upkeep,${companyNumber},Parks,5000,2026-04-01,2027-03-31,${code},40,Q1 2026/27=40`,
  ].join("\n");
  const actor = { councilId: w.councilA.id, actorUserId: w.users.officerA.id, ipAddress: null };
  expect((await applyImport(actor, csv)).ok).toBe(true);

  // the admin renames the measure and gives its old code to a new percentage measure
  await db.measure.update({ where: { id: hours.id }, data: { code: `${code}-OLD`.slice(0, 20) } });
  await createMeasure({ councilId: w.councilA.id, code, unit: "PERCENT", contributingHelpTypes: [] });

  const contract = await db.contract.findFirstOrThrow({ where: { councilId: w.councilA.id, reference } });
  const page = readableText(await (await renderPage(`/contracts/${contract.id}`, w.officer)).text());
  const history = page.slice(page.indexOf("History of changes"));
  expect(history).toContain(`${code}: Target Not given 40 hours`);
  expect(history).toContain(`${code}: Quarterly plan Not given Q1 2026/27: 40 hours`);
});
