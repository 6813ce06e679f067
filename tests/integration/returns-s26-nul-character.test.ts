// A NUL character (pasted from another program, or sent by hand) in a return's answer: the database drops it, so a
// narrative of NUL and spaces was stored blank, breaking the rule that a narrative has text, and the supplier got
// "Sorry, there is a problem with the service" (a 500), on a draft or on submitting. A query comment of only NUL
// sent the supplier a query with no words. Now NUL is dropped before the answer is trimmed and checked: a blank
// answer is blank, and is asked for where it is needed.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { jsonOf } from "../helpers/routes.ts";
import { createSubmittedReturnWorld, reviewReturn } from "./returns-review-world.ts";
import { createReturnsWorld, sendReturn } from "./returns-world.ts";

beforeAll(() => renderPage("/"));

const eventsLine = (w: Awaited<ReturnType<typeof createReturnsWorld>>) =>
  db.kpiReturnLine.findUnique({
    where: { returnId_commitmentId: { returnId: w.kpiReturn.id, commitmentId: w.eventsCommitment.id } },
  });

describe("a NUL character in a return's answers", () => {
  it("saves a draft whose narrative is only NUL and spaces as not answered", async () => {
    const w = await createReturnsWorld();
    const response = await sendReturn(w, "save", {
      hours: "5",
      narrative: " \u0000 ",
      note: "\u0000Timesheets attached",
    });
    expect(response.status).toBe(302);
    expect((await eventsLine(w))?.narrative).toBeNull();
    const hours = await db.kpiReturnLine.findUniqueOrThrow({
      where: { returnId_commitmentId: { returnId: w.kpiReturn.id, commitmentId: w.hoursCommitment.id } },
    });
    expect(hours.note).toBe("Timesheets attached");
  });

  it("asks for the narrative when the return is submitted with only NUL in it", async () => {
    const w = await createReturnsWorld();
    const response = await sendReturn(w, "submit", { hours: "5", narrative: "\u0000", declaration: true });
    expect(response.status).toBe(400);
    const html = await response.text();
    const inline = /<p id="lines\[1\]\.narrative-error"[^>]*>(.*?)<\/p>/.exec(html)?.[1];
    expect(readableText(inline ?? "").trim()).toBe("Error: Enter what was delivered for Careers events");
    const kpiReturn = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    expect(kpiReturn.status).toBe("NOT_STARTED");
  });

  it("refuses a query whose only comment is NUL, asking what the supplier needs to change", async () => {
    const w = await createSubmittedReturnWorld();
    const response = await reviewReturn(w, w.cookies.officerA, {
      intent: "query",
      submittedAt: w.submittedAt,
      comment: "\u0000",
      "lineComments[0].commitmentId": w.hoursCommitment.id,
      "lineComments[0].comment": "\u0000 ",
    });
    expect(response.status).toBe(400);
    const reply = await jsonOf<{ error?: Record<string, string[] | null> }>(response);
    expect(reply.error?.comment).toEqual([
      "Enter what the supplier needs to change, overall or against a line",
    ]);
    const kpiReturn = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    expect(kpiReturn.status).toBe("SUBMITTED");
  });
});
