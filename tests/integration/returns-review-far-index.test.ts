// A return or review form naming a far line ("lines[100000].note", "lineComments[100000].comment") made the
// server build and check a list that long: every empty line was validated and sent back as its own error, so one
// small request held the server for seconds (minutes for a bigger number, blocking every other request). The
// return page answers such a form as out of date, with the fields of the real lines kept, and builds no list (its
// answer stays small); every other form, the review's among them, is refused as unreadable before it is parsed
// (readForm, tests/unit/read-form-far-entries.test.ts).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { action as reviewAction } from "~/routes/returns.$id.review.tsx";
import { callAction } from "../helpers/routes.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

type Reply = { reply?: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } };

async function answerOf(response: Response) {
  const text = await response.text();
  return { size: text.length, body: JSON.parse(text) as Reply & NonNullable<Reply["reply"]> };
}

describe("a form naming a line far past the return's own", () => {
  it("on the return page is answered as out of date, keeping what was typed", async () => {
    const w = await createReturnsWorld();
    const response = await callAction(returnAction, {
      path: `/returns/${w.kpiReturn.id}`,
      params: { id: w.kpiReturn.id },
      cookie: w.cookies.supplierOwner,
      form: { ...returnForm(w, "save", { hours: "12" }), "lines[100000].note": "x" },
    });
    expect(response.status).toBe(400);
    const { size, body } = await answerOf(response);
    expect(size).toBeLessThan(5000);
    expect(body.reply?.error?.[""]).toEqual(["The form is out of date: reload the page"]);
    expect(JSON.stringify(body.reply?.initialValue)).toContain('"quantity":"12"');
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe(
      "NOT_STARTED",
    );
  });

  it("on the review page is refused as unreadable, before it is parsed", async () => {
    const w = await createReturnsWorld();
    await db.kpiReturn.update({
      where: { id: w.kpiReturn.id },
      data: { status: "SUBMITTED", submittedAt: new Date("2026-07-10T10:00:00Z") },
    });
    const review = (index: number) =>
      callAction(reviewAction, {
        path: `/returns/${w.kpiReturn.id}/review`,
        params: { id: w.kpiReturn.id },
        cookie: w.cookies.officerA,
        form: {
          intent: "query",
          submittedAt: "2026-07-10T10:00:00.000Z",
          comment: "Please check",
          [`lineComments[${index}].comment`]: "x",
        },
      });
    const refused = await review(100000);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/could not be read/);
    // a line past the return's own but within what readForm reads is answered as out of date
    const response = await review(500);
    expect(response.status).toBe(400);
    const { size, body } = await answerOf(response);
    expect(size).toBeLessThan(5000);
    expect(body.error?.[""]).toEqual(["The form is out of date: reload the page"]);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe(
      "SUBMITTED",
    );
  });
});
