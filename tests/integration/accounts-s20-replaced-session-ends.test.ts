// Signing in where someone else is signed in (a shared computer) replaced the cookie but left the earlier session
// valid in the database until it idled out (10 days), and a password reset there cleared the cookie the same way.
// Whoever copied that cookie before could go on using it. Both now end the session the cookie held.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as forgotAction } from "~/routes/forgot-password.tsx";
import { action as resetAction } from "~/routes/reset-password.tsx";
import { action as signInAction } from "~/routes/sign-in.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

const sessionsOf = (userId: string) => db.session.count({ where: { userId } });

describe("a session whose cookie is replaced or cleared", () => {
  it("ends when someone else signs in on the same browser", async () => {
    const before = await createUser();
    const after = await createUser();
    const cookie = await sessionCookieFor(before.id);
    expect(await sessionsOf(before.id)).toBe(1);
    const response = await callAction(signInAction, {
      path: "/sign-in",
      cookie,
      form: { email: after.email, password: TEST_PASSWORD },
      headers: fromIp(),
    });
    expect(response.status).toBe(302);
    expect(await sessionsOf(before.id)).toBe(0);
    expect(await sessionsOf(after.id)).toBe(1);
  });

  it("sign-in with a cookie that is no session's still works", async () => {
    const user = await createUser();
    const response = await callAction(signInAction, {
      path: "/sign-in",
      cookie: "svm_session=not-a.session",
      form: { email: user.email, password: TEST_PASSWORD },
      headers: fromIp(),
    });
    expect(response.status).toBe(302);
    expect(await sessionsOf(user.id)).toBe(1);
  });

  it("a failed sign-in leaves the signed-in session alone", async () => {
    const signedIn = await createUser();
    const other = await createUser();
    const cookie = await sessionCookieFor(signedIn.id);
    const response = await callAction(signInAction, {
      path: "/sign-in",
      cookie,
      form: { email: other.email, password: "not the password at all" },
      headers: fromIp(),
    });
    expect(response.status).toBe(400);
    expect(await sessionsOf(signedIn.id)).toBe(1);
  });

  it("ends when a password reset is completed on the same browser", async () => {
    const colleague = await createUser();
    const owner = await createUser();
    const cookie = await sessionCookieFor(colleague.id);
    await callAction(forgotAction, {
      path: "/forgot-password",
      form: { email: owner.email },
      headers: fromIp(),
    });
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { to: owner.email, template: "account.reset_password" },
    });
    const token = email.text.match(/\/reset-password\?token=([A-Za-z0-9_-]+)/)![1];
    const password = "a new passphrase the owner chose";
    const reset = await callAction(resetAction, {
      path: "/reset-password",
      cookie,
      form: { token, password, confirmPassword: password },
      headers: fromIp(),
    });
    expect(reset.status).toBe(302);
    expect(await sessionsOf(colleague.id)).toBe(0);
  });
});
