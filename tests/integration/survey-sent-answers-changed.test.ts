// Answers already sent count in the council's report as soon as a question page is saved, so a change to them is
// logged then (which page, never what), as sending and withdrawing are; answers not yet sent are not logged page by
// page. And a page read just before the survey closed no longer changes sent answers, or sends them again, after
// the close: saving and sending check that the cycle still takes answers, holding it open while they store them.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { closeCycle } from "~/domain/survey/cycles.server.ts";
import { saveTopicAnswers, submitResponse } from "~/domain/survey/responses.server.ts";
import { topicBySlug } from "~/domain/survey/questions.ts";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as checkAnswers from "~/routes/survey.$cycleId.check-answers.tsx";
import * as question from "~/routes/survey.$cycleId.questions.$topic.tsx";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

async function respondent() {
  const council = await createCouncil();
  const cycleId = (await createSurveyCycle({ councilId: council.id, year: 2026 })).id;
  const business = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  const user = await createMember(business.id, "OWNER");
  const cookie = await sessionCookieFor(user.id);
  const post = (path: string, action: typeof question.action, params: Record<string, string>, form = {}) =>
    callAction(action, { path: `/survey/${cycleId}${path}`, params: { cycleId, ...params }, cookie, form });
  const answer = (topic: string, form: Record<string, string>) =>
    post(`/questions/${topic}`, question.action, { topic }, form);
  const send = () => post("/check-answers", checkAnswers.action, {});
  await post("", explainer.action, {}, { consent: "yes" });
  const { id: responseId } = await db.surveyResponse.findFirstOrThrow({ where: { cycleId } });
  return { council, cycleId, business, user, responseId, answer, send };
}

const updates = (responseId: string) =>
  db.auditLog.findMany({
    where: { action: "survey.response.update", entityId: responseId },
    select: { details: true, actorUserId: true, organisationId: true },
  });

describe("changing answers already sent", () => {
  it("logs each saved page of a sent response, naming the page and not the answer", async () => {
    const { council, user, responseId, answer, send } = await respondent();
    await answer("age", { age: "35_49" });
    expect(await updates(responseId)).toEqual([]);
    await send();
    expect((await answer("age", { age: "50_64" })).status).toBe(302);
    const logged = await updates(responseId);
    expect(logged).toEqual([{ details: { page: "age" }, actorUserId: user.id, organisationId: council.id }]);
    expect(JSON.stringify(logged)).not.toContain("50_64");
  });
});

describe("a page read just before the survey closed", () => {
  it("changes none of the sent answers and sends nothing again after the close", async () => {
    const { council, cycleId, business, user, responseId, answer, send } = await respondent();
    await answer("barriers", { barriers: "NO_FEEDBACK" } as Record<string, string>);
    await send();
    expect(await closeCycle({ userId: user.id, councilId: council.id }, cycleId)).toBe(true);

    // what the question page and check your answers, having read the open cycle just before, then do
    const by = { userId: user.id };
    expect(
      await saveTopicAnswers(responseId, topicBySlug("barriers")!, { barriers: ["SHORT_TIMESCALES"] }, by),
    ).toBe(null);
    const sent = await submitResponse({
      responseId,
      userId: user.id,
      organisationId: business.id,
      email: user.email,
      councilId: council.id,
      cycleId,
      year: 2026,
    });
    expect(sent).toEqual({ sent: false, closed: true });
    const stored = await db.surveyResponse.findUniqueOrThrow({ where: { id: responseId } });
    expect(stored).toMatchObject({ status: "SUBMITTED", barriers: ["NO_FEEDBACK"] });
    expect(await updates(responseId)).toEqual([]);
    expect(await db.emailOutbox.count({ where: { template: "survey-submitted", to: user.email } })).toBe(1);
  });
});
