// The review page marked each line's query "(optional)", though accepting the return refuses a line's query and
// querying it needs one (or an overall comment): the boxes now say when they are needed, and a query sent with no
// comment anywhere is told so next to the overall comment, with what the officer wrote kept.
import { describe, expect, it } from "vitest";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { createSubmittedReturnWorld } from "./returns-review-world.ts";

type World = Awaited<ReturnType<typeof createSubmittedReturnWorld>>;

const reviewPath = (w: World) => `/returns/${w.kpiReturn.id}/review`;

function reviewForm(w: World, intent: "accept" | "query", comment: string, hours: string) {
  return formOf({
    intent,
    submittedAt: w.submittedAt,
    comment,
    "lineComments[0].commitmentId": w.hoursCommitment.id,
    "lineComments[0].comment": hours,
    "lineComments[1].commitmentId": w.eventsCommitment.id,
    "lineComments[1].comment": "",
  });
}

describe("the review page's comment boxes say when they are needed", () => {
  it("tells the officer a query needs a comment and accepting takes none against a line", async () => {
    const w = await createSubmittedReturnWorld();
    const text = readableMainText(await (await renderPage(reviewPath(w), w.cookies.officerA)).text());
    expect(text).not.toContain("(optional)");
    expect(text).toContain(
      "Query about Volunteering hours Only if you query the return: leave it blank to accept. A query needs a comment against at least one line or an overall comment.",
    );
    expect(text).toContain(
      "Overall comment Required if you query the return, unless you have written a query against a line. Optional when accepting",
    );
  });

  it("a query with no comment is refused next to the overall comment", async () => {
    const w = await createSubmittedReturnWorld();
    const answer = await postPage(reviewPath(w), reviewForm(w, "query", " ", ""), w.cookies.officerA);
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toMatch(
      /<p id="comment-error"[^>]*><span[^>]*>Error:\s*<\/span>Enter what the supplier needs to change, overall or against a line/,
    );
    const box = /<textarea[^>]*name="comment"[^>]*>/.exec(html)?.[0];
    expect(box).toContain('aria-describedby="comment-hint comment-error"');
  });

  it("accepting with a line's query is refused next to that line, the query kept", async () => {
    const w = await createSubmittedReturnWorld();
    const answer = await postPage(
      reviewPath(w),
      reviewForm(w, "accept", "Thanks", "Please attach the timesheets"),
      w.cookies.officerA,
    );
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain("Query the return to send this to the supplier, or clear it to accept the return");
    expect(html).toMatch(/name="lineComments\[0\]\.comment"[^>]*>Please attach the timesheets<\/textarea>/);
    expect(html).toMatch(/name="comment"[^>]*>Thanks<\/textarea>/);
  });
});
