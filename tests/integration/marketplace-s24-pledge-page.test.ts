// The pledge page: the rating buttons were "1" to "5" with nothing saying which end is good, and a dispute's
// reason stayed as "What is wrong" after the supplier had reported the delivery again, as if still current.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage, readableText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
});

async function pledgeIn(status: "DELIVERED" | "DISPUTED", disputeReason: string | null = null) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "PARTIALLY_PLEDGED",
    pledgedQuantity: 5,
  });
  const pledge = await createPledge({
    requestId: need.id,
    supplierOrganisationId: world.supplier.id,
    status,
  });
  if (disputeReason) await db.pledge.update({ where: { id: pledge.id }, data: { disputeReason } });
  return pledge;
}

const page = async (id: string) => (await renderPage(`/pledges/${id}`, requestor)).text();

describe("the rating scale", () => {
  it("says which end is which, to everyone and in the buttons' names", async () => {
    const html = await page((await pledgeIn("DELIVERED")).id);
    // the hint is read with the group's legend
    const hint = html.match(/<fieldset aria-describedby="([^"]+)"[^>]*>[\s\S]*?<div id="\1"[^>]*>([^<]*)</);
    expect(hint?.[2]).toBe("1 is poor, 5 is excellent.");
    expect(html).toMatch(/<label for="rating"[^>]*>1 \(poor\)/);
    expect(html).toMatch(/<label for="rating-4"[^>]*>5 \(excellent\)/);
  });
});

describe("a dispute's reason", () => {
  it("is what is wrong while the delivery is disputed", async () => {
    const text = readableText(await page((await pledgeIn("DISPUTED", "Only half arrived")).id));
    expect(text).toContain("What is wrong Only half arrived");
  });

  it("is history once the delivery is reported again", async () => {
    const text = readableText(await page((await pledgeIn("DELIVERED", "Only half arrived")).id));
    expect(text).not.toContain("What is wrong Only half arrived");
    expect(text).toContain("Disputed earlier Only half arrived");
  });
});
