// An emailed link's button pressed twice (a double click, the form sent again): the link still works once, and
// the second press is answered as the first was, not with "This link has expired or has already been used".
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as confirmEmailAction } from "~/routes/account.confirm-email.tsx";
import { action as changeEmailAction } from "~/routes/account.email.tsx";
import { action as forgotAction } from "~/routes/forgot-password.tsx";
import { action as resetAction } from "~/routes/reset-password.tsx";
import { action as signInAction } from "~/routes/sign-in.tsx";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { action as verifyAction } from "~/routes/verify-email.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

async function tokenFor(to: string, path: string) {
  const emails = await db.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: "desc" } });
  for (const email of emails) {
    const match = email.text.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`));
    if (match) return match[1];
  }
  throw new Error(`no ${path} link to ${to}`);
}

describe("confirming an email address twice", () => {
  it("confirms once and answers both presses as confirmed", async () => {
    const email = `${unique("double")}@example.test`;
    await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Dee Double", email, password: TEST_PASSWORD },
      headers: fromIp(),
    });
    const token = await tokenFor(email, "/verify-email");
    const confirm = () =>
      callAction(verifyAction, {
        path: "/verify-email",
        form: { intent: "confirm", token },
        headers: fromIp(),
      });
    const answers = await Promise.all([confirm(), confirm()]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    const later = await confirm();
    expect(later.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.email_verified", actorUserId: user.id } })).toBe(
      1,
    );
  });

  it("still refuses a link that was replaced by a newer one before it was used", async () => {
    const email = `${unique("replaced")}@example.test`;
    await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Ray Replaced", email, password: TEST_PASSWORD },
      headers: fromIp(),
    });
    const first = await tokenFor(email, "/verify-email");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    // a new link asked for later (moments later it would be the same request sent twice, and send nothing)
    await db.userToken.updateMany({
      where: { userId: user.id },
      data: { createdAt: new Date(Date.now() - 10 * 60 * 1000) },
    });
    await callAction(verifyAction, {
      path: "/verify-email",
      form: { intent: "resend" },
      cookie: await sessionCookieFor(user.id),
      headers: fromIp(),
    });
    const old = await callAction(verifyAction, {
      path: "/verify-email",
      form: { intent: "confirm", token: first },
      headers: fromIp(),
    });
    expect(old.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
  });
});

describe("confirming a new email address twice", () => {
  it("changes it once and answers both presses as changed", async () => {
    const user = await createUser();
    const next = `${unique("moved")}@example.test`;
    await callAction(changeEmailAction, {
      path: "/account/email",
      cookie: await sessionCookieFor(user.id),
      form: { email: next, currentPassword: TEST_PASSWORD },
    });
    const token = await tokenFor(next, "/account/confirm-email");
    const confirm = () =>
      callAction(confirmEmailAction, { path: "/account/confirm-email", form: { token }, headers: fromIp() });
    const answers = await Promise.all([confirm(), confirm()]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(next);
    expect(
      await db.auditLog.count({ where: { action: "account.email_changed", actorUserId: user.id } }),
    ).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: user.email, template: "account.email_changed" } })).toBe(
      1,
    );
  });
});

describe("choosing a new password twice from one reset link", () => {
  it("changes it once and answers both presses as changed; another password on the used link is refused", async () => {
    const user = await createUser();
    await callAction(forgotAction, {
      path: "/forgot-password",
      form: { email: user.email },
      headers: fromIp(),
    });
    const token = await tokenFor(user.email, "/reset-password");
    const password = "the passphrase I chose just now";
    const reset = (chosen: string) =>
      callAction(resetAction, {
        path: "/reset-password",
        form: { token, password: chosen, confirmPassword: chosen },
        headers: fromIp(),
      });
    const answers = await Promise.all([reset(password), reset(password)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await db.auditLog.count({ where: { action: "auth.password_reset", actorUserId: user.id } })).toBe(
      1,
    );
    expect(
      await db.emailOutbox.count({ where: { to: user.email, template: "account.password_changed" } }),
    ).toBe(1);
    expect((await reset("somebody else's passphrase")).status).toBe(400);
    const signIn = await callAction(signInAction, {
      path: "/sign-in",
      form: { email: user.email, password },
      headers: fromIp(),
    });
    expect(signIn.status).toBe(302);
  });
});
