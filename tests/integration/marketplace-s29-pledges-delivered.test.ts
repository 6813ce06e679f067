// A supplier's list of its pledges showed what it pledged and when it expected to deliver, but not what it reported
// delivering (sent to the page and never shown): a pledge delivered short read as if all of it had been delivered.
// The list now has a "Delivered" column: the quantity reported and the day, or "Not reported".
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

describe("a supplier's list of its pledges", () => {
  it("shows what each pledge delivered, and when, beside what was pledged", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      title: "Painting the community hall",
      status: "PARTIALLY_PLEDGED",
      pledgedQuantity: 9,
    });
    const short = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 6,
      status: "CONFIRMED",
      deliveredQuantity: 4,
    });
    await db.pledge.update({ where: { id: short.id }, data: { deliveredOn: new Date("2026-11-20") } });
    await createPledge({ requestId: need.id, supplierOrganisationId: world.supplier.id, quantity: 3 });

    const text = readableMainText(
      await (await renderPage("/pledges", await sessionCookieFor(world.users.supplierMember.id))).text(),
    );
    expect(text).toContain("Delivered");
    expect(text).toMatch(
      /Painting the community hall confirmed 6 hours .{0,60}? 4 hours on 20 November 2026/,
    );
    expect(text).toMatch(/Painting the community hall offered 3 hours .{0,60}? Not reported/);
  });
});
