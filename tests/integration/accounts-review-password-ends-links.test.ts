// A new password ends what knowing the old one started: someone who signed in with a stolen password and asked to
// move the account to their own address held a link, valid for a day, that still moved it after the owner had
// reset or changed the password and so believed them locked out. Resetting or changing the password now retires
// the account's unused new-address links. Changing it also retires a reset link asked for before, which would
// otherwise undo the change for an hour for whoever reads the inbox.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as confirmEmailAction } from "~/routes/account.confirm-email.tsx";
import { action as changeEmailAction } from "~/routes/account.email.tsx";
import { action as changePasswordAction } from "~/routes/account.password.tsx";
import { action as forgotAction } from "~/routes/forgot-password.tsx";
import { action as resetAction } from "~/routes/reset-password.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

const NEW_PASSWORD = "a brand new passphrase for this";

async function tokenFor(to: string, path: string) {
  const email = await db.emailOutbox.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  return email.text.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`))![1];
}

// someone with the password asks to move the account to their own address, and keeps the link
async function intruderAsksToMove(userId: string) {
  const intruder = `${unique("intruder")}@example.test`;
  const asked = await callAction(changeEmailAction, {
    path: "/account/email",
    cookie: await sessionCookieFor(userId),
    headers: fromIp(),
    form: { email: intruder, currentPassword: TEST_PASSWORD },
  });
  expect(asked.status).toBe(302);
  return { intruder, token: await tokenFor(intruder, "/account/confirm-email") };
}

const confirm = (token: string) =>
  callAction(confirmEmailAction, { path: "/account/confirm-email", headers: fromIp(), form: { token } });

describe("a link to move the account to a new address", () => {
  it("stops working once the owner resets the password by the emailed link", async () => {
    const owner = await createUser();
    const { intruder, token } = await intruderAsksToMove(owner.id);
    await callAction(forgotAction, {
      path: "/forgot-password",
      headers: fromIp(),
      form: { email: owner.email },
    });
    const reset = await callAction(resetAction, {
      path: "/reset-password",
      headers: fromIp(),
      form: {
        token: await tokenFor(owner.email, "/reset-password"),
        password: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      },
    });
    expect(reset.status).toBe(302);
    expect((await confirm(token)).status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).email).toBe(owner.email);
    expect(await db.user.count({ where: { email: intruder } })).toBe(0);
  });

  it("stops working once the owner changes the password", async () => {
    const owner = await createUser();
    const { token } = await intruderAsksToMove(owner.id);
    const changed = await callAction(changePasswordAction, {
      path: "/account/password",
      cookie: await sessionCookieFor(owner.id),
      headers: fromIp(),
      form: { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(302);
    expect((await confirm(token)).status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).email).toBe(owner.email);
  });

  it("still works when nothing about the password changed", async () => {
    const owner = await createUser();
    const { intruder, token } = await intruderAsksToMove(owner.id);
    expect((await confirm(token)).status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).email).toBe(intruder);
  });
});

describe("a password reset link asked for before the password was changed", () => {
  it("stops working once the owner changes the password", async () => {
    const owner = await createUser();
    await callAction(forgotAction, {
      path: "/forgot-password",
      headers: fromIp(),
      form: { email: owner.email },
    });
    const resetToken = await tokenFor(owner.email, "/reset-password");
    const changed = await callAction(changePasswordAction, {
      path: "/account/password",
      cookie: await sessionCookieFor(owner.id),
      headers: fromIp(),
      form: { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(302);
    const before = (await db.user.findUniqueOrThrow({ where: { id: owner.id } })).passwordHash;
    const reset = await callAction(resetAction, {
      path: "/reset-password",
      headers: fromIp(),
      form: {
        token: resetToken,
        password: "someone else's passphrase",
        confirmPassword: "someone else's passphrase",
      },
    });
    expect(reset.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).passwordHash).toBe(before);
  });
});
