// Guidance Markdown with thousands of * or _ in a paragraph took the Markdown renderer seconds to minutes (it looks
// for each one's closing mark through the rest of the paragraph), all that time holding up every other request: the
// admin's save was accepted after seconds of lexing, and the public page's first reader waited as long again.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/council.guidance.$id.tsx";
import { loader as pageLoader } from "~/routes/guidance.$councilId.$slug.tsx";
import { createGuidancePage, createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

let world: World;
let cookie: string;

// about 12,000 characters, well under the 50,000 a page may hold: seconds to render
const tooManyMarks = `Intro\n\n${"*a ".repeat(4000)}b${" a*".repeat(100)}`;

function save(slug: string, bodyMarkdown: string) {
  return callAction(editAction, {
    path: "/council/guidance/new",
    params: { id: "new" },
    cookie,
    form: { intent: "save", title: "Marks", slug, audience: "EVERYONE", bodyMarkdown, published: "on" },
  });
}

async function publicHtml(slug: string) {
  const response = await callLoader(pageLoader, {
    path: `/guidance/${world.councilA.id}/${slug}`,
    params: { councilId: world.councilA.id, slug },
  });
  expect(response.status).toBe(200);
  return (await response.json()).page.html as string;
}

beforeAll(async () => {
  ({ world, cookie } = await createWorldSignedInAs("councilAdmin"));
});

describe("guidance with too many * and _ marks to render in time", () => {
  it("is refused when saved, at once, with a field error and the content kept", async () => {
    const started = Date.now();
    const response = await save("marks", tooManyMarks);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.bodyMarkdown[0]).toMatch(/too many \* and _ marks/);
    expect(body.initialValue.bodyMarkdown.replace(/\r\n/g, "\n")).toBe(tooManyMarks);
    expect(await db.guidancePage.count({ where: { slug: "marks" } })).toBe(0);
  });

  it("still accepts thousands of escaped marks, which are only text", async () => {
    expect((await save("escaped", "\\*a \\_b ".repeat(3000))).status).toBe(302);
    expect(await publicHtml("escaped")).toContain("*a _b *a _b");
  });

  it("still accepts and renders ordinary emphasis, snake_case words and links with underscores", async () => {
    const ordinary =
      "Some **bold** text, _emphasis_, a snake_case word and [a link](https://x.test/a_b_c). ".repeat(50);
    expect((await save("ordinary", ordinary)).status).toBe(302);
    const html = await publicHtml("ordinary");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>emphasis</em>");
  });

  it("shows the words of one saved before the check, without holding the page up", async () => {
    await createGuidancePage({ councilId: world.councilA.id, slug: "old-marks", bodyMarkdown: tooManyMarks });
    const started = Date.now();
    const html = await publicHtml("old-marks");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(html).toContain("Intro");
    expect(html).toContain("*a *a *a");
    expect(html).not.toContain("<em>");
  });
});
