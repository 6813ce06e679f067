// The pages an emailed link opens, reached without a usable link: they say what to do, with a link to do it,
// instead of text with nothing to follow or a button that can only fail.
import { describe, expect, it } from "vitest";
import { renderPage } from "../helpers/render-page.ts";
import { askedToMove } from "./email-change-world.ts";

const textOf = async (location: string) =>
  (await (await renderPage(location)).text()).replaceAll("<!-- -->", "");

describe("the confirm-your-email page, signed out and without a link", () => {
  it("links to signing in for a new link", async () => {
    const html = await textOf("/verify-email");
    expect(html).toMatch(
      /<a[^>]*href="\/sign-in\?redirectTo=%2Fverify-email"[^>]*>sign in to get a new one<\/a>/,
    );
  });
});

describe("the confirm-your-new-address page", () => {
  it("without the link's token, says the link is not complete and offers no button", async () => {
    const html = await textOf("/account/confirm-email");
    expect(html).toContain("This link is not complete");
    expect(html).toContain('href="/account/email"');
    expect(html).not.toContain("Confirm new email address</button>");
  });

  it("with a working token, offers the button", async () => {
    const { token } = await askedToMove();
    const html = await textOf(`/account/confirm-email?token=${token}`);
    expect(html).toMatch(/Confirm new email address<\/button>/);
    expect(html).not.toContain("This link is not complete");
  });

  it("with a token that does not work, says so rather than offer a button that can only fail (s45)", async () => {
    const html = await textOf("/account/confirm-email?token=abc");
    expect(html).toContain("This link no longer works");
    expect(html).not.toContain("Confirm new email address</button>");
  });
});
