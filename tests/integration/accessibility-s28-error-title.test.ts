// A page showing a form sent back with errors starts its title with "Error: " (the GOV.UK error message pattern),
// so a screen reader says so first when the page loads; no other page does, and no page has two titles (the error
// pages had both theirs and the site's).
import { describe, expect, it } from "vitest";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";

const titles = (html: string) => [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);

describe("the page title", () => {
  it("starts with 'Error: ' when a form is sent back with errors", async () => {
    const response = await postPage("/sign-in", formOf({ email: "", password: "" }));
    expect(response.status).toBe(400);
    expect(titles(await response.text())).toEqual(["Error: Sign in – Social Value Marketplace"]);
  });

  it("does not when the same page is only shown", async () => {
    expect(titles(await (await renderPage("/sign-in")).text())).toEqual([
      "Sign in – Social Value Marketplace",
    ]);
  });

  it("starts with 'Error: ' when a link page answers with an error of its own", async () => {
    const response = await postPage("/forgot-password", formOf({ email: "not an email" }));
    expect(response.status).toBe(400);
    expect(titles(await response.text())[0]).toMatch(/^Error: /);
  });

  it("is the error page's own, once, on a page that does not exist", async () => {
    const response = await renderPage("/no-such-page");
    expect(response.status).toBe(404);
    expect(titles(await response.text())).toEqual(["Page not found – Social Value Marketplace"]);
  });
});
