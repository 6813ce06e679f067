// A confirmation link opened where someone else's account is signed in (a shared office computer): the address is
// confirmed, but the person is not taken on to register their organisation in the account that happens to be open.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { issueUserToken } from "~/domain/accounts/tokens.server.ts";
import { action as verifyAction } from "~/routes/verify-email.tsx";
import { createUser, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

async function unconfirmedWithLink() {
  const user = await createUser({ verified: false });
  const token = await db.$transaction((tx) => issueUserToken(tx, user.id, "EMAIL_VERIFICATION"));
  return { user, token: token! };
}

const confirm = (token: string, cookie?: string) =>
  callAction(verifyAction, {
    path: `/verify-email?token=${token}&then=vcse`,
    cookie,
    headers: fromIp(),
    form: { intent: "confirm", token, then: "vcse" },
  });

describe("confirming an email address", () => {
  it("goes on to registering the organisation in the account it confirmed", async () => {
    const { user, token } = await unconfirmedWithLink();
    const answer = await confirm(token, await sessionCookieFor(user.id));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/organisations/new/vcse");
  });

  it("does not go on to registering one in another account signed in on the same browser", async () => {
    const { user, token } = await unconfirmedWithLink();
    const colleague = await createUser();
    const answer = await confirm(token, await sessionCookieFor(colleague.id));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/account");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    // pressed again (a double click): answered the same way
    const again = await confirm(token, await sessionCookieFor(colleague.id));
    expect(again.headers.get("location")).toBe("/account");
  });

  it("sends someone signed out to sign in, then on to registering", async () => {
    const { token } = await unconfirmedWithLink();
    const answer = await confirm(token);
    expect(answer.headers.get("location")).toBe(
      `/sign-in?redirectTo=${encodeURIComponent("/organisations/new/vcse")}`,
    );
  });
});
