// "Save page" on a guidance page overwrote whatever a colleague had saved since the form was opened: their new
// title, content or publishing were lost unseen (deleting a page already checked the version shown). The form now
// carries the version it was read from; a colleague's later save is shown beside the answers, which are kept, and
// the next save (made having seen it) goes through.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createGuidancePage, createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: World;
let admin: string;

beforeAll(async () => {
  await renderPage("/");
  ({ world, cookie: admin } = await createWorldSignedInAs("councilAdmin"));
});

const versionOf = async (id: string) =>
  (await db.guidancePage.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();

const hiddenVersion = (html: string) =>
  html.match(/<input type="hidden" name="version" value="([^"]+)"/)?.[1];

const answers = (slug: string) => ({
  intent: "save",
  title: "How pledging works",
  slug,
  audience: "SUPPLIER",
  bodyMarkdown: "Pledge what you can, when you can.",
  published: "on",
});

const save = (id: string, values: Record<string, string>) =>
  postPage(`/council/guidance/${id}`, formOf(values), admin);

// a colleague saves the page meanwhile (what their "Save page" does)
const colleagueSaves = (id: string) =>
  db.guidancePage.update({
    where: { id },
    data: { title: "Pledging in 2027", bodyMarkdown: "New rules from April.", published: false },
  });

describe("editing a guidance page a colleague saved meanwhile", () => {
  it("carries the version of the page the form was read from", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Volunteering days" });
    const html = await (await renderPage(`/council/guidance/${page.id}`, admin)).text();
    expect(hiddenVersion(html)).toBe(await versionOf(page.id));
  });

  it("keeps the colleague's change, shows it, and keeps the answers in the form", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Pledging" });
    const read = await versionOf(page.id);
    await colleagueSaves(page.id);
    const response = await save(page.id, { ...answers(page.slug), version: read });
    expect(response.status).toBe(409);
    const saved = await db.guidancePage.findUniqueOrThrow({ where: { id: page.id } });
    expect(saved.title).toBe("Pledging in 2027");
    expect(saved.bodyMarkdown).toBe("New rules from April.");
    expect(await db.auditLog.count({ where: { action: "guidance.update", entityId: page.id } })).toBe(0);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain("There is a problem Someone else changed this page while you were editing.");
    // what the colleague saved beside what this admin sent, as every edit form shows it
    expect(text).toContain("Saved now, and your answers Field Saved now Your answer");
    expect(text).toContain("Title Pledging in 2027 How pledging works");
    expect(text).toContain("Status Draft (not published) Published");
    expect(text).toContain(
      "Page content Changed: the preview below shows it as saved now As in the form below",
    );
    expect(text).toContain("New rules from April.");
    expect(html).toContain('value="How pledging works"');
    expect(html).toContain("Pledge what you can, when you can.");
    // the colleague's change is now seen: saving again goes through
    expect(hiddenVersion(html)).toBe(await versionOf(page.id));
    const again = await save(page.id, { ...answers(page.slug), version: hiddenVersion(html)! });
    expect(again.status).toBe(302);
    expect((await db.guidancePage.findUniqueOrThrow({ where: { id: page.id } })).title).toBe(
      "How pledging works",
    );
  });

  it("saves as before when nobody else has saved since", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Case studies" });
    const response = await save(page.id, { ...answers(page.slug), version: await versionOf(page.id) });
    expect(response.status).toBe(302);
    expect((await db.guidancePage.findUniqueOrThrow({ where: { id: page.id } })).title).toBe(
      "How pledging works",
    );
  });

  it("answers a form sent twice as saved: the second finds the page as the first left it", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Twice" });
    const read = await versionOf(page.id);
    expect((await save(page.id, { ...answers(page.slug), version: read })).status).toBe(302);
    expect((await save(page.id, { ...answers(page.slug), version: read })).status).toBe(302);
    expect(await db.auditLog.count({ where: { action: "guidance.update", entityId: page.id } })).toBe(1);
  });

  it("keeps the version the answers were made to after another refusal", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Refused" });
    const read = await versionOf(page.id);
    await colleagueSaves(page.id);
    const response = await save(page.id, { ...answers(page.slug), title: "", version: read });
    expect(response.status).toBe(400);
    expect(hiddenVersion(await response.text())).toBe(read);
  });
});
