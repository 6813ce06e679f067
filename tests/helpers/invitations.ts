// Inviting someone to an organisation as its owner does, through the organisation page's form, and reading the
// link's token from the invitation email written to the outbox.
import { expect } from "vitest";
import { db } from "~/db.server.ts";
import { action as invitationAction } from "~/routes/invitations.$token.tsx";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { callAction } from "./routes.ts";

/** Invites `email` as a member of the organisation; returns the token of the link in the email sent. */
export async function inviteAsOwner(organisationId: string, ownerCookie: string, email: string) {
  const sent = await callAction(organisationAction, {
    path: `/organisations/${organisationId}`,
    params: { id: organisationId },
    cookie: ownerCookie,
    form: { intent: "invite", email, role: "MEMBER" },
  });
  expect(sent.status).toBe(302);
  const invitation = await db.emailOutbox.findFirstOrThrow({
    where: { to: email, template: "membership.invitation" },
    orderBy: { createdAt: "desc" },
  });
  return invitation.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1]!;
}

/** Declines the invitation of the emailed link's `token`, as its "No, I do not want to join" button does: signed out,
 * or signed in with `cookie`. */
export function declineByLink(token: string, cookie?: string) {
  return callAction(invitationAction, {
    path: `/invitations/${token}`,
    params: { token },
    cookie,
    form: { intent: "decline" },
  });
}
