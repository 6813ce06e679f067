// Someone whose confirmation email did not arrive lost where they were going when they asked for a new one: "Check
// your email" offered only a plain "Sign in", the new link was asked for on the plain confirmation page, and it led
// to the choice of kind of organisation (not the business form they had said they came for), or to the dashboard.
// The page now offers "sign in to get a new link", which keeps the journey: the page they were going to, or the form
// of the organisation they came to register, through signing in, "Send a new link", the new email and confirming.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { REPEAT_WINDOW_MS } from "~/domain/accounts/tokens.server.ts";
import { action as signInAction } from "~/routes/sign-in.tsx";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { action as verifyAction } from "~/routes/verify-email.tsx";
import { TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";
import {
  confirmationLinkTo,
  confirmThroughLink,
  hiddenValue,
  sessionCookieOf,
} from "../helpers/sign-up-journey.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

// the pages are built once for the file, which takes a while on a busy machine
beforeAll(() => renderPage("/"), 120_000);
afterAll(() => closeRateLimits());

const decoded = (html: string) => html.replace(/&amp;/g, "&");
const oneLine = (text: string) => text.replace(/\s+/g, " ");

/** The address of the link whose text is `text` on the page's HTML. */
function hrefOf(html: string, text: string) {
  const match = decoded(html).match(new RegExp(`<a [^>]*href="([^"]*)"[^>]*>${text}</a>`));
  if (!match) throw new Error(`no link "${text}" on the page`);
  return match[1]!;
}

/**
 * Signs up (`form`: the sign-up form's other fields), then, the email not having arrived, follows "Check your
 * email"'s "sign in to get a new link", signs in, presses "Send a new link" and confirms from the new email. What
 * each step led to, for the test to check.
 */
async function newLinkJourney(form: Record<string, string>) {
  const email = `${unique("late")}@example.test`;
  const signedUp = await callAction(signUpAction, {
    path: "/sign-up",
    headers: fromIp(),
    form: { name: "Lena Late", email, password: TEST_PASSWORD, ...form },
  });
  expect(signedUp.status).toBe(302);
  const firstLink = await confirmationLinkTo(email);
  // a while later, the email still not there (a new link asked for at once is the first one, on its way)
  await db.userToken.updateMany({
    where: { user: { email } },
    data: { createdAt: new Date(Date.now() - REPEAT_WINDOW_MS - 1000) },
  });

  const checkEmail = await (await renderPage(signedUp.headers.get("location")!)).text();
  expect(oneLine(readableMainText(checkEmail))).toContain(
    "If the email has not arrived, check your spam folder, or sign in to get a new link",
  );
  const signInPage = hrefOf(checkEmail, "sign in to get a new link");
  const signInHtml = await (await renderPage(signInPage)).text();
  const signedIn = await callAction(signInAction, {
    path: "/sign-in",
    headers: fromIp(),
    form: {
      email,
      password: TEST_PASSWORD,
      redirectTo: hiddenValue(signInHtml, "redirectTo") ?? "",
    },
  });
  expect(signedIn.status).toBe(302);
  const cookie = sessionCookieOf(signedIn);
  const confirmPage = signedIn.headers.get("location")!;

  const confirmHtml = await (await renderPage(confirmPage, cookie)).text();
  expect(readableMainText(confirmHtml)).toContain("Send a new link");
  const resent = await callAction(verifyAction, {
    path: "/verify-email",
    cookie,
    headers: fromIp(),
    form: {
      intent: "resend",
      redirectTo: hiddenValue(confirmHtml, "redirectTo") ?? "",
    },
  });
  expect(resent.status).toBe(302);
  const newLink = await confirmationLinkTo(email);
  expect(newLink.searchParams.get("token")).not.toBe(firstLink.searchParams.get("token"));

  // the new link's page carries its journey in its form, as the first link's does
  const confirmed = await confirmThroughLink(newLink, cookie);
  return {
    firstLink,
    confirmPage,
    afterResending: resent.headers.get("location"),
    newLink,
    confirmedTo: confirmed.headers.get("location"),
  };
}

describe("a new link asked for from 'Check your email'", () => {
  it("leads on to the form of the organisation they said they came to register", async () => {
    const journey = await newLinkJourney({ organisationKind: "supplier" });
    expect(journey.firstLink.searchParams.get("then")).toBe("supplier");
    const form = "/organisations/new/supplier";
    expect(journey.confirmPage).toBe(`/verify-email?redirectTo=${encodeURIComponent(form)}`);
    expect(journey.afterResending).toBe(`/verify-email?redirectTo=${encodeURIComponent(form)}`);
    expect(journey.newLink.searchParams.get("redirectTo")).toBe(form);
    expect(journey.confirmedTo).toBe(form);
  });

  it("leads on to the page they were going to, through registering their business first", async () => {
    const invitation = "/survey/invitation/some-link";
    const register = `/organisations/new/supplier?redirectTo=${encodeURIComponent(invitation)}`;
    const journey = await newLinkJourney({ redirectTo: register });
    expect(journey.firstLink.searchParams.get("redirectTo")).toBe(register);
    expect(journey.confirmPage).toBe(`/verify-email?redirectTo=${encodeURIComponent(register)}`);
    expect(journey.newLink.searchParams.get("redirectTo")).toBe(register);
    expect(journey.confirmedTo).toBe(register);
  });

  it("with nowhere to go on to, asks for it on the plain confirmation page", async () => {
    const journey = await newLinkJourney({});
    expect(journey.confirmPage).toBe("/verify-email");
    expect(journey.newLink.searchParams.has("redirectTo")).toBe(false);
    expect(journey.confirmedTo).toBe("/organisations/new");
  });

  it("never leads to another site, nor takes an organisation kind it does not know", async () => {
    const html = await (
      await renderPage(
        `/sign-up/check-email?then=council&redirectTo=${encodeURIComponent("//evil.example/steal")}`,
      )
    ).text();
    expect(hrefOf(html, "sign in to get a new link")).toBe(
      `/sign-in?redirectTo=${encodeURIComponent("/verify-email")}`,
    );
    expect(readableMainText(html)).not.toContain("we will take you");
  });
});
