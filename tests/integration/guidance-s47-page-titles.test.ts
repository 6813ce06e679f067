// Page titles named no record (WCAG 2.4.2): every guidance page an admin edited was titled "Edit guidance page", and
// every council's public "How the marketplace works" had the same title, so two tabs, or a list of history, could not
// be told apart. Each now names its page, and a council's public page its council; a form sent back with errors still
// puts "Error: " in front.
import { beforeAll, describe, expect, it } from "vitest";
import { createGuidancePage, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;
let pageId: string;
const SITE = "Social Value Marketplace";

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  pageId = (await createGuidancePage({ councilId: world.councilA.id, title: "Volunteering days" })).id;
  for (const council of [world.councilA, world.councilB])
    await createGuidancePage({
      councilId: council.id,
      slug: "how-it-works",
      title: "How the marketplace works",
    });
});

const titlesOf = (html: string) => [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);

async function titlesAt(location: string, cookie?: string) {
  const response = await renderPage(location, cookie);
  expect(response.status, location).toBe(200);
  return titlesOf(await response.text());
}

describe("guidance page titles", () => {
  it.each([
    [
      "an edited page",
      () => `/council/guidance/${pageId}`,
      () => `Edit guidance page: Volunteering days – ${world.councilA.name} – ${SITE}`,
    ],
    [
      "a page asked to be deleted",
      () => `/council/guidance/${pageId}/delete`,
      () => `Delete guidance page: Volunteering days – ${world.councilA.name} – ${SITE}`,
    ],
    // (session 48) a new page, and the list, name the council they are for, as every council has its own
    [
      "a new page",
      () => "/council/guidance/new",
      () => `Add a guidance page – ${world.councilA.name} – ${SITE}`,
    ],
    [
      "the list of pages",
      () => "/council/guidance",
      () => `Guidance pages – ${world.councilA.name} – ${SITE}`,
    ],
  ])("names %s", async (_, location, title) => {
    expect(await titlesAt(location(), admin)).toEqual([title()]);
  });

  it.each(["A", "B"] as const)(
    "names council %s on its public page, which every council has",
    async (which) => {
      const council = which === "A" ? world.councilA : world.councilB;
      expect(await titlesAt(`/guidance/${council.id}/how-it-works`)).toEqual([
        `How the marketplace works – ${council.name} – ${SITE}`,
      ]);
    },
  );

  it("puts Error: in front of an edited page's title when the form is sent back", async () => {
    const response = await postPage(
      `/council/guidance/${pageId}`,
      formOf({ intent: "save", title: "", slug: "x", audience: "EVERYONE", bodyMarkdown: "Text" }),
      admin,
    );
    expect(response.status).toBe(400);
    expect(titlesOf(await response.text())).toEqual([
      `Error: Edit guidance page: Volunteering days – ${world.councilA.name} – ${SITE}`,
    ]);
  });
});
