// Whoever sent an invitation is emailed when the person it went to declines it: once, however often the decline is
// sent, through the outbox like every other email, with a link back to where they can invite the address again.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as invitationAction } from "~/routes/invitations.$token.tsx";
import { createUser, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { inviteAsOwner } from "../helpers/invitations.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const owner = world.users.vcseOwner;
const ownerCookie = await sessionCookieFor(owner.id);

const invite = (email: string) => inviteAsOwner(world.vcse.id, ownerCookie, email);

const decline = (token: string) =>
  callAction(invitationAction, {
    path: `/invitations/${token}`,
    params: { token },
    form: { intent: "decline" },
  });

const declinedEmails = (about: string) =>
  db.emailOutbox.findMany({
    where: { template: "membership.invitation_declined", subject: { contains: about } },
  });

describe("declining an invitation", () => {
  it("emails whoever sent it, once even when the decline is sent twice", async () => {
    const invitee = await createUser();
    const token = await invite(invitee.email);
    expect((await decline(token)).status).toBe(303);
    expect((await decline(token)).status).toBe(303);

    const sent = await declinedEmails(invitee.email);
    expect(sent).toHaveLength(1);
    const [email] = sent;
    expect(email!.to).toBe(owner.email.toLowerCase());
    expect(email!.userId).toBe(owner.id);
    expect(email!.status).toBe("PENDING");
    expect(email!.subject).toBe(`${invitee.email} declined your invitation to join ${world.vcse.name}`);
    expect(email!.text).toContain(
      `${invitee.email} declined your invitation to join ${world.vcse.name} as member.`,
    );
    expect(email!.text).toContain(`/organisations/${world.vcse.id}`);
    expect(email!.html).toContain(`/organisations/${world.vcse.id}`);
    // nothing goes to the person who said no
    expect(
      await db.emailOutbox.count({
        where: { to: invitee.email, template: "membership.invitation_declined" },
      }),
    ).toBe(0);
  });

  it("emails nobody when whoever sent it no longer has an account", async () => {
    const invitee = await createUser();
    const token = await invite(invitee.email);
    // an invitation whose sender's account is gone (its link still open)
    await db.invitation.updateMany({ where: { email: invitee.email }, data: { invitedById: null } });
    expect((await decline(token)).status).toBe(303);
    expect(await declinedEmails(invitee.email)).toHaveLength(0);
  });
});
