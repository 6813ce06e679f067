// The requestor's page for a request listed each pledge's pledged amount only, so a delivery confirmed short of its
// pledge read as delivered in full: a request asking for 10 hours listed 6 and 4 hours, both confirmed, above
// "Still needed: 2 hours". The list now shows what each supplier reported delivering, and when.
import { beforeAll, describe, expect, it } from "vitest";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { formatDate } from "~/ui/format.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
});

describe("the pledges on the requestor's page for a request", () => {
  it("show what each supplier delivered, so a delivery confirmed short does not read as in full", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "FULLY_PLEDGED",
      quantity: 10,
      pledgedQuantity: 10,
    });
    const full = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 6,
      status: "CONFIRMED",
    });
    const short = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.otherSupplier.id,
      quantity: 4,
      status: "DELIVERED",
      deliveredQuantity: 2,
    });
    const offered = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
    });
    await createPledge({ requestId: offered.id, supplierOrganisationId: world.supplier.id, quantity: 3 });

    const confirmed = await postPage(`/pledges/${short.id}`, formOf({ intent: "confirm" }), requestor);
    expect(confirmed.status).toBe(302);

    const text = readableMainText(await (await renderPage(`/requests/${need.id}/manage`, requestor)).text());
    const on = formatDate(full.deliveredOn!.toISOString());
    expect(text).toContain("Still needed 2 hours of the 10 hours asked for");
    expect(text).toContain(`${world.supplier.name} 6 hours 6 hours on ${on} confirmed`);
    expect(text).toContain(`${world.otherSupplier.name} 4 hours 2 hours on ${on} confirmed`);

    const waiting = readableMainText(
      await (await renderPage(`/requests/${offered.id}/manage`, requestor)).text(),
    );
    expect(waiting).toContain(`${world.supplier.name} 3 hours Not reported offered`);
  });
});
