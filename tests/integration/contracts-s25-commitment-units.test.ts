// A commitment's target and plan took "£" and "%" whatever its measure counted: "£500" typed as the target of an
// hours measure was saved as 500 hours, "95%" against a measure in pounds as £95, on the form and in the CSV import.
// Now only a measure in pounds takes "£" and only a percentage takes "%": any other sign is refused beside the
// figure, naming what the measure is counted in, with the figure kept as typed; so is a figure that is no number.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCommitment, createContract, createMeasure, unique } from "../helpers/factories.ts";
import { postPage, readableText } from "../helpers/render-page.ts";
import { createContractsWorld, formOf, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let contractId: string;
let hours: { id: string; code: string };
let pounds: { id: string; code: string };
let percent: { id: string; code: string };

/** A contract for 2026/27, the year the forms below plan. */
const newContract = () =>
  createContract({
    councilId: w.councilA.id,
    supplierOrganisationId: w.supplier.id,
    startDate: new Date("2026-04-01"),
    endDate: new Date("2027-03-31"),
  });

beforeAll(async () => {
  w = await createContractsWorld();
  contractId = (await newContract()).id;
  const measure = (unit: "HOURS" | "GBP" | "PERCENT", name: string) =>
    createMeasure({ councilId: w.councilA.id, unit, code: unique("U"), name });
  [hours, pounds, percent] = await Promise.all([
    measure("HOURS", "Volunteering hours"),
    measure("GBP", "Local spend"),
    measure("PERCENT", "Local workforce"),
  ]);
});

/** The inline error beside a field, and the value the field was sent back with. */
function field(html: string, name: string) {
  const escaped = name.replace(/[[\]]/g, "\\$&");
  const error = new RegExp(`<p id="${escaped}-error"[^>]*>(.*?)</p>`).exec(html)?.[1];
  const value = new RegExp(`<input[^>]*name="${escaped}"[^>]*value="([^"]*)"`).exec(html)?.[1];
  return { error: error === undefined ? undefined : readableText(error).trim(), value };
}

const addForm = (measureId: string, target: string, plan: string[] = []) =>
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

const commitmentsOn = (measureId: string) => db.commitment.count({ where: { contractId, measureId } });

describe("adding a commitment", () => {
  it("refuses a £ target for a measure counted in hours, beside the target, kept as typed", async () => {
    const response = await postPage(
      `/contracts/${contractId}/commitments/new`,
      addForm(hours.id, "£500", ["500"]),
      w.officer,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(field(html, "targetQuantity")).toEqual({
      error: "Error: Enter the target without a £ sign: this measure is counted in hours, not pounds",
      value: "£500",
    });
    expect(await commitmentsOn(hours.id)).toBe(0);
  });

  it("refuses a % target for a measure in pounds", async () => {
    const response = await postPage(
      `/contracts/${contractId}/commitments/new`,
      addForm(pounds.id, "95%", ["95"]),
      w.officer,
    );
    expect(response.status).toBe(400);
    expect(field(await response.text(), "targetQuantity")).toEqual({
      error:
        "Error: Enter the target without a % sign: this measure is counted in pounds (£), not a percentage",
      value: "95%",
    });
    expect(await commitmentsOn(pounds.id)).toBe(0);
  });

  it("refuses a sign in the plan beside its quarter, naming the quarter and the unit", async () => {
    const response = await postPage(
      `/contracts/${contractId}/commitments/new`,
      addForm(hours.id, "40", ["20", "£20"]),
      w.officer,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(field(html, "plan[1].quantity")).toEqual({
      error:
        "Error: Enter the plan for Q2 2026/27 without a £ sign: this measure is counted in hours, not pounds",
      value: "£20",
    });
    expect(field(html, "plan[0].quantity").error).toBeUndefined();
    expect(await commitmentsOn(hours.id)).toBe(0);
  });

  it("says what a figure that is no number should be counted in", async () => {
    const response = await postPage(
      `/contracts/${contractId}/commitments/new`,
      addForm(hours.id, "lots", ["ten"]),
      w.officer,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(field(html, "targetQuantity").error).toBe(
      "Error: Enter the target as a number of 0 or more, with up to 2 decimal places: this measure is counted in hours",
    );
    expect(field(html, "plan[0].quantity").error).toBe(
      "Error: Enter the plan for Q1 2026/27 as a number of 0 or more, with up to 2 decimal places: this measure is counted in hours",
    );
  });

  it("still takes the sign a measure is written with", async () => {
    // a contract of its own, so what a test above let through cannot stand in its way
    const { id } = await newContract();
    const add = (form: FormData) => postPage(`/contracts/${id}/commitments/new`, form, w.officer);
    expect((await add(addForm(pounds.id, "£1,500", ["£1,000", "£ 500"]))).status).toBe(302);
    expect((await add(addForm(percent.id, "95%"))).status).toBe(302);
    const saved = await db.commitment.findMany({
      where: { contractId: id },
      select: { measureId: true, targetQuantity: true },
    });
    expect(Object.fromEntries(saved.map((c) => [c.measureId, c.targetQuantity?.toFixed(2)]))).toEqual({
      [pounds.id]: "1500.00",
      [percent.id]: "95.00",
    });
  });
});

describe("changing a commitment", () => {
  it("refuses a % in the plan of a measure in pounds, kept as typed", async () => {
    const contract = await newContract();
    const commitment = await createCommitment({
      contractId: contract.id,
      measureId: pounds.id,
      targetQuantity: 100,
      plan: [{ financialYear: 2026, quarter: 1, targetQuantity: 100 }],
    });
    const response = await postPage(
      `/contracts/${contract.id}/commitments/${commitment.id}`,
      formOf({
        intent: "save",
        version: commitment.updatedAt.toISOString(),
        measureId: pounds.id,
        targetQuantity: "£100",
        "plan[0].quarter": "2026-1",
        "plan[0].quantity": "100%",
      }),
      w.officer,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(field(html, "plan[0].quantity")).toEqual({
      error:
        "Error: Enter the plan for Q1 2026/27 without a % sign: this measure is counted in pounds (£), not a percentage",
      value: "100%",
    });
    expect(field(html, "targetQuantity").error).toBeUndefined();
    const saved = await db.commitment.findUniqueOrThrow({
      where: { id: commitment.id },
      select: { updatedAt: true },
    });
    expect(saved.updatedAt).toEqual(commitment.updatedAt);
  });
});

describe("the contracts import's preview", () => {
  it("reports a target or plan written with a sign its measure does not take, and imports nothing", async () => {
    await db.organisation.update({ where: { id: w.supplier.id }, data: { companyNumber: "05550125" } });
    const reference = unique("SIGN");
    const row = (code: string, target: string, plan: string) =>
      `${reference},Libraries,05550125,Communities,100000,2026-04-01,2027-03-31,${code},${target},${plan}`;
    const csv = [
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,measure_code,target_quantity,delivery_plan",
      row(hours.code, "£60", "Q1 2026/27=60"),
      row(pounds.code, "2000", "Q1 2026/27=2000%"),
      row(percent.code, "95%", ""),
    ].join("\n");
    const form = new FormData();
    form.append("intent", "preview");
    form.append("file", new File([csv], "contracts.csv", { type: "text/csv" }));
    const response = await postPage("/contracts/import", form, w.officer);
    const page = readableText(await response.text());
    // the problems table: line, column, problem; the percentage's own sign is taken, so line 4 has none
    expect(page).toContain("2 problems found");
    expect(page).toContain(
      "2 target_quantity Enter the target without a £ sign: this measure is counted in hours, not pounds",
    );
    expect(page).toContain(
      "3 delivery_plan Enter the plan for Q1 2026/27 without a % sign: this measure is counted in pounds (£), not a percentage",
    );
    expect(await db.contract.count({ where: { reference } })).toBe(0);
  });
});
