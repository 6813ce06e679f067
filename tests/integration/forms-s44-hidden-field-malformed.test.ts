// A form whose hidden field (one the page fills in itself) comes back malformed, from a hand-made request or a page
// older than the form: zod's own English ("Invalid ISO datetime", "Invalid option", "Too big: expected string to
// have <=4000 characters") reached the page. Each form now says it was not recognised and to reload the page, as
// text in the error summary (no link to a field that is not on the page); nothing is saved and nothing is a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { FORM_NOT_RECOGNISED } from "~/domain/page-filled-fields.ts";
import {
  createCategory,
  createDistrict,
  createGuidancePage,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
});

// zod's own messages, which name nothing a user can put right
const ZOD_OWN = /Invalid (ISO|input|option|string|date|UUID)|Too (big|small)|expected (string|one of)/i;

async function refused(location: string, fields: Record<string, string>, cookie: string) {
  const response = await postPage(location, formOf(fields), cookie);
  const html = await response.text();
  return { status: response.status, html, text: readableMainText(html) };
}

describe("a hidden field sent malformed", () => {
  it("a guidance page's deletion with a version that is no time: not deleted, told why, in words", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id });
    const admin = await sessionCookieFor(world.users.councilAdmin.id);
    for (const version of ["yesterday", "2026-02-30T00:00:00.000Z", "x".repeat(5000), ""]) {
      const shown = await refused(`/council/guidance/${page.id}/delete`, { version }, admin);
      expect(shown.status).toBe(400);
      expect(shown.text).toContain("The page was not deleted");
      expect(shown.text).not.toMatch(ZOD_OWN);
    }
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(1);
  });

  it("a category's and a district's retire button with a state that is neither: told to reload, as text", async () => {
    const officer = await sessionCookieFor(world.users.councilAdmin.id);
    const category = await createCategory(world.councilA.id);
    const district = await createDistrict(world.councilA.id);
    for (const [location, id] of [
      ["/council/categories", category.id],
      ["/council/districts", district.id],
    ] as const) {
      const shown = await refused(location, { intent: "toggle", id, active: "maybe" }, officer);
      expect(shown.status, location).toBe(400);
      expect(shown.text, location).toContain(FORM_NOT_RECOGNISED);
      expect(shown.text, location).not.toMatch(ZOD_OWN);
      expect(shown.html, location).not.toContain('href="#active"');
    }
    expect((await db.category.findUniqueOrThrow({ where: { id: category.id } })).active).toBe(true);
    expect((await db.district.findUniqueOrThrow({ where: { id: district.id } })).active).toBe(true);
  });

  it("saving a search whose hidden filters are longer than any list writes: told to reload, as text", async () => {
    const owner = await sessionCookieFor(world.users.supplierOwner.id);
    const before = await db.savedSearch.count();
    const shown = await refused(
      "/saved-searches",
      { intent: "create", name: "Food near me", query: `q=${"x".repeat(5000)}` },
      owner,
    );
    expect(shown.status).toBe(400);
    expect(shown.text).toContain(FORM_NOT_RECOGNISED);
    expect(shown.text).not.toMatch(ZOD_OWN);
    expect(shown.html).not.toContain('href="#query"');
    expect(await db.savedSearch.count()).toBe(before);
  });
});
