// Items counted (a count) took 2.5 in a return; the hint said "like 12 or 12.5". Counts are now whole numbers: in a
// return, and in a commitment's target and delivery plan, on the form and in the CSV import, by one rule
// (takesWholeNumbers). Figures stored before it still show as they were. People were made whole numbers too (s55),
// but social value counts jobs in full-time equivalents ("No. of local people employed" is FTE): they take decimals
// again (s56, decision 056).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport } from "~/domain/contracts/import.server.ts";
import {
  createCommitment,
  createContract,
  createReturn,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { formOf, pageHtmlAs, postPage, readableMainText, readableText } from "../helpers/render-page.ts";
import { createContractsWorld, createImportWorld, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let localPeople: { id: string; code: string; name: string };
let items: { id: string; code: string; name: string };
let weeks: { id: string; code: string; name: string };

const newContract = () =>
  createContract({
    councilId: w.councilA.id,
    supplierOrganisationId: w.supplier.id,
    startDate: new Date("2026-04-01"),
    endDate: new Date("2027-03-31"),
  });

beforeAll(async () => {
  w = await createContractsWorld();
  const measure = (unit: "PEOPLE" | "COUNT" | "WEEKS", name: string) =>
    db.measure.create({
      data: { councilId: w.councilA.id, code: unique("W"), name, theme: "JOBS", unit },
    });
  [localPeople, items, weeks] = await Promise.all([
    measure("PEOPLE", "No. of local people employed (FTE)"),
    measure("COUNT", "Items donated to community groups"),
    measure("WEEKS", "No. of weeks of apprenticeships"),
  ]);
});

/** The inline error beside a field. */
function errorOf(html: string, name: string) {
  const escaped = name.replace(/[[\]]/g, "\\$&");
  const error = new RegExp(`<p id="${escaped}-error"[^>]*>(.*?)</p>`).exec(html)?.[1];
  return error === undefined ? undefined : readableText(error).trim();
}

const addForm = (measureId: string, target: string, plan: string[]) =>
  formOf({
    intent: "save",
    measureId,
    targetQuantity: target,
    ...Object.fromEntries(
      plan.flatMap((quantity, index) => [
        [`plan[${index}].quarter`, `2026-${index + 1}`],
        [`plan[${index}].quantity`, quantity],
      ]),
    ),
  });

describe("a commitment counted in items", () => {
  it("refuses a target or plan that is not a whole number, beside each, and adds nothing", async () => {
    const contract = await newContract();
    const response = await postPage(
      `/contracts/${contract.id}/commitments/new`,
      addForm(items.id, "2.5", ["1.5", "1"]),
      w.officer,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(errorOf(html, "targetQuantity")).toBe(
      "Error: Enter the target as a whole number: this measure is a count",
    );
    expect(errorOf(html, "plan[0].quantity")).toBe(
      "Error: Enter the plan for Q1 2026/27 as a whole number: this measure is a count",
    );
    expect(await db.commitment.count({ where: { contractId: contract.id } })).toBe(0);
  });

  it("takes whole numbers, written with a point and zeros or not", async () => {
    const contract = await newContract();
    const response = await postPage(
      `/contracts/${contract.id}/commitments/new`,
      addForm(items.id, "3.00", ["2", "1.0"]),
      w.officer,
    );
    expect(response.status).toBe(302);
    const saved = await db.commitment.findFirstOrThrow({
      where: { contractId: contract.id },
      include: { plan: { orderBy: { quarter: "asc" } } },
    });
    expect(saved.targetQuantity?.toString()).toBe("3");
    expect(saved.plan.map((p) => p.targetQuantity.toString())).toEqual(["2", "1"]);
  });

  it("says so in the form's hints, and asks for whole numbers on a phone's keypad", async () => {
    const contract = await newContract();
    const response = await postPage(
      `/contracts/${contract.id}/commitments/new`,
      addForm(items.id, "", []),
      w.officer,
    );
    const html = await response.text();
    const text = readableMainText(html);
    // the target's hint, and the plan's
    expect(text.match(/Whole numbers only\./g)).toHaveLength(2);
    expect(html).toMatch(
      /<input[^>]*name="targetQuantity"[^>]*inputMode="numeric"|inputmode="numeric"[^>]*name="targetQuantity"/i,
    );
  });

  it("still takes halves for a measure in weeks, and full-time equivalents for one in people", async () => {
    for (const measure of [weeks, localPeople]) {
      const contract = await newContract();
      const response = await postPage(
        `/contracts/${contract.id}/commitments/new`,
        addForm(measure.id, "2.5", ["2.5"]),
        w.officer,
      );
      expect(response.status).toBe(302);
    }
    // the form's hints ask for whole numbers of items only
    const contract = await newContract();
    const response = await postPage(
      `/contracts/${contract.id}/commitments/new`,
      addForm(localPeople.id, "", []),
      w.officer,
    );
    expect(readableMainText(await response.text())).not.toContain("Whole numbers only");
  });
});

describe("the contracts import", () => {
  it("refuses a target or plan in items that is not a whole number, on its row and column", async () => {
    const world = await createImportWorld();
    const actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null };
    const reference = unique("WHOLE");
    const row = (code: string, target: string, plan: string) =>
      `${reference},Libraries,${world.companyNumber},Communities,100000,2026-04-01,2027-03-31,${code},${target},${plan}`;
    const csv = [
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,measure_code,target_quantity,delivery_plan",
      // JOB-01 local people employed (people, full-time equivalents), SOC-03 items donated (a count), JOB-03 weeks
      row("JOB-01", "2.5", "Q1 2026/27=2.5"),
      row("SOC-03", "10", "Q1 2026/27=9.5; Q2 2026/27=0.5"),
      row("JOB-03", "2.5", "Q1 2026/27=2.5"),
    ].join("\n");
    const result = await applyImport(actor, csv);
    expect(result.ok).toBe(false);
    expect(result.plan.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, "delivery_plan", "Enter the plan for Q1 2026/27 as a whole number: this measure is a count"],
      [3, "delivery_plan", "Enter the plan for Q2 2026/27 as a whole number: this measure is a count"],
    ]);
    expect(await db.contract.count({ where: { reference } })).toBe(0);
  });
});

