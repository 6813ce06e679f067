// A return's lines say what the delivery plan asked for in the return's quarter, next to what was committed over
// the contract: the officer reviewing "8 hours" could not tell whether 8 was the plan or a fifth of it without
// opening the contract, nor could the supplier filling it in.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCommitment, createMeasure, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";

async function pageText(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  expect(response.status).toBe(200);
  return readableText(await response.text());
}

describe("a return's lines", () => {
  it("show the quarter's planned figure to the supplier and to the reviewing officer", async () => {
    const w = await createReturnsWorld();
    // planned 40 hours a quarter; the return is for Q1 2026/27
    const supplierText = await pageText(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(supplierText).toMatch(
      /Committed over the contract: [\d,.]+ hours; planned for this quarter: 40 hours/,
    );
    await db.kpiReturn.update({
      where: { id: w.kpiReturn.id },
      data: { status: "SUBMITTED", submittedAt: new Date() },
    });
    const officerText = await pageText(`/returns/${w.kpiReturn.id}/review`, w.cookies.officerA);
    expect(officerText).toMatch(/planned for this quarter: 40 hours/);
  });

  it("a commitment with no plan for the quarter says only what was committed", async () => {
    const w = await createReturnsWorld();
    const measure = await createMeasure({
      councilId: w.councilA.id,
      code: "NOPLAN",
      name: "Unplanned hours",
      unit: "HOURS",
    });
    await createCommitment({ contractId: w.contract.id, measureId: measure.id, targetQuantity: 12 });
    const text = await pageText(
      `/returns/${w.kpiReturn.id}`,
      await sessionCookieFor(w.users.supplierOwner.id),
    );
    expect(text).toContain("Committed over the contract: 12 hours");
    expect(text).not.toMatch(/12 hours; planned/);
  });
});
