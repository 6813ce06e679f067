// The commitment form's error summary listed its errors in the order they were found, not the order of the fields
// on the page: a note too long came before a delivery plan figure above it, and a qualitative measure's missing
// words before its target. It now follows the page, as GOV.UK's does, on the page a browser without JavaScript gets.
import { beforeAll, describe, expect, it } from "vitest";
import { createMeasure } from "../helpers/factories.ts";
import { formOf, postPage } from "../helpers/render-page.ts";
import { createContractsWorld, createYearContract, type ContractsWorld } from "./contracts-world.ts";
import { errorSummaryOrder } from "../helpers/error-summary.ts";

let world: ContractsWorld;
let contractId: string;
let wordsMeasureId: string;

beforeAll(async () => {
  world = await createContractsWorld();
  contractId = (await createYearContract(world)).id;
  wordsMeasureId = (await createMeasure({ councilId: world.councilA.id, unit: "QUALITATIVE" })).id;
});

const plan = (quantity: string) => ({
  "plan[0].quarter": "2026-1",
  "plan[0].quantity": quantity,
  "plan[1].quarter": "2026-2",
  "plan[1].quantity": "",
  "plan[2].quarter": "2026-3",
  "plan[2].quantity": "",
  "plan[3].quarter": "2026-4",
  "plan[3].quantity": "",
});

describe("the commitment form's error summary", () => {
  it("lists errors the form's checks find in the order of the fields on the page", async () => {
    const response = await postPage(
      `/contracts/${contractId}/commitments/new`,
      formOf({
        measureId: "",
        targetQuantity: "lots",
        ...plan("many"),
        qualitativeText: "",
        narrative: "x".repeat(2001),
        intent: "save",
      }),
      world.officer,
    );
    expect(response.status).toBe(400);
    const { linked, onPage } = errorSummaryOrder(await response.text());
    expect(linked).toEqual(["measureId", "targetQuantity", "plan[0].quantity", "narrative"]);
    expect(linked).toEqual(onPage);
  });

  it("lists errors the server's checks find in the order of the fields on the page", async () => {
    const response = await postPage(
      `/contracts/${contractId}/commitments/new`,
      formOf({
        measureId: wordsMeasureId,
        targetQuantity: "5",
        ...plan(""),
        qualitativeText: "",
        narrative: "",
        intent: "save",
      }),
      world.officer,
    );
    expect(response.status).toBe(400);
    const { linked, onPage } = errorSummaryOrder(await response.text());
    expect(linked).toEqual(["targetQuantity", "qualitativeText"]);
    expect(linked).toEqual(onPage);
  });
});
