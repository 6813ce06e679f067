// The quarterly report with nothing to list said "No contracts in this department ran during …" under the heading
// "All departments", as for a council with no contracts yet: there is no one department. It says no contracts
// ran, and for one department names it.
import { describe, expect, it } from "vitest";
import { createContract, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

async function reportText(search: string, cookie: string) {
  const page = await renderPage(`/council/reports${search}`, cookie);
  expect(page.status).toBe(200);
  return readableMainText(await page.text());
}

describe("a quarterly report with no contracts", () => {
  it("says no contracts ran, for all departments of a council with none", async () => {
    const world = await createWorld();
    const text = await reportText("?quarter=2026-Q2", await sessionCookieFor(world.users.officerB.id));
    expect(text).toContain("Social value delivery: All departments, Q2 2026/27");
    expect(text).toContain("No contracts ran during Q2 2026/27.");
    expect(text).not.toContain("this department");
  });

  it("names the department whose only contract has not been awarded", async () => {
    const world = await createWorld();
    const department = unique("Adult Social Care");
    await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      department,
      status: "PIPELINE",
    });
    const text = await reportText(
      `?quarter=2026-Q2&department=${encodeURIComponent(department)}`,
      await sessionCookieFor(world.users.officerA.id),
    );
    expect(text).toContain(`No contracts in ${department} ran during Q2 2026/27.`);
  });
});
