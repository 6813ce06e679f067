// An officer who typed a query against a line and then pressed "Accept return" lost what they wrote without a
// word: the return was accepted and the line's query dropped. Now the accept is refused, the query shown against
// its line with the officer's words kept, so they either query the return or clear the line and accept.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { jsonOf } from "../helpers/routes.ts";
import { createSubmittedReturnWorld, reviewReturn } from "./returns-review-world.ts";

type Reply = { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };

describe("accepting a return with a query typed against a line", () => {
  it("is refused, with the query kept against its line, and the return stays submitted", async () => {
    const w = await createSubmittedReturnWorld();
    const { submittedAt } = w;
    const response = await reviewReturn(w, w.cookies.officerA, {
      intent: "accept",
      submittedAt,
      "lineComments[0].commitmentId": w.hoursCommitment.id,
      "lineComments[0].comment": "Please attach the timesheets",
    });
    expect(response.status).toBe(400);
    const reply = await jsonOf<Reply>(response);
    expect(reply.error?.["lineComments[0].comment"]).toEqual([
      "Query the return to send this to the supplier, or clear it to accept the return",
    ]);
    expect(JSON.stringify(reply.initialValue)).toContain("Please attach the timesheets");
    const kpiReturn = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    expect(kpiReturn.status).toBe("SUBMITTED");
    expect(await db.kpiReturnEvent.count({ where: { returnId: w.kpiReturn.id, toStatus: "ACCEPTED" } })).toBe(
      0,
    );
  });

  it("is accepted with an overall comment and empty line queries, as before", async () => {
    const w = await createSubmittedReturnWorld();
    const { submittedAt } = w;
    const response = await reviewReturn(w, w.cookies.officerA, {
      intent: "accept",
      submittedAt,
      comment: "Thank you, well evidenced",
      "lineComments[0].commitmentId": w.hoursCommitment.id,
      "lineComments[0].comment": "   ",
    });
    expect(response.status).toBe(302);
    const kpiReturn = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    expect(kpiReturn.status).toBe("ACCEPTED");
  });

  it("the same words sent as a query reach the supplier's line", async () => {
    const w = await createSubmittedReturnWorld();
    const { submittedAt, hoursLineId } = w;
    const response = await reviewReturn(w, w.cookies.officerA, {
      intent: "query",
      submittedAt,
      "lineComments[0].commitmentId": w.hoursCommitment.id,
      "lineComments[0].comment": "Please attach the timesheets",
    });
    expect(response.status).toBe(302);
    const line = await db.kpiReturnLine.findUniqueOrThrow({ where: { id: hoursLineId } });
    expect(line.queryComment).toBe("Please attach the timesheets");
  });
});
