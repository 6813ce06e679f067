// Adding a commitment listed its measures by name only, and a delivery plan that did not add up said "adds up to 30
// but the target is 40" without saying 30 what: an officer could not tell whether to type weeks, people or pounds.
// The measure list now names each measure's unit, and the plan's problem and the figures' labels say it too.
import { beforeAll, describe, expect, it } from "vitest";
import { checkCommitment } from "~/domain/contracts/plan.ts";
import { createMeasure, unique } from "../helpers/factories.ts";
import { postPage, readableMainText, readableText, renderPage } from "../helpers/render-page.ts";
import { createContractsWorld, createYearContract, formOf, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let contractId: string;
let weeks: { id: string; code: string };

beforeAll(async () => {
  w = await createContractsWorld();
  contractId = (await createYearContract(w)).id;
  weeks = await createMeasure({
    councilId: w.councilA.id,
    unit: "WEEKS",
    code: unique("APP"),
    name: "Apprenticeship weeks",
  });
});

describe("adding a commitment", () => {
  it("lists each measure with its unit", async () => {
    const html = await (await renderPage(`/contracts/${contractId}/commitments/new`, w.officer)).text();
    expect(html).toContain(`>${weeks.code} Apprenticeship weeks (weeks)</option>`);
  });

  it("says what a plan that does not add up is counted in, beside the plan", async () => {
    const response = await postPage(
      `/contracts/${contractId}/commitments/new`,
      formOf({
        intent: "save",
        measureId: weeks.id,
        targetQuantity: "40",
        "plan[0].quarter": "2026-1",
        "plan[0].quantity": "10",
        "plan[1].quarter": "2026-2",
        "plan[1].quantity": "20",
      }),
      w.officer,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    const problem = "The quarterly plan adds up to 30 weeks but the target is 40 weeks: they must be equal";
    expect(readableText(/<p id="plan-error"[^>]*>(.*?)<\/p>/.exec(html)?.[1] ?? "").trim()).toBe(
      `Error: ${problem}`,
    );
    const page = readableMainText(html);
    expect(page).toContain("Target over the contract term (weeks)");
    expect(page).toContain("Delivery plan by financial quarter (weeks)");
  });
});

describe("a delivery plan's problems", () => {
  const term = { startDate: new Date("2026-04-01Z"), endDate: new Date("2027-03-31Z") };
  const plan = (quantity: string) => [{ financialYear: 2026, quarter: 1, quantity }];

  it("give pounds as pounds", () => {
    expect(checkCommitment({ unit: "GBP", targetQuantity: "40", plan: plan("30.5") }, term)).toEqual({
      ok: false,
      errors: { plan: ["The quarterly plan adds up to £30.50 but the target is £40.00: they must be equal"] },
    });
  });

  it("give the most a quarter may hold in the measure's unit", () => {
    expect(checkCommitment({ unit: "WEEKS", targetQuantity: "200000", plan: plan("200000") }, term)).toEqual({
      ok: false,
      errors: {
        plan: [
          "Q1 2026/27: plan 100,000 weeks or less for one quarter, the most a quarterly return can report",
        ],
      },
    });
  });
});
