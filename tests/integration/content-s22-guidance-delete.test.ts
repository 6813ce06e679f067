// Deleting a guidance page has its own page, as removing a commitment does: it asks "Are you sure…?", shows the
// page as saved (not its content), says what deleting does, and its "Yes, delete" button sends the version shown.
// It was a `?delete` view of the edit form: it loaded the whole preview, lost what the admin had typed without
// saying so, and deleted the page whatever a colleague had made of it since (a new title, publishing it).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/council.guidance.$id.tsx";
import { action as deleteAction, loader as deleteLoader } from "~/routes/council.guidance.$id_.delete.tsx";
import {
  createGuidancePage,
  createMember,
  createWorldSignedInAs,
  sessionCookieFor,
  type World,
} from "../helpers/factories.ts";
import { postPage, readableText, renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

let world: World;
let admin: string;

beforeAll(async () => {
  await renderPage("/");
  ({ world, cookie: admin } = await createWorldSignedInAs("councilAdmin"));
});

const versionOf = async (id: string) =>
  (await db.guidancePage.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();

const remove = (id: string, form: Record<string, string>, cookie = admin) =>
  callAction(deleteAction, { path: `/council/guidance/${id}/delete`, params: { id }, cookie, form });

const open = (id: string, cookie = admin) =>
  callLoader(deleteLoader, { path: `/council/guidance/${id}/delete`, params: { id }, cookie });

const deletions = (id: string) => db.auditLog.count({ where: { action: "guidance.delete", entityId: id } });

// a colleague saves the page meanwhile (what "Save page" does): a new title, and published
const colleagueChanges = (id: string) =>
  db.guidancePage.update({ where: { id }, data: { title: "Volunteering days 2027", published: true } });

describe("the edit form", () => {
  it("links to the page asking first, and says unsaved changes are not kept", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Volunteering days" });
    const html = await (await renderPage(`/council/guidance/${page.id}`, admin)).text();
    expect(html).not.toMatch(/value="delete"/);
    expect(html).not.toContain("?delete");
    const link = html.match(/<a [^>]*>Delete this page<\/a>/)?.[0];
    expect(link).toContain(`href="/council/guidance/${page.id}/delete"`);
    expect(link).toContain('aria-describedby="delete-hint"');
    expect(html).toContain('id="delete-hint"');
    expect(readableText(html)).toContain(
      "Delete this page You will be asked to confirm. Changes you have made on this form and not saved will be lost.",
    );
  });

  it("no longer asks or deletes for the old ?delete address and intent=delete post", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Old address" });
    const shown = await renderPage(`/council/guidance/${page.id}?delete`, admin);
    expect(shown.status).toBe(200);
    expect(readableText(await shown.text())).toContain("Edit guidance page");
    // a confirmation kept open from before is sent on to the new one, which shows the page as it is now
    const old = await callAction(editAction, {
      path: `/council/guidance/${page.id}?delete`,
      params: { id: page.id },
      cookie: admin,
      form: { intent: "delete" },
    });
    expect(old.status).toBe(302);
    expect(old.headers.get("location")).toBe(`/council/guidance/${page.id}/delete`);
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(1);
    expect(await deletions(page.id)).toBe(0);
  });
});

describe("the page asking to delete a guidance page", () => {
  it("names the page, summarises it, says what deleting does, and carries its version", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Volunteering days" });
    const html = await (await renderPage(`/council/guidance/${page.id}/delete`, admin)).text();
    const text = readableText(html);
    expect(text).toContain("Are you sure you want to delete the guidance page “Volunteering days”?");
    expect(text).toContain(`Web address name ${page.slug}`);
    expect(text).toContain("Who it is for Everyone");
    expect(text).toContain("Status Published");
    expect(text).toContain(
      "The page comes off the guidance list, and its address stops working for anyone who has it.",
    );
    expect(text).toContain("This cannot be undone.");
    expect(html).toContain(`<input type="hidden" name="version" value="${await versionOf(page.id)}"/>`);
    expect(html).toMatch(/<button[^>]*>Yes, delete “(<!-- -->)?Volunteering days/);
    expect(html).toMatch(new RegExp(`<a[^>]*href="/council/guidance/${page.id}"[^>]*>No, keep it</a>`));
    // asking changed nothing
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(1);
  });

  it("loads only what it shows: no content, no preview", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, bodyMarkdown: "## Secret draft" });
    const data = await (await open(page.id)).json();
    expect(Object.keys(data.page).sort()).toEqual([
      "audience",
      "id",
      "published",
      "slug",
      "title",
      "version",
    ]);
    expect(JSON.stringify(data)).not.toContain("Secret draft");
  });

  it("says a draft has no readers to lose", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id });
    await db.guidancePage.update({ where: { id: page.id }, data: { published: false } });
    const text = readableText(await (await renderPage(`/council/guidance/${page.id}/delete`, admin)).text());
    expect(text).toContain("Status Draft (not published)");
    expect(text).toContain("The page is not published, so no reader has it: only this draft goes.");
  });
});

