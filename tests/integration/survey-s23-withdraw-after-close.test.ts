// Withdrawing, like changing or sending answers, is never done after the survey closes (decision 007): the report,
// available from the close, counts the answers sent. Saving and sending held the cycle open while they worked, but
// withdrawing did not, so a "Withdraw" page read just before an officer closed the survey deleted the sent answers
// after the close, and the business was told they were withdrawn whatever happened.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { closeCycle } from "~/domain/survey/cycles.server.ts";
import { withdrawResponse } from "~/domain/survey/responses.server.ts";
import * as withdraw from "~/routes/survey.$cycleId.withdraw.tsx";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { flashOf } from "../helpers/flash.ts";
import { callAction } from "../helpers/routes.ts";
import { answer, consent, freshCycle, send } from "../helpers/survey-respondent.ts";
import { secondWaitsForFirst } from "../helpers/while-open.ts";

async function sentAnswers() {
  const { council, cycleId, business } = await freshCycle();
  const user = await createMember(business.id, "OWNER");
  const cookie = await sessionCookieFor(user.id);
  await consent(cycleId, cookie);
  await answer(cycleId, cookie, "age", { age: "35_49" });
  await send(cycleId, cookie);
  const { id: responseId } = await db.surveyResponse.findFirstOrThrow({ where: { cycleId } });
  return { council, cycleId, business, user, cookie, responseId };
}

async function expectStillSent(responseId: string) {
  expect(await db.surveyResponse.findUniqueOrThrow({ where: { id: responseId } })).toMatchObject({
    status: "SUBMITTED",
  });
  expect(await db.surveyProtectedAnswers.count({ where: { responseId } })).toBe(1);
  expect(
    await db.auditLog.count({ where: { action: "survey.response.withdraw", entityId: responseId } }),
  ).toBe(0);
}

describe("withdrawing answers as the survey closes", () => {
  it("withdraws nothing once the survey has closed", async () => {
    const { council, cycleId, business, user, responseId } = await sentAnswers();
    expect(await closeCycle({ userId: user.id, councilId: council.id }, cycleId)).toBe(true);
    // what the withdraw page, having read the open cycle just before, then does
    expect(await withdrawResponse({ responseId, userId: user.id, organisationId: business.id })).toBe(
      "closed",
    );
    await expectStillSent(responseId);
  });

  it("waits for a close under way, then withdraws nothing and tells the business why", async () => {
    const { cycleId, cookie, responseId } = await sentAnswers();
    const answered = await secondWaitsForFirst(
      // an officer's close has marked the cycle closed and has not committed yet
      (tx) =>
        tx.$executeRaw`UPDATE "SurveyCycle" SET status = 'CLOSED', "closedAt" = now() WHERE id = ${cycleId}`,
      () =>
        callAction(withdraw.action, {
          path: `/survey/${cycleId}/withdraw`,
          params: { cycleId },
          cookie,
          form: {},
        }),
    );
    expect(answered.status).toBe(302);
    expect(answered.headers.get("location")).toBe("/survey");
    expect(await flashOf(answered)).toEqual({
      kind: "info",
      message: "The survey has closed, so your answers could not be withdrawn.",
    });
    await expectStillSent(responseId);
  });
});
