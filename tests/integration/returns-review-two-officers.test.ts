// Two officers reviewing the same submitted return: the second to send answered "This return was already
// queried" (or accepted), a success, while their comments were dropped unsaid, so they believed the supplier had
// been sent their query. It still changes nothing, but now says their review was not sent, unless it is the one
// already made (a double click, or the same form sent again).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { flashOfRedirect } from "../helpers/flash.ts";
import { colleagueOf, createSubmittedReturnWorld, reviewReturn } from "./returns-review-world.ts";

type World = Awaited<ReturnType<typeof createSubmittedReturnWorld>>;

// each query emails every member of the supplier once
const queries = (w: World) =>
  db.kpiReturnEvent.findMany({ where: { returnId: w.kpiReturn.id, toStatus: "QUERIED" } });

describe("a return reviewed by two officers from the same version", () => {
  it("a second query with other comments is not sent, and says so", async () => {
    const w = await createSubmittedReturnWorld();
    const { submittedAt, hoursLineId } = w;
    const colleague = await colleagueOf(w);
    const first = await reviewReturn(w, w.cookies.officerA, {
      intent: "query",
      submittedAt,
      "lineComments[0].commitmentId": w.hoursCommitment.id,
      "lineComments[0].comment": "Please attach the timesheets",
    });
    expect((await flashOfRedirect(first))?.kind).toBe("success");
    const second = await reviewReturn(w, colleague, {
      intent: "query",
      submittedAt,
      comment: "Is 10 right?",
    });
    expect(await flashOfRedirect(second)).toEqual({
      kind: "error",
      message: expect.stringMatching(/already been queried.*not sent/),
    });
    const kpiReturn = await db.kpiReturn.findUniqueOrThrow({
      where: { id: w.kpiReturn.id },
      include: { lines: true },
    });
    expect(kpiReturn.reviewComment).toBeNull();
    expect(kpiReturn.lines.find((l) => l.id === hoursLineId)?.queryComment).toBe(
      "Please attach the timesheets",
    );
    expect(await queries(w)).toHaveLength(1);
  });

  it("an accept after a query, or a query after an accept, says it was not made", async () => {
    const w = await createSubmittedReturnWorld();
    const { submittedAt } = w;
    const colleague = await colleagueOf(w);
    await reviewReturn(w, w.cookies.officerA, { intent: "accept", submittedAt, comment: "Thanks" });
    const query = await reviewReturn(w, colleague, { intent: "query", submittedAt, comment: "Is 10 right?" });
    expect(query.status).toBe(409); // as before: only a submitted return can be reviewed
    const acceptAgain = await reviewReturn(w, colleague, {
      intent: "accept",
      submittedAt,
      comment: "Fine by me",
    });
    expect(await flashOfRedirect(acceptAgain)).toEqual({
      kind: "error",
      message: expect.stringMatching(/already been accepted.*not sent/),
    });
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).reviewComment).toBe(
      "Thanks",
    );
  });

  it("the same review sent twice is answered as already made", async () => {
    const w = await createSubmittedReturnWorld();
    const { submittedAt } = w;
    const form = {
      intent: "query",
      submittedAt,
      comment: "Two things",
      "lineComments[0].commitmentId": w.hoursCommitment.id,
      "lineComments[0].comment": "Attach the timesheets",
    };
    const answers = await Promise.all([
      reviewReturn(w, w.cookies.officerA, form),
      reviewReturn(w, w.cookies.officerA, form),
    ]);
    const flashes = await Promise.all(answers.map(flashOfRedirect));
    expect(flashes.map((f) => f?.kind)).toEqual(["success", "success"]);
    expect(await queries(w)).toHaveLength(1);
    expect(await flashOfRedirect(await reviewReturn(w, w.cookies.officerA, form))).toEqual({
      kind: "success",
      message: "This return was already queried",
    });
  });

  it("two different queries at the same moment: one is sent, the other says it was not", async () => {
    const w = await createSubmittedReturnWorld();
    const { submittedAt } = w;
    const colleague = await colleagueOf(w);
    const answers = await Promise.all([
      reviewReturn(w, w.cookies.officerA, { intent: "query", submittedAt, comment: "First" }),
      reviewReturn(w, colleague, { intent: "query", submittedAt, comment: "Second" }),
    ]);
    const flashes = await Promise.all(answers.map(flashOfRedirect));
    expect(flashes.map((f) => f?.kind).sort()).toEqual(["error", "success"]);
    const sent = flashes[0]?.kind === "success" ? "First" : "Second";
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).reviewComment).toBe(
      sent,
    );
    expect(await queries(w)).toHaveLength(1);
  });
});
