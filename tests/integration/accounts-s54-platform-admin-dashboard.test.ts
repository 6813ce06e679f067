// A platform admin's dashboard (they belong to no organisation) said "You are not a member of an organisation yet.
// Register your organisation", which is not their work: it now leads to councils and partnerships. Someone else
// with no organisation is still told how to register one.
import { describe, expect, it } from "vitest";
import { createUser, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, readableText, renderPage } from "../helpers/render-page.ts";

async function dashboardOf(user: { id: string }) {
  const response = await renderPage("/dashboard", await sessionCookieFor(user.id));
  expect(response.status).toBe(200);
  const html = await response.text();
  return { html, text: readableText(html) };
}

describe("the dashboard of someone with no organisation", () => {
  it("for the platform admin, leads to councils and partnerships", async () => {
    const { html, text } = await dashboardOf(await createUser({ isPlatformAdmin: true }));
    // the page's own link, not the header's (which a platform admin has on every page)
    expect(readableMainText(html)).toContain("Go to councils and partnerships");
    expect(html).toMatch(/<a[^>]*href="\/admin\/councils"[^>]*>Go to councils and partnerships<\/a>/);
    expect(text).toContain("You are the platform admin");
    expect(text).not.toContain("Register your organisation");
  });

  it("for anyone else, says how to register one", async () => {
    const { html, text } = await dashboardOf(await createUser());
    expect(text).toContain("You are not a member of an organisation yet.");
    expect(html).toContain('href="/organisations/new"');
    expect(html).not.toContain('href="/admin/councils"');
  });
});
