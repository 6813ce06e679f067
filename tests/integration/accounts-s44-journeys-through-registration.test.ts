// Three journeys still lost where the person was going once they had an account:
// - a business with no account, invited to the survey, signed up and confirmed its address, then had to register
//   the business from the dashboard and find the invitation email again: the invitation's "Create a free account"
//   now leads, after confirming and signing in, to registering the business and from there back to the invitation;
// - "Send a new link" on the confirmation page and the "you already have an account" email (someone signing up
//   with an address that has one) dropped the page they were going to: both links now lead there (only ever a page
//   of this site);
// - someone who signed up on the way to pledge landed on the pledge page with no business and was told "Page not
//   found": they are now told a business pledges, and registering one brings them back to pledge.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as signInAction } from "~/routes/sign-in.tsx";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { action as verifyAction } from "~/routes/verify-email.tsx";
import { loader as pledgeLoader } from "~/routes/requests.$id.pledge.tsx";
import {
  createCategory,
  createCouncil,
  createMember,
  createOrganisation,
  createRequest,
  createUser,
  sessionCookieFor,
  TEST_PASSWORD,
  unique,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";
import { confirmationLinkTo, latestEmail, sessionCookieOf } from "../helpers/sign-up-journey.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { followInvitation, invitationEmailsTo, officerInviting } from "./survey-invite-world.ts";

afterAll(() => closeRateLimits());

const decoded = (html: string) => html.replace(/&amp;/g, "&");
const oneLine = (text: string) => text.replace(/\s+/g, " ");
const ELSEWHERE = ["https://evil.example/steal", "//evil.example", "/.//evil.example", "/\\evil.example"];

// the supplier form's fields, for a business in `councilId`
const businessForm = (councilId: string, extra: Record<string, string> = {}) =>
  formOf({
    name: `Hedgerow Landscapes ${unique("b")}`,
    councilId,
    companyNumber: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
    registeredPostcode: "GU1 3UW",
    staffHeadcount: "25",
    turnoverBand: "UP_TO_2M",
    balanceSheetBand: "UP_TO_2M",
    ...extra,
  });

describe("a business with no account invited to the survey", () => {
  it("signs up, confirms, registers its business and lands back on the invitation, which opens the survey", async () => {
    const { sendInvitation, address, council, cycle } = await officerInviting("NR", "register.first");
    expect((await sendInvitation({})).status).toBe(302);
    const [invitation] = await invitationEmailsTo(address);
    const here = `/survey/invitation/${invitation!.token}`;
    const register = `/organisations/new/supplier?redirectTo=${encodeURIComponent(here)}`;

    // signed out: "Create a free account" leads through registering the business, then back here
    const invitationHtml = decoded(await (await renderPage(here)).text());
    expect(invitationHtml).toContain(`href="/sign-up?redirectTo=${encodeURIComponent(register)}"`);
    expect(invitationHtml).toContain(`href="/sign-in?redirectTo=${encodeURIComponent(here)}"`);

    const signUpHtml = decoded(
      await (await renderPage(`/sign-up?redirectTo=${encodeURIComponent(register)}`)).text(),
    );
    expect(signUpHtml).toContain(`name="redirectTo" value="${register}"`);
    expect(oneLine(readableMainText(signUpHtml))).toContain(
      "we will take you to registering your business, then back to where you were going",
    );

    const signedUp = await callAction(signUpAction, {
      path: "/sign-up",
      headers: fromIp(),
      form: { name: "Rhea Register", email: address, password: TEST_PASSWORD, redirectTo: register },
    });
    expect(signedUp.headers.get("location")).toBe(
      `/sign-up/check-email?redirectTo=${encodeURIComponent(register)}`,
    );
    const checkEmailHtml = await (await renderPage(signedUp.headers.get("location")!)).text();
    expect(oneLine(readableMainText(checkEmailHtml))).toContain(
      "we will take you to registering your business, then back to where you were going",
    );

    const link = await confirmationLinkTo(address);
    expect(link.searchParams.get("redirectTo")).toBe(register);
    const confirmed = await callAction(verifyAction, {
      path: "/verify-email",
      headers: fromIp(),
      form: { intent: "confirm", token: link.searchParams.get("token")!, redirectTo: register },
    });
    expect(confirmed.headers.get("location")).toBe(`/sign-in?redirectTo=${encodeURIComponent(register)}`);
    const signedIn = await callAction(signInAction, {
      path: "/sign-in",
      headers: fromIp(),
      form: { email: address, password: TEST_PASSWORD, redirectTo: register },
    });
    expect(signedIn.headers.get("location")).toBe(register);
    const cookie = sessionCookieOf(signedIn);

    // the business form keeps where they were going, and says so
    const formPage = await renderPage(register, cookie);
    expect(formPage.status).toBe(200);
    const formHtml = decoded(await formPage.text());
    expect(formHtml).toContain(`name="redirectTo" value="${here}"`);
    expect(readableMainText(formHtml)).toContain(
      "When you have registered your business, we will take you back to where you were going.",
    );

    // a mistake on the form keeps it too
    const refused = await postPage(
      register,
      businessForm(council.id, { name: "", redirectTo: here }),
      cookie,
    );
    expect(refused.status).toBe(400);
    expect(decoded(await refused.text())).toContain(`name="redirectTo" value="${here}"`);

    const registered = await postPage(register, businessForm(council.id, { redirectTo: here }), cookie);
    expect(registered.status).toBe(302);
    expect(registered.headers.get("location")).toBe(here);

    // back on the invitation, with a business now: on to the survey
    const landed = await followInvitation(invitation!.token, cookie);
    expect(landed.status).toBe(302);
    expect(landed.headers.get("location")).toBe(`/survey/${cycle.id}`);
  });

  it("signed in without a business, the invitation's 'Add your business' leads back to it", async () => {
    const user = await createUser({ verified: true });
    // a real link: one that does not work is said not to, before any registering (s45)
    const { sendInvitation, address } = await officerInviting("NQ", "add.business");
    expect((await sendInvitation({})).status).toBe(302);
    const [invitation] = await invitationEmailsTo(address);
    const here = `/survey/invitation/${invitation!.token}`;
    const html = decoded(await (await renderPage(here, await sessionCookieFor(user.id))).text());
    expect(readableMainText(html)).toContain("Add your business first");
    expect(html).toContain(`href="/organisations/new/supplier?redirectTo=${encodeURIComponent(here)}"`);
    expect(oneLine(readableMainText(html))).toContain("we will bring you back to this invitation");
  });

  it("choosing the kind of organisation keeps where they were going", async () => {
    const user = await createUser({ verified: true });
    const cookie = await sessionCookieFor(user.id);
    const here = "/survey/invitation/some-link";
    const chooser = `/organisations/new?redirectTo=${encodeURIComponent(here)}`;
    expect(decoded(await (await renderPage(chooser, cookie)).text())).toContain(
      `name="redirectTo" value="${here}"`,
    );
    const chosen = await postPage(chooser, formOf({ kind: "supplier", redirectTo: here }), cookie);
    expect(chosen.headers.get("location")).toBe(
      `/organisations/new/supplier?redirectTo=${encodeURIComponent(here)}`,
    );
  });

  it.each(ELSEWHERE)("registering never leads to another site (%s)", async (to) => {
    const council = await createCouncil();
    const user = await createUser({ verified: true });
    const cookie = await sessionCookieFor(user.id);
    const path = `/organisations/new/supplier?redirectTo=${encodeURIComponent(to)}`;
    expect(await (await renderPage(path, cookie)).text()).not.toContain('name="redirectTo"');
    const registered = await postPage(path, businessForm(council.id, { redirectTo: to }), cookie);
    expect(registered.status).toBe(302);
    expect(registered.headers.get("location")).toMatch(/^\/organisations\/[a-z0-9]+$/);
  });

  it("without a page to go back to, registering still leads to the new organisation's page", async () => {
    const council = await createCouncil();
    const user = await createUser({ verified: true });
    const cookie = await sessionCookieFor(user.id);
    const html = await (await renderPage("/organisations/new/supplier", cookie)).text();
    expect(html).not.toContain('name="redirectTo"');
    expect(readableMainText(html)).not.toContain("we will take you back");
    const registered = await postPage("/organisations/new/supplier", businessForm(council.id), cookie);
    expect(registered.headers.get("location")).toMatch(/^\/organisations\/[a-z0-9]+$/);
  });
});

describe("a new confirmation link, and the email to an address that has an account", () => {
  it("'Send a new link' sends one that leads on to where they were going, and the page keeps it", async () => {
    const user = await createUser({ verified: false });
    const cookie = await sessionCookieFor(user.id);
    const going = "/organisations/new/supplier?redirectTo=%2Fsurvey%2Finvitation%2Fabc";

    // the registration form, opened before confirming, sends them to confirm with the way back kept
    const form = await renderPage(going, cookie);
    expect(form.status).toBe(302);
    expect(form.headers.get("location")).toBe(`/verify-email?redirectTo=${encodeURIComponent(going)}`);
    // so does the choice of kind of organisation
    const choose = "/organisations/new?redirectTo=%2Fsurvey%2Finvitation%2Fabc";
    const chosen = await renderPage(choose, cookie);
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get("location")).toBe(`/verify-email?redirectTo=${encodeURIComponent(choose)}`);
    // with nowhere to go on to, the plain confirmation page as before
    expect((await renderPage("/organisations/new", cookie)).headers.get("location")).toBe("/verify-email");

    const page = decoded(await (await renderPage(form.headers.get("location")!, cookie)).text());
    expect(page).toContain("Send a new link");
    expect(page).toContain(`name="redirectTo" value="${going}"`);

    const resent = await callAction(verifyAction, {
      path: "/verify-email",
      cookie,
      headers: fromIp(),
      form: { intent: "resend", redirectTo: going },
    });
    expect(resent.status).toBe(302);
    expect(resent.headers.get("location")).toBe(`/verify-email?redirectTo=${encodeURIComponent(going)}`);
    const link = await confirmationLinkTo(user.email);
    expect(link.searchParams.get("redirectTo")).toBe(going);

    // confirming from the new link leads there
    const confirmed = await callAction(verifyAction, {
      path: "/verify-email",
      cookie,
      headers: fromIp(),
      form: { intent: "confirm", token: link.searchParams.get("token")!, redirectTo: going },
    });
    expect(confirmed.headers.get("location")).toBe(going);
  });

  it("'Send a new link' pressed once the address is confirmed (another tab) goes on to where they were going", async () => {
    const user = await createUser({ verified: true });
    const going = "/requests/abc/pledge";
    const resent = await callAction(verifyAction, {
      path: "/verify-email",
      cookie: await sessionCookieFor(user.id),
      headers: fromIp(),
      form: { intent: "resend", redirectTo: going },
    });
    expect(resent.headers.get("location")).toBe(going);
  });

  it("signed out, 'sign in to get a new one' keeps where they were going", async () => {
    const going = "/requests/abc/pledge";
    const html = decoded(
      await (await renderPage(`/verify-email?redirectTo=${encodeURIComponent(going)}`)).text(),
    );
    const back = encodeURIComponent(`/verify-email?redirectTo=${encodeURIComponent(going)}`);
    expect(html).toContain(`href="/sign-in?redirectTo=${back}"`);
  });

  it.each(ELSEWHERE)("a new link never leads to another site (%s)", async (to) => {
    const user = await createUser({ verified: false });
    const cookie = await sessionCookieFor(user.id);
    const resent = await callAction(verifyAction, {
      path: "/verify-email",
      cookie,
      headers: fromIp(),
      form: { intent: "resend", redirectTo: to },
    });
    expect(resent.headers.get("location")).toBe("/verify-email");
    expect((await confirmationLinkTo(user.email)).searchParams.has("redirectTo")).toBe(false);
  });

  it("the 'you already have an account' email's sign-in link leads on to where they were going", async () => {
    const existing = await createUser({ verified: true });
    const here = "/survey/invitation/some-link";
    const signedUp = await callAction(signUpAction, {
      path: "/sign-up",
      headers: fromIp(),
      form: { name: "Someone Again", email: existing.email, password: TEST_PASSWORD, redirectTo: here },
    });
    expect(signedUp.status).toBe(302);
    const email = await latestEmail(existing.email, "account.already_registered");
    expect(email.text).toContain(`/sign-in?redirectTo=${encodeURIComponent(here)}`);
    expect(email.html).toContain(`/sign-in?redirectTo=${encodeURIComponent(here)}`);
    // and so does resetting the password from it
    expect(email.text).toContain(`/forgot-password?redirectTo=${encodeURIComponent(here)}`);
  });

  it("someone with an account who takes the invitation's 'Create a free account' is emailed links to the invitation, not to registering a business again", async () => {
    const { sendInvitation, address } = await officerInviting("NR", "has.account");
    expect((await sendInvitation({})).status).toBe(302);
    const [invitation] = await invitationEmailsTo(address);
    const here = `/survey/invitation/${invitation!.token}`;
    // the invitation's own "Create a free account" link, signed out
    const invitationHtml = decoded(await (await renderPage(here)).text());
    const createAccount = invitationHtml.match(/href="(\/sign-up\?[^"]*)"/)?.[1];
    expect(createAccount).toBeDefined();
    const register = new URL(createAccount!, "http://portal").searchParams.get("redirectTo")!;
    expect(register.startsWith("/organisations/new/supplier?")).toBe(true);

    const existing = await createUser({ verified: true, email: address });
    const signedUp = await callAction(signUpAction, {
      path: "/sign-up",
      headers: fromIp(),
      form: { name: "Someone Again", email: existing.email, password: TEST_PASSWORD, redirectTo: register },
    });
    expect(signedUp.status).toBe(302);
    const email = await latestEmail(existing.email, "account.already_registered");
    for (const body of [email.text, decoded(email.html)]) {
      expect(body).toContain(`/sign-in?redirectTo=${encodeURIComponent(here)}`);
      expect(body).toContain(`/forgot-password?redirectTo=${encodeURIComponent(here)}`);
      expect(body).not.toContain(encodeURIComponent("/organisations/new"));
      expect(body).not.toContain("/organisations/new");
    }
  });

  it("a registration form on the way to another site: the email leads past the form, and nowhere else", async () => {
    const existing = await createUser({ verified: true });
    const register = `/organisations/new/supplier?redirectTo=${encodeURIComponent("//evil.example")}`;
    await callAction(signUpAction, {
      path: "/sign-up",
      headers: fromIp(),
      form: { name: "Someone Again", email: existing.email, password: TEST_PASSWORD, redirectTo: register },
    });
    const email = await latestEmail(existing.email, "account.already_registered");
    expect(email.text).not.toContain("evil.example");
    expect(email.text).not.toContain(encodeURIComponent("/organisations/new"));
    expect(email.text).toContain("/forgot-password");
  });

  it.each(ELSEWHERE)(
    "the 'you already have an account' email never links to another site (%s)",
    async (to) => {
      const existing = await createUser({ verified: true });
      await callAction(signUpAction, {
        path: "/sign-up",
        headers: fromIp(),
        form: { name: "Someone Again", email: existing.email, password: TEST_PASSWORD, redirectTo: to },
      });
      const email = await latestEmail(existing.email, "account.already_registered");
      expect(email.text).not.toContain("redirectTo");
      expect(email.text).not.toContain("evil.example");
      expect(email.text).toContain("/forgot-password");
    },
  );
});

