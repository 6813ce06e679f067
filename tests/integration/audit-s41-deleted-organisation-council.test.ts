// What was done at a supplier or group stays in its council's audit log after the organisation is deleted
// (decision 042): each entry records the council whose log it is when it is written, so its invitations and
// member changes, filed under the organisation itself, are not lost with it. The log names the organisation as its
// deletion recorded it, marked deleted. Another council's admins do not see them, before or after.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { inviteMember } from "~/domain/accounts/members.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { action as deleteAction } from "~/routes/organisations.$id.delete.tsx";
import { createMember, createOrganisation, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const adminOfA = await sessionCookieFor(world.users.councilAdmin.id);
const adminOfB = await sessionCookieFor((await createMember(world.councilB.id, "ADMIN")).id);

async function auditPage(cookie: string, search = "") {
  const response = await renderPage(`/council/audit${search}`, cookie);
  expect(response.status).toBe(200);
  return readableMainText((await response.text()).replaceAll("<!-- -->", ""));
}

describe("the audit log of an organisation deleted since", () => {
  it("stays in its council's log, filed under its name marked deleted, and in no other council's", async () => {
    const group = await createOrganisation({ kind: "VCSE", councilId: world.councilA.id });
    const owner = await createMember(group.id, "OWNER");
    const invited = "invited-before-the-deletion@example.org";
    // filed under the group itself, as every invitation and member change is
    const sent = await inviteMember(group.id, owner.id, { email: invited, role: "MEMBER" }, { ip: null });
    expect(sent.ok).toBe(true);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "membership.invite", organisationId: group.id },
      select: { id: true, councilId: true },
    });
    expect(entry.councilId).toBe(world.councilA.id);
    expect(await auditPage(adminOfA, "?action=membership.invite")).toContain(invited);

    const deleted = await callAction(deleteAction, {
      path: `/organisations/${group.id}/delete`,
      params: { id: group.id },
      cookie: await sessionCookieFor(owner.id),
      form: {},
    });
    expect(deleted.status).toBe(302);
    expect(await db.organisation.count({ where: { id: group.id } })).toBe(0);
    // the entry stays, no longer filed under the organisation, still in the council's log
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({
      organisationId: null,
      councilId: world.councilA.id,
      filedUnderId: group.id,
    });

    const afterwards = await auditPage(adminOfA, "?action=membership.invite");
    expect(afterwards).toContain(invited);
    expect(afterwards).toContain("Invited someone to join");
    expect(afterwards).toContain(`${group.name} (deleted)`);
    expect(afterwards).not.toContain(group.id);

    // another council's admins: not in their log, and the action is not among their choices
    const otherCouncil = await auditPage(adminOfB);
    expect(otherCouncil).not.toContain(invited);
    expect(otherCouncil).not.toContain(group.name);
  });

  it("records the council for an entry filed under it, and none for an entry filed under no organisation", async () => {
    const person = await createMember(world.councilA.id, "OFFICER");
    const own = await writeAudit({
      actorUserId: person.id,
      organisationId: world.councilA.id,
      actorOrganisationId: world.councilA.id,
      action: "category.create",
      entityType: "Category",
    });
    expect(own).toMatchObject({ councilId: world.councilA.id, filedUnderId: world.councilA.id });
    const signIn = await writeAudit({
      actorUserId: person.id,
      actorOrganisationId: null,
      action: "auth.sign_in",
      entityType: "User",
      entityId: person.id,
    });
    expect(signIn).toMatchObject({ councilId: null, filedUnderId: null });
  });
});
