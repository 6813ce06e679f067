// "Change role" that changes nothing (the role the member already has, or the form sent twice) logs nothing: each
// wrote a "membership.role_change" entry, from a role to the same role, so the organisation's log showed changes
// that never happened. A real change is logged once.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import {
  addMember,
  createOrganisation,
  createCouncil,
  createMember,
  createUser,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

async function setUp() {
  const council = await createCouncil();
  const group = await createOrganisation({ kind: "VCSE", councilId: council.id });
  const owner = await createMember(group.id, "OWNER");
  const colleague = await createUser();
  const membership = await addMember(group.id, colleague.id, "MEMBER");
  const cookie = await sessionCookieFor(owner.id);
  const changeRole = (role: string) =>
    callAction(organisationAction, {
      path: `/organisations/${group.id}`,
      params: { id: group.id },
      cookie,
      form: { intent: "change-role", membershipId: membership.id, role },
    });
  const logged = () =>
    db.auditLog.findMany({ where: { action: "membership.role_change", entityId: membership.id } });
  return { membership, changeRole, logged };
}

describe("changing a member's role", () => {
  it("to the role they already have is answered as done and logs nothing", async () => {
    const { membership, changeRole, logged } = await setUp();
    const answer = await changeRole("MEMBER");
    expect(answer.status).toBe(302);
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("MEMBER");
    expect(await logged()).toEqual([]);
  });

  it("sent twice changes it once and logs it once", async () => {
    const { membership, changeRole, logged } = await setUp();
    const answers = await Promise.all([changeRole("OWNER"), changeRole("OWNER")]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("OWNER");
    const entries = await logged();
    expect(entries).toHaveLength(1);
    expect(entries[0].details).toMatchObject({ from: "MEMBER", to: "OWNER" });
  });
});
