// A guidance page with a long address in it (a link pasted as its own text, as council admins often do) or a long
// line in a code block fits a phone's screen: the words break onto the next line instead of widening the page
// past 320 pixels, which made readers scroll sideways for every line (WCAG 1.4.10). The preview shows it so too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const address =
  "https://www.gov.uk/government/publications/procurement-policy-note-0620-taking-account-of-social-value";
let world: Awaited<ReturnType<typeof createWorld>>;
let page: { id: string; slug: string };

beforeAll(async () => {
  world = await createWorld();
  page = await db.guidancePage.create({
    data: {
      councilId: world.councilA.id,
      slug: unique("model").toLowerCase(),
      title: "The social value model",
      bodyMarkdown: `Read the model at ${address}.\n\n\`\`\`\nreference-number-without-any-spaces-in-it-at-all-0123456789\n\`\`\``,
    },
    select: { id: true, slug: true },
  });
});

// the classes of the element holding the page's body (the one that holds its first paragraph)
function bodyClasses(html: string) {
  const body = html.match(/<div class="([^"]*)"><p>Read the model at/);
  expect(body).not.toBeNull();
  return body![1].replace(/&amp;/g, "&").split(" ");
}

describe("a guidance page with a long address", () => {
  it("breaks long words and code lines for readers", async () => {
    const response = await renderPage(`/guidance/${world.councilA.id}/${page.slug}`);
    expect(response.status).toBe(200);
    const classes = bodyClasses(await response.text());
    expect(classes).toContain("wrap-break-word");
    expect(classes).toContain("[&_pre]:whitespace-pre-wrap");
  });

  it("and in the editor's preview", async () => {
    const cookie = await sessionCookieFor(world.users.councilAdmin.id);
    const response = await renderPage(`/council/guidance/${page.id}`, cookie);
    expect(response.status).toBe(200);
    expect(bodyClasses(await response.text())).toContain("wrap-break-word");
  });
});
