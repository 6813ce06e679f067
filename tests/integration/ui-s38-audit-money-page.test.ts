// The council's audit log page showed a contract's changed value as stored, "1200000.50 → 1500000.00": it now says
// "£1,200,000.50 → £1,500,000.00", as the contract's own history does (formatGbp, the one GBP formatter).
import { describe, expect, it } from "vitest";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

describe("the audit log page", () => {
  it("shows a contract's changed value in pounds and pence", async () => {
    const world = await createWorld();
    await writeAudit({
      actorUserId: world.users.officerA.id,
      organisationId: world.councilA.id,
      actorOrganisationId: world.councilA.id,
      action: "contract.update",
      entityType: "Contract",
      entityId: "contract-1",
      details: { changes: [{ field: "valueGbp", label: "Value (£)", from: "1200000.50", to: "1500000.00" }] },
    });
    const response = await renderPage(
      "/council/audit?action=contract.update",
      await sessionCookieFor(world.users.councilAdmin.id),
    );
    expect(response.status).toBe(200);
    const text = readableMainText((await response.text()).replace(/<!-- -->/g, ""));
    expect(text).toContain("Value (£): £1,200,000.50 → £1,500,000.00");
    expect(text).not.toContain("1200000.50");
  });
});
