// Found in review: the respondent's journey, with a business that has an owner and members.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as checkAnswers from "~/routes/survey.$cycleId.check-answers.tsx";
import * as question from "~/routes/survey.$cycleId.questions.$topic.tsx";
import * as withdraw from "~/routes/survey.$cycleId.withdraw.tsx";
import { saveTopicAnswers, submitResponse } from "~/domain/survey/responses.server.ts";
import { topicBySlug } from "~/domain/survey/questions.ts";
import { londonDayIso } from "~/domain/survey/schemas.ts";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  createSurveyResponse,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { answer, consent, freshCycle, send } from "../helpers/survey-respondent.ts";

const page = (
  loader: (args: LoaderFunctionArgs) => unknown,
  cycleId: string,
  cookie: string,
  topic?: string,
) =>
  callLoader(loader, {
    path: topic ? `/survey/${cycleId}/questions/${topic}` : `/survey/${cycleId}/check-answers`,
    params: topic ? { cycleId, topic } : { cycleId },
    cookie,
  });

describe("an owner sending a member's answers for the business", () => {
  it("leaves the member who answered able to see, change and withdraw them", async () => {
    const { cycleId, business } = await freshCycle();
    const ownerUser = await createMember(business.id, "OWNER");
    const memberUser = await createMember(business.id, "MEMBER");
    const owner = await sessionCookieFor(ownerUser.id);
    const member = await sessionCookieFor(memberUser.id);

    await consent(cycleId, member);
    await answer(cycleId, member, "ethnic-group", { ethnicGroup: "ASIAN" });
    await answer(cycleId, member, "ethnic-background", { ethnicBackground: "ASIAN_INDIAN" });
    expect((await send(cycleId, owner)).headers.get("location")).toBe(`/survey/${cycleId}/confirmation`);

    // the member who gave the answers still has them: check your answers, the question pages, the explainer
    const check = await page(checkAnswers.loader, cycleId, member);
    expect(check.status).toBe(200);
    expect(JSON.stringify(await check.json())).toContain("Indian");
    const group = await page(question.loader, cycleId, member, "ethnic-group");
    expect((await jsonOf<{ values: Record<string, unknown> }>(group)).values.ethnicGroup).toBe("ASIAN");
    const start = await callLoader(explainer.loader, { path: "/x", params: { cycleId }, cookie: member });
    expect(await start.text()).toContain('"mine":true');
    // and the owner still has them too
    expect((await page(checkAnswers.loader, cycleId, owner)).status).toBe(200);
    const response = await db.surveyResponse.findFirstOrThrow({ where: { cycleId } });
    expect(response).toMatchObject({ status: "SUBMITTED", respondentUserId: memberUser.id });
  });
});

describe("the contact details asked 'only if you said yes'", () => {
  it("do not stop a business that said no from going on, and are not kept", async () => {
    const { cycleId, business } = await freshCycle();
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    await consent(cycleId, owner);
    // started typing an address, then chose not to be contacted
    const no = await answer(cycleId, owner, "meet-the-buyer", {
      meetTheBuyerInterest: "NO",
      contactConsent: "NO",
      contactName: "Ada",
      contactEmail: "ada@",
    });
    expect(no.status).toBe(302);
    expect(no.headers.get("location")).toBe(`/survey/${cycleId}/check-answers`);
    const stored = await db.surveyResponse.findFirstOrThrow({ where: { cycleId } });
    expect(stored).toMatchObject({
      meetTheBuyerInterest: "NO",
      contactConsentAnswer: "NO",
      contactName: null,
      contactEmail: null,
    });
    // saying yes, the address must still be one
    const yes = await answer(cycleId, owner, "meet-the-buyer", {
      contactConsent: "YES",
      contactEmail: "ada@",
    });
    expect(yes.status).toBe(400);
    expect(JSON.stringify(await yes.json())).toContain("Enter an email address in the correct format");
    const ok = await answer(cycleId, owner, "meet-the-buyer", {
      contactConsent: "YES",
      contactEmail: " Ada@Example.test ",
    });
    expect(ok.status).toBe(302);
    expect(await db.surveyResponse.findFirstOrThrow({ where: { cycleId } })).toMatchObject({
      contactConsent: true,
      contactEmail: "Ada@Example.test",
    });
  });
});

