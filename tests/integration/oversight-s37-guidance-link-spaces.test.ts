// A guidance link written with spaces inside its brackets ("[ open requests ](/requests)") was rendered with the
// spaces inside the link, so the page showed an underlined space before (and after) the link's words. A picture
// made a link ("[![map](…)](…)") became a link inside a link, which browsers split into an empty link and a
// second one; a link with no words ("[ ](/requests)") was an empty link a screen reader announces as nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { action as editAction } from "~/routes/council.guidance.$id.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

const BODY = [
  "Browse the [ open requests ](/requests) first.",
  "",
  "See[ our impact](/impact)for the figures.",
  "",
  "[![Map of the district](https://example.org/map.png)](https://example.org/districts)",
  "",
  "Also [ ](/guidance).",
].join("\n");

// the links in the page's body, as a browser builds them from the HTML (an <a> inside an <a> closes the first)
function bodyLinks(html: string) {
  const body = /<article[\s\S]*?<\/article>|<div class="max-w-3xl[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
  return { body, links: [...body.matchAll(/<a\b[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)] };
}

beforeAll(async () => {
  world = await createWorld();
  const cookie = await sessionCookieFor(world.users.councilAdmin.id);
  const saved = await callAction(editAction, {
    path: "/council/guidance/new",
    params: { id: "new" },
    cookie,
    form: {
      intent: "save",
      title: "Links",
      slug: "links",
      audience: "EVERYONE",
      bodyMarkdown: BODY,
      published: "on",
    },
  });
  expect(saved.status).toBe(302);
});

describe("links in a guidance page", () => {
  it("keep the spaces written inside their brackets outside the link", async () => {
    const response = await renderPage(`/guidance/${world.councilA.id}/links`);
    expect(response.status).toBe(200);
    const { body, links } = bodyLinks(await response.text());
    const words = links.map(([, href, text]) => [href, text]);
    expect(words).toContainEqual(["/requests", "open requests"]);
    expect(words).toContainEqual(["/impact", "our impact"]);
    expect(body).toMatch(/Browse the\s+<a href="\/requests">open requests<\/a>\s+first/);
    expect(body).toContain("See <a");
    expect(body).toContain("</a>for the figures");
    for (const [, , text] of links) expect(text, `link text ${JSON.stringify(text)}`).toBe(text!.trim());
  });

  it("make a picture inside a link its words, with no link inside a link and no empty link", async () => {
    const { body, links } = bodyLinks(
      await (await renderPage(`/guidance/${world.councilA.id}/links`)).text(),
    );
    expect(body).not.toMatch(/<a\b[^>]*>(?:(?!<\/a>)[\s\S])*<a\b/);
    expect(links.map(([, href, text]) => [href, text])).toContainEqual([
      "https://example.org/districts",
      "Picture: Map of the district",
    ]);
    for (const [, href, text] of links) expect(text!.trim(), `link to ${href}`).not.toBe("");
  });
});
