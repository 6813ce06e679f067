// The organisation's "Invitations declined" list names someone who has deleted their account since as the app names
// any deleted account, "Deleted user", not by the placeholder address their own address was replaced with.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { deleteAccount } from "~/domain/accounts/deletion.server.ts";
import { action as invitationAction } from "~/routes/invitations.$token.tsx";
import { createUser, createWorld, sessionCookieFor, TEST_PASSWORD } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { inviteAsOwner } from "../helpers/invitations.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const ownerCookie = await sessionCookieFor(world.users.vcseOwner.id);

const invite = (email: string) => inviteAsOwner(world.vcse.id, ownerCookie, email);

async function declinedSection() {
  const html = (await (await renderPage(`/organisations/${world.vcse.id}`, ownerCookie)).text()).replaceAll(
    "<!-- -->",
    "",
  );
  return html.slice(html.indexOf("Invitations declined"), html.indexOf("Invite a colleague"));
}

describe("the invitations declined on the organisation's page", () => {
  it("show someone who deleted their account since as Deleted user", async () => {
    const invitee = await createUser();
    const token = await invite(invitee.email);
    const declined = await callAction(invitationAction, {
      path: `/invitations/${token}`,
      params: { token },
      cookie: await sessionCookieFor(invitee.id),
      form: { intent: "decline" },
    });
    expect(declined.status).toBe(303);
    expect(await declinedSection()).toContain(invitee.email);

    const deleted = await deleteAccount(
      invitee.id,
      { currentPassword: TEST_PASSWORD, leaveWithoutMembers: [] },
      { ip: null },
    );
    expect(deleted.ok).toBe(true);

    const section = await declinedSection();
    expect(section).not.toContain(invitee.email);
    expect(section).not.toContain("deleted.invalid");
    expect(section).toMatch(/<th[^>]*>Deleted user<\/th>/);
    expect(section).toContain("Declined");
  });
});
