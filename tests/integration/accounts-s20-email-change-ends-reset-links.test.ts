// Moving an account to a new address ends the password reset links sent to the old one: someone else may read
// that inbox now (often why the address was changed), and a link from it would still have set a new password.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { issueUserToken } from "~/domain/accounts/tokens.server.ts";
import { action as confirmAction } from "~/routes/account.confirm-email.tsx";
import { action as resetAction } from "~/routes/reset-password.tsx";
import { createUser, sessionCookieFor, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

const NEW_PASSWORD = "a brand new password for this test";

const reset = (token: string) =>
  callAction(resetAction, {
    path: `/reset-password?token=${token}`,
    headers: fromIp(),
    form: { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
  });

describe("a password reset link sent to an address the account has moved away from", () => {
  it("no longer sets a new password", async () => {
    const user = await createUser();
    const resetToken = await db.$transaction((tx) => issueUserToken(tx, user.id, "PASSWORD_RESET"));
    const newEmail = `${unique("moved")}@example.test`;
    const changeToken = await db.$transaction((tx) =>
      issueUserToken(tx, user.id, "EMAIL_CHANGE", { newEmail }),
    );
    const moved = await callAction(confirmAction, {
      path: `/account/confirm-email?token=${changeToken}`,
      cookie: await sessionCookieFor(user.id),
      headers: fromIp(),
      form: { token: changeToken! },
    });
    expect(moved.headers.get("location")).toBe("/account");
    const before = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const answer = await reset(resetToken!);
    expect(answer.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before);
  });

  it("still works while the account keeps its address", async () => {
    const user = await createUser();
    const resetToken = await db.$transaction((tx) => issueUserToken(tx, user.id, "PASSWORD_RESET"));
    const answer = await reset(resetToken!);
    expect(answer.status).toBe(302);
  });
});
