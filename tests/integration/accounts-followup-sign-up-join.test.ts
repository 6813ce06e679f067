// The sign-up page offered "To join an organisation that is already registered", which only created an account
// with no organisation: joining is by invitation, whose link creates the account itself. The page no longer offers
// it, and says how joining works instead.
import { describe, expect, it } from "vitest";
import { renderPage } from "../helpers/render-page.ts";

async function signUpPage(location = "/sign-up") {
  const page = await renderPage(location);
  expect(page.status).toBe(200);
  return page.text();
}

describe("the sign-up page, for someone who wants to join an organisation", () => {
  it("offers no way to join without an invitation", async () => {
    const html = await signUpPage();
    expect(html).not.toContain('value="join"');
    expect(html).not.toContain("To join an organisation");
    // what it does offer: registering one, as radios in a fieldset with a legend
    expect(html).toMatch(
      /<fieldset[^>]*>\s*<legend[^>]*>What are you signing up for\? \(optional\)<\/legend>/,
    );
    expect(html).toContain('value="vcse"');
    expect(html).toContain('value="supplier"');
  });

  it("says that joining takes an invitation from the organisation, and what to do", async () => {
    const html = await signUpPage();
    expect(html).toContain("<h2");
    expect(html).toContain("Joining an organisation that is already registered?");
    expect(html).toContain("You need an invitation");
    expect(html).toContain("Ask its owner");
    expect(html).toContain("a link that creates your account and adds you to the organisation");
  });
});
