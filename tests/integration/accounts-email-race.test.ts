// Two people confirming a change to the same new address at the same moment: one gets it, the other is told the
// link no longer works (as when the address was taken before), and nobody gets a server error.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as confirmEmailAction } from "~/routes/account.confirm-email.tsx";
import { action as changeEmailAction } from "~/routes/account.email.tsx";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

describe("two accounts confirming the same new address at once", () => {
  it("moves one of them, refuses the other, and answers neither with a 500", async () => {
    for (let round = 0; round < 3; round++) {
      const shared = `${unique("shared")}@example.test`;
      const people = [await createUser(), await createUser()];
      for (const person of people)
        await callAction(changeEmailAction, {
          path: "/account/email",
          cookie: await sessionCookieFor(person.id),
          headers: fromIp(),
          form: { email: shared, currentPassword: TEST_PASSWORD },
        });
      const emails = await db.emailOutbox.findMany({ where: { to: shared } });
      const tokens = emails.map((e) => e.text.match(/\/account\/confirm-email\?token=([A-Za-z0-9_-]+)/)![1]);
      expect(tokens).toHaveLength(2);
      const answers = await Promise.all(
        tokens.map((token) =>
          callAction(confirmEmailAction, {
            path: "/account/confirm-email",
            form: { token },
            headers: fromIp(),
          }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([302, 400]);
      expect(await db.user.count({ where: { email: shared } })).toBe(1);
    }
  });
});

describe("a sign-up with the address someone is confirming as their new one, at the same moment", () => {
  it("ends with one account at the address, and no server error", async () => {
    for (let round = 0; round < 3; round++) {
      const shared = `${unique("contested")}@example.test`;
      const person = await createUser();
      await callAction(changeEmailAction, {
        path: "/account/email",
        cookie: await sessionCookieFor(person.id),
        headers: fromIp(),
        form: { email: shared, currentPassword: TEST_PASSWORD },
      });
      const email = await db.emailOutbox.findFirstOrThrow({ where: { to: shared } });
      const token = email.text.match(/\/account\/confirm-email\?token=([A-Za-z0-9_-]+)/)![1];
      const [confirmed, signedUp] = await Promise.all([
        callAction(confirmEmailAction, {
          path: "/account/confirm-email",
          form: { token },
          headers: fromIp(),
        }),
        callAction(signUpAction, {
          path: "/sign-up",
          form: { name: "Sam Sametime", email: shared, password: TEST_PASSWORD },
          headers: fromIp(),
        }),
      ]);
      expect([400, 302]).toContain(confirmed.status);
      expect(signedUp.status).toBe(302);
      expect(await db.user.count({ where: { email: shared } })).toBe(1);
    }
  });
});
