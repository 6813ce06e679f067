// Counts on the survey pages come from the shared countOf/plural (s21): a cycle keeping answers for one month says
// "1 month", not "1 months".
import { describe, expect, it } from "vitest";
import { createMember, createSurveyCycle, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

describe("a cycle keeping answers for one month", () => {
  it("says '1 month' to the officer and to the business, never '1 months'", async () => {
    const world = await createWorld();
    const cycle = await createSurveyCycle({ councilId: world.councilA.id, year: 2026, retentionMonths: 1 });
    const officer = await createMember(world.councilA.id, "OFFICER", { surveyAccess: true });

    const officerPage = await renderPage(`/council/survey/${cycle.id}`, await sessionCookieFor(officer.id));
    expect(officerPage.status).toBe(200);
    const officerText = readableText(await officerPage.text());
    expect(officerText).toContain("1 month after closing");
    expect(officerText).toContain("anonymised 1 month after closing");
    expect(officerText).not.toContain("1 months");

    const business = await renderPage(
      `/survey/${cycle.id}`,
      await sessionCookieFor(world.users.supplierOwner.id),
    );
    expect(business.status).toBe(200);
    const businessText = readableText(await business.text());
    expect(businessText).toContain("1 month after the survey closes");
    expect(businessText).not.toContain("1 months");
  });
});
