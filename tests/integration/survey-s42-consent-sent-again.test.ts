// The survey's consent question, sent again with no choice (a stale tab, or a Back-button copy of the page) after
// the business agreed, was answered "There is a problem: Select whether you agree to take part" above a page that no
// longer asks it: the summary pointed at nothing. It now goes on to where the business left off (decision 024).
import { beforeAll, describe, expect, it } from "vitest";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as question from "~/routes/survey.$cycleId.questions.$topic.tsx";
import { db } from "~/db.server.ts";
import { createMember, createSurveyCycle, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cycleId: string;

const sendConsent = (cookie: string, form: Record<string, string>) =>
  callAction(explainer.action, { path: `/survey/${cycleId}?index`, params: { cycleId }, cookie, form });

beforeAll(async () => {
  world = await createWorld();
  cycleId = (await createSurveyCycle({ councilId: world.councilA.id, year: 2026 })).id;
});

describe("the consent question sent again with no choice", () => {
  it("is still asked, with its error, before anyone in the business has agreed", async () => {
    const sent = await sendConsent(await sessionCookieFor(world.users.supplierOwner.id), { consent: "" });
    expect(sent.status).toBe(400);
    expect(JSON.stringify(await sent.json())).toContain("Select whether you agree to take part");
  });

  it("goes on to the page after the last one saved for whoever started the survey", async () => {
    const owner = await sessionCookieFor(world.users.supplierOwner.id);
    const agreed = await sendConsent(owner, { consent: "yes" });
    expect(agreed.headers.get("location")).toBe(`/survey/${cycleId}/questions/business-size`);

    const first = await sendConsent(owner, { consent: "" });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`/survey/${cycleId}/questions/business-size`);

    await callAction(question.action, {
      path: `/survey/${cycleId}/questions/business-size`,
      params: { cycleId, topic: "business-size" },
      cookie: owner,
      form: { staffHeadcountBand: "0_9", turnoverBand: "UP_TO_2M", balanceSheetBand: "PREFER_NOT_TO_SAY" },
    });
    const later = await sendConsent(owner, {});
    expect(later.status).toBe(302);
    expect(later.headers.get("location")).toBe(`/survey/${cycleId}/questions/age`);
    // nothing started again: the answers stay
    const response = await db.surveyResponse.findFirst({
      where: { cycleId, organisationId: world.supplier.id },
    });
    expect(response).toMatchObject({ status: "IN_PROGRESS", staffHeadcountBand: "0_9" });
  });

  it("goes to the survey's page for a colleague who may not see the answers", async () => {
    const colleague = await createMember(world.supplier.id, "MEMBER");
    const sent = await sendConsent(await sessionCookieFor(colleague.id), { consent: "" });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`/survey/${cycleId}`);
  });
});
