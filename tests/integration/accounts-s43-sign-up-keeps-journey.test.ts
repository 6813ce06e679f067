// Someone without an account, sent to sign in on the way to a page (a council's survey invitation, a request to
// pledge to), lost where they were going: "Create an account" was plain /sign-up, so after signing up and confirming
// their address they landed on the dashboard. The page to go back to now goes through sign-up, the confirmation
// email's link and signing in, and is never another site. The signed-out invitation says what it is and how to
// answer it, and its email says an account is needed.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { action as signInAction, loader as signInLoader } from "~/routes/sign-in.tsx";
import { action as signUpAction, loader as signUpLoader } from "~/routes/sign-up._index.tsx";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify-email.tsx";
import { TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";
import { confirmationLinkTo, sessionCookieOf } from "../helpers/sign-up-journey.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { followInvitation, invitationEmailsTo, officerInviting } from "./survey-invite-world.ts";

afterAll(() => closeRateLimits());

const decoded = (html: string) => html.replace(/&amp;/g, "&");
const oneLine = (text: string) => text.replace(/\s+/g, " ");

describe("a survey invitation opened by someone without an account", () => {
  it("says what it is, and signing up, confirming the address and signing in lead back to it", async () => {
    const { sendInvitation, address } = await officerInviting("NB", "new.business");
    expect((await sendInvitation({})).status).toBe(302);
    const [invitation] = await invitationEmailsTo(address);
    const token = invitation!.token;
    const here = `/survey/invitation/${token}`;
    const back = encodeURIComponent(here);

    // the email says, before its link, that answering needs an account
    expect(oneLine(invitation!.text)).toContain(
      "To answer, sign in to Social Value Marketplace, or create a free account for your business if you do not have one",
    );

    // signed out: the page explains the invitation and offers both ways in, each leading back here
    const invitationPage = await renderPage(here);
    expect(invitationPage.status).toBe(200);
    const invitationHtml = await invitationPage.text();
    expect(readableMainText(invitationHtml)).toContain("Sign in to answer the supplier survey");
    expect(readableMainText(invitationHtml)).toContain("A council has invited your business");
    expect(invitationHtml).toContain(`href="/sign-in?redirectTo=${back}"`);
    // creating an account leads back here through registering the business (session 44)
    expect(invitationHtml).toContain(
      `href="/sign-up?redirectTo=${encodeURIComponent(`/organisations/new/supplier?redirectTo=${back}`)}"`,
    );

    // the sign-in page's "Create an account" keeps the page to go back to
    const signInHtml = await (await renderPage(`/sign-in?redirectTo=${back}`)).text();
    expect(signInHtml).toMatch(
      new RegExp(`<a [^>]*href="/sign-up\\?redirectTo=${back}"[^>]*>Create an account</a>`),
    );

    // the sign-up page carries it in the form, and does not offer to register an organisation instead
    const signUpPage = await renderPage(`/sign-up?redirectTo=${back}`);
    expect(signUpPage.status).toBe(200);
    const signUpHtml = await signUpPage.text();
    expect(signUpHtml).toContain(`name="redirectTo" value="${here}"`);
    expect(signUpHtml).not.toContain('name="organisationKind"');
    expect(readableMainText(signUpHtml)).toContain("we will take you back to where you were going");
    expect(signUpHtml).toContain(`href="/sign-in?redirectTo=${back}"`);

    const signedUp = await callAction(signUpAction, {
      path: "/sign-up",
      headers: fromIp(),
      form: { name: "Nadia New", email: address, password: TEST_PASSWORD, redirectTo: here },
    });
    expect(signedUp.status).toBe(302);
    expect(signedUp.headers.get("location")).toBe(`/sign-up/check-email?redirectTo=${back}`);
    const checkEmailHtml = await (await renderPage(signedUp.headers.get("location")!)).text();
    expect(readableMainText(checkEmailHtml)).toContain("we will take you back to where you were going");
    expect(checkEmailHtml).toContain(`href="/sign-in?redirectTo=${back}"`);

    // the emailed confirmation link carries it; its page puts it in the form
    const link = await confirmationLinkTo(address);
    expect(link.searchParams.get("redirectTo")).toBe(here);
    const verifyHtml = decoded(await (await renderPage(`${link.pathname}${link.search}`)).text());
    expect(verifyHtml).toContain(`name="redirectTo" value="${here}"`);

    const confirmed = await callAction(verifyAction, {
      path: "/verify-email",
      headers: fromIp(),
      form: { intent: "confirm", token: link.searchParams.get("token")!, redirectTo: here },
    });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe(`/sign-in?redirectTo=${back}`);

    const signedIn = await callAction(signInAction, {
      path: "/sign-in",
      headers: fromIp(),
      form: { email: address, password: TEST_PASSWORD, redirectTo: here },
    });
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("location")).toBe(here);

    // back on the invitation, signed in: with no business yet, told to add it (the link is not used up)
    const landed = await followInvitation(token, sessionCookieOf(signedIn));
    expect(landed.status).toBe(200);
    expect(await jsonOf(landed)).toMatchObject({ problem: "no-supplier" });
  });

  // (since s45 a link that does not work says so first, signed out too, rather than offering signing up for it:
  // survey-s45-invitation-dead-link.test.ts)
  it("signed out, a link that does not work is said not to, before any signing up", async () => {
    const { sendInvitation, address } = await officerInviting("NC", "signed.out");
    await sendInvitation({});
    const [invitation] = await invitationEmailsTo(address);
    const answer = await renderPage(`/survey/invitation/${invitation!.token}`);
    const unknown = await renderPage("/survey/invitation/not-a-real-link");
    expect([answer.status, unknown.status]).toEqual([200, 404]);
    expect(readableMainText(await answer.text())).toContain("A council has invited your business");
    expect(readableMainText(await unknown.text())).toContain("This invitation link does not work");
  });
});