describe("deleting a guidance page", () => {
  it("deletes the page as shown and records it in the audit log", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id });
    const response = await remove(page.id, { version: await versionOf(page.id) });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/council/guidance");
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(0);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "guidance.delete", entityId: page.id },
    });
    expect(entry).toMatchObject({
      actorUserId: world.users.councilAdmin.id,
      organisationId: world.councilA.id,
      entityType: "GuidancePage",
    });
  });

  it("refuses a page a colleague changed since it was shown (409), deleting nothing", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Volunteering days" });
    await db.guidancePage.update({ where: { id: page.id }, data: { published: false } });
    const shown = await versionOf(page.id);
    await colleagueChanges(page.id);
    const response = await remove(page.id, { version: shown });
    expect(response.status).toBe(409);
    expect((await response.json()).problem).toBe("stale");
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(1);
    expect(await deletions(page.id)).toBe(0);
  });

  it("shows the page as it is now after a stale delete, without JavaScript, and deletes it when asked again", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Volunteering days" });
    await db.guidancePage.update({ where: { id: page.id }, data: { published: false } });
    const form = new FormData();
    form.set("version", await versionOf(page.id));
    await colleagueChanges(page.id);
    const answer = await postPage(`/council/guidance/${page.id}/delete`, form, admin);
    expect(answer.status).toBe(409);
    const html = await answer.text();
    const text = readableText(html);
    expect(text).toContain("Someone else changed this page");
    expect(text).toContain("so it has not been deleted. It is shown below as it is now");
    expect(text).toContain("Are you sure you want to delete the guidance page “Volunteering days 2027”?");
    expect(text).toContain("Status Published");
    const now = await versionOf(page.id);
    expect(html).toContain(`<input type="hidden" name="version" value="${now}"/>`);

    const again = new FormData();
    again.set("version", now);
    expect((await postPage(`/council/guidance/${page.id}/delete`, again, admin)).status).toBe(302);
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(0);
    expect(await deletions(page.id)).toBe(1);
  });

  it("refuses a form without a version (400), deleting nothing", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id });
    for (const form of [{}, { version: "yesterday" }] as Record<string, string>[]) {
      const response = await remove(page.id, form);
      expect(response.status).toBe(400);
      expect((await response.json()).message).toContain("The page was not deleted");
    }
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(1);
  });

  it("answers a double submit as deleted, one after the other, with one audit entry", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id });
    const form = { version: await versionOf(page.id) };
    const first = await remove(page.id, form);
    const again = await remove(page.id, form);
    expect([first.status, again.status]).toEqual([302, 302]);
    expect(again.headers.get("location")).toBe("/council/guidance");
    expect(await deletions(page.id)).toBe(1);
  });

  it("answers both as deleted when they arrive at once", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id });
    const form = { version: await versionOf(page.id) };
    const both = await Promise.all([remove(page.id, form), remove(page.id, form)]);
    expect(both.map((r) => r.status)).toEqual([302, 302]);
    expect(await deletions(page.id)).toBe(1);
  });

  it("answers a colleague once it is gone that it was deleted (410), and 404 for a page nobody had", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id });
    const form = { version: await versionOf(page.id) };
    expect((await remove(page.id, form)).status).toBe(302);
    const colleague = await sessionCookieFor((await createMember(world.councilA.id, "ADMIN")).id);
    expect((await remove(page.id, form, colleague)).status).toBe(410);
    expect((await open(page.id)).status).toBe(410);
    expect((await remove("no-such-page", form)).status).toBe(404);
  });
});

describe("who may delete a guidance page", () => {
  it("answers 404 to another council's admin, who neither sees nor deletes it", async () => {
    const page = await createGuidancePage({ councilId: world.councilB.id });
    const form = { version: await versionOf(page.id) };
    expect((await open(page.id)).status).toBe(404);
    expect((await remove(page.id, form)).status).toBe(404);
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(1);
    // and council B's own admin may
    const adminOfB = await sessionCookieFor((await createMember(world.councilB.id, "ADMIN")).id);
    expect((await open(page.id, adminOfB)).status).toBe(200);
  });

  it("refuses its council's officers (403), suppliers and charities (404) and sends a signed-out visitor to sign in", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id });
    const form = { version: await versionOf(page.id) };
    const { officerA, supplierOwner, vcseOwner } = world.users;
    for (const user of [officerA, supplierOwner, vcseOwner]) {
      const cookie = await sessionCookieFor(user.id);
      const refused = user === officerA ? 403 : 404;
      expect((await open(page.id, cookie)).status).toBe(refused);
      expect((await remove(page.id, form, cookie)).status).toBe(refused);
    }
    const signedOut = await callAction(deleteAction, {
      path: `/council/guidance/${page.id}/delete`,
      params: { id: page.id },
      form,
    });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toMatch(/^\/sign-in/);
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(1);
    expect(await deletions(page.id)).toBe(0);
  });
});
