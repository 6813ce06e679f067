// The "Add a commitment" measure list named a unit twice for a measure whose name already ends with it, as the
// default library's do: "GRO-01 Local spend (£) (£)", "ENV-02 Waste diverted from landfill (tonnes) (tonnes)".
import { beforeAll, expect, it } from "vitest";
import { createMeasure } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { createContractsWorld, createYearContract, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let contractId: string;
const code = `S36U${Date.now() % 100_000}`;

beforeAll(async () => {
  w = await createContractsWorld();
  contractId = (await createYearContract(w)).id;
  await createMeasure({ councilId: w.councilA.id, code: `${code}-A`, name: "Local spend (£)", unit: "GBP" });
  await createMeasure({
    councilId: w.councilA.id,
    code: `${code}-B`,
    name: "Waste diverted from landfill (Tonnes)",
    unit: "TONNES",
  });
  await createMeasure({ councilId: w.councilA.id, code: `${code}-C`, name: "Volunteering", unit: "HOURS" });
});

it("names each measure's unit once", async () => {
  const response = await renderPage(`/contracts/${contractId}/commitments/new`, w.officer);
  expect(response.status).toBe(200);
  const text = readableMainText(await response.text());
  expect(text).toContain(`${code}-A Local spend (£)`);
  expect(text).not.toContain("Local spend (£) (£)");
  expect(text).toContain(`${code}-B Waste diverted from landfill (Tonnes)`);
  expect(text).not.toContain("(Tonnes) (tonnes)");
  expect(text).toContain(`${code}-C Volunteering (hours)`);
});
