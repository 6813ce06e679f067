// The forms that set a new password name the account, hidden, so a password manager saves the new password under
// the right address (WCAG 2.2 accessible authentication relies on password managers), and never send it.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { issueUserToken } from "~/domain/accounts/tokens.server.ts";
import { createUser, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const usernameField = (email: string) =>
  new RegExp(`<input(?=[^>]*autocomplete="username")(?=[^>]*value="${email}")(?![^>]*name=)[^>]*hidden`, "i");

describe("a hidden username for password managers", () => {
  it("is on the reset-password form, for the account the link is for", async () => {
    const user = await createUser();
    const token = await db.$transaction((tx) => issueUserToken(tx, user.id, "PASSWORD_RESET"));
    const html = await (await renderPage(`/reset-password?token=${token}`)).text();
    expect(html).toMatch(/autocomplete="new-password"/i);
    expect(html).toMatch(usernameField(user.email));
  });

  it("names nobody on the page of a link that has ended", async () => {
    const html = await (await renderPage("/reset-password?token=made-up")).text();
    expect(html).toContain("This link has ended");
    expect(html).not.toMatch(/autocomplete="username"/i);
  });

  it("is on the change-password form", async () => {
    const user = await createUser();
    const html = await (await renderPage("/account/password", await sessionCookieFor(user.id))).text();
    expect(html).toMatch(usernameField(user.email));
  });
});
