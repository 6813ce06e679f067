// An admin saving a guidance page that a colleague deleted while they were editing it was answered "Page not found",
// and everything they had typed was lost. They are now told the page was deleted, by whom and when, with their
// answers in a form that adds them again as a new page (a draft unless they publish it), without JavaScript.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createGuidancePage, createMember, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formAsShown, formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;
let colleague: string;

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  const other = await createMember(world.councilA.id, "ADMIN", { name: "Priya Shah" });
  colleague = await sessionCookieFor(other.id);
});

const versionOf = async (id: string) =>
  (await db.guidancePage.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();

const typed = (slug: string, version: string) => ({
  intent: "save",
  title: "Pledging in winter",
  slug,
  audience: "SUPPLIER",
  bodyMarkdown: "Warm coats & <b>blankets</b> are needed from November.",
  published: "on",
  version,
});

// the colleague's "Yes, delete", as their page sends it
async function colleagueDeletes(id: string) {
  const response = await postPage(
    `/council/guidance/${id}/delete`,
    formOf({ version: await versionOf(id) }),
    colleague,
  );
  expect(response.status).toBe(302);
}

describe("saving a guidance page a colleague deleted meanwhile", () => {
  it("says it was deleted, by whom, and keeps the text typed", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Pledging" });
    const read = await versionOf(page.id);
    await colleagueDeletes(page.id);
    const response = await postPage(`/council/guidance/${page.id}`, formOf(typed(page.slug, read)), admin);
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain("<title>This guidance page has been deleted – Social Value Marketplace</title>");
    const text = readableMainText(html);
    expect(text).toContain("This guidance page has been deleted");
    expect(text).toContain("Your changes have not been saved Priya Shah deleted this page on");
    expect(text).toContain("while you were editing it.");
    // every answer is back in a form that adds the page again, its text escaped as typed
    expect(html).toContain('action="/council/guidance/new"');
    expect(html).toContain('value="Pledging in winter"');
    expect(html).toContain(`value="${page.slug}"`);
    expect(html).toContain("Warm coats &amp; &lt;b&gt;blankets&lt;/b&gt; are needed from November.");
    expect(html).toMatch(/<input[^>]*value="SUPPLIER"[^>]*checked|<input[^>]*checked[^>]*value="SUPPLIER"/);
    expect(html).toContain(`name="councilId" value="${world.councilA.id}"`);
    expect(text).toContain("Save as a new page");
    // nothing was written back
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(0);
  });

  it("adds the text again as a new page from that form, a draft unless published", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Winter" });
    const read = await versionOf(page.id);
    await colleagueDeletes(page.id);
    const html = await (
      await postPage(`/council/guidance/${page.id}`, formOf(typed(page.slug, read)), admin)
    ).text();
    // what the browser sends from the form shown: its inputs, the chosen audience, the content, the button
    const sent = formAsShown(html, "/council/guidance/new");
    expect(sent.has("published")).toBe(false);
    const response = await postPage("/council/guidance/new", sent, admin);
    expect(response.status).toBe(302);
    const added = await db.guidancePage.findFirstOrThrow({
      where: { councilId: world.councilA.id, slug: page.slug },
    });
    expect(added.id).not.toBe(page.id);
    expect(added.title).toBe("Pledging in winter");
    expect(added.audience).toBe("SUPPLIER");
    expect(added.bodyMarkdown).toBe("Warm coats & <b>blankets</b> are needed from November.");
    expect(added.published).toBe(false);
  });

  it("says so when the admin deleted it themselves, in another window", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Own" });
    const read = await versionOf(page.id);
    const deleted = await postPage(`/council/guidance/${page.id}/delete`, formOf({ version: read }), admin);
    expect(deleted.status).toBe(302);
    const response = await postPage(`/council/guidance/${page.id}`, formOf(typed(page.slug, read)), admin);
    expect(response.status).toBe(410);
    expect(readableMainText(await response.text())).toContain("You deleted this page on");
  });

  it("still answers 404 for a page that was never there, and 410 for reading a deleted one", async () => {
    const response = await postPage(
      "/council/guidance/no-such-page",
      formOf(typed("no-such-page", new Date().toISOString())),
      admin,
    );
    expect(response.status).toBe(404);
    expect(readableMainText(await response.text())).toContain("Page not found");
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Gone" });
    await colleagueDeletes(page.id);
    expect((await renderPage(`/council/guidance/${page.id}`, admin)).status).toBe(410);
  });

  it("does not tell an admin of another council about the deletion", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Elsewhere" });
    const read = await versionOf(page.id);
    await colleagueDeletes(page.id);
    const otherAdmin = await sessionCookieFor((await createMember(world.councilB.id, "ADMIN")).id);
    const response = await postPage(
      `/council/guidance/${page.id}`,
      formOf(typed(page.slug, read)),
      otherAdmin,
    );
    expect(response.status).toBe(404);
  });
});