describe("a return's figure", () => {
  async function returnWith(measureId: string) {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
      contractManagerId: w.users.officerA.id,
      startDate: new Date("2026-04-01"),
      endDate: new Date("2027-03-31"),
    });
    const commitment = await createCommitment({
      contractId: contract.id,
      measureId,
      targetQuantity: 4,
      plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 1 })),
    });
    const kpiReturn = await createReturn({ contractId: contract.id, quarter: 2 });
    return { commitment, kpiReturn };
  }

  const save = async (kpiReturn: { id: string }, commitment: { id: string }, quantity: string) =>
    postPage(
      `/returns/${kpiReturn.id}?index`,
      formOf({
        intent: "save",
        "lines[0].commitmentId": commitment.id,
        "lines[0].quantity": quantity,
        "lines[0].note": "",
        "lines[0].evidenceUrl": "",
      }),
      await sessionCookieFor(w.users.supplierOwner.id),
    );

  it("in items is refused as a half, naming the commitment, and the hint says whole numbers", async () => {
    const { commitment, kpiReturn } = await returnWith(items.id);
    const response = await save(kpiReturn, commitment, "2.5");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(errorOf(html, "lines[0].quantity")).toBe(
      "Error: Enter the amount for Items donated to community groups as a whole number, like 12",
    );
    expect(readableMainText(html)).toContain("A whole number. Enter 0 if nothing was delivered.");
    expect(await db.kpiReturnLine.count({ where: { returnId: kpiReturn.id } })).toBe(0);
  });

  it("in people is taken in full-time equivalents", async () => {
    const { commitment, kpiReturn } = await returnWith(localPeople.id);
    const response = await save(kpiReturn, commitment, "2.5");
    expect(response.status).toBe(302);
    const line = await db.kpiReturnLine.findFirstOrThrow({ where: { returnId: kpiReturn.id } });
    expect(line.quantity?.toString()).toBe("2.5");
    // the draft's form shows the figure saved, and no hint asks for whole numbers
    const html = await pageHtmlAs(`/returns/${kpiReturn.id}`, w.users.supplierOwner.id);
    expect(html).toMatch(/<input[^>]*name="lines\[0\]\.quantity"[^>]*value="2\.5"/);
    expect(readableMainText(html)).not.toContain("A whole number.");
  });

  it("in items stored as a half before the rule still shows as it was", async () => {
    const { commitment, kpiReturn } = await returnWith(items.id);
    await db.kpiReturn.update({
      where: { id: kpiReturn.id },
      data: {
        status: "SUBMITTED",
        submittedAt: new Date("2026-10-20T10:00:00Z"),
        lines: { create: { commitmentId: commitment.id, quantity: "2.5" } },
      },
    });
    const text = readableMainText(await pageHtmlAs(`/returns/${kpiReturn.id}`, w.users.officerA.id));
    expect(text).toMatch(/Items donated to community groups.*\b2\.5\b/s);
  });
});
