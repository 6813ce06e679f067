// "Add a guidance page" had "Published (anyone can read it)" ticked from the start, so a page saved as first written
// went straight to readers, before its writer had seen it in the preview (the add page has none). A new page now
// starts as a draft: the box is unticked, with a hint saying why, and a page saved as the form was shown is a draft
// only the council's admins see, in the edit page's preview. A page already published stays ticked there.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createGuidancePage, createWorldSignedInAs, unique, type World } from "../helpers/factories.ts";
import { formAsShown, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: World;
let admin: string;

beforeAll(async () => {
  await renderPage("/");
  ({ world, cookie: admin } = await createWorldSignedInAs("councilAdmin"));
});

const publishedBox = (html: string) => /<input id="published" type="checkbox"[^>]*>/.exec(html)?.[0] ?? "";

describe("adding a guidance page", () => {
  it("starts as a draft, the Published box unticked with a hint", async () => {
    const response = await renderPage("/council/guidance/new", admin);
    expect(response.status).toBe(200);
    const html = await response.text();
    const box = publishedBox(html);
    expect(box).not.toBe("");
    expect(box).not.toContain("checked");
    const text = readableMainText(html);
    expect(text).toContain("Leave this unticked to save the page as a draft");
    expect(text).toContain("check it in the preview before you publish it.");
  });

  it("saves the form as shown, with only its text filled in, as a draft readers cannot open and its editor previews", async () => {
    const slug = unique("s46-draft").toLowerCase();
    const shown = await (await renderPage("/council/guidance/new", admin)).text();
    // what the browser sends from the form as the page shows it (the Published box as it starts, ticked or not),
    // once the writer has typed the page's text
    const form = formAsShown(shown, "/council/guidance/new", {
      title: "Winter pledges",
      slug,
      bodyMarkdown: "Warm coats are needed from November.",
    });
    const response = await postPage("/council/guidance/new", form, admin);
    expect(response.status).toBe(302);
    const page = await db.guidancePage.findFirstOrThrow({ where: { councilId: world.councilA.id, slug } });
    expect(page.published).toBe(false);
    expect((await renderPage(`/guidance/${world.councilA.id}/${slug}`)).status).toBe(404);
    const edit = await (await renderPage(`/council/guidance/${page.id}`, admin)).text();
    expect(readableMainText(edit)).toContain("Warm coats are needed from November.");
    expect(publishedBox(edit)).not.toContain("checked");
  });

  it("keeps a published page's box ticked on its edit page", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, title: "Already out" });
    expect(page.published).toBe(true);
    const html = await (await renderPage(`/council/guidance/${page.id}`, admin)).text();
    expect(publishedBox(html)).toContain('checked=""');
  });
});
