// A council officer's "Verify organisation" or "Reject organisation" sent twice (a double click, a slow network).
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as verifyOrganisationAction } from "~/routes/council.verification.$id.tsx";
import {
  addMember,
  createOrganisation,
  createUser,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

describe("a verification decision sent twice", () => {
  async function pendingWithOwner() {
    const organisation = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      status: "PENDING",
    });
    const owner = await createUser();
    await addMember(organisation.id, owner.id, "OWNER");
    return { organisation, owner };
  }

  it("verifies once and answers both as done", async () => {
    const { organisation, owner } = await pendingWithOwner();
    const cookie = await sessionCookieFor(world.users.officerA.id);
    const decide = (form: Record<string, string>) =>
      callAction(verifyOrganisationAction, {
        path: `/council/verification/${organisation.id}`,
        params: { id: organisation.id },
        cookie,
        form,
      });
    const answers = await Promise.all([decide({ intent: "verify" }), decide({ intent: "verify" })]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await db.emailOutbox.count({ where: { to: owner.email } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { action: "organisation.verify", entityId: organisation.id } }),
    ).toBe(1);
    // a different decision afterwards is still refused
    const reject = await decide({ intent: "reject", reason: "Not a real business after all" });
    expect(reject.status).toBe(409);
  });

  it("rejects once and answers both as done; another officer's second decision is refused", async () => {
    const { organisation, owner } = await pendingWithOwner();
    const decide = (cookie: string, reason: string) =>
      callAction(verifyOrganisationAction, {
        path: `/council/verification/${organisation.id}`,
        params: { id: organisation.id },
        cookie,
        form: { intent: "reject", reason },
      });
    const officer = await sessionCookieFor(world.users.officerA.id);
    const reason = "We could not find this company at Companies House";
    const answers = await Promise.all([decide(officer, reason), decide(officer, reason)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await db.emailOutbox.count({ where: { to: owner.email } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { action: "organisation.reject", entityId: organisation.id } }),
    ).toBe(1);
    expect((await decide(officer, "Another reason altogether, for this one")).status).toBe(409);
    const admin = await sessionCookieFor(world.users.councilAdmin.id);
    expect((await decide(admin, reason)).status).toBe(409);
  });
});
