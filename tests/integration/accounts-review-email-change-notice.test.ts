// Asking to move an account to a new address tells the address it uses now, at once: someone who had the password
// could ask for it and confirm from their own inbox, and the owner heard only once the account had moved (to an
// address no longer theirs, so too late to reset the password from). Told when it is asked for, the owner can reset
// the password, which cancels the link (025aa73). Sent twice, the form sends one notice, as it sends one link.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as changeEmailAction } from "~/routes/account.email.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

describe("asking to move an account to a new address", () => {
  it("tells the address it uses now, once when the form is sent twice", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const newAddress = `${unique("new")}@example.test`;
    const ask = () =>
      callAction(changeEmailAction, {
        path: "/account/email",
        cookie,
        headers: fromIp(),
        form: { email: newAddress, currentPassword: TEST_PASSWORD },
      });
    const answers = await Promise.all([ask(), ask()]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    const notices = await db.emailOutbox.findMany({ where: { to: user.email } });
    expect(notices).toHaveLength(1);
    expect(notices[0].template).toBe("account.email_change_requested");
    expect(notices[0].text).toContain(
      `If ${newAddress} is not used by another account, we have sent it a link.`,
    );
    expect(notices[0].text).toContain("/forgot-password");
    expect(await db.emailOutbox.count({ where: { to: newAddress } })).toBe(1);
  });

  // Told only when the link could be sent, the address in use learned from its inbox whether another account had the
  // new address. It is told either way, in the same words; the other account's address is sent no link, only the
  // word that it has an account (accounts-s57-address-in-use-notice.test.ts).
  it("tells the address in use the same when the new address is another account's", async () => {
    const user = await createUser();
    const other = await createUser();
    const asked = await callAction(changeEmailAction, {
      path: "/account/email",
      cookie: await sessionCookieFor(user.id),
      headers: fromIp(),
      form: { email: other.email, currentPassword: TEST_PASSWORD },
    });
    expect(asked.status).toBe(302);
    const notices = await db.emailOutbox.findMany({ where: { to: user.email } });
    expect(notices.map((n) => [n.template, n.subject])).toEqual([
      ["account.email_change_requested", "Someone asked to change your email address"],
    ]);
    expect(notices[0].text).toContain(
      `If ${other.email} is not used by another account, we have sent it a link.`,
    );
    const toOther = await db.emailOutbox.findMany({ where: { to: other.email }, select: { template: true } });
    expect(toOther).toEqual([{ template: "account.address_in_use" }]);
  });
});
