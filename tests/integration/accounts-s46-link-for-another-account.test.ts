// A confirmation link already used, or ended, opened where a different account is signed in (a shared computer)
// offered a plain "Sign in", though someone was signed in already, and did not say who. The page now says which
// account is signed in and that the link was sent for another, and offers both ways on: signing out, then in with
// the address the link was sent to (on to where it led, or to a new link when it has ended), and, when the account
// signed in has not confirmed its own address, a new link to that address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as signOutAction } from "~/routes/sign-out.tsx";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { action as verifyAction } from "~/routes/verify-email.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";
import { confirmationLinkTo } from "../helpers/sign-up-journey.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

beforeAll(() => renderPage("/"), 120_000);
afterAll(() => closeRateLimits());

const decoded = (html: string) => html.replace(/&amp;/g, "&");
const mainOf = (html: string) =>
  decoded(html.slice(html.indexOf("<main"), html.indexOf("</main>")))
    .replace(/<!-- -->/g, "")
    .replace(/ data-discover="true"/g, "");
const oneLine = (text: string) => text.replace(/\s+/g, " ");
const FORM = "/organisations/new/vcse";

/** Someone who signed up to register a VCSE, and their confirmation link (used, or expired unused). */
async function linkOfSomeoneWho(did: "confirmed" | "let it expire") {
  const email = `${unique("owner")}@example.test`;
  await callAction(signUpAction, {
    path: "/sign-up",
    headers: fromIp(),
    form: { name: "Olu Owner", email, password: TEST_PASSWORD, organisationKind: "vcse" },
  });
  const link = await confirmationLinkTo(email);
  const token = link.searchParams.get("token")!;
  if (did === "confirmed") {
    const pressed = await callAction(verifyAction, {
      path: "/verify-email",
      headers: fromIp(),
      form: { intent: "confirm", token, then: "vcse" },
    });
    expect(pressed.status).toBe(302);
  } else
    await db.userToken.updateMany({
      where: { user: { email }, purpose: "EMAIL_VERIFICATION" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
  return `${link.pathname}${link.search}`;
}

describe("a confirmation link opened where another, unconfirmed account is signed in", () => {
  it.each([
    {
      did: "confirmed" as const,
      status: 200,
      says: "This link has been used: the address it was sent to is already confirmed.",
      signInOnTo: FORM,
    },
    {
      did: "let it expire" as const,
      status: 410,
      says: "This link no longer works",
      signInOnTo: `/verify-email?redirectTo=${encodeURIComponent(FORM)}`,
    },
  ])("($did) says who is signed in and offers signing out or a new link of their own", async (c) => {
    const link = await linkOfSomeoneWho(c.did);
    const other = await createUser({ verified: false });
    const cookie = await sessionCookieFor(other.id);
    const response = await renderPage(link, cookie);
    expect(response.status).toBe(c.status);
    const main = mainOf(await response.text());
    const text = oneLine(readableMainText(main + "</main>"));
    expect(text).toContain(c.says);
    expect(text).toContain("It was sent for a different account from the one signed in here.");
    expect(text).toContain(`You are signed in as ${other.email} . If the link was sent to you, sign out`);
    expect(main).not.toMatch(/<a [^>]*>Sign in<\/a>/);

    // the link's owner: signing out leads to signing in, then on to where the link led
    const afterSignOut = `/sign-in?redirectTo=${encodeURIComponent(c.signInOnTo)}`;
    expect(main).toContain(
      `<form method="post" action="/sign-out" class="mb-8"><input type="hidden" name="redirectTo" value="${afterSignOut}"/>`,
    );
    const signedOut = await callAction(signOutAction, {
      path: "/sign-out",
      cookie,
      headers: fromIp(),
      form: { redirectTo: afterSignOut },
    });
    expect(signedOut.headers.get("location")).toBe(afterSignOut);

    // the person signed in: a new link to their own address
    expect(main).toMatch(
      new RegExp(
        `<form method="post" action="/verify-email">.*Send a new link to ${other.email}</button></form>`,
      ),
    );
    const resent = await callAction(verifyAction, {
      path: "/verify-email",
      cookie: await sessionCookieFor(other.id),
      headers: fromIp(),
      form: { intent: "resend" },
    });
    expect(resent.status).toBe(302);
    expect(await db.emailOutbox.count({ where: { to: other.email, template: "account.verify_email" } })).toBe(
      1,
    );
  });

  it.each([
    { whose: "their own ended link", own: true },
    { whose: "a made-up link", own: false },
  ])("is answered as before for $whose: ask for a new one below", async ({ own }) => {
    const email = `${unique("self")}@example.test`;
    await callAction(signUpAction, {
      path: "/sign-up",
      headers: fromIp(),
      form: { name: "Sam Self", email, password: TEST_PASSWORD },
    });
    const link = await confirmationLinkTo(email);
    await db.userToken.updateMany({
      where: { user: { email }, purpose: "EMAIL_VERIFICATION" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const page = await renderPage(
      own ? `${link.pathname}${link.search}` : "/verify-email?token=not-a-real-link",
      await sessionCookieFor(user.id),
    );
    expect(page.status).toBe(410);
    const text = oneLine(readableMainText(await page.text()));
    expect(text).toContain("Ask for a new one below.");
    expect(text).not.toContain("a different account");
  });
});
