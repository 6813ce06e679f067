// "Delete page" on a guidance page's edit form was a button that deleted it at once: a slip lost the page. It is now
// a link to the same page asking first (without JavaScript), naming the page and saying what deleting does; only
// its "Yes, delete" button deletes, and "No, keep it" goes back with nothing changed.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createGuidancePage, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { postPage, readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
});

async function html(location: string, cookie = admin) {
  const response = await renderPage(location, cookie);
  expect(response.status).toBe(200);
  return response.text();
}

describe("deleting a guidance page", () => {
  it("asks first, naming the page, and deletes only on 'Yes, delete'", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Volunteering days" });
    const edit = await html(`/council/guidance/${page.id}`);
    // the edit form holds no button that deletes: a link asks first
    expect(edit).not.toMatch(/<button[^>]*value="delete"/);
    expect(edit).toContain(`href="/council/guidance/${page.id}?delete">Delete page</a>`);

    const ask = await html(`/council/guidance/${page.id}?delete`);
    const askText = readableText(ask);
    expect(askText).toContain("Delete “Volunteering days”?");
    expect(askText).toContain(
      "The page comes off the guidance list and its address stops working for anyone who has it.",
    );
    expect(askText).toContain("Deleting cannot be undone");
    expect(ask).toMatch(
      /<button[^>]*name="intent"[^>]*value="delete"[^>]*>Yes, delete “(<!-- -->)?Volunteering days/,
    );
    expect(ask).toContain(`href="/council/guidance/${page.id}"`);
    // asking changed nothing
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(1);

    const form = new FormData();
    form.set("intent", "delete");
    const deleted = await postPage(`/council/guidance/${page.id}?delete`, form, admin);
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe("/council/guidance");
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(0);
  });

  it("says an unpublished page has no readers to lose", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Draft notes" });
    await db.guidancePage.update({ where: { id: page.id }, data: { published: false } });
    expect(readableText(await html(`/council/guidance/${page.id}?delete`))).toContain(
      "The page is not published, so no reader has it: only this draft goes.",
    );
  });

  it("is not offered to another council's admin", async () => {
    const other = await createGuidancePage({ councilId: world.councilB.id });
    expect((await renderPage(`/council/guidance/${other.id}?delete`, admin)).status).toBe(404);
  });
});
