// Someone on their way to a page (a request to pledge to, a survey invitation, a page an email linked to) who had
// forgotten their password lost it: "I have forgotten my password" on the sign-in page, the forgot-password form,
// the emailed reset link and the reset form all dropped it, so after the reset they landed on the dashboard. Each
// now keeps it, and signing in with the new password leads there (only ever a page of this site).
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { action as forgotAction } from "~/routes/forgot-password.tsx";
import { action as resetAction } from "~/routes/reset-password.tsx";
import { createUser } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";
import { resetLinkTo } from "../helpers/sign-up-journey.ts";

afterAll(() => closeRateLimits());

const decoded = (html: string) => html.replace(/&amp;/g, "&");
const ELSEWHERE = ["https://evil.example/steal", "//evil.example", "/.//evil.example", "/\\evil.example"];
const NEW_PASSWORD = "a new passphrase chosen on the way";

describe("resetting a forgotten password on the way to a page", () => {
  it("leads from the sign-in page through the reset to the page they were going to", async () => {
    const user = await createUser({ verified: true });
    const going = "/requests/some-request/pledge?from=email";
    const signInPage = `/sign-in?redirectTo=${encodeURIComponent(going)}`;

    // the sign-in page's "I have forgotten my password" keeps it
    const signInHtml = decoded(await (await renderPage(signInPage)).text());
    const forgotPage = `/forgot-password?redirectTo=${encodeURIComponent(going)}`;
    expect(signInHtml).toContain(`href="${forgotPage}"`);

    // the forgot-password form keeps it, and so does the page after sending
    const forgotHtml = decoded(await (await renderPage(forgotPage)).text());
    expect(forgotHtml).toContain(`name="redirectTo" value="${going}"`);
    const sent = await postPage(forgotPage, formOf({ email: user.email, redirectTo: going }));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(
      `/forgot-password?sent=1&redirectTo=${encodeURIComponent(going)}`,
    );
    const sentHtml = decoded(await (await renderPage(sent.headers.get("location")!)).text());
    expect(sentHtml).toContain("Check your email");
    expect(sentHtml).toContain(`name="redirectTo" value="${going}"`);

    // the emailed link keeps it, and the reset form too
    const link = await resetLinkTo(user.email);
    expect(link.searchParams.get("redirectTo")).toBe(going);
    const resetPage = `${link.pathname}${link.search}`;
    const resetHtml = decoded(await (await renderPage(resetPage)).text());
    expect(resetHtml).toContain("Choose a new password");
    expect(resetHtml).toContain(`name="redirectTo" value="${going}"`);

    // a mistake on the form keeps it
    const refused = await postPage(
      resetPage,
      formOf({
        token: link.searchParams.get("token")!,
        password: NEW_PASSWORD,
        confirmPassword: "something else",
        redirectTo: going,
      }),
    );
    expect(refused.status).toBe(400);
    expect(decoded(await refused.text())).toContain(`name="redirectTo" value="${going}"`);

    // changed: on to signing in (as the reset does), which leads to the page
    const reset = await postPage(
      resetPage,
      formOf({
        token: link.searchParams.get("token")!,
        password: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
        redirectTo: going,
      }),
    );
    expect(reset.status).toBe(302);
    expect(reset.headers.get("location")).toBe(signInPage);
    expect(decoded(await (await renderPage(signInPage)).text())).toContain(
      `name="redirectTo" value="${going}"`,
    );
    const signedIn = await postPage(
      signInPage,
      formOf({ email: user.email, password: NEW_PASSWORD, redirectTo: going }),
    );
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("location")).toBe(going);
  });

  it("a link that ended offers a new one that keeps the page", async () => {
    const going = "/survey/invitation/some-link";
    const html = decoded(
      await (
        await renderPage(`/reset-password?token=used-up&redirectTo=${encodeURIComponent(going)}`)
      ).text(),
    );
    expect(html).toContain("This link has ended");
    expect(html).toContain(`href="/forgot-password?redirectTo=${encodeURIComponent(going)}"`);
  });

  it("without a page to go to, the reset leads to signing in as before", async () => {
    const user = await createUser({ verified: true });
    expect(decoded(await (await renderPage("/sign-in")).text())).toContain('href="/forgot-password"');
    await callAction(forgotAction, {
      path: "/forgot-password",
      form: { email: user.email },
      headers: fromIp(),
    });
    const link = await resetLinkTo(user.email);
    expect(link.searchParams.has("redirectTo")).toBe(false);
    const reset = await callAction(resetAction, {
      path: "/reset-password",
      form: { token: link.searchParams.get("token")!, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      headers: fromIp(),
    });
    expect(reset.headers.get("location")).toBe("/sign-in");
  });

  it.each(ELSEWHERE)("never leads to another site (%s)", async (to) => {
    const user = await createUser({ verified: true });
    const query = `redirectTo=${encodeURIComponent(to)}`;
    expect(decoded(await (await renderPage(`/sign-in?${query}`)).text())).toContain(
      'href="/forgot-password"',
    );
    expect(await (await renderPage(`/forgot-password?${query}`)).text()).not.toContain('name="redirectTo"');

    const sent = await callAction(forgotAction, {
      path: `/forgot-password?${query}`,
      form: { email: user.email, redirectTo: to },
      headers: fromIp(),
    });
    expect(sent.headers.get("location")).toBe("/forgot-password?sent=1");
    const link = await resetLinkTo(user.email);
    expect(link.searchParams.has("redirectTo")).toBe(false);
    const token = link.searchParams.get("token")!;
    expect(await (await renderPage(`/reset-password?token=${token}&${query}`)).text()).not.toContain(
      'name="redirectTo"',
    );

    const reset = await callAction(resetAction, {
      path: `/reset-password?token=${token}&${query}`,
      form: { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, redirectTo: to },
      headers: fromIp(),
    });
    expect(reset.status).toBe(302);
    expect(reset.headers.get("location")).toBe("/sign-in");
  });
});
