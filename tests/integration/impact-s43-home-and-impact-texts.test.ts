// The home page's newest needs and the impact page's figures and case studies read as they did when the browser
// wrote them ("Still needed: 1 laptop", "1 hour", "Goods: 1 laptop"): their loaders now write the text, so the
// pages no longer ship the pluralize library (request-card.server.ts; javascript-budget.spec.ts).
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createPledge, createRequest, createWorld } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

const tag = crypto.randomUUID().slice(0, 8);
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  const { councilA, vcse, category, district, supplier } = world;
  const base = { councilId: councilA.id, organisationId: vcse.id, categoryId: category.id };
  // the newest need on the home page: 1 of its 3 laptops still needed
  const laptops = await createRequest({
    ...base,
    districtId: district.id,
    title: `Laptops for homework club ${tag}`,
    helpType: "GOODS",
    quantity: 3,
    pledgedQuantity: 2,
    status: "PARTIALLY_PLEDGED",
    neededBy: new Date("2099-03-01T00:00:00Z"),
    publishedAt: new Date("2099-01-01T00:00:00Z"),
  });
  await db.request.update({ where: { id: laptops.id }, data: { unitLabel: "laptops" } });
  // confirmed help on the impact page: 1 hour of volunteering and 3 items of goods, and a case study of 1 laptop
  const hour = await createRequest({ ...base, districtId: district.id, status: "FULFILLED", quantity: 1 });
  await createPledge({
    requestId: hour.id,
    supplierOrganisationId: supplier.id,
    quantity: 1,
    status: "CONFIRMED",
  });
  const items = await createRequest({ ...base, status: "FULFILLED", helpType: "GOODS", quantity: 3 });
  await createPledge({
    requestId: items.id,
    supplierOrganisationId: supplier.id,
    quantity: 3,
    status: "CONFIRMED",
  });
  const story = await createRequest({
    ...base,
    title: `One laptop for a carer ${tag}`,
    status: "FULFILLED",
    showcaseConsent: true,
    helpType: "GOODS",
    quantity: 1,
  });
  await db.request.update({
    where: { id: story.id },
    data: { unitLabel: "laptops", fulfilledAt: new Date("2026-10-03T12:00:00Z") },
  });
});

describe("the home page's newest needs", () => {
  it("says each need's type of help, category, place and what is still needed in its unit, by when", async () => {
    const response = await renderPage("/");
    expect(response.status).toBe(200);
    const text = readableMainText(await response.text());
    expect(text).toContain(
      `Laptops for homework club ${tag} Goods · ${world.category.name} · ${world.district.name} ` +
        "Still needed: 1 laptop of the 3 laptops asked for Needed by 1 March 2099",
    );
  });
});

describe("the impact page", () => {
  it("says each type of help's total and each row's type and quantity delivered, one in the singular", async () => {
    const response = await renderPage("/impact");
    expect(response.status).toBe(200);
    const text = readableMainText(await response.text());
    const section = text.slice(text.indexOf(world.councilA.name));
    expect(section).toContain("1 hour Volunteering from 1 confirmed pledge");
    expect(section).toContain("3 items Goods from 1 confirmed pledge");
    // the tables by category and by district: type of help, confirmed pledges, delivered
    expect(section).toContain(`${world.category.name} Volunteering 1 1 hour`);
    expect(section).toContain(`${world.category.name} Goods 1 3 items`);
    expect(section).toContain(`${world.district.name} Volunteering 1 1 hour`);
    expect(text).toContain(`One laptop for a carer ${tag}`);
    expect(text).toContain("Goods: 1 laptop, met 3 October 2026");
  });
});
