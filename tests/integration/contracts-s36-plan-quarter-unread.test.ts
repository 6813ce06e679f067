// A commitment form whose hidden quarter field was changed or lost (a broken page, a tampered form) was answered
// "Invalid string: must match pattern /^(\d{4})-([1-4])$/": it is now told in words, and nothing is saved.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMeasure } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";
import { createContractsWorld, createYearContract, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let contractId: string;
let measureId: string;

beforeAll(async () => {
  w = await createContractsWorld();
  contractId = (await createYearContract(w)).id;
  measureId = (await createMeasure({ councilId: w.councilA.id, unit: "PEOPLE", name: "Apprentices" })).id;
});

it("tells a plan quarter it cannot read in words", async () => {
  for (const quarter of ["abc", "2026-5", ""]) {
    const response = await postPage(
      `/contracts/${contractId}/commitments/new`,
      formOf({
        measureId,
        targetQuantity: "4",
        "plan[0].quarter": quarter,
        "plan[0].quantity": "4",
        qualitativeText: "",
        narrative: "",
      }),
      w.officer,
    );
    expect(response.status).toBe(400);
    const text = readableMainText(await response.text());
    expect(text).toContain("quarters could not be read. Reload the page and enter the plan again.");
    expect(text).not.toContain("Invalid");
  }
  expect(await db.commitment.count({ where: { contractId } })).toBe(0);
});
