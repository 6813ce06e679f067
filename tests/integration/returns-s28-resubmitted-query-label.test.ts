// Once a queried return was sent again, its page showed the last query's comment against each line as
// "Query: …", to the supplier and on the council's view of the return, as if the return had been queried again;
// the review page already said "Queried last time". The return page now says so too while the resubmission waits
// for review, and still says "Query" while the return is queried.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { createSubmittedReturnWorld, reviewReturn } from "./returns-review-world.ts";
import { returnForm } from "./returns-world.ts";

describe("a line's query on the return page", () => {
  it("reads as the last query once the return is sent again", async () => {
    const w = await createSubmittedReturnWorld();
    const queried = await reviewReturn(w, w.cookies.officerA, {
      intent: "query",
      submittedAt: w.submittedAt,
      comment: "",
      "lineComments[0].commitmentId": w.hoursCommitment.id,
      "lineComments[0].comment": "Please attach the timesheets",
    });
    expect(queried.status).toBe(302);
    const path = `/returns/${w.kpiReturn.id}`;
    const whileQueried = readableMainText(await (await renderPage(path, w.cookies.officerA)).text());
    expect(whileQueried).toContain("Query: Please attach the timesheets");

    const shown = /name="reviewShown" value="([^"]*)"/.exec(
      await (await renderPage(path, w.cookies.supplierOwner)).text(),
    )![1];
    const form = formOf({
      ...returnForm(w, "submit", { hours: "12", narrative: "A careers fair", declaration: true }),
      reviewShown: shown,
    });
    expect((await postPage(path, form, w.cookies.supplierOwner)).status).toBe(302);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe(
      "SUBMITTED",
    );

    for (const cookie of [w.cookies.supplierOwner, w.cookies.officerA]) {
      const page = readableMainText(await (await renderPage(path, cookie)).text());
      expect(page).toContain("Queried last time: Please attach the timesheets");
      expect(page).not.toContain("Query: Please attach the timesheets");
    }
  });
});
