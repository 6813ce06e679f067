// "Send a new link" from a page shown before the address was confirmed (another tab, the Back button) sends
// nothing once it is confirmed, and says it is: it emailed a fresh "Confirm your email address" link to an
// address already confirmed, and told the person "We have sent a new link", as if it still needed confirming.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as verifyAction } from "~/routes/verify-email.tsx";
import { createUser, sessionCookieFor } from "../helpers/factories.ts";
import { flashMessageOf } from "../helpers/flash.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

describe("asking for a new confirmation link", () => {
  it("sends nothing for an address already confirmed, and says it is confirmed", async () => {
    const user = await createUser({ verified: true });
    const answer = await callAction(verifyAction, {
      path: "/verify-email",
      cookie: await sessionCookieFor(user.id),
      headers: fromIp(),
      form: { intent: "resend" },
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/verify-email");
    expect(await db.emailOutbox.count({ where: { to: user.email } })).toBe(0);
    expect(await db.userToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await flashMessageOf(answer)).toBe("Your email address is already confirmed");
  });

  it("still sends one to an address not yet confirmed", async () => {
    const user = await createUser({ verified: false });
    const answer = await callAction(verifyAction, {
      path: "/verify-email",
      cookie: await sessionCookieFor(user.id),
      headers: fromIp(),
      form: { intent: "resend" },
    });
    expect(answer.status).toBe(302);
    expect(await db.emailOutbox.count({ where: { to: user.email } })).toBe(1);
    expect(await flashMessageOf(answer)).toBe(`We have sent a new link to ${user.email}`);
  });
});