describe("someone with no organisation on their way to pledge", () => {
  async function openRequest() {
    const council = await createCouncil();
    const group = await createOrganisation({ kind: "VCSE", councilId: council.id, status: "VERIFIED" });
    const category = await createCategory(council.id);
    const need = await createRequest({
      councilId: council.id,
      organisationId: group.id,
      categoryId: category.id,
    });
    return { council, need };
  }

  it("is told a business pledges, and registering one brings them back to pledge", async () => {
    const { council, need } = await openRequest();
    const user = await createUser({ verified: true });
    const cookie = await sessionCookieFor(user.id);
    const pledge = `/requests/${need.id}/pledge`;
    const register = `/organisations/new/supplier?redirectTo=${encodeURIComponent(pledge)}`;

    const page = await renderPage(pledge, cookie);
    expect(page.status).toBe(200);
    const html = decoded(await page.text());
    expect(readableMainText(html)).toContain("Register your business to pledge");
    expect(readableMainText(html)).toContain(need.title);
    expect(html).toMatch(
      new RegExp(`<a [^>]*href="${register.replace(/[?]/g, "\\?")}"[^>]*>Register your business</a>`),
    );

    const registered = await postPage(register, businessForm(council.id, { redirectTo: pledge }), cookie);
    expect(registered.status).toBe(302);
    expect(registered.headers.get("location")).toBe(pledge);

    // back on the pledge page with the new business, which the council verifies before it can pledge
    const back = await callLoader(pledgeLoader, { path: pledge, params: { id: need.id }, cookie });
    expect(back.status).toBe(200);
    const data = await jsonOf<{ need?: { id: string }; notVerified?: string | null }>(back);
    expect(data.need?.id).toBe(need.id);
    expect(data.notVerified).toBeTruthy();
  });

  it("the request's own page offers registering a business that leads back to pledge", async () => {
    const { need } = await openRequest();
    const pledge = `/requests/${need.id}/pledge`;
    const register = `/organisations/new/supplier?redirectTo=${encodeURIComponent(pledge)}`;
    const link = new RegExp(
      `<a [^>]*href="${register.replace(/[?]/g, "\\?")}"[^>]*>Register your business to pledge</a>`,
    );

    const noBusiness = await renderPage(
      `/requests/${need.id}`,
      await sessionCookieFor((await createUser({ verified: true })).id),
    );
    expect(noBusiness.status).toBe(200);
    expect(decoded(await noBusiness.text())).toMatch(link);

    // someone in an organisation is not told to register one (a charity does not pledge; a business is offered
    // "Pledge to this request" as before)
    const group = await createOrganisation({ kind: "VCSE", councilId: need.councilId, status: "VERIFIED" });
    const member = await createMember(group.id, "OWNER");
    const inGroup = await renderPage(`/requests/${need.id}`, await sessionCookieFor(member.id));
    expect(decoded(await inGroup.text())).not.toMatch(link);
  });

  it("a request that takes no pledges is not offered: closed says so, past its needed-by date leads to its page", async () => {
    const cookie = await sessionCookieFor((await createUser({ verified: true })).id);
    const register = "/organisations/new/supplier";

    const fulfilled = (await openRequest()).need;
    await db.request.update({
      where: { id: fulfilled.id },
      data: { status: "FULFILLED", closedAt: new Date() },
    });
    const closed = await callLoader(pledgeLoader, {
      path: `/requests/${fulfilled.id}/pledge`,
      params: { id: fulfilled.id },
      cookie,
    });
    expect(closed.status).toBe(410);
    const closedPage = await renderPage(`/requests/${fulfilled.id}`, cookie);
    expect(decoded(await closedPage.text())).not.toContain(register);

    const pastDue = (await openRequest()).need;
    await db.request.update({
      where: { id: pastDue.id },
      data: { neededBy: new Date(Date.now() - 3 * 86_400_000) },
    });
    const answer = await callLoader(pledgeLoader, {
      path: `/requests/${pastDue.id}/pledge`,
      params: { id: pastDue.id },
      cookie,
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(`/requests/${pastDue.id}`);
    const pastDuePage = await renderPage(`/requests/${pastDue.id}`, cookie);
    expect(decoded(await pastDuePage.text())).not.toContain(register);
  });

  it("a request that is not published is still not found", async () => {
    const { need } = await openRequest();
    await db.request.update({ where: { id: need.id }, data: { status: "DRAFT", publishedAt: null } });
    const user = await createUser({ verified: true });
    const answer = await callLoader(pledgeLoader, {
      path: `/requests/${need.id}/pledge`,
      params: { id: need.id },
      cookie: await sessionCookieFor(user.id),
    });
    expect(answer.status).toBe(404);
  });
});
