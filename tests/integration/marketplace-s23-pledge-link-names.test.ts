// The manage page's link to a delivered pledge was read by screen readers as "Confirm delivery the pledge from
// Acme Ltd" (the hidden words every row's link ends with). Each link's full name now reads as a sentence.
import { beforeAll, describe, expect, it } from "vitest";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

describe("the links to a request's pledges on its manage page", () => {
  it("each read as a sentence naming the supplier", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 10,
      pledgedQuantity: 6,
      status: "PARTIALLY_PLEDGED",
    });
    const pledge = (status: "OFFERED" | "DELIVERED" | "CONFIRMED") =>
      createPledge({ requestId: need.id, supplierOrganisationId: world.supplier.id, quantity: 2, status });
    const offered = await pledge("OFFERED");
    const delivered = await pledge("DELIVERED");
    const confirmed = await pledge("CONFIRMED");
    const response = await renderPage(
      `/requests/${need.id}/manage`,
      await sessionCookieFor(world.users.vcseOwner.id),
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    const linkName = (id: string) => {
      const link = html.match(new RegExp(`<a[^>]*href="/pledges/${id}"[^>]*>(.*?)</a>`));
      expect(link).not.toBeNull();
      return readableText(link![1]).trim();
    };
    const supplier = world.supplier.name;
    expect(linkName(offered.id)).toBe(`Accept or decline the pledge from ${supplier}`);
    expect(linkName(delivered.id)).toBe(`Confirm delivery from ${supplier}`);
    expect(linkName(confirmed.id)).toBe(`View the pledge from ${supplier}`);
  });
});
