// Found in review: the respondent's journey, with a business that has an owner and members.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
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
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

const consent = (cycleId: string, cookie: string) =>
  callAction(explainer.action, {
    path: `/survey/${cycleId}`,
    params: { cycleId },
    cookie,
    form: { consent: "yes" },
  });
const answer = (cycleId: string, cookie: string, topic: string, form: Record<string, string | string[]>) =>
  callAction(question.action, {
    path: `/survey/${cycleId}/questions/${topic}`,
    params: { cycleId, topic },
    cookie,
    form,
  });
const send = (cycleId: string, cookie: string) =>
  callAction(checkAnswers.action, {
    path: `/survey/${cycleId}/check-answers`,
    params: { cycleId },
    cookie,
    form: {},
  });
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

// each test has its own council and cycle, and a business in its area
async function freshCycle() {
  const council = await createCouncil();
  const cycleId = (await createSurveyCycle({ councilId: council.id, year: 2026 })).id;
  const business = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  return { council, cycleId, business };
}

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
