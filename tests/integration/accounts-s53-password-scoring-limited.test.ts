// Scoring a new password (decision 051) costs the server's one thread up to a few tenths of a second, and sign-up
// scores it before the form is otherwise accepted, so before anything else counted it: one client could send
// long, crafted passwords to /sign-up as fast as it liked and keep the server busy. Every form that would score a
// password now counts against an allowance of its own first (60 an hour a client address, 30 an account), and
// past it is told to wait, with nothing scored.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as changePasswordAction } from "~/routes/account.password.tsx";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { fromIp } from "../helpers/client-address.ts";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const WAIT = /Too many attempts\. Wait \d+ minutes?, then try again\./;

describe("scoring new passwords, from one client", () => {
  it("is counted on every sign-up sent, and past the hour's allowance the form is told to wait", async () => {
    const client = fromIp();
    const signUp = (password: string) =>
      callAction(signUpAction, {
        path: "/sign-up",
        // an address no account has: each answer is the password's alone
        form: { name: "Sam Lee", email: `${unique("score")}@example.test`, password },
        headers: client,
      });
    for (let sent = 0; sent < 60; sent++) expect((await signUp("password1234")).status).toBe(400);

    const refused = await signUp("a good long passphrase for sam");
    expect(refused.status).toBe(429);
    expect(JSON.stringify(await refused.json())).toMatch(WAIT);
    // another client is not held by it
    const other = await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Sam Lee", email: `${unique("score")}@example.test`, password: "password1234" },
      headers: fromIp(),
    });
    expect(other.status).toBe(400);
  });

  it("is counted per account when changing a password, from any address", async () => {
    const user = await createUser({ email: `${unique("change")}@example.test` });
    const cookie = await sessionCookieFor(user.id);
    const change = () =>
      callAction(changePasswordAction, {
        path: "/account/password",
        cookie,
        form: { currentPassword: TEST_PASSWORD, password: "password1234", confirmPassword: "password1234" },
        headers: fromIp(),
      });
    for (let sent = 0; sent < 30; sent++) expect((await change()).status).toBe(400);

    const refused = await change();
    expect(refused.status).toBe(429);
    expect(JSON.stringify(await refused.json())).toMatch(WAIT);
    // nothing changed: the account's password is as it was
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(after.passwordHash).toBe(user.passwordHash);
  });
});
