// Found in the second survey review: the officer's cycle page.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  createSurveyResponse,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

async function freshCycle() {
  const council = await createCouncil({ postcodeAreas: ["GU1"] });
  const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
  const cycle = await createSurveyCycle({ councilId: council.id, year: 2026 });
  const args = {
    path: `/council/survey/${cycle.id}`,
    params: { cycleId: cycle.id },
    cookie: await sessionCookieFor(officer.id),
  };
  return { council, cycle, args };
}

type Rates = { eligible: number; submitted: string; rate: number | null };

describe("the response rate", () => {
  it("counts the businesses that answered among those reached, though the council's area has changed since", async () => {
    const { council, cycle, args } = await freshCycle();
    for (let i = 0; i < 2; i++) {
      const answered = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
      await createSurveyResponse({ cycleId: cycle.id, organisationId: answered.id });
    }
    // the council moves GU1 to a neighbour; one business in its new area has not answered
    await db.councilSettings.update({
      where: { organisationId: council.id },
      data: { postcodeAreas: ["RH1"] },
    });
    await createOrganisation({ kind: "SUPPLIER", councilId: council.id, registeredPostcode: "RH1 1AA" });

    const { rates } = await jsonOf<{ rates: Rates }>(await callLoader(cyclePage.loader, args));
    expect(rates.submitted).toBe("2");
    // 2 of the 3 businesses the survey reached, not 2 of 1 (200%)
    expect(rates.eligible).toBe(3);
    expect(rates.rate).toBe(66.7);
  });
});

describe("'Invite eligible businesses'", () => {
  it("does not email a business that has already answered, or withdrew its answers", async () => {
    const { council, cycle, args } = await freshCycle();
    const sent = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await createSurveyResponse({ cycleId: cycle.id, organisationId: sent.id });
    const started = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await createSurveyResponse({ cycleId: cycle.id, organisationId: started.id, submitted: false });
    const withdrawn = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const response = await createSurveyResponse({ cycleId: cycle.id, organisationId: withdrawn.id });
    await db.surveyResponse.update({ where: { id: response.id }, data: { status: "WITHDRAWN" } });
    const notYet = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    for (const business of [sent, started, withdrawn, notYet])
      await db.organisation.update({
        where: { id: business.id },
        data: { contactEmail: `${business.id}@example.test` },
      });

    const invited = await callAction(cyclePage.action, { ...args, form: { intent: "invite-eligible" } });
    expect(invited.status).toBe(302);
    const emailed = await db.emailOutbox.findMany({
      where: { template: "survey-invitation", councilId: council.id },
      select: { to: true },
    });
    expect(emailed.map((e) => e.to)).toEqual([`${notYet.id}@example.test`]);
  });
});
