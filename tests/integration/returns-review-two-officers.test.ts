// Two officers reviewing the same submitted return: the second to send answered "This return was already
// queried" (or accepted), a success, while their comments were dropped unsaid, so they believed the supplier had
// been sent their query. It still changes nothing, but now says their review was not sent, unless it is the one
// already made (a double click, or the same form sent again).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { action as reviewAction } from "~/routes/returns.$id.review.tsx";
import { readFlash } from "~/ui/flash.server.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

async function submitted(w: World) {
  const response = await callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie: w.cookies.supplierOwner,
    form: returnForm(w, "submit", { hours: "10", narrative: "A careers fair", declaration: true }),
  });
  expect(response.status).toBe(302);
  const { submittedAt } = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
  const hoursLine = await db.kpiReturnLine.findUniqueOrThrow({
    where: { returnId_commitmentId: { returnId: w.kpiReturn.id, commitmentId: w.hoursCommitment.id } },
  });
  const colleague = await sessionCookieFor((await createMember(w.councilA.id, "OFFICER")).id);
  return { submittedAt: submittedAt!.toISOString(), hoursLineId: hoursLine.id, colleague };
}

function review(w: World, cookie: string, form: Record<string, string>) {
  return callAction(reviewAction, {
    path: `/returns/${w.kpiReturn.id}/review`,
    params: { id: w.kpiReturn.id },
    cookie,
    form,
  });
}

async function flashOf(response: Response) {
  expect(response.status).toBe(302);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  return (await readFlash(new Request("http://localhost:3000/", { headers: { cookie } }))).flash;
}

// each query emails every member of the supplier once
const queries = (w: World) =>
  db.kpiReturnEvent.findMany({ where: { returnId: w.kpiReturn.id, toStatus: "QUERIED" } });

describe("a return reviewed by two officers from the same version", () => {
  it("a second query with other comments is not sent, and says so", async () => {
    const w = await createReturnsWorld();
    const { submittedAt, hoursLineId, colleague } = await submitted(w);
    const first = await review(w, w.cookies.officerA, {
      intent: "query",
      submittedAt,
      "lineComments[0].lineId": hoursLineId,
      "lineComments[0].comment": "Please attach the timesheets",
    });
    expect((await flashOf(first))?.kind).toBe("success");
    const second = await review(w, colleague, { intent: "query", submittedAt, comment: "Is 10 right?" });
    expect(await flashOf(second)).toEqual({
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
    const w = await createReturnsWorld();
    const { submittedAt, colleague } = await submitted(w);
    await review(w, w.cookies.officerA, { intent: "accept", submittedAt, comment: "Thanks" });
    const query = await review(w, colleague, { intent: "query", submittedAt, comment: "Is 10 right?" });
    expect(query.status).toBe(409); // as before: only a submitted return can be reviewed
    const acceptAgain = await review(w, colleague, { intent: "accept", submittedAt, comment: "Fine by me" });
    expect(await flashOf(acceptAgain)).toEqual({
      kind: "error",
      message: expect.stringMatching(/already been accepted.*not sent/),
    });
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).reviewComment).toBe(
      "Thanks",
    );
  });

  it("the same review sent twice is answered as already made", async () => {
    const w = await createReturnsWorld();
    const { submittedAt, hoursLineId } = await submitted(w);
    const form = {
      intent: "query",
      submittedAt,
      comment: "Two things",
      "lineComments[0].lineId": hoursLineId,
      "lineComments[0].comment": "Attach the timesheets",
    };
    const answers = await Promise.all([
      review(w, w.cookies.officerA, form),
      review(w, w.cookies.officerA, form),
    ]);
    const flashes = await Promise.all(answers.map(flashOf));
    expect(flashes.map((f) => f?.kind)).toEqual(["success", "success"]);
    expect(await queries(w)).toHaveLength(1);
    expect(await flashOf(await review(w, w.cookies.officerA, form))).toEqual({
      kind: "success",
      message: "This return was already queried",
    });
  });

  it("two different queries at the same moment: one is sent, the other says it was not", async () => {
    const w = await createReturnsWorld();
    const { submittedAt, colleague } = await submitted(w);
    const answers = await Promise.all([
      review(w, w.cookies.officerA, { intent: "query", submittedAt, comment: "First" }),
      review(w, colleague, { intent: "query", submittedAt, comment: "Second" }),
    ]);
    const flashes = await Promise.all(answers.map(flashOf));
    expect(flashes.map((f) => f?.kind).sort()).toEqual(["error", "success"]);
    const sent = flashes[0]?.kind === "success" ? "First" : "Second";
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).reviewComment).toBe(
      sent,
    );
    expect(await queries(w)).toHaveLength(1);
  });
});
