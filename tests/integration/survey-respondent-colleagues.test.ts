// A business's answers belong to the person who gave them and to its owners; the contact question keeps the
// answer given; pressing a button twice does not do things twice.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { readOwnProtectedAnswers } from "~/domain/survey/protected-answers.server.ts";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as checkAnswers from "~/routes/survey.$cycleId.check-answers.tsx";
import * as confirmation from "~/routes/survey.$cycleId.confirmation.tsx";
import * as question from "~/routes/survey.$cycleId.questions.$topic.tsx";
import * as withdraw from "~/routes/survey.$cycleId.withdraw.tsx";
import { createMember, createSurveyCycle, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cycleId: string;
let owner: string;
let respondent: string;
let colleague: string;
let colleagueId: string;

const answer = (cookie: string, topic: string, form: Record<string, string | string[]>) =>
  callAction(question.action, {
    path: `/survey/${cycleId}/questions/${topic}`,
    params: { cycleId, topic },
    cookie,
    form,
  });
const consent = (cookie: string) =>
  callAction(explainer.action, {
    path: `/survey/${cycleId}`,
    params: { cycleId },
    cookie,
    form: { consent: "yes" },
  });
const send = (cookie: string) =>
  callAction(checkAnswers.action, {
    path: `/survey/${cycleId}/check-answers`,
    params: { cycleId },
    cookie,
    form: {},
  });
const page = (loader: (args: LoaderFunctionArgs) => unknown, cookie: string, topic?: string) =>
  callLoader(loader, {
    path: topic ? `/survey/${cycleId}/questions/${topic}` : `/survey/${cycleId}/check-answers`,
    params: topic ? { cycleId, topic } : { cycleId },
    cookie,
  });
type CheckAnswers = { sections: { slug: string; answers: { name: string; answer: string | null }[] }[] };
const answerOn = (data: CheckAnswers, name: string) =>
  data.sections.flatMap((s) => s.answers).find((a) => a.name === name)!.answer;

beforeAll(async () => {
  world = await createWorld();
  cycleId = (await createSurveyCycle({ councilId: world.councilA.id, year: 2026 })).id;
  owner = await sessionCookieFor(world.users.supplierOwner.id);
  respondent = await sessionCookieFor(world.users.supplierMember.id);
  const other = await createMember(world.supplier.id, "MEMBER");
  colleagueId = other.id;
  colleague = await sessionCookieFor(other.id);
});

describe("consent sent twice at once", () => {
  it("makes one response and one consent entry, not a 500", async () => {
    const results = await Promise.all([consent(respondent), consent(respondent), consent(respondent)]);
    expect(results.map((r) => r.status)).toEqual([302, 302, 302]);
    expect(await db.surveyResponse.count({ where: { cycleId } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "survey.consent" } })).toBe(1);
  });
});

describe("protected answers are seen only by the person who answered and the business's owners", () => {
  it("lets the respondent and an owner read them, and no other member of the business", async () => {
    await answer(respondent, "ethnic-group", { ethnicGroup: "ASIAN" });
    await answer(respondent, "ethnic-background", { ethnicBackground: "ASIAN_INDIAN" });
    const mine = await jsonOf<CheckAnswers>(await page(checkAnswers.loader, respondent));
    expect(answerOn(mine, "ethnicBackground")).toBe("Indian");
    const owners = await jsonOf<CheckAnswers>(await page(checkAnswers.loader, owner));
    expect(answerOn(owners, "ethnicBackground")).toBe("Indian");

    for (const response of [
      await page(checkAnswers.loader, colleague),
      await page(question.loader, colleague, "ethnic-group"),
      await callLoader(withdraw.loader, { path: "/x", params: { cycleId }, cookie: colleague }),
    ])
      expect(response.headers.get("location")).toBe(`/survey/${cycleId}`);
    const explained = await callLoader(explainer.loader, {
      path: "/x",
      params: { cycleId },
      cookie: colleague,
    });
    const text = await explained.text();
    expect(text).toContain('"mine":false');
    expect(text).not.toMatch(/ASIAN|Indian/);
    // nor which page the respondent would continue at (the page after ethnic background hints at the answer)
    expect(text).toContain('"continueAt":null');
    // the colleague cannot change them either
    expect((await answer(colleague, "ethnic-group", { ethnicGroup: "WHITE" })).status).toBe(302);
    expect((await send(colleague)).headers.get("location")).toBe(`/survey/${cycleId}`);
    const stored = await db.surveyProtectedAnswers.findFirstOrThrow({ where: { response: { cycleId } } });
    expect(stored.answers).toEqual({ ethnicGroup: "ASIAN", ethnicBackground: "ASIAN_INDIAN" });
    // and the module itself refuses, whatever a route did
    const response = await db.surveyResponse.findFirstOrThrow({ where: { cycleId } });
    expect(
      await readOwnProtectedAnswers({
        responseId: response.id,
        organisationId: world.supplier.id,
        userId: colleagueId,
      }),
    ).toEqual({});
    expect(
      await db.auditLog.count({ where: { action: "survey.answers.read_own", actorUserId: colleagueId } }),
    ).toBe(0);
  });

  it("still lets an owner withdraw a colleague's answers", async () => {
    const confirm = await callLoader(withdraw.loader, { path: "/x", params: { cycleId }, cookie: owner });
    expect(confirm.status).toBe(200);
  });
});

