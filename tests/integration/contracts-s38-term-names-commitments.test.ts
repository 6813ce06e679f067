// A change of term that left delivery plan quarters outside it was refused with "The delivery plan has targets in
// Q3 2026/27, Q4 2026/27, outside these dates. Change the plan first.": a contract has one plan per commitment, and
// an officer with several had to open each to find the one to change. The refusal now names the commitments (by
// measure code) whose plans have targets there, and lists the quarters in words.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { termProblems } from "~/domain/contracts/plan.ts";
import { createCommitment, createContract, createMeasure, unique } from "../helpers/factories.ts";
import { postPage } from "../helpers/render-page.ts";
import { contractEditForm } from "../helpers/contract-forms.ts";
import { type ContractsWorld, createContractsWorld, formOf } from "./contracts-world.ts";

let w: ContractsWorld;
let contractId: string;
const codes = { hours: unique("S38H").slice(0, 20), spend: unique("S38S").slice(0, 20), none: "" };

beforeAll(async () => {
  w = await createContractsWorld();
  const contract = await createContract({
    councilId: w.councilA.id,
    supplierOrganisationId: w.supplier.id,
    reference: unique("S38-TERM"),
    startDate: new Date("2026-04-01"),
    endDate: new Date("2027-03-31"),
    awardedOn: null,
    planReference: null,
  });
  contractId = contract.id;
  const hours = await createMeasure({ councilId: w.councilA.id, code: codes.hours, unit: "HOURS" });
  const spend = await createMeasure({ councilId: w.councilA.id, code: codes.spend, unit: "GBP" });
  const untouched = await createMeasure({ councilId: w.councilA.id, unit: "PEOPLE" });
  codes.none = untouched.code;
  const quarters = (...qs: number[]) =>
    qs.map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 10 }));
  await createCommitment({ contractId, measureId: hours.id, targetQuantity: 30, plan: quarters(1, 3, 4) });
  await createCommitment({ contractId, measureId: spend.id, targetQuantity: 10, plan: quarters(4) });
  // planned only in Q1 and Q2: not left out by an end date in Q2
  await createCommitment({ contractId, measureId: untouched.id, targetQuantity: 20, plan: quarters(1, 2) });
});

async function edit(term: { startDate: string; endDate: string }) {
  const c = await db.contract.findUniqueOrThrow({ where: { id: contractId } });
  const response = await postPage(
    `/contracts/${contractId}/edit`,
    formOf(contractEditForm(c, { awardedOn: "", ...term })),
    w.officer,
  );
  expect(response.status).toBe(400);
  return (await response.text()).replace(/<!-- -->/g, "").replace(/&#x27;|&#39;/g, "'");
}

const errorOf = (html: string, field: string) =>
  new RegExp(`id="${field}-error"[^>]*>(?:<span[^>]*>Error: </span>)?([^<]*)<`).exec(html)?.[1] ?? null;

describe("a change of term that leaves delivery plan quarters out", () => {
  it("names every commitment whose plan has targets after the new end date, and the quarters", async () => {
    const html = await edit({ startDate: "2026-04-01", endDate: "2026-09-30" });
    const [first, second] = [codes.hours, codes.spend].sort();
    expect(errorOf(html, "endDate")).toBe(
      `The delivery plans of ${first} and ${second} have targets in Q3 2026/27 and Q4 2026/27, outside these dates. Change those commitments’ plans first.`,
    );
    expect(errorOf(html, "endDate")).not.toContain(codes.none);
  });

  it("names the commitments a later start date strands, next to the start date", async () => {
    const html = await edit({ startDate: "2026-10-01", endDate: "2027-03-31" });
    expect(errorOf(html, "startDate")).toBe(
      `The delivery plans of ${[codes.hours, codes.none].sort().join(" and ")} have targets in Q1 2026/27 and Q2 2026/27, outside these dates. Change those commitments’ plans first.`,
    );
    expect(errorOf(html, "endDate")).toBeNull();
  });
});

describe("termProblems", () => {
  const term = { startDate: new Date("2026-04-01"), endDate: new Date("2026-12-31") };
  it("says 'that commitment' of one, and lists its quarters in order across financial years", () => {
    expect(
      termProblems(
        [
          {
            code: "JOB-01",
            plan: [
              { financialYear: 2027, quarter: 1 },
              { financialYear: 2026, quarter: 4 },
            ],
          },
        ],
        term,
      ),
    ).toEqual({
      endDate:
        "The delivery plan of JOB-01 has targets in Q4 2026/27 and Q1 2027/28, outside these dates. Change that commitment’s plan first.",
    });
  });

  it("finds nothing to say of plans inside the term", () => {
    expect(termProblems([{ code: "JOB-01", plan: [{ financialYear: 2026, quarter: 3 }] }], term)).toEqual({});
  });
});
