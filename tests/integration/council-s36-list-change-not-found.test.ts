// A "Change" link for a category or district the council does not list (another council's, followed after the
// admin switched council in another window, or an old link) showed the form to add a new one under an "Add"
// heading, with no word of why: the admin, who had asked to change an entry, could add a second one unawares.
// The page now says the entry is not one of this council's, above the form to add one.
import { beforeAll, describe, expect, it } from "vitest";
import { createCategory, createDistrict, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;
let otherCategory: string;
let otherDistrict: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.councilAdmin.id);
  otherCategory = (await createCategory(world.councilB.id)).id;
  otherDistrict = (await createDistrict(world.councilB.id)).id;
});

const textOf = async (path: string) => {
  const response = await renderPage(path, cookie);
  expect(response.status).toBe(200);
  return readableMainText(await response.text()).replace(/&#x27;/g, "'");
};

describe("a Change link for an entry the council does not list", () => {
  it("says so on the categories page, above the form to add one", async () => {
    const text = await textOf(`/council/categories?edit=${otherCategory}`);
    expect(text).toContain(
      `The category you chose to change is not one of ${world.councilA.name}'s categories. Choose Change next to one in the list above, or add a new one here.`,
    );
    expect(text).toContain("Add a category");
  });

  it("says so on the districts page, above the form to add one", async () => {
    const text = await textOf(`/council/districts?edit=${otherDistrict}`);
    expect(text).toContain(
      `The district you chose to change is not one of ${world.councilA.name}'s districts. Choose Change next to one in the list above, or add a new one here.`,
    );
    expect(text).toContain("Add a district");
  });

  it("says nothing of the kind on the page as opened from the menu", async () => {
    expect(await textOf("/council/categories")).not.toContain("you chose to change");
    expect(await textOf("/council/districts?edit=")).not.toContain("you chose to change");
  });
});