describe("consent to be contacted keeps the answer given", () => {
  it("shows No and Prefer not to say when coming back and on check your answers", async () => {
    for (const [given, label] of [
      ["NO", "No"],
      ["PREFER_NOT_TO_SAY", "Prefer not to say"],
      ["YES", "Yes"],
    ] as const) {
      const saved = await answer(respondent, "meet-the-buyer", {
        contactConsent: given,
        ...(given === "YES" ? { contactName: "Ada", contactEmail: "ada@example.test" } : {}),
      });
      expect(saved.status).toBe(302);
      const stored = await db.surveyResponse.findFirstOrThrow({ where: { cycleId } });
      expect(stored).toMatchObject({ contactConsentAnswer: given, contactConsent: given === "YES" });
      const back = await jsonOf<{ values: Record<string, unknown> }>(
        await page(question.loader, respondent, "meet-the-buyer"),
      );
      expect(back.values.contactConsent).toBe(given);
      const check = await jsonOf<CheckAnswers>(await page(checkAnswers.loader, respondent));
      expect(answerOn(check, "contactConsent")).toBe(label);
    }
  });
});

describe("sending the answers", () => {
  const emails = () => db.emailOutbox.count({ where: { template: "survey-submitted" } });
  const audits = (action: string) => db.auditLog.count({ where: { action } });

  it("sends one receipt and one entry when Send is pressed twice at once, or again with nothing changed", async () => {
    const results = await Promise.all([send(respondent), send(respondent)]);
    for (const r of results) expect(r.headers.get("location")).toBe(`/survey/${cycleId}/confirmation`);
    expect(await emails()).toBe(1);
    expect(await audits("survey.response.submit")).toBe(1);
    await send(respondent);
    expect(await emails()).toBe(1);
    expect(await audits("survey.response.change")).toBe(0);
  });

  it("tells a colleague on the confirmation page who got the receipt, and offers them no links that send them back", async () => {
    const shown = (cookie: string) =>
      callLoader(confirmation.loader, { path: "/x", params: { cycleId }, cookie }).then((r) =>
        jsonOf<{ mine: boolean }>(r),
      );
    expect((await shown(respondent)).mine).toBe(true);
    expect((await shown(owner)).mine).toBe(true);
    expect((await shown(colleague)).mine).toBe(false);
    const html = await (await renderPage(`/survey/${cycleId}/confirmation`, colleague)).text();
    expect(html).toContain("A colleague sent your business");
    expect(html).not.toContain("We emailed you a receipt");
    expect(html).not.toContain(`/survey/${cycleId}/withdraw`);
  });

  it("sends a changed receipt once the answers have changed", async () => {
    await answer(respondent, "age", { age: "35_49" });
    await send(respondent);
    await send(respondent);
    expect(await emails()).toBe(2);
    expect(await audits("survey.response.change")).toBe(1);
  });

  // A page saved as it was ("Save and continue" through answers already given) counted as a change: sending again
  // logged a change and emailed a "changed" receipt for answers nobody had changed.
  it("sends nothing again after pages are saved as they were, a question page or a protected one", async () => {
    const updates = await audits("survey.response.update");
    expect((await answer(respondent, "age", { age: "35_49" })).status).toBe(302);
    expect(
      (
        await answer(respondent, "meet-the-buyer", {
          contactName: "Ada",
          contactEmail: "ada@example.test",
          contactConsent: "YES",
        })
      ).status,
    ).toBe(302);
    const stored = await db.surveyResponse.findFirstOrThrow({ where: { cycleId } });
    expect(stored.updatedAt.getTime()).toBeLessThanOrEqual(stored.submittedAt!.getTime());
    await send(respondent);
    expect(await emails()).toBe(2);
    expect(await audits("survey.response.change")).toBe(1);
    expect(await audits("survey.response.update")).toBe(updates);
    // a real change is still one
    await answer(respondent, "age", { age: "50_64" });
    expect(await audits("survey.response.update")).toBe(updates + 1);
    await send(respondent);
    expect(await emails()).toBe(3);
    expect(await audits("survey.response.change")).toBe(2);
  });
});
