// The return page and list as a supplier reads them. The page said "Your contract manager has queried this
// return" without saying who or when, and "Your contract manager will review it" without naming them (the
// supplier's summary had no contract manager); a submitted or accepted return said nothing about what happens
// next; an overdue one did not say so in words; one no longer owed (outside a shortened term) was not marked on its
// own page. The list of sent returns did not say when each was sent.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { formatDate } from "~/ui/format.ts";
import { createReturn } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { createSubmittedReturnWorld, reviewReturn } from "./returns-review-world.ts";
import { createReturnsWorld } from "./returns-world.ts";

beforeAll(() => renderPage("/"));

async function submitted() {
  const w = await createSubmittedReturnWorld();
  await db.user.update({ where: { id: w.users.officerA.id }, data: { name: "Priya Shah" } });
  return w;
}

const pageText = async (path: string, cookie: string) => {
  const response = await renderPage(path, cookie);
  expect(response.status).toBe(200);
  return readableText(await response.text()).replace(/&#x27;/g, "'");
};

describe("a supplier's return page", () => {
  it("names the contract manager, and says a submitted return waits for them and cannot be changed", async () => {
    const w = await submitted();
    const text = await pageText(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(text).toContain("Contract manager Priya Shah");
    expect(text).toContain(
      "Waiting for Priya Shah to review it. You cannot change it now; if they query it, you can amend it and submit it again.",
    );
  });

  it("says who queried a return and when", async () => {
    const w = await submitted();
    const queried = await reviewReturn(w, w.cookies.officerA, {
      intent: "query",
      comment: "Please split the hours by site.",
      submittedAt: w.submittedAt,
    });
    expect(queried.status).toBe(302);
    const { reviewedAt } = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    const text = await pageText(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(text).toContain(`Queried by Priya Shah on ${formatDate(reviewedAt!.toISOString())}`);
    expect(text).toContain("Please split the hours by site.");
  });

  it("says who accepted a return and that nothing more is needed", async () => {
    const w = await submitted();
    const accepted = await reviewReturn(w, w.cookies.officerA, {
      intent: "accept",
      submittedAt: w.submittedAt,
    });
    expect(accepted.status).toBe(302);
    const { reviewedAt } = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    const text = await pageText(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(text).toContain(
      `Accepted by Priya Shah on ${formatDate(reviewedAt!.toISOString())}. Nothing more is needed for this quarter.`,
    );
  });

  it("says in words that an unsent return is overdue", async () => {
    const w = await createReturnsWorld();
    // the world's April–June 2026 return was due on 30 July 2026, long before today
    const text = await pageText(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(text).toContain("This return was due on 30 July 2026. Submit it as soon as you can.");
  });

  it("marks a queried return no longer owed, outside a shortened term, and says it may still be sent", async () => {
    const w = await createReturnsWorld();
    const queried = await createReturn({
      contractId: w.contract.id,
      financialYear: 2026,
      quarter: 3,
      status: "QUERIED",
    });
    await db.contract.update({ where: { id: w.contract.id }, data: { endDate: new Date("2026-09-30") } });
    const text = await pageText(`/returns/${queried.id}`, w.cookies.supplierOwner);
    expect(text).toContain("Not owed: quarter outside the contract's term");
    expect(text).toContain("does not cover this quarter: it runs from");
    expect(text).not.toContain("Submit it as soon as you can");
  });
});

describe("a supplier's list of returns", () => {
  it("says when each sent return was sent", async () => {
    const w = await submitted();
    const { submittedAt } = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    const text = await pageText("/returns", w.cookies.supplierOwner);
    expect(text).toMatch(/Contract Quarter Sent Status/);
    expect(text).toContain(`Q1 2026/27 ${formatDate(submittedAt!.toISOString())} Submitted`);
  });
});
