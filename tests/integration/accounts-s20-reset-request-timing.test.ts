// Asking for a password reset link answered in a tenth of the time for an address with no account (nothing to
// make or send), so a stranger could tell by the time taken which addresses have accounts. Both now take at
// least the same floor. (Only a lower bound is asserted: a slower machine can never fail it.)
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { PASSWORD_RESET_ANSWER_MS, requestPasswordReset } from "~/domain/accounts/users.server.ts";
import { createUser } from "../helpers/factories.ts";

async function timed(email: string) {
  const started = performance.now();
  await requestPasswordReset(email);
  return performance.now() - started;
}

describe("asking for a password reset link", () => {
  it("takes at least the floor for an address with an account, and the link is sent", async () => {
    const user = await createUser();
    expect(await timed(user.email)).toBeGreaterThanOrEqual(PASSWORD_RESET_ANSWER_MS - 5);
    expect(
      await db.emailOutbox.count({ where: { to: user.email, template: "account.reset_password" } }),
    ).toBe(1);
  });

  it("takes at least the floor for an address with none", async () => {
    expect(await timed(`nobody-${Date.now()}@example.test`)).toBeGreaterThanOrEqual(
      PASSWORD_RESET_ANSWER_MS - 5,
    );
  });
});
