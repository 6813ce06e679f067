// The returns world with its return submitted by the supplier (10 hours and a careers fair), as an officer finds it
// to review, and the review form sent as the review page sends it.
import { expect } from "vitest";
import { db } from "~/db.server.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { action as reviewAction } from "~/routes/returns.$id.review.tsx";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

/** `submittedAt` is the version the review page shows; `hoursLineId` the line of the hours commitment. */
export async function createSubmittedReturnWorld() {
  const w = await createReturnsWorld();
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
  return { ...w, submittedAt: submittedAt!.toISOString(), hoursLineId: hoursLine.id };
}

type SubmittedWorld = Awaited<ReturnType<typeof createSubmittedReturnWorld>>;

/** The submitted return queried by officerA (a comment on the whole return), so the supplier may amend it; the review
 * sends the officer back to the return's page, as its council sees it. */
export async function createQueriedReturnWorld(comment = "Please check the hours") {
  const w = await createSubmittedReturnWorld();
  const queried = await reviewReturn(w, w.cookies.officerA, {
    intent: "query",
    submittedAt: w.submittedAt,
    comment,
  });
  expect(queried.status).toBe(302);
  expect(queried.headers.get("location")).toBe(`/returns/${w.kpiReturn.id}?council=${w.councilA.id}`);
  return w;
}

/** A second officer of the return's council (officerA manages the contract), signed in. */
export async function colleagueOf(w: SubmittedWorld) {
  return sessionCookieFor((await createMember(w.councilA.id, "OFFICER")).id);
}

export function reviewReturn(w: SubmittedWorld, cookie: string, form: Record<string, string>) {
  return callAction(reviewAction, {
    path: `/returns/${w.kpiReturn.id}/review`,
    params: { id: w.kpiReturn.id },
    cookie,
    form,
  });
}
