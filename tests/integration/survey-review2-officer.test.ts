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
import { callLoader, jsonOf } from "../helpers/routes.ts";

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
