// The review page read differently from the return's own page: a return no longer owed (queried, then its
// quarter left outside a shortened term, or its contract terminated) showed only "Queried" there, while the
// return's page, the supplier's and the lists all say "Not owed: …"; and reviewing a resubmission, the officer
// could not see against each line what had been queried about it, only in the history at the foot of the page.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";
import { createSubmittedReturnWorld, reviewReturn } from "./returns-review-world.ts";
import { returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createSubmittedReturnWorld>>;

async function textOf(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  expect(response.status).toBe(200);
  return readableText(await response.text());
}

async function queryHours(w: World) {
  const response = await reviewReturn(w, w.cookies.officerA, {
    intent: "query",
    submittedAt: w.submittedAt,
    comment: "",
    "lineComments[0].commitmentId": w.hoursCommitment.id,
    "lineComments[0].comment": "Please attach the timesheets",
    "lineComments[1].commitmentId": w.eventsCommitment.id,
    "lineComments[1].comment": "",
  });
  expect(response.status).toBe(302);
}

describe("the review page", () => {
  it("marks a queried return no longer owed as the return's own page does", async () => {
    const w = await createSubmittedReturnWorld();
    await queryHours(w);
    // the term shortened to start after the quarter queried (April to June 2026)
    await db.contract.update({ where: { id: w.contract.id }, data: { startDate: new Date("2026-07-01") } });
    const outside = "Not owed: quarter outside the contract's term";
    expect(await textOf(`/returns/${w.kpiReturn.id}`, w.cookies.officerA)).toContain(
      outside.replace("'", "&#x27;"),
    );
    expect(await textOf(`/returns/${w.kpiReturn.id}/review`, w.cookies.officerA)).toContain(
      `Status Queried ${outside.replace("'", "&#x27;")}`,
    );
  });

  it("shows against each line of a resubmission what was queried about it", async () => {
    const w = await createSubmittedReturnWorld();
    await queryHours(w);
    const resubmitted = await callAction(returnAction, {
      path: `/returns/${w.kpiReturn.id}`,
      params: { id: w.kpiReturn.id },
      cookie: w.cookies.supplierOwner,
      form: returnForm(w, "submit", { hours: "12", narrative: "A careers fair", declaration: true }),
    });
    expect(resubmitted.status).toBe(302);
    const text = await textOf(`/returns/${w.kpiReturn.id}/review`, w.cookies.officerA);
    expect(text).toMatch(
      /Volunteering hours Committed over the contract: 160 hours; planned for this quarter: 40 hours Queried last time: Please attach the timesheets Supplier/,
    );
    expect(text).not.toMatch(/Careers events Two careers events a year with local schools Queried last time/);
  });
});
