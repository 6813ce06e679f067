// An admin of two councils opens "Add a guidance page" while working for one, switches to the other in another
// window (the switcher is a cookie, shared by every window), then saves: the page was published under the council
// switched to, a page written for one council's suppliers shown as the other's. Opening or saving one of the first
// council's pages after switching was answered 404. A new page's form now names the council it was shown for, and
// an existing page is reached through its own council (for its admins only).
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import { action as editAction, loader as editLoader } from "~/routes/council.guidance.$id.tsx";
import { action as deleteAction } from "~/routes/council.guidance.$id_.delete.tsx";
import {
  addMember,
  createGuidancePage,
  createMember,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let session: string;
const workingFor = (councilId: string) => `${session}; ${ORGANISATION_COOKIE}=${councilId}`;

const page = (fields: Record<string, string> = {}) => ({
  intent: "save",
  title: "Meet the buyer day",
  slug: "meet-the-buyer",
  audience: "SUPPLIER",
  bodyMarkdown: "Come and meet our buyers.",
  published: "on",
  ...fields,
});

const send = (id: string, cookie: string, form: Record<string, string>) =>
  callAction(editAction, { path: `/council/guidance/${id}`, params: { id }, cookie, form });

// "Yes, delete" on the page's own confirmation, naming the version it showed
const remove = async (id: string, cookie: string) => {
  const { updatedAt } = await db.guidancePage.findUniqueOrThrow({ where: { id } });
  const form = { version: updatedAt.toISOString() };
  return callAction(deleteAction, { path: `/council/guidance/${id}/delete`, params: { id }, cookie, form });
};

beforeAll(async () => {
  world = await createWorld();
  // council A's admin is council B's admin too
  await addMember(world.councilB.id, world.users.councilAdmin.id, "ADMIN");
  session = await sessionCookieFor(world.users.councilAdmin.id);
});

describe("a guidance page saved after switching council in another window", () => {
  it("puts the council a new page is for in its form", async () => {
    const html = await (await renderPage("/council/guidance/new", workingFor(world.councilA.id))).text();
    expect(html).toContain(`<input type="hidden" name="councilId" value="${world.councilA.id}"/>`);
  });

  it("files a new page under the council its form was shown for", async () => {
    const response = await send("new", workingFor(world.councilB.id), page({ councilId: world.councilA.id }));
    expect(response.status).toBe(302);
    const saved = await db.guidancePage.findMany({ where: { slug: "meet-the-buyer" } });
    expect(saved.map((p) => p.councilId)).toEqual([world.councilA.id]);
  });

  it("keeps naming that council when the form comes back with an error", async () => {
    const response = await send(
      "new",
      workingFor(world.councilB.id),
      page({ councilId: world.councilA.id, title: "" }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.initialValue.councilId).toBe(world.councilA.id);
    expect(body.councilName).toBe(world.councilA.name);
  });

  it("opens, saves and deletes one of the first council's pages", async () => {
    const existing = await createGuidancePage({ councilId: world.councilA.id, slug: "how-it-works" });
    const cookie = workingFor(world.councilB.id);
    const opened = await callLoader(editLoader, {
      path: `/council/guidance/${existing.id}`,
      params: { id: existing.id },
      cookie,
    });
    expect(opened.status).toBe(200);
    expect((await opened.json()).councilName).toBe(world.councilA.name);

    const saved = await send(existing.id, cookie, page({ slug: "how-it-works", title: "How it works now" }));
    expect(saved.status).toBe(302);
    expect(await db.guidancePage.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      councilId: world.councilA.id,
      title: "How it works now",
    });
    expect((await remove(existing.id, cookie)).status).toBe(302);
    expect(await db.guidancePage.count({ where: { id: existing.id } })).toBe(0);
  });

  it("still refuses a council the person is not an admin of", async () => {
    const adminOfAOnly = await sessionCookieFor((await createMember(world.councilA.id, "ADMIN")).id);
    const refused = await send(
      "new",
      adminOfAOnly,
      page({ slug: "taken-over", councilId: world.councilB.id }),
    );
    expect(refused.status).toBe(404);
    // an officer of the council named is told it needs the administrator role
    const officer = await sessionCookieFor(world.users.officerA.id);
    expect(
      (await send("new", officer, page({ slug: "by-an-officer", councilId: world.councilA.id }))).status,
    ).toBe(403);
    const bPage = await createGuidancePage({ councilId: world.councilB.id });
    expect((await remove(bPage.id, adminOfAOnly)).status).toBe(404);
    expect(await db.guidancePage.count({ where: { slug: { in: ["taken-over", "by-an-officer"] } } })).toBe(0);
    expect(await db.guidancePage.count({ where: { id: bPage.id } })).toBe(1);
  });
});
