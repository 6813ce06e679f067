// "Delete my account" sent again from a second tab, after the first had deleted the account and signed the browser
// out: the second was sent to sign in, with no word that the account had been deleted. The browser now keeps a
// nameless note that it deleted an account, and the sign-in page it lands on says so.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as deleteAction, loader as deleteLoader } from "~/routes/account.delete.tsx";
import { action as signInAction } from "~/routes/sign-in.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

const DELETED = "Your account has been deleted and you have been signed out";

// The browser's cookies after an answer: those it sets are kept, those it ends (Max-Age=0) are dropped.
function browserAfter(cookies: string, answer: Response) {
  const jar = new Map(
    cookies
      .split("; ")
      .filter(Boolean)
      .map((c) => [c.split("=")[0], c] as const),
  );
  for (const set of answer.headers.getSetCookie()) {
    const pair = set.split(";")[0];
    const name = pair.split("=")[0];
    if (/max-age=0/i.test(set)) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join("; ");
}

const sendDeletion = (cookie: string) =>
  callAction(deleteAction, {
    path: "/account/delete",
    cookie,
    headers: fromIp(),
    form: { currentPassword: TEST_PASSWORD },
  });

// follows the answer's redirect as the browser would, and gives the page it lands on
async function landOn(answer: Response, cookie: string) {
  expect(answer.status).toBe(302);
  const page = await renderPage(answer.headers.get("location")!, browserAfter(cookie, answer));
  expect(page.status).toBe(200);
  return page.text();
}

describe("deleting an account from a second tab after the first deleted it", () => {
  it("lands on sign-in saying the account has been deleted", async () => {
    const user = await createUser();
    const signedIn = await sessionCookieFor(user.id);
    const first = await sendDeletion(signedIn);
    expect(first.headers.get("location")).toBe("/");
    const browser = browserAfter(signedIn, first);
    expect(browser).not.toContain("svm_session=");

    const second = await sendDeletion(browser);
    expect(second.headers.get("location")).toMatch(/^\/sign-in\?/);
    const page = await landOn(second, browser);
    expect(page).toContain(DELETED);
    expect(await db.auditLog.count({ where: { actorUserId: user.id, action: "account.delete" } })).toBe(1);

    // the second tab's page reloaded says the same
    const reloaded = await callLoader(deleteLoader, { path: "/account/delete", cookie: browser });
    expect(await landOn(reloaded, browser)).toContain(DELETED);
  });

  it("says so too when the second was sent with the first, and arrived once the first had signed out", async () => {
    const user = await createUser();
    const signedIn = await sessionCookieFor(user.id);
    const first = await sendDeletion(signedIn);
    // sent with the old session, which the first deletion ended
    const second = await sendDeletion(signedIn);
    expect(second.headers.get("location")).toMatch(/^\/sign-in\?/);
    // the browser has the first's answer by the time it follows the second's
    expect(await landOn(second, browserAfter(signedIn, first))).toContain(DELETED);
  });

  it("says nothing of the kind to a browser that deleted no account", async () => {
    const user = await createUser();
    const signedIn = await sessionCookieFor(user.id);
    await db.session.deleteMany({ where: { userId: user.id } }); // signed out elsewhere
    const page = await landOn(await sendDeletion(signedIn), signedIn);
    expect(page).toContain("Sign in");
    expect(page).not.toContain("has been deleted");
  });

  it("forgets it once someone signs in on that browser", async () => {
    const user = await createUser();
    const signedIn = await sessionCookieFor(user.id);
    const browser = browserAfter(signedIn, await sendDeletion(signedIn));
    const colleague = await createUser();
    const signIn = await callAction(signInAction, {
      path: "/sign-in",
      cookie: browser,
      headers: fromIp(),
      form: { email: colleague.email, password: TEST_PASSWORD, redirectTo: "/account/delete" },
    });
    expect(signIn.status).toBe(302);
    const afterSignIn = browserAfter(browser, signIn);
    expect(afterSignIn).not.toContain("svm_account_deleted");
  });
});
