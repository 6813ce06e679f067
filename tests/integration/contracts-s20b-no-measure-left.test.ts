// "Add a commitment" on a contract that already has a commitment on every measure in use in the library showed a
// measure list with nothing to choose, and sending the form answered "Choose a measure". The page now says why
// there is nothing to add, and what to do instead.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCommitment, createContract, createMeasure } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { type ContractsWorld, createContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;

beforeAll(async () => {
  w = await createContractsWorld();
});

describe("adding a commitment when no measure is left to add", () => {
  it("says so instead of offering an empty list", async () => {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
    });
    const measure = await createMeasure({ councilId: w.councilA.id, unit: "PERCENT", code: "ONLY-1" });
    const retired = await createMeasure({ councilId: w.councilA.id, code: "OLD-1" });
    await db.measure.update({ where: { id: retired.id }, data: { retiredAt: new Date() } });

    const before = await (await renderPage(`/contracts/${contract.id}/commitments/new`, w.officer)).text();
    expect(before).toContain(`<option value="${measure.id}">ONLY-1`);

    await createCommitment({ contractId: contract.id, measureId: measure.id, targetQuantity: 90 });
    const response = await renderPage(`/contracts/${contract.id}/commitments/new`, w.officer);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("There is no measure left to add a commitment on");
    expect(html).toContain('href="/council/measures"');
    expect(html).not.toContain('name="measureId"');
  });
});
