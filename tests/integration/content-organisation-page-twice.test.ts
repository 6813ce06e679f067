// On an organisation's page, "Remove" (a member) or "Cancel invitation" sent twice (a double click, the form sent
// again after a slow answer) was answered "That person is not a member" or "That invitation has already ended":
// the owner was told it failed although the first send had done it. The repeat now gets the first's answer,
// with nothing more written (decision 024); a member or invitation someone else removed is still an error.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action } from "~/routes/organisations.$id._index/route.tsx";
import { createMember, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let owner: string;

const send = (form: Record<string, string>, cookie = owner) =>
  callAction(action, {
    path: `/organisations/${world.vcse.id}`,
    params: { id: world.vcse.id },
    cookie,
    form,
  });

const audited = (action: string, entityId: string) => db.auditLog.count({ where: { action, entityId } });

beforeAll(async () => {
  world = await createWorld();
  owner = await sessionCookieFor(world.users.vcseOwner.id);
});

describe("an organisation page's forms sent twice", () => {
  it("answers a second 'Remove', one after the other or at once, as the first", async () => {
    for (const together of [false, true]) {
      const member = await createMember(world.vcse.id, "MEMBER");
      const { id } = await db.membership.findFirstOrThrow({ where: { userId: member.id } });
      const form = { intent: "remove", membershipId: id };
      const answers = together
        ? await Promise.all([send(form), send(form)])
        : [await send(form), await send(form)];
      expect(answers.map((r) => r.status)).toEqual([302, 302]);
      expect(answers[1].headers.get("location")).toBe(`/organisations/${world.vcse.id}`);
      expect(await audited("membership.remove", id)).toBe(1);
    }
  });

  it("answers a second 'Cancel invitation' as the first", async () => {
    expect(
      (await send({ intent: "invite", email: "new.colleague@example.test", role: "MEMBER" })).status,
    ).toBe(302);
    const { id } = await db.invitation.findFirstOrThrow({ where: { email: "new.colleague@example.test" } });
    const form = { intent: "revoke-invitation", invitationId: id };
    const answers = [await send(form), await send(form)];
    expect(answers.map((r) => r.status)).toEqual([302, 302]);
    expect(await audited("membership.invitation_revoke", id)).toBe(1);
  });

  it("still tells a second owner that the member was already removed", async () => {
    const coOwner = await createMember(world.vcse.id, "OWNER");
    const member = await createMember(world.vcse.id, "MEMBER");
    const { id } = await db.membership.findFirstOrThrow({ where: { userId: member.id } });
    expect((await send({ intent: "remove", membershipId: id })).status).toBe(302);
    const late = await send({ intent: "remove", membershipId: id }, await sessionCookieFor(coOwner.id));
    expect(late.status).toBe(400);
    expect((await late.json()).error.form).toEqual(["That person is not a member"]);
  });

  it("answers a second 'Leave', one after the other or at once, as the first, and nobody else's", async () => {
    for (const together of [false, true]) {
      const member = await createMember(world.vcse.id, "MEMBER");
      const cookie = await sessionCookieFor(member.id);
      const { id } = await db.membership.findFirstOrThrow({ where: { userId: member.id } });
      const answers = together
        ? await Promise.all([send({ intent: "leave" }, cookie), send({ intent: "leave" }, cookie)])
        : [await send({ intent: "leave" }, cookie), await send({ intent: "leave" }, cookie)];
      expect(answers.map((r) => r.status)).toEqual([302, 302]);
      expect(answers.map((r) => r.headers.get("location"))).toEqual(["/account", "/account"]);
      expect(await audited("membership.leave", id)).toBe(1);
    }
    // someone who never was a member, or left another organisation, is still not found
    const stranger = await createMember(world.supplier.id, "MEMBER");
    const strangerCookie = await sessionCookieFor(stranger.id);
    expect((await send({ intent: "leave" }, strangerCookie)).status).toBe(404);
  });
});
