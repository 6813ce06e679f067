// A council admin reading the audit log saw developer codes: "pledge.decline", record type "Membership" with a
// raw id under it, and details as raw JSON ({"userId":"cm…","joinedAt":"2026-…T…Z"}). Each entry now says in
// words what was done, to which record by its name, and its details as "Label: value" pairs (dates the UK way,
// people and organisations by name); the filters offer the actions and record types by name, while the address
// keeps the code, so a link shared before still filters the same.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { changeRole, removeMember } from "~/domain/accounts/members.server.ts";
import { getCouncilSettings, updateCouncilSettings } from "~/domain/content/council-settings.server.ts";
import { formatDateTime } from "~/domain/format.ts";
import { changePledge } from "~/domain/marketplace/pledges.server.ts";
import { createMember, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;
let requestTitle: string;
let leaver: { id: string; name: string };
let joinedAt: Date;
let promoted: { id: string; name: string };

beforeAll(async () => {
  world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);

  // a community group declines a supplier's pledge, giving its reason
  const { need, pledge } = await createPartlyPledgedRequest(world);
  requestTitle = need.title;
  expect(
    await changePledge({
      pledgeId: pledge.id,
      action: "decline",
      roles: ["REQUESTOR"],
      actor: { userId: world.users.vcseOwner.id, ipAddress: null },
      reason: "We found help nearer home",
    }),
  ).toMatchObject({ ok: true });

  // the supplier's owner makes a member an owner, and the group's owner removes one of its members
  promoted = await createMember(world.supplier.id, "MEMBER", { name: "Priya Promoted" });
  const promotedMembership = await db.membership.findFirstOrThrow({
    where: { userId: promoted.id, organisationId: world.supplier.id },
  });
  expect(
    await changeRole(
      world.supplier.id,
      world.users.supplierOwner.id,
      { membershipId: promotedMembership.id, role: "OWNER" },
      { ip: null },
    ),
  ).toMatchObject({ ok: true });
  leaver = await createMember(world.vcse.id, "MEMBER", { name: "Lee Leaver" });
  const leaving = await db.membership.findFirstOrThrow({
    where: { userId: leaver.id, organisationId: world.vcse.id },
  });
  joinedAt = leaving.createdAt;
  expect(await removeMember(world.vcse.id, world.users.vcseOwner.id, leaving.id, { ip: null })).toMatchObject(
    {
      ok: true,
    },
  );

  // the council's admin changes its brand colour
  const settings = (await getCouncilSettings(world.councilA.id))!;
  expect(
    await updateCouncilSettings({
      councilId: world.councilA.id,
      actorUserId: world.users.councilAdmin.id,
      ipAddress: null,
      input: { ...settings, brandColour: settings.brandColour === "#0b3d2e" ? "#1d4f91" : "#0b3d2e" },
    }),
  ).toEqual({ ok: true });

  // an entry an older version wrote, with a code no longer written
  await writeAudit({
    actorUserId: world.users.officerA.id,
    organisationId: world.councilA.id,
    actorOrganisationId: world.councilA.id,
    action: "legacy.tidy_up",
    entityType: "Gadget",
    entityId: "gadget-1",
    details: { note: "kept as written" },
  });
});

async function page(search = "") {
  const response = await renderPage(`/council/audit${search}`, admin);
  expect(response.status).toBe(200);
  return (await response.text()).replace(/<!-- -->/g, "");
}

// the entries listed, as read, without the filter form
async function entries(search = "") {
  return readableMainText(await page(search)).split("Audit entries, newest first")[1]!;
}

describe("the audit log, as a council admin reads it", () => {
  it("says what was done and to which record in words, with the details as labelled values", async () => {
    const text = await entries();
    expect(text).toContain("Declined a pledge");
    expect(text).toContain(`${world.supplier.name}’s pledge to “${requestTitle}”`);
    expect(text).toContain("Reason: We found help nearer home");

    expect(text).toContain("Changed a member’s role");
    expect(text).toContain(`Person: ${promoted.name} From: Member To: Owner`);

    expect(text).toContain("Removed a member");
    expect(text).toContain(`Person: ${leaver.name} Role: Member Joined: ${formatDateTime(joinedAt)}`);

    expect(text).toContain("Changed the council’s settings");
    expect(text).toContain("Council settings");
    expect(text).toMatch(/Brand colour: #[0-9a-f]{6} → #[0-9a-f]{6}/);
  });

  it("shows no codes, record model names, raw ids or JSON", async () => {
    const text = await entries();
    for (const code of [
      "pledge.decline",
      "membership.role_change",
      "membership.remove",
      "council.settings_update",
    ])
      expect(text).not.toContain(code);
    expect(text).not.toContain("CouncilSettings");
    expect(text).not.toContain("{");
    expect(text).not.toContain(leaver.id);
    expect(text).not.toContain(promoted.id);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it("offers the actions and record types by name, each choice's value the code", async () => {
    const html = await page();
    expect(html).toContain('<option value="pledge.decline">Declined a pledge</option>');
    expect(html).toContain('<option value="council.settings_update">Changed the council’s settings</option>');
    expect(html).toContain('<option value="CouncilSettings">Council settings</option>');
  });

  it("still filters by the code in the address, the choice shown by its name", async () => {
    const html = await page("?action=pledge.decline&entityType=Pledge");
    expect(html).toContain('<option value="pledge.decline" selected="">Declined a pledge</option>');
    expect(html).not.toContain("from the list");
    const text = readableMainText(html).split("Audit entries, newest first")[1]!;
    expect(text).toContain("Declined a pledge");
    expect(text).not.toContain("Changed a member’s role");
  });

  it("shows a code it has no name for (an older entry's) as it is, in the list and in its choices", async () => {
    const text = await entries();
    expect(text).toContain("legacy.tidy_up Gadget Reference: gadget-1 Note: kept as written");
    expect(await page()).toContain('<option value="legacy.tidy_up">legacy.tidy_up</option>');
  });

  it("never shows what a survey entry's details hold beyond how the survey was run", async () => {
    const reader = await createMember(world.councilA.id, "ADMIN", { surveyAccess: true });
    await writeAudit({
      actorUserId: world.users.supplierOwner.id,
      organisationId: world.councilA.id,
      actorOrganisationId: world.supplier.id,
      action: "survey.response.update",
      entityType: "SurveyResponse",
      entityId: "response-1",
      details: { page: "barriers", answers: { ethnicity: "An answer kept out" }, ethnicity: "Another" },
    });
    const response = await renderPage(
      "/council/audit?action=survey.response.update",
      await sessionCookieFor(reader.id),
    );
    const text = readableMainText(await response.text()).split("Audit entries, newest first")[1]!;
    expect(text).toContain(
      "Changed sent survey answers Survey response Reference: response-1 Page: Barriers to tendering",
    );
    expect(text).not.toContain("An answer kept out");
    expect(text).not.toContain("Another");
  });
});
