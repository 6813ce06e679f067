// An invitation to join an organisation can be declined from its emailed link, signed out or signed in as the
// invitee (the link is the capability, as for accepting; someone signed in as another may not, see
// accounts-s53-decline-other-address): the link then stops working and says it was declined (to the invitee signed
// in; anyone else sees only that it ended, accounts-s54-declined-invitation-others), the organisation's page lists it
// as declined and not as waiting, the audit log records it, and its owners may invite the address again. Declining
// twice is answered as the first time, with one audit entry.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as invitationAction } from "~/routes/invitations.$token.tsx";
import { createUser, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { flashMessageOf } from "../helpers/flash.ts";
import { renderPage } from "../helpers/render-page.ts";
import { declineByLink, inviteAsOwner } from "../helpers/invitations.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const ownerCookie = await sessionCookieFor(world.users.vcseOwner.id);

const textOf = async (page: Response) => (await page.text()).replaceAll("<!-- -->", "");

const invite = (email: string) => inviteAsOwner(world.vcse.id, ownerCookie, email);

const decline = declineByLink;

const declineEntries = (email: string) =>
  db.auditLog.findMany({
    where: { action: "membership.invitation_decline", details: { path: ["email"], equals: email } },
  });

describe("declining an invitation", () => {
  it("is offered on the invitation page, signed out", async () => {
    const invitee = await createUser();
    const token = await invite(invitee.email);
    const html = await textOf(await renderPage(`/invitations/${token}`));
    expect(html).toContain(`No, I do not want to join ${world.vcse.name}`);
    expect(html).toMatch(/name="intent" value="decline"/);
  });

  it("works signed out, ends the link and is logged once however often it is sent", async () => {
    const invitee = await createUser();
    const token = await invite(invitee.email);
    const first = await decline(token);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/invitations/${token}`);
    // a double click: answered the same, nothing written again
    const second = await decline(token);
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe(`/invitations/${token}`);

    const invitation = await db.invitation.findFirstOrThrow({ where: { email: invitee.email } });
    expect(invitation.declinedAt).not.toBeNull();
    expect(invitation.revokedAt).not.toBeNull();
    expect(invitation.acceptedAt).toBeNull();
    const entries = await declineEntries(invitee.email);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorUserId: null,
      organisationId: world.vcse.id,
      entityType: "Invitation",
      entityId: invitation.id,
    });

    // signed out, the page cannot tell the decliner from anyone else holding the link: the flash tells them once
    expect(await flashMessageOf(first)).toBe("You have declined the invitation. Its link no longer works.");
    expect(await flashMessageOf(second)).toBe("You have declined the invitation. Its link no longer works.");
    const html = await textOf(await renderPage(`/invitations/${token}`));
    expect(html).toContain("This invitation has ended");
    expect(html).not.toContain("Create an account and join");
    expect(html).not.toContain("No, I do not want to join");

    // the link no longer lets anyone join, even the invited address
    const accepted = await callAction(invitationAction, {
      path: `/invitations/${token}`,
      params: { token },
      cookie: await sessionCookieFor(invitee.id),
    });
    expect(accepted.status).toBe(400);
    expect(await db.membership.count({ where: { userId: invitee.id, organisationId: world.vcse.id } })).toBe(
      0,
    );
    const signedIn = await textOf(
      await renderPage(`/invitations/${token}`, await sessionCookieFor(invitee.id)),
    );
    expect(signedIn).toContain("You have declined this invitation");
    expect(signedIn).toContain(`You said no to joining ${world.vcse.name}. This link no longer works.`);
    expect(signedIn).not.toContain("Accept invitation");
  });

  it("works signed in, recording who declined", async () => {
    const invitee = await createUser();
    const token = await invite(invitee.email);
    const answer = await decline(token, await sessionCookieFor(invitee.id));
    expect(answer.status).toBe(303);
    // the page they are sent back to says they declined it
    expect(await flashMessageOf(answer)).toBeUndefined();
    const [entry] = await declineEntries(invitee.email);
    expect(entry?.actorUserId).toBe(invitee.id);
  });

  it("is refused once the invitation was accepted or cancelled", async () => {
    const joiner = await createUser();
    const joinToken = await invite(joiner.email);
    await callAction(invitationAction, {
      path: `/invitations/${joinToken}`,
      params: { token: joinToken },
      cookie: await sessionCookieFor(joiner.id),
    });
    expect((await decline(joinToken)).status).toBe(400);
    expect(await db.membership.count({ where: { userId: joiner.id, organisationId: world.vcse.id } })).toBe(
      1,
    );

    const cancelled = await createUser();
    const cancelledToken = await invite(cancelled.email);
    await db.invitation.updateMany({ where: { email: cancelled.email }, data: { revokedAt: new Date() } });
    expect((await decline(cancelledToken)).status).toBe(400);
    expect(await db.invitation.count({ where: { email: cancelled.email, declinedAt: { not: null } } })).toBe(
      0,
    );
    expect(await declineEntries(cancelled.email)).toHaveLength(0);
  });
});

describe("the organisation's page", () => {
  it("lists a declined invitation as declined, not waiting, until the address is invited again", async () => {
    const invitee = await createUser();
    const token = await invite(invitee.email);
    await decline(token);

    const html = await textOf(await renderPage(`/organisations/${world.vcse.id}`, ownerCookie));
    const waiting = html.slice(html.indexOf("Invitations waiting"), html.indexOf("Invitations declined"));
    const declined = html.slice(html.indexOf("Invitations declined"), html.indexOf("Invite a colleague"));
    expect(html.indexOf("Invitations declined")).toBeGreaterThan(html.indexOf("Invitations waiting"));
    expect(waiting).not.toContain(invitee.email);
    expect(declined).toContain(invitee.email);
    expect(declined).toContain("Declined");

    // its owners may invite the address again, and that invitation works
    const again = await invite(invitee.email);
    expect(again).not.toBe(token);
    const reopened = await textOf(await renderPage(`/organisations/${world.vcse.id}`, ownerCookie));
    const reWaiting = reopened.slice(
      reopened.indexOf("Invitations waiting"),
      reopened.indexOf(
        reopened.includes("Invitations declined") ? "Invitations declined" : "Invite a colleague",
      ),
    );
    expect(reWaiting).toContain(invitee.email);
    // declined invitations to other addresses (this file's other tests) stay listed, but not this one
    const stillDeclined = reopened.includes("Invitations declined")
      ? reopened.slice(reopened.indexOf("Invitations declined"), reopened.indexOf("Invite a colleague"))
      : "";
    expect(stillDeclined).not.toContain(invitee.email);
    const joined = await callAction(invitationAction, {
      path: `/invitations/${again}`,
      params: { token: again },
      cookie: await sessionCookieFor(invitee.id),
    });
    expect(joined.status).toBe(302);
    expect(await db.membership.count({ where: { userId: invitee.id, organisationId: world.vcse.id } })).toBe(
      1,
    );
  });

  it("does not show declined invitations to members who do not manage it", async () => {
    const invitee = await createUser();
    await decline(await invite(invitee.email));
    const html = await textOf(
      await renderPage(`/organisations/${world.vcse.id}`, await sessionCookieFor(world.users.vcseMember.id)),
    );
    expect(html).not.toContain("Invitations declined");
    expect(html).not.toContain(invitee.email);
  });
});
