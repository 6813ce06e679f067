// A confirmation link that could no longer confirm anything (used, expired, made up, or retired by a newer one)
// opened a page offering its button, and said it had ended only once pressed. The page now says so at once (410),
// with the way to a new link and no button; a link already used with its effect showing says that; a working link
// still offers its button, and opening it uses nothing (a mail scanner following links confirms nothing).
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { confirmationLinkTo } from "../helpers/sign-up-journey.ts";
import { askedToMove, confirm } from "./email-change-world.ts";
import { action as verifyAction } from "~/routes/verify-email.tsx";

afterAll(() => closeRateLimits());

async function signedUp() {
  const email = `${unique("ended")}@example.test`;
  await callAction(signUpAction, {
    path: "/sign-up",
    headers: fromIp(),
    form: { name: "Eda Ended", email, password: TEST_PASSWORD, organisationKind: "vcse" },
  });
  const link = await confirmationLinkTo(email);
  return { email, link: `${link.pathname}${link.search}`, token: link.searchParams.get("token")! };
}

const pageOf = async (path: string) => {
  const response = await renderPage(path);
  const html = await response.text();
  return { status: response.status, html, text: readableMainText(html) };
};

describe("the confirm-your-address link", () => {
  it("still working, offers its button, and opening it confirms nothing", async () => {
    const { email, link } = await signedUp();
    const page = await pageOf(link);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Confirm email address</button>");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
  });

  it("made up or expired, says so at once, with no button", async () => {
    const { email, link, token } = await signedUp();
    await db.userToken.updateMany({
      where: { user: { email }, purpose: "EMAIL_VERIFICATION" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    for (const path of [link, "/verify-email?token=not-a-real-link"]) {
      const page = await pageOf(path);
      expect(page.status).toBe(410);
      expect(page.text).toContain("This link no longer works");
      expect(page.text).toContain("sign in to get a new one");
      expect(page.html).not.toContain("Confirm email address</button>");
      expect(page.html).not.toContain(token);
    }
  });

  it("already used, says the address is confirmed and offers signing in on to the form", async () => {
    const { link, token } = await signedUp();
    const pressed = await callAction(verifyAction, {
      path: "/verify-email",
      headers: fromIp(),
      form: { intent: "confirm", token, then: "vcse" },
    });
    expect(pressed.status).toBe(302);
    const page = await pageOf(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain("This email address is already confirmed");
    expect(page.html).toContain(
      `href="/sign-in?redirectTo=${encodeURIComponent("/organisations/new/vcse")}"`,
    );
    expect(page.html).not.toContain("Confirm email address</button>");
  });
});

describe("the confirm-your-new-address link", () => {
  it("still working, offers its button", async () => {
    const { token } = await askedToMove();
    const page = await pageOf(`/account/confirm-email?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Confirm new email address</button>");
  });

  it("used, says the account uses the address; made up, that it no longer works", async () => {
    const { token, user, newEmail } = await askedToMove();
    expect((await confirm(token)).status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
    const used = await pageOf(`/account/confirm-email?token=${token}`);
    expect(used.status).toBe(200);
    expect(used.text).toContain("Your account already uses this address");
    expect(used.html).not.toContain("Confirm new email address</button>");

    const unknown = await pageOf("/account/confirm-email?token=not-a-real-link");
    expect(unknown.status).toBe(410);
    expect(unknown.text).toContain("This link no longer works");
    expect(unknown.html).toContain('href="/account/email"');
    expect(unknown.html).not.toContain("Confirm new email address</button>");
  });
});
