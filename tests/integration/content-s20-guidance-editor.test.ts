// A council admin writing guidance in Markdown could not see how a page would read before publishing it: a draft
// is shown nowhere (its public address is 404 until published), so a table, task list or link typed wrongly was
// first seen by the public. The editor now shows the page as last saved, rendered as readers get it, to the
// page's own council's admins only. Also here: a refused form keeps what the admin typed.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as editLoader } from "~/routes/council.guidance.$id.tsx";
import { createGuidancePage, createMember, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { postPage, renderPage } from "../helpers/render-page.ts";
import { callLoader } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;
let draftId: string;

const DRAFT = [
  "## Before you pledge",
  "",
  "- [x] Register your company",
  "- [ ] Read the request",
  "",
  "| Item | Hours |",
  "| :--- | ----: |",
  "| Paint | 4 |",
  "",
  '<script>alert("x")</script> [bad](javascript:alert(1))',
].join("\n");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

beforeAll(async () => {
  world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  const draft = await createGuidancePage({
    councilId: world.councilA.id,
    slug: "before-you-pledge",
    bodyMarkdown: DRAFT,
  });
  await db.guidancePage.update({ where: { id: draft.id }, data: { published: false } });
  draftId = draft.id;
});

describe("the guidance editor's preview", () => {
  it("shows a draft as readers will see it, rendered safely", async () => {
    const response = await renderPage(`/council/guidance/${draftId}`, admin);
    expect(response.status).toBe(200);
    const html = await response.text();
    const preview = html.slice(html.indexOf('id="preview-heading"'));
    expect(preview).toContain("only your council&#x27;s admins can see it");
    // below the preview's own h2
    expect(preview).toContain("<h3>Before you pledge</h3>");
    expect(preview).toContain('<span class="font-bold">Done:</span> Register your company');
    expect(preview).toContain('<th scope="col" class="text-right">Hours</th>');
    expect(preview).toContain("&lt;script&gt;");
    expect(preview).not.toMatch(/<script>alert|href="javascript/i);
    // still not public
    expect((await renderPage(`/guidance/${world.councilA.id}/before-you-pledge`)).status).toBe(404);
  });

  it("links a published page to its public address", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, slug: "how-it-works" });
    const html = await (await renderPage(`/council/guidance/${page.id}`, admin)).text();
    expect(html).toContain(`href="/guidance/${world.councilA.id}/how-it-works"`);
  });

  it("is shown to nobody but the page's council's admins", async () => {
    const outsiders = [
      world.users.officerA.id,
      world.users.officerB.id,
      (await createMember(world.councilB.id, "ADMIN")).id,
      world.users.vcseOwner.id,
    ];
    for (const userId of outsiders) {
      const response = await callLoader(editLoader, {
        path: `/council/guidance/${draftId}`,
        params: { id: draftId },
        cookie: await sessionCookieFor(userId),
      });
      // the page's own council's officer is told it needs the administrator role, anyone else gets 404
      expect(response.status).toBe(userId === world.users.officerA.id ? 403 : 404);
      expect(await response.text()).not.toContain("Register your company");
    }
  });
});

describe("a refused guidance form", () => {
  it("keeps what the admin typed, without JavaScript", async () => {
    const response = await postPage(
      "/council/guidance/new",
      form({
        intent: "save",
        councilId: world.councilA.id,
        title: "",
        slug: "kept-slug",
        audience: "SUPPLIER",
        bodyMarkdown: "Kept **body** text",
        published: "on",
      }),
      admin,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="kept-slug"');
    expect(html).toContain("Kept **body** text</textarea>");
    expect(html).toMatch(/<input id="audience-1"[^>]* checked="" value="SUPPLIER"/);
    expect(html).toMatch(/<input id="published" type="checkbox"[^>]* checked=""/);
  });

  it("keeps it when the web address name is another page's, and changes nothing", async () => {
    await createGuidancePage({ councilId: world.councilA.id, slug: "taken" });
    const mine = await createGuidancePage({ councilId: world.councilA.id, slug: "mine", title: "Mine" });
    const response = await postPage(
      `/council/guidance/${mine.id}`,
      form({
        intent: "save",
        title: "Changed title",
        slug: "taken",
        audience: "EVERYONE",
        bodyMarkdown: "New body",
      }),
      admin,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Another page already uses this web address name");
    expect(html).toContain('value="Changed title"');
    expect(html).toContain("New body</textarea>");
    const after = await db.guidancePage.findUniqueOrThrow({ where: { id: mine.id } });
    expect([after.title, after.slug]).toEqual(["Mine", "mine"]);
  });
});
