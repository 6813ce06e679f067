// "Download your data" includes what the portal holds about the person that is not linked to the account itself:
// the emails it sent to their address and the invitations to it (subjects and dates, not the secret links).
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { loader as dataLoader } from "~/routes/account.data.tsx";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { createUser, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

type MyData = {
  emailsSentToYou: { subject: string; template: string }[];
  invitationsToYou: { role: string; organisation: { name: string } }[];
};

describe("my data", () => {
  it("lists the emails sent to my address and the invitations to it, without their links", async () => {
    const user = await createUser();
    await callAction(organisationAction, {
      path: `/organisations/${world.vcse.id}`,
      params: { id: world.vcse.id },
      cookie: await sessionCookieFor(world.users.vcseOwner.id),
      form: { intent: "invite", email: user.email, role: "MEMBER" },
    });
    const sent = await db.emailOutbox.findFirstOrThrow({ where: { to: user.email } });
    const response = await callLoader(dataLoader, {
      path: "/account/data",
      cookie: await sessionCookieFor(user.id),
    });
    const text = await response.text();
    const data = JSON.parse(text) as MyData;
    expect(data.emailsSentToYou).toEqual([
      expect.objectContaining({ subject: sent.subject, template: "membership.invitation" }),
    ]);
    expect(data.invitationsToYou).toEqual([
      expect.objectContaining({ role: "MEMBER", organisation: { name: world.vcse.name } }),
    ]);
    expect(text).not.toContain("/invitations/");
    expect(text).not.toContain("tokenHash");
  });

  it("says an invitation was declined, not only that it ended", async () => {
    const user = await createUser();
    await callAction(organisationAction, {
      path: `/organisations/${world.vcse.id}`,
      params: { id: world.vcse.id },
      cookie: await sessionCookieFor(world.users.vcseOwner.id),
      form: { intent: "invite", email: user.email, role: "MEMBER" },
    });
    const declinedAt = new Date();
    await db.invitation.updateMany({
      where: { email: user.email },
      data: { declinedAt, revokedAt: declinedAt },
    });
    const data = (await (
      await callLoader(dataLoader, { path: "/account/data", cookie: await sessionCookieFor(user.id) })
    ).json()) as { invitationsToYou: { declinedAt: string | null }[] };
    expect(data.invitationsToYou).toEqual([
      expect.objectContaining({ declinedAt: declinedAt.toISOString() }),
    ]);
  });

  it("lists none sent to anybody else", async () => {
    const user = await createUser();
    const data = (await (
      await callLoader(dataLoader, { path: "/account/data", cookie: await sessionCookieFor(user.id) })
    ).json()) as MyData;
    expect(data.emailsSentToYou).toEqual([]);
    expect(data.invitationsToYou).toEqual([]);
  });
});
