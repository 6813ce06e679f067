// The public list's cards are worked out once, in the loader, and drawn with a plain link each (decision 045):
// a card still reads as it did (its type of help, category, place and council; how much is still needed, of how
// much, by when) and links to the request, and the page's data carries each card's text, not the fields behind it.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/requests._index.tsx";
import { createCategory, createRequest, createWorld } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

describe("a card on the public list", () => {
  it("says what is needed, where and by when, and links to the request", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      districtId: world.district.id,
      isRemote: true,
      helpType: "GOODS",
      quantity: 6,
      pledgedQuantity: 2,
      neededBy: new Date("2099-03-01T00:00:00Z"),
    });
    const response = await renderPage(`/requests?category=${world.category.id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<a href="/requests/${need.id}">${need.title}</a>`);
    expect(html).toContain(
      `<p class="text-muted">Goods · ${world.category.name} · ${world.district.name} or remote · ${world.councilA.name}</p>`,
    );
    expect(html).toContain("<p>Still needed: <strong>4 items</strong> of the 6 items asked for</p>");
    expect(html).toContain("<p>Needed by 1 March 2099</p>");
  });

  it("says a funding request's amounts in pounds and a remote one without a district as remote", async () => {
    const category = await createCategory(world.councilA.id);
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: category.id,
      isRemote: true,
      helpType: "FUNDING",
      quantity: 1500,
      pledgedQuantity: 250,
      neededBy: new Date("2099-04-02T00:00:00Z"),
    });
    const response = await callLoader(listLoader, { path: `/requests?category=${category.id}` });
    const { requests } = await jsonOf<{ requests: Record<string, unknown>[] }>(response);
    // only what the card shows travels with the page
    expect(requests).toEqual([
      {
        id: need.id,
        title: need.title,
        about: `Funding · ${category.name} · Remote · ${world.councilA.name}`,
        need: { label: "Still needed", figure: "£1,250", rest: " of the £1,500 asked for" },
        neededBy: "2 April 2099",
      },
    ]);
  });
});
