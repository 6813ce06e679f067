// The organisation's hourly invitation allowance belongs to those who may invite: a member who may not (a VCSE or
// supplier's MEMBER, a council's OFFICER) posting "Send invitation" by hand is refused without spending it.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
// a fresh client address per request, so only the organisation's own count can run out
function invite(organisationId: string, cookie: string, email = `${unique("colleague")}@example.test`) {
  return callAction(organisationAction, {
    path: `/organisations/${organisationId}`,
    params: { id: organisationId },
    cookie,
    headers: fromIp(),
    form: { intent: "invite", email, role: "MEMBER" },
  });
}

describe("invitations sent by a member who may not invite", () => {
  it("are refused without using up the organisation's allowance, so its owner still invites", async () => {
    const member = await sessionCookieFor(world.users.vcseMember.id);
    for (let i = 0; i < 55; i++) {
      const refused = await invite(world.vcse.id, member);
      expect(refused.status).toBe(400);
      expect((await jsonOf<{ error: Record<string, string[]> }>(refused)).error.form).toEqual([
        "You cannot manage this organisation's members",
      ]);
    }
    const colleague = `${unique("colleague")}@example.test`;
    const sent = await invite(world.vcse.id, await sessionCookieFor(world.users.vcseOwner.id), colleague);
    expect(sent.status).toBe(302);
    expect(await db.invitation.count({ where: { organisationId: world.vcse.id, email: colleague } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: colleague } })).toBe(1);
  });
});
