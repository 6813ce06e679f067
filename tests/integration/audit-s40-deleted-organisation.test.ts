// Entries about an organisation deleted since (registered by mistake, decision 041) stay in its council's audit log,
// and name it as its deletion recorded it, marked deleted, rather than by a bare reference; one whose name nothing
// recorded says "Deleted organisation". The log still answers 200.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { action as deleteAction } from "~/routes/organisations.$id.delete.tsx";
import { createMember, createOrganisation, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const adminCookie = await sessionCookieFor(world.users.councilAdmin.id);

async function entries(search: string) {
  const response = await renderPage(`/council/audit${search}`, adminCookie);
  expect(response.status).toBe(200);
  const text = readableMainText((await response.text()).replaceAll("<!-- -->", ""));
  return text.split("Audit entries, newest first")[1]!;
}

describe("the council's audit log after one of its organisations is deleted", () => {
  it("names the organisation in its older entries and its deletion as the deletion recorded it", async () => {
    const organisation = await createOrganisation({ kind: "VCSE", councilId: world.councilA.id });
    const owner = await createMember(organisation.id, "OWNER");
    // as registering it writes, in the council's log
    await writeAudit({
      actorUserId: owner.id,
      organisationId: world.councilA.id,
      actorOrganisationId: null,
      action: "organisation.register",
      entityType: "Organisation",
      entityId: organisation.id,
      details: { organisationId: organisation.id },
    });
    const deleted = await callAction(deleteAction, {
      path: `/organisations/${organisation.id}/delete`,
      params: { id: organisation.id },
      cookie: await sessionCookieFor(owner.id),
      form: {},
    });
    expect(deleted.status).toBe(302);
    expect(await db.organisation.count({ where: { id: organisation.id } })).toBe(0);
    // the entries stay
    expect(await db.auditLog.count({ where: { entityId: organisation.id } })).toBe(2);

    const registered = await entries("?action=organisation.register");
    expect(registered).toContain(`${organisation.name} (deleted)`);
    expect(registered).not.toContain(organisation.id);

    const deletion = await entries("?action=organisation.delete");
    expect(deletion).toContain(`${organisation.name} (deleted)`);
    expect(deletion).not.toContain(`Reference: ${organisation.id}`);
  });

  it("says Deleted organisation where nothing recorded the deleted organisation's name", async () => {
    await writeAudit({
      actorUserId: world.users.councilAdmin.id,
      organisationId: world.councilA.id,
      actorOrganisationId: world.councilA.id,
      action: "organisation.verify",
      entityType: "Organisation",
      entityId: "organisation-gone-long-ago",
    });
    const verified = await entries("?action=organisation.verify");
    expect(verified).toContain("Deleted organisation");
    expect(verified).not.toContain("organisation-gone-long-ago");
  });
});
