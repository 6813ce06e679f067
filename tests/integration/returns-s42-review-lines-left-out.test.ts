// A review whose form left out some of the return's lines ("lineComments[1]" without [0], a hand-made request:
// a browser sends every line) was answered with zod's own "Invalid input: expected string, received undefined". A
// line left out now has no comment, and a comment that names no line is refused in the house's words.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { REVIEW_LINE_NOT_SENT } from "~/domain/reporting/returns-schema.ts";
import { createSubmittedReturnWorld, reviewReturn } from "./returns-review-world.ts";

describe("a review with lines left out", () => {
  it("sends the query, with the comment against the one line sent", async () => {
    const w = await createSubmittedReturnWorld();
    const sent = await reviewReturn(w, w.cookies.officerA, {
      intent: "query",
      submittedAt: w.submittedAt,
      "lineComments[1].commitmentId": w.hoursCommitment.id,
      "lineComments[1].comment": "Check the hours",
    });
    expect(sent.status).toBe(302);
    const queried = await db.kpiReturn.findUniqueOrThrow({
      where: { id: w.kpiReturn.id },
      select: { status: true, lines: { select: { commitmentId: true, queryComment: true } } },
    });
    expect(queried.status).toBe("QUERIED");
    expect(queried.lines.find((l) => l.commitmentId === w.hoursCommitment.id)?.queryComment).toBe(
      "Check the hours",
    );
  });

  it("refuses a comment that names no line in words, not zod's", async () => {
    const w = await createSubmittedReturnWorld();
    const sent = await reviewReturn(w, w.cookies.officerA, {
      intent: "query",
      submittedAt: w.submittedAt,
      "lineComments[1].comment": "Which line is this?",
    });
    expect(sent.status).toBe(400);
    const body = await sent.text();
    expect(body).toContain(REVIEW_LINE_NOT_SENT);
    expect(body).not.toMatch(/Invalid input|expected string/);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe(
      "SUBMITTED",
    );
  });
});
