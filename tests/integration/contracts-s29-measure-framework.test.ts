// A measure's mapping to the council's own framework (a Social Value Model theme, say) was asked for and stored, but
// shown nowhere but the admin's edit form: officers reading the measure library could not see where a measure sits.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMeasure, unique } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let mapped: string;
let unmapped: string;

beforeAll(async () => {
  w = await createContractsWorld();
  mapped = unique("FW").toUpperCase().slice(0, 20);
  unmapped = unique("NF").toUpperCase().slice(0, 20);
  const measure = await createMeasure({
    councilId: w.councilA.id,
    code: mapped,
    name: "Local people employed",
  });
  await db.measure.update({
    where: { id: measure.id },
    data: { frameworkMapping: "Tackling economic inequality" },
  });
  await createMeasure({ councilId: w.councilA.id, code: unmapped, name: "Car miles saved" });
});

it("shows an officer the framework theme each measure is mapped to, beside its theme", async () => {
  const response = await renderPage("/council/measures", w.officer);
  expect(response.status).toBe(200);
  const text = readableMainText(await response.text());
  expect(text).toContain(
    `${mapped} Local people employed Social Framework: Tackling economic inequality Hours`,
  );
  expect(text).toContain(`${unmapped} Car miles saved Social Hours`);
});
