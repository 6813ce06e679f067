// A password reset proves the account is the person's: it ends a sign-in lock that guesses (perhaps someone else's)
// put on it.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as forgotAction } from "~/routes/forgot-password.tsx";
import { action as resetAction } from "~/routes/reset-password.tsx";
import { action as signInAction } from "~/routes/sign-in.tsx";
import { createUser, TEST_PASSWORD } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

describe("a password reset after the account was locked", () => {
  it("lets the owner sign in with the new password at once", async () => {
    const user = await createUser();
    const signIn = (password: string) =>
      callAction(signInAction, {
        path: "/sign-in",
        form: { email: user.email, password },
        headers: fromIp(),
      });
    // someone (perhaps not the owner) guesses until the account is locked
    for (let i = 0; i < 5; i++) expect((await signIn("not the password at all")).status).toBe(400);
    expect((await signIn(TEST_PASSWORD)).status).toBe(429);

    await callAction(forgotAction, {
      path: "/forgot-password",
      form: { email: user.email },
      headers: fromIp(),
    });
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { to: user.email, template: "account.reset_password" },
    });
    const token = email.text.match(/\/reset-password\?token=([A-Za-z0-9_-]+)/)![1];
    const password = "a new passphrase the owner chose";
    const reset = await callAction(resetAction, {
      path: "/reset-password",
      form: { token, password, confirmPassword: password },
      headers: fromIp(),
    });
    expect(reset.status).toBe(302);
    expect((await signIn(password)).status).toBe(302);
  });
});
