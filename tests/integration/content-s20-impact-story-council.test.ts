// The public impact page lists the case studies of every council together; one with a district said only the
// district ("Riverside"), so with partnership councils a reader could not tell whose story it was.
import { beforeAll, describe, expect, it } from "vitest";
import { createPledge, createRequest, createWorld } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  const request = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    districtId: world.district.id,
    title: "Story with a district",
    status: "FULFILLED",
    showcaseConsent: true,
    quantity: 8,
  });
  await createPledge({
    requestId: request.id,
    supplierOrganisationId: world.supplier.id,
    quantity: 8,
    status: "CONFIRMED",
  });
});

describe("a case study on the impact page", () => {
  it("names its district and its council", async () => {
    const response = await renderPage("/impact");
    expect(response.status).toBe(200);
    const text = readableText(await response.text());
    expect(text).toContain("Story with a district");
    expect(text).toContain(`${world.district.name}, ${world.councilA.name}`);
  });
});
