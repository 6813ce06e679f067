// A measure that commitments use cannot change its unit, and its page said so above the form, yet the form still
// offered a working "Unit" menu whose change only the save refused. The unit is now shown, not offered, with why and
// what to do instead; the rest of the form saves as before, and a unit sent anyway is still refused.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCommitment, createContract, createMeasure } from "../helpers/factories.ts";
import { pageHtmlAs, postPage, readableMainText } from "../helpers/render-page.ts";
import { type ContractsWorld, createContractsWorld, formOf } from "./contracts-world.ts";

let w: ContractsWorld;

beforeAll(async () => {
  w = await createContractsWorld();
});

async function measureUsedBy(commitments: number) {
  const measure = await createMeasure({ councilId: w.councilA.id, unit: "PEOPLE" });
  for (let i = 0; i < commitments; i++) {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
    });
    await createCommitment({ contractId: contract.id, measureId: measure.id });
  }
  return measure;
}

const save = (measure: Awaited<ReturnType<typeof measureUsedBy>>, unit: string) =>
  postPage(
    `/council/measures/${measure.id}`,
    formOf({
      code: measure.code,
      name: "Local people employed (FTE)",
      theme: measure.theme,
      unit,
      helpText: "",
      frameworkMapping: "",
      proxyValueGbp: "",
      version: measure.updatedAt.toISOString(),
    }),
    w.admin,
  );

describe("a measure's unit on its change page", () => {
  it("is shown, not offered, once commitments use it, and the form still saves", async () => {
    const measure = await measureUsedBy(2);
    const html = await pageHtmlAs(`/council/measures/${measure.id}`, w.users.councilAdmin.id);
    expect(html).not.toMatch(/<select[^>]*name="unit"/);
    expect(html).toMatch(/<input type="hidden" name="unit" value="PEOPLE"/);
    expect(readableMainText(html).replace(/\s+/g, " ")).toContain(
      "Unit People. 2 commitments use this measure, so its unit cannot change: to count in another unit, add a new measure.",
    );
    const response = await save(measure, "PEOPLE");
    expect(response.status).toBe(302);
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).name).toBe(
      "Local people employed (FTE)",
    );
  });

  it("refuses a different unit sent anyway", async () => {
    const measure = await measureUsedBy(1);
    const response = await save(measure, "HOURS");
    expect(response.status).toBe(400);
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).unit).toBe("PEOPLE");
  });

  it("is offered as a menu while no commitment uses it", async () => {
    const measure = await measureUsedBy(0);
    const html = await pageHtmlAs(`/council/measures/${measure.id}`, w.users.councilAdmin.id);
    expect(html).toMatch(/<select[^>]*name="unit"/);
    expect(html).not.toContain("so its unit cannot change");
  });
});
