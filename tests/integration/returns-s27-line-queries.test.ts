// Querying a return with comments per line (issue 6), through the review page as a browser without JavaScript
// sends it. Gaps found: a line the supplier had not answered (a commitment added since the return was sent) had
// no comment box, so it could not be queried against; a comment too long was told "Comment must be 2,000
// characters or fewer" without saying which of the page's comments; the queried email ran the overall comment and
// every line's into one paragraph, so it did not say which lines were queried; and a comment against a
// commitment removed while the officer wrote it was dropped, the query sent without it.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCommitment, createMeasure } from "../helpers/factories.ts";
import { flashOfRedirect } from "../helpers/flash.ts";
import { formOf, postPage, readableText, renderPage } from "../helpers/render-page.ts";
import { createSubmittedReturnWorld } from "./returns-review-world.ts";

type World = Awaited<ReturnType<typeof createSubmittedReturnWorld>>;

/** The review form as the page sends it: every line's box (blank unless given), in page order. */
function reviewForm(
  w: World,
  intent: "accept" | "query",
  values: { comment?: string; lines?: [commitmentId: string, comment: string][] },
) {
  const fields: Record<string, string> = {
    intent,
    submittedAt: w.submittedAt,
    comment: values.comment ?? "",
  };
  (values.lines ?? []).forEach(([commitmentId, comment], index) => {
    fields[`lineComments[${index}].commitmentId`] = commitmentId;
    fields[`lineComments[${index}].comment`] = comment;
  });
  return formOf(fields);
}

const reviewPath = (w: World) => `/returns/${w.kpiReturn.id}/review`;

async function textOf(response: Response) {
  return readableText(await response.text());
}

describe("querying a return line by line", () => {
  it("a line not answered yet (a commitment added since it was sent) can be queried, and the supplier sees it there", async () => {
    const w = await createSubmittedReturnWorld();
    const measure = await createMeasure({ councilId: w.councilA.id, name: "Apprenticeships", unit: "COUNT" });
    const added = await createCommitment({
      contractId: w.contract.id,
      measureId: measure.id,
      targetQuantity: 4,
    });

    const page = await textOf(await renderPage(reviewPath(w), w.cookies.officerA));
    expect(page).toContain("Query about Apprenticeships");

    const form = () =>
      reviewForm(w, "query", {
        lines: [
          [w.hoursCommitment.id, ""],
          [w.eventsCommitment.id, ""],
          [added.id, "Please report the apprenticeships started this quarter"],
        ],
      });
    const sent = await postPage(reviewPath(w), form(), w.cookies.officerA);
    expect(sent.status).toBe(302);
    expect((await flashOfRedirect(sent))?.message).toMatch(/^Return queried/);
    // the same query sent again (a double click) is answered as already made, not as another's review
    const again = await postPage(reviewPath(w), form(), w.cookies.officerA);
    expect(await flashOfRedirect(again)).toEqual({
      kind: "success",
      message: "This return was already queried",
    });
    expect(await db.kpiReturnEvent.count({ where: { returnId: w.kpiReturn.id, toStatus: "QUERIED" } })).toBe(
      1,
    );

    const supplierPage = await textOf(
      await renderPage(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner),
    );
    expect(supplierPage).toMatch(
      /Apprenticeships Committed over the contract: 4 Query from Test User Please report the apprenticeships started this quarter/,
    );
    // the history keeps which line was queried
    expect(supplierPage).toContain("Apprenticeships: Please report the apprenticeships started this quarter");
  });

  it("names the comment too long by its line, and keeps what was typed in every box", async () => {
    const w = await createSubmittedReturnWorld();
    const tooLongLine = "Timesheets ".repeat(190); // 2,090 characters, 2,089 once trimmed
    const tooLongOverall = "x".repeat(5001);
    const answer = await postPage(
      reviewPath(w),
      reviewForm(w, "query", {
        comment: tooLongOverall,
        lines: [
          [w.hoursCommitment.id, tooLongLine],
          [w.eventsCommitment.id, "Name the schools"],
        ],
      }),
      w.cookies.officerA,
    );
    expect(answer.status).toBe(400);
    const html = await answer.text();
    const text = readableText(html);
    expect(text).toContain("Your query about Volunteering hours must be 2,000 characters or fewer");
    expect(text).toContain("Overall comment must be 5,000 characters or fewer");
    expect(text).not.toContain("Comment must be");
    expect(text).not.toContain("Careers events must be");
    expect(html).toMatch(/<textarea(?=[^>]*name="lineComments\[0\]\.comment")(?=[^>]*rows="3")[^>]*>/);
    expect(html).toMatch(/name="lineComments\[1\]\.comment"[^>]*>Name the schools<\/textarea>/);
    expect(html).toContain(`${tooLongLine}</textarea>`);
    expect(html).toContain(`${tooLongOverall}</textarea>`);
    const kpiReturn = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    expect(kpiReturn.status).toBe("SUBMITTED");
  });

  it("a query with no comment anywhere is refused, saying what to enter, every line's box kept", async () => {
    const w = await createSubmittedReturnWorld();
    const answer = await postPage(
      reviewPath(w),
      reviewForm(w, "query", { comment: "  ", lines: [[w.hoursCommitment.id, " "]] }),
      w.cookies.officerA,
    );
    expect(answer.status).toBe(400);
    const text = await textOf(answer);
    expect(text).toContain(
      "There is a problem Enter what the supplier needs to change, overall or against a line",
    );
    expect(text).toContain("Query about Volunteering hours");
    expect(text).toContain("Query about Careers events");
  });

  it("the queried email lists each line queried with its comment, apart from the overall comment", async () => {
    const w = await createSubmittedReturnWorld();
    const sent = await postPage(
      reviewPath(w),
      reviewForm(w, "query", {
        comment: "A few things to check",
        lines: [
          [w.hoursCommitment.id, "Please attach the timesheets"],
          [w.eventsCommitment.id, "Name the schools"],
        ],
      }),
      w.cookies.officerA,
    );
    expect(sent.status).toBe(302);
    const [email] = await db.emailOutbox.findMany({
      where: { template: "returns-queried", to: w.users.supplierOwner.email },
    });
    const text = email.text.replace(/\s+/g, " ");
    expect(text).toContain("Their comment: A few things to check They queried 2 lines of the return:");
    expect(text).toContain(
      "Volunteering hours: Please attach the timesheets Careers events: Name the schools",
    );
  });

  it("a comment against a commitment replaced while the officer wrote it is not dropped: nothing is sent", async () => {
    const w = await createSubmittedReturnWorld();
    const form = reviewForm(w, "query", {
      lines: [
        [w.hoursCommitment.id, ""],
        [w.eventsCommitment.id, "Name the schools"],
      ],
    });
    // the council swaps the careers commitment for another while the review page is open
    await db.commitment.delete({ where: { id: w.eventsCommitment.id } });
    const measure = await createMeasure({ councilId: w.councilA.id, name: "Apprenticeships", unit: "COUNT" });
    await createCommitment({ contractId: w.contract.id, measureId: measure.id, targetQuantity: 4 });
    const answer = await postPage(reviewPath(w), form, w.cookies.officerA);
    expect(answer.status).toBe(400);
    expect(await textOf(answer)).toContain(
      "The commitments on this contract changed while you were reviewing this return, so nothing was sent.",
    );
    const kpiReturn = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    expect(kpiReturn.status).toBe("SUBMITTED");
    expect(
      await db.emailOutbox.count({ where: { template: "returns-queried", councilId: w.councilA.id } }),
    ).toBe(0);
  });
});
