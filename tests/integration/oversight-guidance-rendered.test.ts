// A guidance page is rendered once per version and kept: its readers see an admin's edit at once.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/council.guidance.$id.tsx";
import { loader as pageLoader } from "~/routes/guidance.$councilId.$slug.tsx";
import { createGuidancePage, createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

let world: World;
let cookie: string;

beforeAll(async () => {
  ({ world, cookie } = await createWorldSignedInAs("councilAdmin"));
});

async function publicHtml(slug: string) {
  const response = await callLoader(pageLoader, {
    path: `/guidance/${world.councilA.id}/${slug}`,
    params: { councilId: world.councilA.id, slug },
  });
  expect(response.status).toBe(200);
  return (await response.json()).page.html as string;
}

describe("a guidance page read again", () => {
  it("shows the same page until it is edited, then the edit at once", async () => {
    const page = await createGuidancePage({
      councilId: world.councilA.id,
      bodyMarkdown: "First **version**",
    });
    const first = await publicHtml(page.slug);
    expect(first).toContain("<strong>version</strong>");
    expect(await publicHtml(page.slug)).toBe(first);
    // kept, not rendered again: the text changed behind the portal's back (the page's version unchanged) is not
    // read until the page is saved
    await db.$executeRaw`UPDATE "GuidancePage" SET "bodyMarkdown" = 'Changed behind its back' WHERE id = ${page.id}`;
    expect(await publicHtml(page.slug)).toBe(first);
    const edit = await callAction(editAction, {
      path: `/council/guidance/${page.id}`,
      params: { id: page.id },
      cookie,
      form: {
        intent: "save",
        title: page.title,
        slug: page.slug,
        audience: "EVERYONE",
        bodyMarkdown: "Second _version_",
        published: "on",
      },
    });
    expect(edit.status).toBe(302);
    const second = await publicHtml(page.slug);
    expect(second).toContain("Second <em>version</em>");
    expect(second).not.toContain("First");
  });
});
