// A new-address confirmation link opened where someone else's account is signed in (a shared computer): the
// address changes for the account the link was sent for, and the account signed in is not told its own changed.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { createUser, sessionCookieFor } from "../helpers/factories.ts";
import { flashMessageOf } from "../helpers/flash.ts";
import { askedToMove, confirm } from "./email-change-world.ts";

afterAll(() => closeRateLimits());

describe("confirming a new email address", () => {
  it("tells the account it was for that its address has changed", async () => {
    const { user, token } = await askedToMove();
    const answer = await confirm(token, await sessionCookieFor(user.id));
    expect(answer.headers.get("location")).toBe("/account");
    expect(await flashMessageOf(answer)).toBe(
      "Your email address has been changed. You have been signed out on other devices.",
    );
  });

  it("does not tell another account signed in on the same browser that its address has changed", async () => {
    const { user, newEmail, token } = await askedToMove();
    const colleague = await createUser();
    const answer = await confirm(token, await sessionCookieFor(colleague.id));
    expect(answer.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
    const message = await flashMessageOf(answer);
    expect(message).not.toContain("Your email address has been changed");
    expect(message).toContain(`You are signed in with a different account (${colleague.email})`);
    // pressed again (a double click): answered the same way
    expect(await flashMessageOf(await confirm(token, await sessionCookieFor(colleague.id)))).toBe(message);
  });
});
