// The public impact page gives confirmed totals for each council (PRODUCT.md §6): a council of the marketplace
// with no help confirmed yet is named under its own heading and said to have none, not left out of the page as
// if it were not taking part. The open data still holds rows only where help was confirmed.
import { beforeAll, describe, expect, it } from "vitest";
import { createCouncil, createPledge, createRequest, createWorld } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  const request = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "FULFILLED",
    quantity: 6,
  });
  await createPledge({
    requestId: request.id,
    supplierOrganisationId: world.supplier.id,
    quantity: 6,
    status: "CONFIRMED",
  });
  // council B has requests and pledges, but nothing confirmed: it has no confirmed help to show
  const offered = await createRequest({
    councilId: world.councilB.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity: 4,
  });
  await createPledge({
    requestId: offered.id,
    supplierOrganisationId: world.supplier.id,
    status: "DELIVERED",
  });
});

describe("the public impact page of a council with no confirmed help", () => {
  it("names the council under its own heading and says none has been confirmed yet", async () => {
    const response = await renderPage("/impact");
    expect(response.status).toBe(200);
    const html = await response.text();
    const headings = [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(
      expect.arrayContaining([world.councilA.name, world.councilB.name, "Needs that were met", "Open data"]),
    );
    const text = readableMainText(html);
    const sectionB = text.slice(text.indexOf(world.councilB.name), text.indexOf("Needs that were met"));
    expect(sectionB).toContain(`No help has been confirmed for ${world.councilB.name} yet.`);
    expect(sectionB).not.toContain("confirmed pledge");
    // the council with confirmed help keeps its figures
    const sectionA = text.slice(text.indexOf(world.councilA.name), text.indexOf(world.councilB.name));
    expect(sectionA).toContain("6 hours");
    expect(sectionA).toContain("from 1 confirmed pledge");
  });

  it("lists every council in the order of their names", async () => {
    await createCouncil({ name: "Aardvark District Council" });
    const html = await (await renderPage("/impact")).text();
    const text = readableMainText(html);
    expect(text).toContain("No help has been confirmed for Aardvark District Council yet.");
    const order = ["Aardvark District Council", world.councilA.name, world.councilB.name].map((name) =>
      text.indexOf(name),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(-1);
  });
});
