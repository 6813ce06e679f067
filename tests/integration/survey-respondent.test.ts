import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as checkAnswers from "~/routes/survey.$cycleId.check-answers.tsx";
import * as question from "~/routes/survey.$cycleId.questions.$topic.tsx";
import * as withdraw from "~/routes/survey.$cycleId.withdraw.tsx";
import * as surveyList from "~/routes/survey._index.tsx";
import {
  createMember,
  createOrganisation,
  createSurveyCycle,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cycleId: string;
let owner: string;
let other: string;

const answer = (cookie: string, topic: string, form: Record<string, string | string[]>, query = "") =>
  callAction(question.action, {
    path: `/survey/${cycleId}/questions/${topic}${query}`,
    params: { cycleId, topic },
    cookie,
    form,
  });
const consent = (cookie: string, value = "yes") =>
  callAction(explainer.action, {
    path: `/survey/${cycleId}`,
    params: { cycleId },
    cookie,
    form: { consent: value },
  });
const responseOf = (organisationId: string) =>
  db.surveyResponse.findFirst({ where: { cycleId, organisationId }, include: { protectedAnswers: true } });

beforeAll(async () => {
  world = await createWorld();
  cycleId = (await createSurveyCycle({ councilId: world.councilA.id, year: 2026 })).id;
  owner = await sessionCookieFor(world.users.supplierOwner.id);
  other = await sessionCookieFor(world.users.otherSupplierOwner.id);
});

describe("consent comes first", () => {
  it("stores no answer before the business agrees to take part", async () => {
    const response = await answer(owner, "ethnic-group", { ethnicGroup: "ASIAN" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/survey/${cycleId}`);
    expect(await db.surveyResponse.count()).toBe(0);
    expect(await db.surveyProtectedAnswers.count()).toBe(0);
    const page = await callLoader(question.loader, {
      path: `/survey/${cycleId}/questions/age`,
      params: { cycleId, topic: "age" },
      cookie: owner,
    });
    expect(page.headers.get("location")).toBe(`/survey/${cycleId}`);
  });

  it("stores nothing when the business says no, and asks again when nothing is chosen", async () => {
    const no = await consent(owner, "no");
    expect(no.headers.get("location")).toBe("/survey");
    const empty = await callAction(explainer.action, {
      path: `/survey/${cycleId}`,
      params: { cycleId },
      cookie: owner,
      form: {},
    });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await empty.json())).toContain("Select whether you agree to take part");
    expect(await db.surveyResponse.count()).toBe(0);
  });

  it("records consent, then keeps protected answers apart from the response", async () => {
    const yes = await consent(owner);
    expect(yes.headers.get("location")).toBe(`/survey/${cycleId}/questions/business-size`);
    const size = await answer(owner, "business-size", {
      staffHeadcountBand: "0_9",
      turnoverBand: "UP_TO_2M",
      balanceSheetBand: "PREFER_NOT_TO_SAY",
    });
    expect(size.headers.get("location")).toBe(`/survey/${cycleId}/questions/age`);
    await answer(owner, "age", { age: "35_49" });
    const group = await answer(owner, "ethnic-group", { ethnicGroup: "ASIAN" });
    expect(group.headers.get("location")).toBe(`/survey/${cycleId}/questions/ethnic-background`);
    await answer(owner, "ethnic-background", { ethnicBackground: "ASIAN_INDIAN" });
    await answer(owner, "barriers", { barriers: "TOO_MUCH_PAPERWORK" });
    const response = await responseOf(world.supplier.id);
    expect(response!.consentGivenAt).toBeInstanceOf(Date);
    expect(response!.derivedSize).toBe("MICRO");
    expect(response!.barriers).toEqual(["TOO_MUCH_PAPERWORK"]);
    expect(response!.protectedAnswers!.answers).toEqual({
      age: "35_49",
      ethnicGroup: "ASIAN",
      ethnicBackground: "ASIAN_INDIAN",
    });
    expect(JSON.stringify(response)).not.toContain('"ethnicGroup":"ASIAN","derivedSize"');
  });

  it("rejects an answer that is not on the list, keeps the page and stores nothing new", async () => {
    const bad = await answer(owner, "ethnic-background", { ethnicBackground: "BLACK_AFRICAN" });
    expect(bad.status).toBe(400);
    const unknown = await answer(owner, "age", { age: "OLD" });
    expect(unknown.status).toBe(400);
    const both = await answer(owner, "barriers", { barriers: ["TOO_MUCH_PAPERWORK", "PREFER_NOT_TO_SAY"] });
    expect(both.status).toBe(400);
    const noneAndSome = await answer(owner, "barriers", { barriers: ["NO_BARRIERS", "TOO_MUCH_PAPERWORK"] });
    expect(noneAndSome.status).toBe(400);
    expect(JSON.stringify(await noneAndSome.json())).toContain("We have not met any barriers");
    const consentWithoutEmail = await answer(owner, "meet-the-buyer", { contactConsent: "YES" });
    expect(consentWithoutEmail.status).toBe(400);
    const response = await responseOf(world.supplier.id);
    expect(response!.protectedAnswers!.answers).toMatchObject({
      age: "35_49",
      ethnicBackground: "ASIAN_INDIAN",
    });
  });

  it("drops an ethnic background that no longer fits a changed broad group", async () => {
    const changed = await answer(owner, "ethnic-group", { ethnicGroup: "WHITE" }, "?return=check");
    expect(changed.headers.get("location")).toBe(
      `/survey/${cycleId}/questions/ethnic-background?return=check&from=ethnic-group`,
    );
    const response = await responseOf(world.supplier.id);
    expect(response!.protectedAnswers!.answers).toEqual({ age: "35_49", ethnicGroup: "WHITE" });
    const prefer = await answer(
      owner,
      "ethnic-background",
      { ethnicBackground: "PREFER_NOT_TO_SAY" },
      "?return=check",
    );
    expect(prefer.headers.get("location")).toBe(`/survey/${cycleId}/check-answers`);
  });

  it("saves and lets the respondent come back later", async () => {
    const later = await answer(owner, "religion", { religion: "PREFER_NOT_TO_SAY", intent: "save-and-exit" });
    expect(later.headers.get("location")).toBe("/survey");
    const list = await callLoader(surveyList.loader, { path: "/survey", cookie: owner });
    expect(JSON.stringify(await list.json())).toContain('"responseStatus":"IN_PROGRESS"');
    // "Continue the survey" picks up on the page after the last one saved, not at the first page
    const explainerPage = () =>
      callLoader(explainer.loader, { path: `/survey/${cycleId}`, params: { cycleId }, cookie: owner })
        .then((r) => r.json())
        .then((data) => data.response.continueAt);
    expect(await explainerPage()).toBe(`/survey/${cycleId}/questions/barriers`);
    // changing an answer from check your answers does not move the resume point
    await answer(owner, "age", { age: "35_49" }, "?return=check");
    expect(await explainerPage()).toBe(`/survey/${cycleId}/questions/barriers`);
    await answer(owner, "meet-the-buyer", { meetTheBuyerInterest: "NO", contactConsent: "NO" });
    expect(await explainerPage()).toBe(`/survey/${cycleId}/check-answers`);
  });
});

describe("free-text questions have their own 'Prefer not to say'", () => {
  it("stores the choice, shows it on check your answers and refuses text with it", async () => {
    const both = await answer(owner, "council-could-do", {
      councilCouldDo: "Smaller lots",
      councilCouldDoPreferNot: "PREFER_NOT_TO_SAY",
    });
    expect(both.status).toBe(400);
    const prefer = await answer(owner, "council-could-do", { councilCouldDoPreferNot: "PREFER_NOT_TO_SAY" });
    expect(prefer.status).toBe(302);
    expect((await responseOf(world.supplier.id))!.councilCouldDo).toBe("PREFER_NOT_TO_SAY");
    const page = await callLoader(checkAnswers.loader, {
      path: `/survey/${cycleId}/check-answers`,
      params: { cycleId },
      cookie: owner,
    });
    const body = await page.json();
    expect(JSON.stringify(body)).toMatch(
      /"name":"councilCouldDo","question":"[^"]*","answer":"Prefer not to say"/,
    );
    expect(body.backTo).toBe(`/survey/${cycleId}/questions/meet-the-buyer`);
  });
});

describe("submission, other businesses and withdrawal", () => {
  it("submits from check your answers and queues a receipt without the answers", async () => {
    await answer(owner, "meet-the-buyer", {
      meetTheBuyerInterest: "YES",
      contactConsent: "YES",
      contactName: "Sam Owner",
      contactEmail: "sam@example.test",
    });
    const page = await callLoader(checkAnswers.loader, {
      path: `/survey/${cycleId}/check-answers`,
      params: { cycleId },
      cookie: owner,
    });
    const body = JSON.stringify(await page.json());
    expect(body).toContain("35 to 49");
    expect(body).toContain("Too much paperwork");
    const sent = await callAction(checkAnswers.action, {
      path: `/survey/${cycleId}/check-answers`,
      params: { cycleId },
      cookie: owner,
      form: {},
    });
    expect(sent.headers.get("location")).toBe(`/survey/${cycleId}/confirmation`);
    const response = await responseOf(world.supplier.id);
    expect(response!.status).toBe("SUBMITTED");
    const email = await db.emailOutbox.findFirst({ where: { template: "survey-submitted" } });
    expect(email!.to).toBe(world.users.supplierOwner.email);
    expect(email!.text).not.toContain("35 to 49");
  });

  it("never shows one business's answers to another", async () => {
    const page = await callLoader(checkAnswers.loader, {
      path: `/survey/${cycleId}/check-answers`,
      params: { cycleId },
      cookie: other,
    });
    // The page is always the viewer's own business's answers (the address names only the cycle, which is open to
    // this business too): with no response of its own yet it is sent to the explainer to start, as the question
    // pages do, and nothing of the first business's answers comes with it.
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe(`/survey/${cycleId}`);
    expect(await page.text()).toBe("");
    const explainerPage = await callLoader(explainer.loader, {
      path: `/survey/${cycleId}`,
      params: { cycleId },
      cookie: other,
    });
    const body = await explainerPage.text();
    expect(body).toContain('"response":null');
    expect(body).not.toContain("ASIAN");
  });

  it("answers 404 to businesses the survey is not open to, and to other kinds of organisation", async () => {
    const large = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      businessSize: "LARGE",
    });
    const far = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      registeredPostcode: "BN1 1AA",
    });
    for (const organisationId of [large.id, far.id]) {
      const cookie = await sessionCookieFor((await createMember(organisationId, "OWNER")).id);
      const page = await callLoader(explainer.loader, {
        path: `/survey/${cycleId}`,
        params: { cycleId },
        cookie,
      });
      expect(page.status).toBe(404);
      const post = await answer(cookie, "age", { age: "35_49" });
      expect(post.status).toBe(404);
    }
    const vcse = await sessionCookieFor(world.users.vcseOwner.id);
    expect(
      (await callLoader(checkAnswers.loader, { path: "/x", params: { cycleId }, cookie: vcse })).status,
    ).toBe(404);
    const officer = await sessionCookieFor(world.users.officerA.id);
    expect(
      (await callLoader(checkAnswers.loader, { path: "/x", params: { cycleId }, cookie: officer })).status,
    ).toBe(404);
  });

  it("deletes every answer when the business withdraws", async () => {
    const before = await responseOf(world.supplier.id);
    const gone = await callAction(withdraw.action, {
      path: `/survey/${cycleId}/withdraw`,
      params: { cycleId },
      cookie: owner,
      form: {},
    });
    expect(gone.headers.get("location")).toBe(`/survey/${cycleId}`);
    const after = await responseOf(world.supplier.id);
    expect(after!.status).toBe("WITHDRAWN");
    expect(after!.protectedAnswers).toBeNull();
    expect(await db.surveyProtectedAnswers.count({ where: { responseId: before!.id } })).toBe(0);
    expect(after).toMatchObject({
      barriers: [],
      derivedSize: null,
      contactName: null,
      contactEmail: null,
      meetTheBuyerInterest: null,
      staffHeadcountBand: null,
      resumeAt: null,
    });
    const audit = await db.auditLog.findFirst({ where: { action: "survey.response.withdraw" } });
    expect(audit!.entityId).toBe(before!.id);
  });

  it("takes no more changes once the cycle closes", async () => {
    await consent(other);
    await db.surveyCycle.update({ where: { id: cycleId }, data: { status: "CLOSED" } });
    const late = await answer(other, "age", { age: "50_64" });
    // led to the survey's first page, which says it has closed (s24): nothing is stored
    expect(late.status).toBe(302);
    expect(late.headers.get("location")).toBe(`/survey/${cycleId}`);
    expect(
      (await db.surveyProtectedAnswers.findMany({ where: { response: { cycleId } } })).map((p) => p.answers),
    ).not.toContainEqual({ age: "50_64" });
    await db.surveyCycle.update({ where: { id: cycleId }, data: { status: "OPEN" } });
  });
});

describe("next year starts from last year's answers", () => {
  it("pre-fills a new cycle from the business's last submitted response, protected answers included", async () => {
    const council = world.councilA.id;
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council });
    const user = await createMember(supplier.id, "OWNER");
    const cookie = await sessionCookieFor(user.id);
    const lastYear = await createSurveyCycle({ councilId: council, year: 2025, status: "CLOSED" });
    await db.surveyResponse.create({
      data: {
        cycleId: lastYear.id,
        organisationId: supplier.id,
        status: "SUBMITTED",
        consentGivenAt: new Date(),
        submittedAt: new Date(),
        staffHeadcountBand: "10_49",
        barriers: ["NO_FEEDBACK"],
        protectedAnswers: { create: { answers: { sex: "FEMALE" } } },
      },
    });
    const started = await consent(cookie);
    expect(started.headers.get("location")).toBe(`/survey/${cycleId}/questions/business-size`);
    const response = await responseOf(supplier.id);
    expect(response).toMatchObject({
      status: "IN_PROGRESS",
      staffHeadcountBand: "10_49",
      barriers: ["NO_FEEDBACK"],
    });
    expect(response!.protectedAnswers!.answers).toEqual({ sex: "FEMALE" });
    const page = await callLoader(question.loader, {
      path: `/survey/${cycleId}/questions/sex`,
      params: { cycleId, topic: "sex" },
      cookie,
    });
    const data = (await page.json()) as { values: Record<string, string> };
    expect(data.values).toEqual({ sex: "FEMALE" });
  });

  it("asks consent to be contacted afresh, and starts a member who did not answer last year from a blank form", async () => {
    const council = world.councilA.id;
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council });
    const answeredLastYear = await createMember(supplier.id, "MEMBER");
    const colleague = await createMember(supplier.id, "MEMBER");
    const lastYear = await createSurveyCycle({ councilId: council, year: 2024, status: "CLOSED" });
    await db.surveyResponse.create({
      data: {
        cycleId: lastYear.id,
        organisationId: supplier.id,
        respondentUserId: answeredLastYear.id,
        status: "SUBMITTED",
        consentGivenAt: new Date(),
        submittedAt: new Date(),
        staffHeadcountBand: "10_49",
        contactConsentAnswer: "YES",
        contactConsent: true,
        contactName: "Pat Contact",
        contactEmail: "pat@example.test",
        protectedAnswers: { create: { answers: { sexualOrientation: "GAY_OR_LESBIAN" } } },
      },
    });
    // a colleague who may not see last year's answers gets none of them, protected or not
    expect((await consent(await sessionCookieFor(colleague.id))).status).toBe(302);
    const blank = await db.surveyResponse.findFirstOrThrow({
      where: { cycleId, organisationId: supplier.id },
      include: { protectedAnswers: true },
    });
    expect(blank).toMatchObject({
      respondentUserId: colleague.id,
      staffHeadcountBand: null,
      contactName: null,
    });
    expect(blank.protectedAnswers?.answers ?? {}).toEqual({});

    // the one who gave them starts from them, except the consent to be contacted
    await db.surveyResponse.update({ where: { id: blank.id }, data: { status: "WITHDRAWN" } });
    expect((await consent(await sessionCookieFor(answeredLastYear.id))).status).toBe(302);
    const carried = await db.surveyResponse.findFirstOrThrow({
      where: { cycleId, organisationId: supplier.id },
      include: { protectedAnswers: true },
    });
    expect(carried).toMatchObject({
      staffHeadcountBand: "10_49",
      contactConsentAnswer: null,
      contactConsent: false,
      contactName: "Pat Contact",
    });
    expect(carried.protectedAnswers!.answers).toEqual({ sexualOrientation: "GAY_OR_LESBIAN" });
  });
});
