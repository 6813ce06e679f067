// The confirmation page reached without a working link but knowing the organisation the person came to register
// (`then`: an old link that has ended, or the page opened plainly with it) asked for a new link without it: the
// new link, once confirmed, led to the choice of kind rather than the form they had said they came for. The new
// link now leads where the old one did, signed in ("Send a new link") or not ("sign in to get a new one").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { REPEAT_WINDOW_MS } from "~/domain/accounts/tokens.server.ts";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { action as verifyAction } from "~/routes/verify-email.tsx";
import { sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";
import { confirmationLinkTo, confirmThroughLink, hiddenValue } from "../helpers/sign-up-journey.ts";
import { renderPage } from "../helpers/render-page.ts";

beforeAll(() => renderPage("/"), 120_000);
afterAll(() => closeRateLimits());

const decoded = (html: string) => html.replace(/&amp;/g, "&");
const SUPPLIER_FORM = "/organisations/new/supplier";

/** Someone who signed up to register a business, whose first link has ended (a while ago, so a new one is sent). */
async function signedUpForABusiness() {
  const email = `${unique("kind")}@example.test`;
  const signedUp = await callAction(signUpAction, {
    path: "/sign-up",
    headers: fromIp(),
    form: { name: "Kit Kind", email, password: TEST_PASSWORD, organisationKind: "supplier" },
  });
  expect(signedUp.status).toBe(302);
  const firstLink = await confirmationLinkTo(email);
  expect(firstLink.searchParams.get("then")).toBe("supplier");
  await db.userToken.updateMany({
    where: { user: { email } },
    data: {
      createdAt: new Date(Date.now() - REPEAT_WINDOW_MS - 1000),
      expiresAt: new Date(Date.now() - 1000),
    },
  });
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return { email, userId: user.id, firstLink };
}

describe("a new link asked for on the confirmation page that knows the kind of organisation", () => {
  it.each([
    { reached: "from the old link, which has ended", page: (old: URL) => `${old.pathname}${old.search}` },
    { reached: "plainly", page: () => "/verify-email?then=supplier" },
  ])("$reached, leads on to that form", async ({ page }) => {
    const { email, userId, firstLink } = await signedUpForABusiness();
    const cookie = await sessionCookieFor(userId);
    const html = await (await renderPage(page(firstLink), cookie)).text();
    expect(html).toContain("Send a new link");
    expect(hiddenValue(html, "redirectTo")).toBe(SUPPLIER_FORM);

    const resent = await callAction(verifyAction, {
      path: "/verify-email",
      cookie,
      headers: fromIp(),
      form: { intent: "resend", redirectTo: hiddenValue(html, "redirectTo") ?? "" },
    });
    expect(resent.status).toBe(302);
    expect(resent.headers.get("location")).toBe(
      `/verify-email?redirectTo=${encodeURIComponent(SUPPLIER_FORM)}`,
    );
    const newLink = await confirmationLinkTo(email);
    expect(newLink.searchParams.get("token")).not.toBe(firstLink.searchParams.get("token"));

    const confirmed = await confirmThroughLink(newLink, cookie);
    expect(confirmed.headers.get("location")).toBe(SUPPLIER_FORM);
  });

  it("signed out, offers signing in on to asking for it there", async () => {
    const html = decoded(await (await renderPage("/verify-email?then=vcse")).text());
    const onward = `/verify-email?redirectTo=${encodeURIComponent("/organisations/new/vcse")}`;
    expect(html).toContain(
      `href="/sign-in?redirectTo=${encodeURIComponent(onward)}">sign in to get a new one</a>`,
    );
  });
});
