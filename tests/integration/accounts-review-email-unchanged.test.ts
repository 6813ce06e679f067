// "Change your email address" given the address the account already uses says so next to the field, keeping what
// was typed: it was answered "we have sent it a link" and sent nothing, so the person waited for an email that
// never came. Their own address is theirs to be told about.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as changeEmailAction } from "~/routes/account.email.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

describe("changing the email address to the one the account already uses", () => {
  it("is refused next to the field, with what was typed kept, and nothing sent", async () => {
    const user = await createUser();
    const typed = `  ${user.email.toUpperCase()} `;
    const answer = await callAction(changeEmailAction, {
      path: "/account/email",
      cookie: await sessionCookieFor(user.id),
      headers: fromIp(),
      form: { email: typed, currentPassword: TEST_PASSWORD },
    });
    expect(answer.status).toBe(400);
    const reply = await jsonOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(
      answer,
    );
    expect(reply.error).toEqual({ email: ["This is already your email address"] });
    expect(reply.initialValue.email).toBe(typed);
    expect(reply.initialValue.currentPassword).toBeUndefined();
    expect(await db.emailOutbox.count({ where: { to: user.email } })).toBe(0);
    expect(await db.userToken.count({ where: { userId: user.id } })).toBe(0);
  });
});