describe("withdrawing", () => {
  const withdrawOnce = (cycleId: string, cookie: string) =>
    callAction(withdraw.action, {
      path: `/survey/${cycleId}/withdraw`,
      params: { cycleId },
      cookie,
      form: {},
    });
  const withdrawn = (r: Response, cycleId: string) => {
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe(`/survey/${cycleId}`);
    // the one-off message saying the answers were withdrawn and deleted
    expect(r.headers.get("set-cookie") ?? "").toMatch(/^svm_flash=[^;]+;/);
  };

  it("sent twice (at once, or again after a slow answer) deletes unsent answers once and answers each as the first", async () => {
    const { cycleId, business } = await freshCycle();
    const user = await createMember(business.id, "OWNER");
    const owner = await sessionCookieFor(user.id);
    await consent(cycleId, owner);
    await answer(cycleId, owner, "age", { age: "35_49" });
    const [a, b] = await Promise.all([withdrawOnce(cycleId, owner), withdrawOnce(cycleId, owner)]);
    withdrawn(a, cycleId);
    withdrawn(b, cycleId);
    withdrawn(await withdrawOnce(cycleId, owner), cycleId);
    // answers never sent are deleted with their response (s33), once
    expect(await db.surveyResponse.count({ where: { cycleId } })).toBe(0);
    expect(
      await db.auditLog.count({
        where: { action: "survey.response.withdraw", actorOrganisationId: business.id },
      }),
    ).toBe(1);
  });

  it("is not undone by a page saved or answers sent just after it (read before the withdrawal)", async () => {
    const { cycleId, business } = await freshCycle();
    const user = await createMember(business.id, "OWNER");
    const owner = await sessionCookieFor(user.id);
    await consent(cycleId, owner);
    await answer(cycleId, owner, "sex", { sex: "FEMALE" });
    const { id: responseId } = await db.surveyResponse.findFirstOrThrow({ where: { cycleId } });
    withdrawn(await withdrawOnce(cycleId, owner), cycleId);

    // what a question page or check your answers, having read the response just before, then does
    const by = { userId: user.id };
    expect(await saveTopicAnswers(responseId, topicBySlug("age")!, { age: "50_64" }, by)).toBeNull();
    expect(
      await saveTopicAnswers(responseId, topicBySlug("barriers")!, { barriers: ["NO_FEEDBACK"] }, by),
    ).toBeNull();
    const sent = await submitResponse({
      responseId,
      userId: user.id,
      organisationId: business.id,
      email: user.email,
      councilId: "unused",
      cycleId,
      year: 2026,
    });
    expect(sent).toMatchObject({ sent: false });
    // answers never sent were deleted with their response (s33): nothing was stored or sent after
    expect(await db.surveyResponse.count({ where: { cycleId } })).toBe(0);
    expect(await db.surveyProtectedAnswers.count({ where: { responseId } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { template: "survey-submitted", to: user.email } })).toBe(0);
  });
});

describe("a barrier sent twice in one form", () => {
  it("is kept once, so the report counts the business once for it", async () => {
    const { cycleId, business } = await freshCycle();
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    await consent(cycleId, owner);
    const saved = await answer(cycleId, owner, "barriers", {
      barriers: ["NO_FEEDBACK", "NO_FEEDBACK", "PAYMENT_TERMS"],
    });
    expect(saved.status).toBe(302);
    const stored = await db.surveyResponse.findFirstOrThrow({ where: { cycleId } });
    expect(stored.barriers).toEqual(["NO_FEEDBACK", "PAYMENT_TERMS"]);
  });
});

describe("the survey's first page once its closing day is over (before the night's housekeeping closes it)", () => {
  it("no longer offers changes until a date already past", async () => {
    const council = await createCouncil();
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
    const cycleId = (
      await createSurveyCycle({
        councilId: council.id,
        year: 2026,
        opensOn: new Date(Date.UTC(2026, 0, 1)),
        closesOn: new Date(`${londonDayIso(yesterday)}T00:00:00.000Z`),
      })
    ).id;
    const sent = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const started = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const sentOwner = await createMember(sent.id, "OWNER");
    const startedOwner = await createMember(started.id, "OWNER");
    await createSurveyResponse({ cycleId, organisationId: sent.id, respondentUserId: sentOwner.id });
    await createSurveyResponse({
      cycleId,
      organisationId: started.id,
      respondentUserId: startedOwner.id,
      submitted: false,
    });
    const textOf = async (userId: string) =>
      (await (await renderPage(`/survey/${cycleId}`, await sessionCookieFor(userId))).text()).replace(
        /<!-- -->/g,
        "",
      );
    const sentPage = await textOf(sentOwner.id);
    expect(sentPage).toContain("You sent your answers on");
    expect(sentPage).not.toContain("change or withdraw them until");
    const startedPage = await textOf(startedOwner.id);
    expect(startedPage).toContain("did not send your answers before it closed");
    expect(startedPage).not.toContain("send them by");
  });
});
