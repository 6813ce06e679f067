// A return's figure in pounds, saved as 1200.5, is shown to the supplier and the officer reviewing it as "£1,200.50"
// (the one GBP formatter), wherever it is read as text: the answer, the plan and commitment, the pledges, the
// progress table and what changed between submissions. The form's box keeps the figure as saved, to send again.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld, sendReturn } from "./returns-world.ts";
import { reviewReturn } from "./returns-review-world.ts";

beforeAll(() => renderPage("/"));

/** The page's readable text without its form fields' values: only what is shown as text. */
async function shown(path: string, cookie: string) {
  const response = await renderPage(path, cookie);
  expect(response.status, path).toBe(200);
  return readableMainText(await response.text());
}

// a bare figure in the text: "1200.5", "1200.50" or "1,200.5", not as part of "£1,200.50"
const RAW = /(?<![£\d,.])1,?200\.50?(?!\d)/;

describe("a return's figure in pounds", () => {
  it("is shown as £1,200.50 to the supplier and to the officer, before and after a resubmission", async () => {
    const w = await createReturnsWorld();
    await db.measure.update({ where: { id: w.hours.id }, data: { unit: "GBP" } });
    await db.commitment.update({ where: { id: w.hoursCommitment.id }, data: { targetQuantity: 4801 } });
    await db.commitmentPlan.updateMany({
      where: { commitmentId: w.hoursCommitment.id },
      data: { targetQuantity: 1200.25 },
    });
    expect(
      (await sendReturn(w, "submit", { hours: "£1,200.50", narrative: "A fair", declaration: true })).status,
    ).toBe(302);
    const line = await db.kpiReturnLine.findFirstOrThrow({ where: { commitmentId: w.hoursCommitment.id } });
    expect(line.quantity?.toString()).toBe("1200.5");

    const supplierPage = await shown(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(supplierPage).toContain("Your own figure this quarter £1,200.50");
    expect(supplierPage).toContain("£4,801.00");
    expect(supplierPage).toContain("£1,200.25");
    expect(supplierPage).not.toMatch(RAW);

    const { submittedAt } = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    const review = await shown(`/returns/${w.kpiReturn.id}/review`, w.cookies.officerA);
    expect(review).toContain("own figure this quarter £1,200.50");
    expect(review).not.toMatch(RAW);

    // queried, changed and sent again: the changes table says before and after in pounds
    expect(
      (
        await reviewReturn(
          { ...w, submittedAt: submittedAt!.toISOString(), hoursLineId: line.id },
          w.cookies.officerA,
          {
            intent: "query",
            submittedAt: submittedAt!.toISOString(),
            comment: "Please check",
          },
        )
      ).status,
    ).toBe(302);
    expect(
      (await sendReturn(w, "submit", { hours: "1300", narrative: "A fair", declaration: true })).status,
    ).toBe(302);
    for (const [path, cookie] of [
      [`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner],
      [`/returns/${w.kpiReturn.id}/review`, w.cookies.officerA],
    ] as const) {
      const text = await shown(path, cookie);
      expect(text, path).toContain("£1,300.00");
      expect(text, path).not.toMatch(RAW);
    }
  });
});