describe("a page on another site to go on to", () => {
  const ELSEWHERE = ["https://evil.example/steal", "//evil.example", "/.//evil.example", "/\\evil.example"];

  it.each(ELSEWHERE)("%s is not carried from sign-in to sign-up", async (to) => {
    const page = await callLoader(signInLoader, { path: `/sign-in?redirectTo=${encodeURIComponent(to)}` });
    expect(await jsonOf(page)).toMatchObject({ signUpHref: "/sign-up" });
  });

  it.each(ELSEWHERE)("%s is dropped by the sign-up page", async (to) => {
    const page = await callLoader(signUpLoader, { path: `/sign-up?redirectTo=${encodeURIComponent(to)}` });
    expect(await jsonOf(page)).toMatchObject({ redirectTo: null });
  });

  it.each(ELSEWHERE)("%s sent with the sign-up form is left out of the confirmation link", async (to) => {
    const email = `${unique("elsewhere")}@example.test`;
    const signedUp = await callAction(signUpAction, {
      path: "/sign-up",
      headers: fromIp(),
      form: { name: "Eve Elsewhere", email, password: TEST_PASSWORD, redirectTo: to },
    });
    expect(signedUp.headers.get("location")).toBe("/sign-up/check-email");
    const link = await confirmationLinkTo(email);
    expect(link.searchParams.has("redirectTo")).toBe(false);
  });

  it.each(ELSEWHERE)("%s in a confirmation link is not followed once confirmed", async (to) => {
    const email = `${unique("confirm")}@example.test`;
    await callAction(signUpAction, {
      path: "/sign-up",
      headers: fromIp(),
      form: { name: "Cleo Confirm", email, password: TEST_PASSWORD },
    });
    const token = (await confirmationLinkTo(email)).searchParams.get("token")!;
    const page = await callLoader(verifyLoader, {
      path: `/verify-email?token=${token}&redirectTo=${encodeURIComponent(to)}`,
    });
    expect(await jsonOf(page)).toMatchObject({ redirectTo: null });
    const confirmed = await callAction(verifyAction, {
      path: "/verify-email",
      headers: fromIp(),
      form: { intent: "confirm", token, redirectTo: to },
    });
    expect(confirmed.headers.get("location")).toBe("/sign-in?redirectTo=%2Forganisations%2Fnew");
  });

  it("a request a visitor was about to pledge to is carried to sign-up and its confirmation link", async () => {
    const pledge = "/requests/cm4request0000000000000001/pledge";
    const page = await callLoader(signInLoader, {
      path: `/sign-in?redirectTo=${encodeURIComponent(pledge)}`,
    });
    expect(await jsonOf(page)).toMatchObject({
      signUpHref: `/sign-up?redirectTo=${encodeURIComponent(pledge)}`,
    });
    const email = `${unique("pledger")}@example.test`;
    await callAction(signUpAction, {
      path: "/sign-up",
      headers: fromIp(),
      form: { name: "Pat Pledger", email, password: TEST_PASSWORD, redirectTo: pledge },
    });
    expect((await confirmationLinkTo(email)).searchParams.get("redirectTo")).toBe(pledge);
  });

  it("a sign-up with no page to go on to still leads to registering an organisation", async () => {
    const page = await callLoader(signInLoader, { path: "/sign-in" });
    expect(await jsonOf(page)).toMatchObject({ signUpHref: "/sign-up" });
    const html = await (await renderPage("/sign-up")).text();
    expect(html).toContain('name="organisationKind"');
    expect(html).not.toContain('name="redirectTo"');
  });
});
