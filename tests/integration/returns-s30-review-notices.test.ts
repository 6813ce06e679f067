// What a supplier reads at the top of a return its contract manager has reviewed. A query with only an overall
// comment told them to "Read the comments against each commitment below", where there were none; an acceptance's
// comment (often what the council wants next quarter) was shown only at the foot of the history.
import { beforeAll, describe, expect, it } from "vitest";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { createSubmittedReturnWorld, reviewReturn } from "./returns-review-world.ts";

beforeAll(() => renderPage("/"));

async function reviewed(form: Record<string, string>) {
  const w = await createSubmittedReturnWorld();
  const response = await reviewReturn(w, w.cookies.officerA, { submittedAt: w.submittedAt, ...form });
  expect(response.status).toBe(302);
  const page = await renderPage(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
  expect(page.status).toBe(200);
  const text = readableMainText(await page.text()).replace(/&#x27;/g, "'");
  // the notice: from the summary's end to the form or the answers
  return text.slice(0, text.search(/For each commitment|What was reported/));
}

describe("the supplier's notice of a review", () => {
  it("does not point to comments against commitments when the query has none", async () => {
    const notice = await reviewed({ intent: "query", comment: "Please split the hours by site" });
    expect(notice).toContain("Please split the hours by site");
    expect(notice).toContain("Amend the return below and submit it again.");
    expect(notice).not.toContain("against each commitment");
  });

  it("points to them when a line was queried", async () => {
    const w = await createSubmittedReturnWorld();
    await reviewReturn(w, w.cookies.officerA, {
      intent: "query",
      submittedAt: w.submittedAt,
      "lineComments[0].commitmentId": w.hoursCommitment.id,
      "lineComments[0].comment": "Which sites?",
    });
    const text = readableMainText(
      await (await renderPage(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner)).text(),
    );
    expect(text).toContain(
      "Read the comments against each commitment below, amend the return and submit it again.",
    );
  });

  it("shows the comment made on accepting", async () => {
    const notice = await reviewed({
      intent: "accept",
      comment: "Thank you. Next quarter, please name the sites.",
    });
    expect(notice).toContain("Nothing more is needed for this quarter.");
    expect(notice).toContain("Their comment: Thank you. Next quarter, please name the sites.");
  });
});
