// A council officer who also belongs to a pending organisation (a trustee of a local charity, a director of a
// supplier) does not verify or reject it: another officer of the council decides.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import {
  action as verifyOrganisationAction,
  loader as verifyOrganisationLoader,
} from "~/routes/council.verification.$id.tsx";
import {
  addMember,
  createMember,
  createOrganisation,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

async function pendingWithOfficerInside(kind: "VCSE" | "SUPPLIER", role: "OWNER" | "MEMBER") {
  const organisation = await createOrganisation({ kind, councilId: world.councilA.id, status: "PENDING" });
  const officer = await createMember(world.councilA.id, "OFFICER");
  await addMember(organisation.id, officer.id, role);
  return { organisation, officer, cookie: await sessionCookieFor(officer.id) };
}

const decide = (organisationId: string, cookie: string, form: Record<string, string>) =>
  callAction(verifyOrganisationAction, {
    path: `/council/verification/${organisationId}`,
    params: { id: organisationId },
    cookie,
    form,
  });

describe("an officer who belongs to the organisation", () => {
  it("cannot verify it: nothing changes, is logged or emailed", async () => {
    const { organisation, officer, cookie } = await pendingWithOfficerInside("VCSE", "OWNER");
    const answer = await decide(organisation.id, cookie, { intent: "verify" });
    expect(answer.status).toBe(403);
    expect((await answer.json()).error[""]).toEqual([
      "You are a member of this organisation, so another officer of its council must verify or reject it.",
    ]);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toMatchObject({
      status: "PENDING",
      verifiedById: null,
    });
    expect(await db.auditLog.count({ where: { entityId: organisation.id } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { to: officer.email } })).toBe(0);
  });

  it("cannot reject it either, as a plain member of a supplier", async () => {
    const { organisation, cookie } = await pendingWithOfficerInside("SUPPLIER", "MEMBER");
    const answer = await decide(organisation.id, cookie, {
      intent: "reject",
      reason: "Rejecting a competitor's registration",
    });
    expect(answer.status).toBe(403);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).status).toBe(
      "PENDING",
    );
  });

  it("sees why on the page, with no Verify or Reject form, while a colleague still decides", async () => {
    const { organisation, cookie } = await pendingWithOfficerInside("VCSE", "OWNER");
    const path = `/council/verification/${organisation.id}`;
    const data = await jsonOf<{ ownOrganisation: boolean }>(
      await callLoader(verifyOrganisationLoader, { path, params: { id: organisation.id }, cookie }),
    );
    expect(data.ownOrganisation).toBe(true);
    const page = await renderPage(path, cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("another officer of its council must verify or reject it");
    expect(html).not.toMatch(/value="verify"/);
    expect(html).not.toMatch(/value="reject"/);

    const colleague = await sessionCookieFor(world.users.officerA.id);
    const colleaguePage = await (await renderPage(path, colleague)).text();
    expect(colleaguePage).toMatch(/value="verify"/);
    expect(colleaguePage).not.toContain("another officer of its council must verify or reject it");
    expect((await decide(organisation.id, colleague, { intent: "verify" })).status).toBe(302);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toMatchObject({
      status: "VERIFIED",
      verifiedById: world.users.officerA.id,
    });
  });
});
