// A password change waits at most three seconds for another change of the same person's password (a per-person
// lock held for milliseconds by a change in flight). Waiting longer, it answers "being changed: try again" next to
// the field, with nothing changed; the wait is well inside the transaction's own five seconds, so it is never
// closed under the wait and answered with an error page instead.
import { afterAll, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server.ts";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db, lockUntilCommit } from "~/db.server.ts";
import { action as changePasswordAction } from "~/routes/account.password.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

const NEW_PASSWORD = "a brand new passphrase for this";

it("answers a change held up by another change of the same password next to the field, changing nothing", async () => {
  const user = await createUser();
  const cookie = await sessionCookieFor(user.id);
  let letGo!: () => void;
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const holder = db.$transaction(
    async (tx) => {
      await lockUntilCommit(tx, `change-password:${user.id}`);
      held();
      await new Promise<void>((resolve) => (letGo = resolve));
    },
    { timeout: 60_000 },
  );
  await holding;
  try {
    const response = await callAction(changePasswordAction, {
      path: "/account/password",
      cookie,
      headers: fromIp(),
      form: { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error?: Record<string, string[]> };
    expect(body.error?.currentPassword).toEqual(["Your password is being changed: try again in a moment"]);
  } finally {
    letGo();
    await holder;
  }
  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  expect(await verifyPassword(stored.passwordHash ?? "", TEST_PASSWORD)).toBe(true);
}, 30_000);
