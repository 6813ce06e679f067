// Confirming a new email address ends the account's other sessions, as a password change does: the address is
// how one signs in, and someone who had access to the old one (its inbox, a browser left signed in) must not keep
// the account. The browser that confirms stays signed in when it is signed in to that account.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { validateSessionToken } from "~/auth/session.server.ts";
import { db } from "~/db.server.ts";
import { createUser, sessionCookieFor } from "../helpers/factories.ts";
import { flashMessageOf } from "../helpers/flash.ts";
import { askedToMove, confirm } from "./email-change-world.ts";

afterAll(() => closeRateLimits());

const tokenOf = (cookie: string) => cookie.split("=").slice(1).join("=");

describe("confirming a new email address", () => {
  it("signs the account out on its other browsers, and keeps the one that confirmed signed in", async () => {
    const { user, newEmail, token } = await askedToMove();
    const here = await sessionCookieFor(user.id);
    const elsewhere = await sessionCookieFor(user.id);
    const bystander = await createUser();
    const theirs = await sessionCookieFor(bystander.id);

    const answer = await confirm(token, here);
    expect(answer.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
    expect((await validateSessionToken(tokenOf(here)))?.user.id).toBe(user.id);
    expect(await validateSessionToken(tokenOf(elsewhere))).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    // nobody else's
    expect((await validateSessionToken(tokenOf(theirs)))?.user.id).toBe(bystander.id);
    expect(await flashMessageOf(answer)).toBe(
      "Your email address has been changed. You have been signed out on other devices.",
    );
  });

  it("opened in a browser not signed in (the new inbox on a phone): every session ends, and it says so", async () => {
    const { user, token } = await askedToMove();
    const elsewhere = await sessionCookieFor(user.id);
    const answer = await confirm(token);
    expect(answer.headers.get("location")).toBe("/sign-in");
    expect(await validateSessionToken(tokenOf(elsewhere))).toBeNull();
    expect(await flashMessageOf(answer)).toBe(
      "Your email address has been changed. You have been signed out on every device: sign in with your new address.",
    );
  });

  it("opened where another account is signed in: that account stays signed in, the changed one's sessions end", async () => {
    const { user, token } = await askedToMove();
    const elsewhere = await sessionCookieFor(user.id);
    const colleague = await createUser();
    const here = await sessionCookieFor(colleague.id);
    expect((await confirm(token, here)).status).toBe(302);
    expect(await validateSessionToken(tokenOf(elsewhere))).toBeNull();
    expect((await validateSessionToken(tokenOf(here)))?.user.id).toBe(colleague.id);
  });

  it("a link that no longer works ends nothing", async () => {
    const { user, token } = await askedToMove();
    const elsewhere = await sessionCookieFor(user.id);
    await db.userToken.updateMany({ where: { userId: user.id }, data: { usedAt: new Date() } });
    expect((await confirm(token)).status).toBe(400);
    expect((await validateSessionToken(tokenOf(elsewhere)))?.user.id).toBe(user.id);
  });
});
