// After deleting a guidance page, Back to its edit page or its delete page (or a colleague's link to either) was
// answered "Page not found – check you typed the address", as if the address were wrong. Each now says the page was
// deleted (410 Gone), by whom, when and which page, with a way back to the list, without JavaScript. Only the
// page's own council is told: an admin of another council, and an address no page ever had, still get 404.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createGuidancePage,
  createMember,
  createWorldSignedInAs,
  sessionCookieFor,
  type World,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: World;
let admin: string;

beforeAll(async () => {
  await renderPage("/");
  ({ world, cookie: admin } = await createWorldSignedInAs("councilAdmin"));
});

async function deletedPage(title: string) {
  const page = await createGuidancePage({ councilId: world.councilA.id, title });
  const response = await postPage(
    `/council/guidance/${page.id}/delete`,
    formOf({ version: page.updatedAt.toISOString() }),
    admin,
  );
  expect(response.status).toBe(302);
  return page;
}

const ADDRESSES = [
  ["edit page", (id: string) => `/council/guidance/${id}`],
  ["delete page", (id: string) => `/council/guidance/${id}/delete`],
] as const;

describe("a deleted guidance page's address, opened again", () => {
  it.each(ADDRESSES)("says the %s was deleted, by whom and when (410)", async (_name, address) => {
    const page = await deletedPage("Meet the buyer");
    const response = await renderPage(address(page.id), admin);
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain("<title>This guidance page has been deleted – Social Value Marketplace</title>");
    const text = readableMainText(html);
    expect(text).toContain("This guidance page has been deleted");
    expect(text).toContain("You deleted the page “Meet the buyer” on");
    expect(text).not.toContain("Page not found");
    expect(html).toContain('href="/council/guidance"');
  });

  it.each(ADDRESSES)("names who deleted it to a colleague on the %s", async (_name, address) => {
    const page = await deletedPage("Winter coats");
    const colleague = await createMember(world.councilA.id, "ADMIN", { name: "Priya Shah" });
    const response = await renderPage(address(page.id), await sessionCookieFor(colleague.id));
    expect(response.status).toBe(410);
    expect(readableMainText(await response.text())).toContain(
      `${world.users.councilAdmin.name} deleted the page “Winter coats” on`,
    );
  });

  it.each(ADDRESSES)("is not found on the %s for another council's admin", async (_name, address) => {
    const page = await deletedPage("Ours only");
    const otherAdmin = await sessionCookieFor((await createMember(world.councilB.id, "ADMIN")).id);
    expect((await renderPage(address(page.id), otherAdmin)).status).toBe(404);
  });

  it.each(ADDRESSES)("is not found on the %s for a page that never was", async (_name, address) => {
    expect((await renderPage(address("no-such-page"), admin)).status).toBe(404);
  });
});
