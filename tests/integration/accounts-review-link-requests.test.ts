// Asking for an emailed link twice moments apart (a double click on "Send reset link", "Send a new link" or "Send
// confirmation link"): one email goes, and its link works. A second email would have retired the first's link,
// which the person may well open first.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as confirmEmailAction } from "~/routes/account.confirm-email.tsx";
import { action as changeEmailAction } from "~/routes/account.email.tsx";
import { action as forgotAction } from "~/routes/forgot-password.tsx";
import { loader as resetLoader } from "~/routes/reset-password.tsx";
import { action as verifyAction } from "~/routes/verify-email.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

function tokenIn(text: string, path: string) {
  const match = text.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no ${path} link in ${text}`);
  return match[1];
}

describe("a password reset link asked for twice at once", () => {
  it("is emailed once, and that link works", async () => {
    const user = await createUser();
    const ask = () =>
      callAction(forgotAction, { path: "/forgot-password", form: { email: user.email }, headers: fromIp() });
    const answers = await Promise.all([ask(), ask()]);
    expect(answers.map((a) => a.headers.get("location"))).toEqual([
      "/forgot-password?sent=1",
      "/forgot-password?sent=1",
    ]);
    const emails = await db.emailOutbox.findMany({
      where: { to: user.email, template: "account.reset_password" },
    });
    expect(emails).toHaveLength(1);
    const token = tokenIn(emails[0].text, "/reset-password");
    const page = await callLoader(resetLoader, { path: `/reset-password?token=${token}` });
    expect(((await page.json()) as { token: string | null }).token).toBe(token);
  });

  it("is emailed again, retiring the first, when asked for again later", async () => {
    const user = await createUser();
    const ask = () =>
      callAction(forgotAction, { path: "/forgot-password", form: { email: user.email }, headers: fromIp() });
    await ask();
    await db.userToken.updateMany({
      where: { userId: user.id },
      data: { createdAt: new Date(Date.now() - 10 * 60 * 1000) },
    });
    await ask();
    const emails = await db.emailOutbox.findMany({
      where: { to: user.email, template: "account.reset_password" },
      orderBy: { createdAt: "asc" },
    });
    expect(emails).toHaveLength(2);
    const [first, second] = emails.map((e) => tokenIn(e.text, "/reset-password"));
    const open = async (token: string) =>
      (
        (await (await callLoader(resetLoader, { path: `/reset-password?token=${token}` })).json()) as {
          token: string | null;
        }
      ).token;
    expect(await open(first)).toBeNull();
    expect(await open(second)).toBe(second);
  });
});

describe("a new verification link asked for twice at once", () => {
  it("is emailed once, and that link works", async () => {
    const user = await createUser({ verified: false });
    const cookie = await sessionCookieFor(user.id);
    const ask = () =>
      callAction(verifyAction, {
        path: "/verify-email",
        form: { intent: "resend" },
        cookie,
        headers: fromIp(),
      });
    await Promise.all([ask(), ask()]);
    const emails = await db.emailOutbox.findMany({
      where: { to: user.email, template: "account.verify_email" },
    });
    expect(emails).toHaveLength(1);
    const token = tokenIn(emails[0].text, "/verify-email");
    const confirmed = await callAction(verifyAction, {
      path: "/verify-email",
      form: { intent: "confirm", token },
      headers: fromIp(),
    });
    expect(confirmed.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
  });
});

describe("a new email address's confirmation link asked for twice at once", () => {
  it("is emailed once, and that link works; another new address gets its own link", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const next = `${unique("moving")}@example.test`;
    const ask = (email: string) =>
      callAction(changeEmailAction, {
        path: "/account/email",
        cookie,
        form: { email, currentPassword: TEST_PASSWORD },
        headers: fromIp(),
      });
    const answers = await Promise.all([ask(next), ask(next)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    const emails = await db.emailOutbox.findMany({ where: { to: next } });
    expect(emails).toHaveLength(1);
    const token = tokenIn(emails[0].text, "/account/confirm-email");
    // from the browser signed in: confirming elsewhere would sign it out (the account's other sessions end)
    const confirmed = await callAction(confirmEmailAction, {
      path: "/account/confirm-email",
      form: { token },
      cookie,
      headers: fromIp(),
    });
    expect(confirmed.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(next);
    const other = `${unique("moving.again")}@example.test`;
    expect((await ask(other)).status).toBe(302);
    expect(await db.emailOutbox.count({ where: { to: other } })).toBe(1);
  });
});
