// Guidance Markdown nested thousands of levels deep (quotes in lists in quotes…) overflowed the Markdown
// renderer's stack: the admin's save was accepted and every reader of the public page got a server error.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/council.guidance.$id.tsx";
import { loader as pageLoader } from "~/routes/guidance.$councilId.$slug.tsx";
import { createGuidancePage, createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

let world: World;
let cookie: string;

// about 4,000 characters, well under the 50,000 a page may hold
const tooDeep = `Intro\n\n${"> - ".repeat(1000)}deep`;

beforeAll(async () => {
  ({ world, cookie } = await createWorldSignedInAs("councilAdmin"));
});

describe("guidance nested too deeply to show", () => {
  it("is refused when saved, with a field error and the content kept", async () => {
    const response = await callAction(editAction, {
      path: "/council/guidance/new",
      params: { id: "new" },
      cookie,
      form: {
        intent: "save",
        title: "Deep",
        slug: "deep",
        audience: "EVERYONE",
        bodyMarkdown: tooDeep,
        published: "on",
      },
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.bodyMarkdown[0]).toMatch(/levels deep/);
    expect(body.initialValue.bodyMarkdown.replace(/\r\n/g, "\n")).toBe(tooDeep);
    expect(await db.guidancePage.count({ where: { slug: "deep" } })).toBe(0);
  });

  it("still accepts ordinary nesting", async () => {
    const nested = "- one\n  - two\n    - three\n\n> quote\n> > inner";
    const response = await callAction(editAction, {
      path: "/council/guidance/new",
      params: { id: "new" },
      cookie,
      form: {
        intent: "save",
        title: "Lists",
        slug: "lists",
        audience: "EVERYONE",
        bodyMarkdown: nested,
        published: "on",
      },
    });
    expect(response.status).toBe(302);
  });

  it("does not fail the public page of one saved before the check", async () => {
    const page = await createGuidancePage({
      councilId: world.councilA.id,
      slug: "old-deep",
      bodyMarkdown: tooDeep,
    });
    const response = await callLoader(pageLoader, {
      path: `/guidance/${world.councilA.id}/old-deep`,
      params: { councilId: world.councilA.id, slug: page.slug },
    });
    expect(response.status).toBe(200);
    const html = (await response.json()).page.html as string;
    expect(html).toContain("Intro");
    expect(html).not.toContain("<script");
  });
});
