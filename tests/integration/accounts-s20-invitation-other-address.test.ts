// An invitation opened while signed in with another address: the page says so before anyone presses "Accept" or
// "Decline" (which would be refused, and are not offered), and its "Sign out" comes back to the invitation, to sign
// in with the invited address.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as invitationAction } from "~/routes/invitations.$token.tsx";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { action as signOutAction } from "~/routes/sign-out.tsx";
import { createUser, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

// the page's text as read, without the markers React puts between pieces of text
const textOf = async (page: Response) => (await page.text()).replaceAll("<!-- -->", "");

async function inviteSomeone() {
  const invitee = await createUser();
  await callAction(organisationAction, {
    path: `/organisations/${world.vcse.id}`,
    params: { id: world.vcse.id },
    cookie: await sessionCookieFor(world.users.vcseOwner.id),
    form: { intent: "invite", email: invitee.email, role: "MEMBER" },
  });
  const email = await db.emailOutbox.findFirstOrThrow({ where: { to: invitee.email } });
  const token = email.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1]!;
  return { invitee, token };
}

describe("an invitation opened while signed in with another address", () => {
  it("says whose it is and offers to sign out, not to accept or decline", async () => {
    const { invitee, token } = await inviteSomeone();
    const someoneElse = await createUser();
    const page = await renderPage(`/invitations/${token}`, await sessionCookieFor(someoneElse.id));
    expect(page.status).toBe(200);
    const html = await textOf(page);
    expect(html).toContain(
      `You are signed in as ${someoneElse.email}, so you cannot accept or decline it here`,
    );
    expect(html).toContain(`sign in as ${invitee.email}`);
    expect(html).not.toContain("Accept invitation");
    expect(html).not.toContain("No, I do not want to join");
    expect(html).toMatch(/<form[^>]*action="\/sign-out"/);
    expect(html).toContain(`name="redirectTo" value="/invitations/${token}"`);
  });

  it("still offers to accept to the invited address", async () => {
    const { invitee, token } = await inviteSomeone();
    const html = await textOf(await renderPage(`/invitations/${token}`, await sessionCookieFor(invitee.id)));
    expect(html).toContain("Accept invitation");
    expect(html).not.toContain("so you cannot accept or decline it here");
  });
});

describe("signing out", () => {
  it("goes back to the page it was asked from, signed out", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const answer = await callAction(signOutAction, {
      path: "/sign-out",
      cookie,
      form: { redirectTo: "/invitations/abc" },
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/invitations/abc");
    expect(answer.headers.get("set-cookie")).toMatch(/svm_session=;/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("goes to the home page when asked to go to another site, or sent nothing to read", async () => {
    const user = await createUser();
    const away = await callAction(signOutAction, {
      path: "/sign-out",
      cookie: await sessionCookieFor(user.id),
      form: { redirectTo: "//evil.example/" },
    });
    expect(away.headers.get("location")).toBe("/");
    const unreadable = await callAction(signOutAction, {
      path: "/sign-out",
      cookie: await sessionCookieFor(user.id),
      body: "--x\r\nnot a form",
      headers: { "content-type": "multipart/form-data; boundary=nothing" },
    });
    expect(unreadable.status).toBe(302);
    expect(unreadable.headers.get("location")).toBe("/");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("an invitation already accepted, opened again from the email", () => {
  it("tells the person who accepted it that they have joined, not to ask for a new one", async () => {
    const { invitee, token } = await inviteSomeone();
    const cookie = await sessionCookieFor(invitee.id);
    const accepted = await callAction(invitationAction, {
      path: `/invitations/${token}`,
      params: { token },
      cookie,
    });
    expect(accepted.status).toBe(302);
    const html = await textOf(await renderPage(`/invitations/${token}`, cookie));
    expect(html).toContain(`You have already joined ${world.vcse.name}`);
    expect(html).toContain(`href="/organisations/${world.vcse.id}"`);
    expect(html).not.toContain("Ask whoever invited you to invite you again");
  });

  it("tells anyone else only that it has ended", async () => {
    const { invitee, token } = await inviteSomeone();
    await callAction(invitationAction, {
      path: `/invitations/${token}`,
      params: { token },
      cookie: await sessionCookieFor(invitee.id),
    });
    const someoneElse = await createUser();
    const signedIn = await textOf(
      await renderPage(`/invitations/${token}`, await sessionCookieFor(someoneElse.id)),
    );
    expect(signedIn).toContain("This invitation has ended");
    expect(signedIn).not.toContain(world.vcse.name);
    const signedOut = await textOf(await renderPage(`/invitations/${token}`));
    expect(signedOut).toContain("This invitation has ended");
    expect(signedOut).not.toContain(world.vcse.name);
    expect(signedOut).toContain(`/sign-in?redirectTo=${encodeURIComponent(`/invitations/${token}`)}`);
  });
});
