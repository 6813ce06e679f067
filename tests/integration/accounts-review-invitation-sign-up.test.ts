// Signing up from an invitation says no more about other people's accounts than the sign-up form does (decision
// 006): a link that does not work, or an address the invitation was not sent to, gets the same answer whether or
// not the address has an account. Only the address the invitation was sent to is told it already has one.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { createUser, createWorld, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
async function signUp(email: string, invitation: string) {
  const answer = await callAction(signUpAction, {
    path: "/sign-up",
    headers: fromIp(),
    form: { name: "Sam Prober", email, password: TEST_PASSWORD, invitation },
  });
  return { status: answer.status, error: (await jsonOf<{ error: Record<string, string[]> }>(answer)).error };
}

async function inviteToken(email: string) {
  await callAction(organisationAction, {
    path: `/organisations/${world.vcse.id}`,
    params: { id: world.vcse.id },
    cookie: await sessionCookieFor(world.users.vcseOwner.id),
    form: { intent: "invite", email, role: "MEMBER" },
  });
  const sent = await db.emailOutbox.findFirstOrThrow({ where: { to: email } });
  return sent.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1];
}

describe("signing up from an invitation with someone else's address", () => {
  it("answers a link that does not work the same whether or not the address has an account", async () => {
    const existing = await createUser();
    const withAccount = await signUp(existing.email, "not-a-real-invitation");
    const withoutAccount = await signUp(`${unique("nobody")}@example.test`, "not-a-real-invitation");
    expect(withAccount).toEqual(withoutAccount);
    expect(withAccount).toEqual({
      status: 400,
      error: {
        form: [
          "This invitation is no longer valid: it has expired, was cancelled or was already used. Ask whoever invited you for a new one.",
        ],
      },
    });
  });

  it("answers an address the invitation was not sent to the same whether or not it has an account", async () => {
    const invited = `${unique("invited")}@example.test`;
    const token = await inviteToken(invited);
    const existing = await createUser();
    const withAccount = await signUp(existing.email, token);
    const withoutAccount = await signUp(`${unique("nobody")}@example.test`, token);
    expect(withAccount).toEqual(withoutAccount);
    expect(withAccount.error).toEqual({ email: [`Use the address the invitation was sent to: ${invited}`] });
    expect(await db.membership.count({ where: { organisationId: world.vcse.id, userId: existing.id } })).toBe(
      0,
    );
  });

  it("still tells the invited address that it already has an account, and the link keeps working", async () => {
    const invitee = await createUser();
    const token = await inviteToken(invitee.email);
    expect(await signUp(invitee.email, token)).toEqual({
      status: 400,
      error: { email: ["You already have an account. Sign in to accept the invitation"] },
    });
    expect(
      await db.invitation.count({ where: { email: invitee.email, acceptedAt: null, revokedAt: null } }),
    ).toBe(1);
  });
});
