// A supplier that pledged 8 hours, delivered 6 and had them confirmed read "has pledged to this request: 8 hours,
// confirmed" on the request's page, and the council's officers "8 hours" under "Pledged" beside "confirmed": more
// than was delivered, though the pledge's page and every figure count 6. Both now say what was delivered.
import { beforeAll, expect, it } from "vitest";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let needId: string;

beforeAll(async () => {
  world = await createWorld();
  ({
    need: { id: needId },
  } = await createPartlyPledgedRequest(world, {
    request: { quantity: 10, pledgedQuantity: 6 },
    pledge: { status: "CONFIRMED", quantity: 8, deliveredQuantity: 6 },
  }));
});

const pageTextAs = async (userId: string) =>
  readableMainText(
    await (await renderPage(`/requests/${needId}`, await sessionCookieFor(userId))).text(),
  ).replace(/\s+/g, " ");

it("tells the supplier what it delivered of what it pledged", async () => {
  expect(await pageTextAs(world.users.supplierMember.id)).toContain(
    `${world.supplier.name} has pledged to this request: 8 hours pledged, 6 hours delivered, confirmed`,
  );
});

it("tells the council's officers too", async () => {
  expect(await pageTextAs(world.users.officerA.id)).toContain("8 hours (6 hours delivered) confirmed");
});
