// A council's public guidance pages showed that council in the header (its name and colour) only to its own members:
// a visitor read council A's guidance under the portal's plain header, and someone of another council or of an
// organisation working with another council read it under that other council's name and colour. The guidance pages
// and case studies of a council now name it in the header for everyone, as its own pages.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createGuidancePage, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookies: Record<"visitor" | "officerB" | "supplierOfA", string | undefined>;
const COLOURS = { A: "#005a30", B: "#6f2c91" };
const slugs = { A: "", B: "" };

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  for (const [council, colour] of [
    [world.councilA, COLOURS.A],
    [world.councilB, COLOURS.B],
  ] as const)
    await db.councilSettings.update({ where: { organisationId: council.id }, data: { brandColour: colour } });
  slugs.A = (await createGuidancePage({ councilId: world.councilA.id, title: "Guidance of A" })).slug;
  slugs.B = (await createGuidancePage({ councilId: world.councilB.id, title: "Guidance of B" })).slug;
  cookies = {
    visitor: undefined,
    // an officer of council B only
    officerB: await sessionCookieFor(world.users.officerB.id),
    // a supplier working with council A, whose header otherwise names A
    supplierOfA: await sessionCookieFor(world.users.supplierOwner.id),
  };
});

async function header(location: string, cookie: string | undefined) {
  const response = await renderPage(location, cookie);
  expect(response.status, location).toBe(200);
  const html = await response.text();
  const headerHtml = html.slice(html.indexOf("<header"), html.indexOf("</header>"));
  return { text: readableText(headerHtml), tag: headerHtml.match(/<header[^>]*>/)![0] };
}

const council = (which: "A" | "B") => (which === "A" ? world.councilA : world.councilB);

describe("a council's public guidance, read by someone not in it", () => {
  it.each([
    ["a visitor", "visitor", "A", "B"],
    ["an officer of another council", "officerB", "A", "B"],
    ["a supplier working with another council", "supplierOfA", "B", "A"],
  ] as const)("names the page's council in the header for %s", async (_, viewer, own, other) => {
    for (const location of [
      `/guidance/${council(own).id}/${slugs[own]}`,
      `/guidance/${council(own).id}/case-studies`,
    ]) {
      const shown = await header(location, cookies[viewer]);
      expect(shown.text, location).toContain(council(own).name);
      expect(shown.text, location).not.toContain(council(other).name);
      expect(shown.tag, location).toContain(`--color-brand:${COLOURS[own]}`);
    }
  });

  it("keeps a visitor's plain header on a page of the council that is not found", async () => {
    const response = await renderPage(`/guidance/${world.councilA.id}/no-such-page`);
    expect(response.status).toBe(404);
    const html = await response.text();
    const headerHtml = html.slice(html.indexOf("<header"), html.indexOf("</header>"));
    expect(readableText(headerHtml)).not.toContain(world.councilA.name);
    expect(headerHtml).not.toContain(COLOURS.A);
  });
});
