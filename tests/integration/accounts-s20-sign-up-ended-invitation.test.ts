// "Create an account and join" from an invitation that has ended since (expired, cancelled, used): the sign-up
// page says so, instead of quietly becoming the plain sign-up form that joins nobody to anything.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

async function invitationFor(email: string) {
  await callAction(organisationAction, {
    path: `/organisations/${world.vcse.id}`,
    params: { id: world.vcse.id },
    cookie: await sessionCookieFor(world.users.vcseOwner.id),
    form: { intent: "invite", email, role: "MEMBER" },
  });
  const sent = await db.emailOutbox.findFirstOrThrow({ where: { to: email } });
  return sent.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1]!;
}

const signUpPage = async (query: string) => (await renderPage(`/sign-up${query}`)).text();

describe("the sign-up page from an invitation", () => {
  it("says the invitation has ended when it has been cancelled", async () => {
    const email = `${unique("invitee")}@example.org`;
    const token = await invitationFor(email);
    expect(await signUpPage(`?invitation=${token}`)).not.toContain("Your invitation has ended");
    await db.invitation.updateMany({ where: { email }, data: { revokedAt: new Date() } });
    const html = await signUpPage(`?invitation=${token}`);
    expect(html).toContain("Your invitation has ended");
    expect(html).not.toContain('name="invitation"');
  });

  it("says nothing of invitations to someone signing up without one", async () => {
    expect(await signUpPage("")).not.toContain("Your invitation has ended");
  });
});
