// The notice sent to the old address when an account moves to a new one does not send its reader to reset the
// password from that address: the account no longer uses it, so "reset your password now" at the forgot-password
// page sends nothing, and a person whose account was taken over that way was left with advice that cannot work.
// The password notices still point there, where it does work.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as confirmEmailAction } from "~/routes/account.confirm-email.tsx";
import { action as changeEmailAction } from "~/routes/account.email.tsx";
import { action as changePasswordAction } from "~/routes/account.password.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

describe("the notice to the old address of an account moved to a new one", () => {
  it("tells its reader to contact the council, not to reset the password from this address", async () => {
    const user = await createUser();
    const newAddress = `${unique("moved")}@example.test`;
    await callAction(changeEmailAction, {
      path: "/account/email",
      cookie: await sessionCookieFor(user.id),
      headers: fromIp(),
      form: { email: newAddress, currentPassword: TEST_PASSWORD },
    });
    const link = await db.emailOutbox.findFirstOrThrow({ where: { to: newAddress } });
    const token = link.text.match(/\/account\/confirm-email\?token=([A-Za-z0-9_-]+)/)![1];
    expect(
      (
        await callAction(confirmEmailAction, {
          path: "/account/confirm-email",
          headers: fromIp(),
          form: { token },
        })
      ).status,
    ).toBe(302);

    const notice = await db.emailOutbox.findFirstOrThrow({
      where: { to: user.email, template: "account.email_changed" },
    });
    expect(notice.text).toContain(`Your account now uses ${newAddress} instead of this address.`);
    expect(notice.text).not.toContain("/forgot-password");
    expect(notice.text).toMatch(/If this was not you, contact your council/);
  });

  it("leaves the password notice pointing to a reset, which works from the account's own address", async () => {
    const user = await createUser();
    const changed = await callAction(changePasswordAction, {
      path: "/account/password",
      cookie: await sessionCookieFor(user.id),
      headers: fromIp(),
      form: {
        currentPassword: TEST_PASSWORD,
        password: "another long passphrase",
        confirmPassword: "another long passphrase",
      },
    });
    expect(changed.status).toBe(302);
    const notice = await db.emailOutbox.findFirstOrThrow({
      where: { to: user.email, template: "account.password_changed" },
    });
    expect(notice.text).toContain("/forgot-password");
  });
});
