// Found in the s29 survey QA: saving, sending and withdrawing each hold the cycle and store nothing once it has
// stopped taking answers, but consent did not. "I agree" sent from a page read just before an officer closed the
// survey created a response in the closed survey after its close had deleted the answers never sent, with last
// year's answers (special category data) copied into it, left there until the retention period ran out. Consent
// now holds the cycle too, and stores nothing once the survey no longer takes answers.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { giveConsent } from "~/domain/survey/responses.server.ts";
import {
  createMember,
  createSurveyCycle,
  createSurveyResponse,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { consent, freshCycle } from "../helpers/survey-respondent.ts";

describe("consent given as the survey closes", () => {
  it("stores nothing, and copies nothing from last year, once the survey has closed", async () => {
    const { council, cycleId, business } = await freshCycle();
    const owner = await createMember(business.id, "OWNER");
    const lastYear = await createSurveyCycle({
      councilId: council.id,
      year: 2025,
      status: "CLOSED",
      opensOn: new Date("2025-03-01"),
      closesOn: new Date("2025-04-30"),
    });
    await createSurveyResponse({
      cycleId: lastYear.id,
      organisationId: business.id,
      respondentUserId: owner.id,
      protectedAnswers: { ethnicGroup: "ASIAN", ethnicBackground: "ASIAN_CHINESE" },
    });
    // the page was read while the survey was open (the route checked it then); an officer closes it now
    const cycle = await db.surveyCycle.findUniqueOrThrow({ where: { id: cycleId } });
    await db.surveyCycle.update({ where: { id: cycleId }, data: { status: "CLOSED", closedAt: new Date() } });

    const result = await giveConsent(cycle, {
      userId: owner.id,
      organisationId: business.id,
      role: "OWNER",
    });
    expect(result).toBeNull();
    expect(await db.surveyResponse.count({ where: { cycleId } })).toBe(0);
    expect(await db.surveyProtectedAnswers.count({ where: { response: { cycleId } } })).toBe(0);
  });

  it("still starts the survey while it is open", async () => {
    const { cycleId, business } = await freshCycle();
    const cookie = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const agreed = await consent(cycleId, cookie);
    expect(agreed.headers.get("location")).toBe(`/survey/${cycleId}/questions/business-size`);
    expect(await db.surveyResponse.count({ where: { cycleId, status: "IN_PROGRESS" } })).toBe(1);
  });
});
