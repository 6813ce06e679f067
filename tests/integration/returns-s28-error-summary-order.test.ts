// The error summary of the return form and of the review form listed errors in the order the checks found them,
// not the order of the fields on the page: a line's evidence link and a too-long note came before the amount
// above them, and the first line's amount after the second line's note. GOV.UK's error summary lists them as the
// page does, so that a keyboard or screen reader user meets them in order.
import { describe, expect, it } from "vitest";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";
import { createSubmittedReturnWorld } from "./returns-review-world.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

/** The links of the page's error summary, in order. */
function summaryLinks(html: string) {
  const summary = html.slice(
    html.indexOf("There is a problem"),
    html.indexOf("</ul>", html.indexOf("There is a problem")),
  );
  return [...summary.matchAll(/<a href="#([^"]+)"[^>]*>([^<]*)</g)].map((m) => m[1]);
}

describe("the error summary lists errors in the order of the fields on the page", () => {
  it("on the return form", async () => {
    const w = await createReturnsWorld();
    const form = formOf({
      ...returnForm(w, "submit", { hours: "1e309", evidenceUrl: "ftp://example.org/a" }),
      "lines[1].note": "x".repeat(2001),
    });
    const response = await postPage(`/returns/${w.kpiReturn.id}`, form, w.cookies.supplierOwner);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(summaryLinks(html)).toEqual([
      "lines[0].quantity",
      "lines[0].evidenceUrl",
      "lines[1].narrative",
      "lines[1].note",
      "declaration",
    ]);
    expect(readableMainText(html)).toContain(
      "Enter the amount for Volunteering hours as a number, like 12 or 12.5",
    );
  });

  it("on the review form", async () => {
    const w = await createSubmittedReturnWorld();
    const form = formOf({
      intent: "query",
      submittedAt: w.submittedAt,
      comment: "x".repeat(5001),
      "lineComments[0].commitmentId": w.hoursCommitment.id,
      "lineComments[0].comment": "y".repeat(2001),
      "lineComments[1].commitmentId": w.eventsCommitment.id,
      "lineComments[1].comment": "",
    });
    const response = await postPage(`/returns/${w.kpiReturn.id}/review`, form, w.cookies.officerA);
    expect(response.status).toBe(400);
    expect(summaryLinks(await response.text())).toEqual(["lineComments[0].comment", "comment"]);
  });
});
