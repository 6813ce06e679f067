// The organisation's "Invitations declined" list shows, for each address, what happened last (decision 041): a
// decline is listed until the address is invited again, and an invitation sent since that expired or was cancelled
// does not bring the older decline back. A decline after that newer invitation is listed again.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as invitationAction } from "~/routes/invitations.$token.tsx";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { createUser, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { inviteAsOwner } from "../helpers/invitations.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const ownerCookie = await sessionCookieFor(world.users.vcseOwner.id);

const invite = (email: string) => inviteAsOwner(world.vcse.id, ownerCookie, email);

async function decline(token: string) {
  const declined = await callAction(invitationAction, {
    path: `/invitations/${token}`,
    params: { token },
    form: { intent: "decline" },
  });
  expect(declined.status).toBe(303);
}

async function declinedSection() {
  const html = (await (await renderPage(`/organisations/${world.vcse.id}`, ownerCookie)).text()).replaceAll(
    "<!-- -->",
    "",
  );
  const start = html.indexOf("Invitations declined");
  return start < 0 ? "" : html.slice(start, html.indexOf("Invite a colleague"));
}

// the invitation open to the address, as if its 7 days had run out
const expireOpenInvitation = (email: string) =>
  db.invitation.updateMany({
    where: { organisationId: world.vcse.id, email, acceptedAt: null, revokedAt: null },
    data: { expiresAt: new Date(Date.now() - 60_000) },
  });

describe("a declined invitation whose address was invited again", () => {
  it("stays off the list when the newer invitation expires", async () => {
    const invitee = await createUser();
    await decline(await invite(invitee.email));
    expect(await declinedSection()).toContain(invitee.email);

    await invite(invitee.email);
    expect(await declinedSection()).not.toContain(invitee.email);

    await expireOpenInvitation(invitee.email);
    expect(await declinedSection()).not.toContain(invitee.email);
  });

  it("stays off the list when the newer invitation is cancelled", async () => {
    const invitee = await createUser();
    await decline(await invite(invitee.email));
    await invite(invitee.email);
    const open = await db.invitation.findFirstOrThrow({
      where: { organisationId: world.vcse.id, email: invitee.email, revokedAt: null },
    });
    const cancelled = await callAction(organisationAction, {
      path: `/organisations/${world.vcse.id}`,
      params: { id: world.vcse.id },
      cookie: ownerCookie,
      form: { intent: "revoke-invitation", invitationId: open.id },
    });
    expect(cancelled.status).toBeLessThan(400);
    expect(
      (await db.invitation.findUniqueOrThrow({ where: { id: open.id }, select: { revokedAt: true } }))
        .revokedAt,
    ).not.toBeNull();
    expect(await declinedSection()).not.toContain(invitee.email);
  });

  it("is listed once, as the newer decline, when the newer invitation is declined too", async () => {
    const invitee = await createUser();
    await decline(await invite(invitee.email));
    await invite(invitee.email).then(decline);
    const section = await declinedSection();
    expect(section.split(invitee.email)).toHaveLength(2);
  });
});
