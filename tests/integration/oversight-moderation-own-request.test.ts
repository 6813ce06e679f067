// A council officer who also belongs to the charity or group that posted a request (a trustee, a volunteer
// coordinator) does not approve it or ask for changes to it: another officer moderates it. A council's own
// requests are still moderated by its own staff.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as moderationAction, loader as moderationLoader } from "~/routes/council.moderation.$id.tsx";
import {
  addMember,
  createMember,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

async function submittedBy(organisationId: string, createdById?: string) {
  return createRequest({
    councilId: world.councilA.id,
    organisationId,
    categoryId: world.category.id,
    createdById,
    status: "SUBMITTED",
  });
}

// an officer of council A who is also a member of the world's VCSE
async function officerInsideTheGroup() {
  const officer = await createMember(world.councilA.id, "OFFICER");
  await addMember(world.vcse.id, officer.id, "MEMBER");
  return sessionCookieFor(officer.id);
}

const moderate = (requestId: string, cookie: string, form: Record<string, string>) =>
  callAction(moderationAction, {
    path: `/council/moderation/${requestId}`,
    params: { id: requestId },
    cookie,
    form,
  });

describe("an officer who belongs to the group that posted a request", () => {
  it("cannot approve it or ask for changes: nothing is published, recorded or emailed", async () => {
    const cookie = await officerInsideTheGroup();
    const need = await submittedBy(world.vcse.id, world.users.vcseOwner.id);
    const forms: Record<string, string>[] = [
      { intent: "approve" },
      { intent: "requestChanges", comment: "Please add the dates volunteers are needed." },
    ];
    for (const form of forms) {
      const answer = await moderate(need.id, cookie, form);
      expect(answer.status).toBe(403);
      expect((await answer.json()).error[""]).toEqual([
        "You are a member of the organisation that posted this request, so another officer must approve it or ask for changes.",
      ]);
    }
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "SUBMITTED",
      publishedAt: null,
    });
    expect(await db.requestEvent.count({ where: { requestId: need.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: need.id } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { to: world.users.vcseOwner.email } })).toBe(0);
  });

  it("is told why on the page, with no form, while a colleague still approves it", async () => {
    const cookie = await officerInsideTheGroup();
    const need = await submittedBy(world.vcse.id, world.users.vcseOwner.id);
    const path = `/council/moderation/${need.id}`;
    const data = await jsonOf<{ ownRequest: boolean }>(
      await callLoader(moderationLoader, { path, params: { id: need.id }, cookie }),
    );
    expect(data.ownRequest).toBe(true);
    const html = await (await renderPage(path, cookie)).text();
    expect(html).toContain("so another officer must approve it or ask for changes");
    expect(html).not.toMatch(/value="approve"/);
    expect(html).not.toMatch(/value="requestChanges"/);

    const colleague = await sessionCookieFor(world.users.officerA.id);
    expect(await (await renderPage(path, colleague)).text()).toMatch(/value="approve"/);
    expect((await moderate(need.id, colleague, { intent: "approve" })).status).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("OPEN");
  });
});

describe("a council's own request", () => {
  it("is still approved by the council's own officers", async () => {
    const need = await submittedBy(world.councilA.id, world.users.councilAdmin.id);
    const cookie = await sessionCookieFor(world.users.officerA.id);
    expect((await moderate(need.id, cookie, { intent: "approve" })).status).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("OPEN");
  });
});
