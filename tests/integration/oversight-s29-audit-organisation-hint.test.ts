// The audit log's organisation filter said it shows an organisation's "members' sign-ins", but only the council's
// own staff's sign-ins are in its log (a business's or group's are not the council's to read): filtering by a
// supplier showed none, and an admin looking for a supplier's sign-ins took that to mean nobody had signed in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;
beforeAll(async () => {
  world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  const { supplierOwner, officerA } = world.users;
  for (const user of [supplierOwner, officerA])
    await writeAudit({
      actorUserId: user.id,
      actorOrganisationId: null,
      action: "auth.sign_in",
      entityType: "User",
      entityId: user.id,
    });
  await writeAudit({
    actorUserId: supplierOwner.id,
    organisationId: world.councilA.id,
    actorOrganisationId: world.supplier.id,
    action: "pledge.create",
    entityType: "Pledge",
  });
});

async function text(search: string) {
  const response = await renderPage(`/council/audit?${search}`, admin);
  expect(response.status).toBe(200);
  return readableMainText(await response.text());
}

// the entries listed, without the filter form (whose action list names every action in the log)
const entries = async (search: string) => (await text(search)).split("Audit entries, newest first")[1];

describe("the audit log's organisation filter", () => {
  it("says only the council's own staff's sign-ins are shown", async () => {
    const page = await text("");
    expect(page).not.toContain("its members’ sign-ins");
    expect(page).toContain(
      "What its people did for it. For your council, also its staff’s sign-ins and what the system did",
    );
  });

  it("as it filters: a supplier's pledge but not its sign-in, the council's staff's sign-in", async () => {
    const supplier = await entries(`organisationId=${world.supplier.id}`);
    expect(supplier).toContain("Offered a pledge");
    expect(supplier).not.toContain("Signed in");
    const council = await entries(`organisationId=${world.councilA.id}`);
    expect(council).toContain("Signed in");
    expect(council).toContain(world.users.officerA.email);
  });
});
