// Guidance addresses are saved in lower case, so one typed or quoted with capitals ("/guidance/…/How-It-Works")
// was "Page not found". It now leads to the page at its own address.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createWorld, unique } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let slug: string;

beforeAll(async () => {
  world = await createWorld();
  slug = unique("how-it-works").toLowerCase();
  await db.guidancePage.create({
    data: { councilId: world.councilA.id, slug, title: "How it works", bodyMarkdown: "Step one." },
  });
});

describe("a guidance address written with capitals", () => {
  it("redirects to the page's own address, which shows it", async () => {
    const shouted = slug.replace("how-it-works", "How-It-Works");
    const response = await renderPage(`/guidance/${world.councilA.id}/${shouted}`);
    expect(response.status).toBe(301);
    const location = response.headers.get("location")!;
    expect(location).toBe(`/guidance/${world.councilA.id}/${slug}`);
    const page = await renderPage(location);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Step one.");
  });

  it("still finds no page where there is none", async () => {
    expect((await renderPage(`/guidance/${world.councilA.id}/No-Such-Page`)).status).toBe(301);
    expect((await renderPage(`/guidance/${world.councilA.id}/no-such-page`)).status).toBe(404);
  });
});
