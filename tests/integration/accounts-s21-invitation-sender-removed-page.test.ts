// An invitation sent by someone later removed from the organisation (or who left it) is cancelled with their
// membership (accounts-followup-invitation-sender.test.ts checks the cancellation). Here: the page the invitee
// opens from the email says so in plain words, as the browser shows it, and offers nothing to accept.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import {
  createCouncil,
  createOrganisation,
  createUser,
  addMember,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { postPage, readableText, renderPage } from "../helpers/render-page.ts";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

async function send(organisationId: string, userId: string, form: Record<string, string>) {
  return callAction(organisationAction, {
    path: `/organisations/${organisationId}`,
    params: { id: organisationId },
    cookie: await sessionCookieFor(userId),
    headers: fromIp(),
    form,
  });
}

async function invitedBySomeoneWhoThen(goes: "is removed" | "leaves") {
  const council = await createCouncil();
  const group = await createOrganisation({ kind: "VCSE", councilId: council.id });
  const sender = await createUser();
  const colleague = await createUser();
  const membership = await addMember(group.id, sender.id, "OWNER");
  await addMember(group.id, colleague.id, "OWNER");
  const email = `${unique("invitee")}@example.test`;
  expect((await send(group.id, sender.id, { intent: "invite", email, role: "MEMBER" })).status).toBe(302);
  const sent = await db.emailOutbox.findFirstOrThrow({ where: { to: email } });
  const token = sent.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1];
  const gone =
    goes === "is removed"
      ? await send(group.id, colleague.id, { intent: "remove", membershipId: membership.id })
      : await send(group.id, sender.id, { intent: "leave" });
  expect(gone.status).toBe(302);
  return { group, email, token };
}

describe("the page of an invitation whose sender", () => {
  for (const goes of ["is removed", "leaves"] as const)
    it(`${goes}: says it has ended and was cancelled, and offers nothing to accept`, async () => {
      const { group, email, token } = await invitedBySomeoneWhoThen(goes);
      const page = await renderPage(`/invitations/${token}`);
      expect(page.status).toBe(200);
      const text = readableText(await page.text());
      expect(text).toContain("This invitation has ended");
      expect(text).toContain("was cancelled");
      expect(text).toContain("Ask whoever invited you to invite you again");
      expect(text).not.toContain("Create an account and join");

      // the invitee, signed in, sends the accept form they had open: told it is no longer valid, not joined
      const invitee = await createUser({ email });
      const answer = await postPage(
        `/invitations/${token}`,
        new FormData(),
        await sessionCookieFor(invitee.id),
      );
      expect(answer.status).toBe(400);
      expect(readableText(await answer.text())).toContain("This invitation has ended");
      expect(await db.membership.count({ where: { organisationId: group.id, userId: invitee.id } })).toBe(0);
    });
});
