// An invitation is the invitee's to answer. Someone signed in with another address who sends "Accept invitation"
// anyway is refused as a decline sent by them is (403, saying whose it is and to sign out), with nothing changed. Once
// declined, its link tells only the invitee, signed in, that they declined it; anyone else opening it (signed out,
// or signed in as someone else) sees the page of an invitation that has ended, which names neither the organisation
// nor the decline.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as invitationAction } from "~/routes/invitations.$token.tsx";
import { createUser, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { declineByLink, inviteAsOwner } from "../helpers/invitations.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const ownerCookie = await sessionCookieFor(world.users.vcseOwner.id);

const textOf = async (page: Response) => (await page.text()).replaceAll("<!-- -->", "");

const invite = (email: string) => inviteAsOwner(world.vcse.id, ownerCookie, email);

const accept = (token: string, cookie: string) =>
  callAction(invitationAction, { path: `/invitations/${token}`, params: { token }, cookie });

const ENDED_PAGE =
  "It has expired, was cancelled or was already used. Ask whoever invited you to invite you again.";

describe("accepting an invitation sent to another address", () => {
  it("is refused as declining it is, with nothing changed", async () => {
    const invitee = await createUser();
    const token = await invite(invitee.email);
    const someoneElse = await createUser();
    const cookie = await sessionCookieFor(someoneElse.id);

    const refused = await accept(token, cookie);
    expect(refused.status).toBe(403);
    expect((await jsonOf<{ error: string }>(refused)).error).toBe(
      "This invitation was sent to a different email address. Sign out, then sign in with that address to accept it.",
    );
    expect((await declineByLink(token, cookie)).status).toBe(403);

    expect(await db.membership.count({ where: { userId: someoneElse.id } })).toBe(0);
    expect(
      await db.auditLog.count({
        where: { action: "membership.join", organisationId: world.vcse.id, actorUserId: someoneElse.id },
      }),
    ).toBe(0);
    const invitation = await db.invitation.findFirstOrThrow({
      where: { email: invitee.email, organisationId: world.vcse.id },
      select: { acceptedAt: true, declinedAt: true, revokedAt: true },
    });
    expect(invitation).toEqual({ acceptedAt: null, declinedAt: null, revokedAt: null });

    // the person it was sent to may still accept it
    const joined = await accept(token, await sessionCookieFor(invitee.id));
    expect(joined.status).toBe(302);
    expect(joined.headers.get("location")).toBe(`/organisations/${world.vcse.id}`);
  });
});

describe("a declined invitation's link", () => {
  // declined signed out, as from the email, or signed in by the invitee
  const ways: { name: string; signedIn: boolean }[] = [
    { name: "signed out", signedIn: false },
    { name: "signed in by the invitee", signedIn: true },
  ];

  for (const way of ways) {
    it(`declined ${way.name}, tells the invitee signed in that they declined it`, async () => {
      const invitee = await createUser();
      const token = await invite(invitee.email);
      const cookie = await sessionCookieFor(invitee.id);
      expect((await declineByLink(token, way.signedIn ? cookie : undefined)).status).toBe(303);

      const html = await textOf(await renderPage(`/invitations/${token}`, cookie));
      expect(html).toContain("You have declined this invitation");
      expect(html).toContain(`You said no to joining ${world.vcse.name}. This link no longer works.`);
    });

    it(`declined ${way.name}, shows anyone else only that it has ended`, async () => {
      const invitee = await createUser();
      const token = await invite(invitee.email);
      expect(
        (await declineByLink(token, way.signedIn ? await sessionCookieFor(invitee.id) : undefined)).status,
      ).toBe(303);
      const someoneElse = await createUser();

      const signedOut = await textOf(await renderPage(`/invitations/${token}`));
      const otherAddress = await textOf(
        await renderPage(`/invitations/${token}`, await sessionCookieFor(someoneElse.id)),
      );
      for (const html of [signedOut, otherAddress]) {
        expect(html).toContain("This invitation has ended");
        expect(html).toContain(ENDED_PAGE);
        expect(html).not.toContain("You have declined");
        expect(html).not.toContain("You said no");
        // not on the page, nor in the data sent with it
        expect(html).not.toContain(world.vcse.name);
      }
      // signed out, it offers to sign in, as for any invitation that has ended
      expect(signedOut).toContain(`/sign-in?redirectTo=${encodeURIComponent(`/invitations/${token}`)}`);
    });
  }

  it("shows someone else what it shows for a cancelled invitation", async () => {
    const declined = await createUser();
    const declinedToken = await invite(declined.email);
    await declineByLink(declinedToken);
    const cancelled = await createUser();
    const cancelledToken = await invite(cancelled.email);
    await db.invitation.updateMany({ where: { email: cancelled.email }, data: { revokedAt: new Date() } });

    const someoneElse = await sessionCookieFor((await createUser()).id);
    const heading = async (token: string, cookie?: string) => {
      const html = await textOf(await renderPage(`/invitations/${token}`, cookie));
      return html.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1];
    };
    expect(await heading(declinedToken)).toBe("This invitation has ended");
    expect(await heading(declinedToken)).toBe(await heading(cancelledToken));
    expect(await heading(declinedToken, someoneElse)).toBe(await heading(cancelledToken, someoneElse));
  });
});
