// Found in the s29 survey QA: next year starts from last year's answers, and the contact details are kept ready in
// case the business agrees to be contacted again, but that agreement is asked afresh. A business that sent its
// answers without visiting the Meet the Buyer page again had last year's contact name and address stored with its
// answers though it had not agreed to be contacted (a "no" on that page keeps neither), and check your answers
// listed them as this year's answers beside "Not answered". They are now shown only after a yes, and not kept by a
// send without one.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as checkAnswers from "~/routes/survey.$cycleId.check-answers.tsx";
import {
  createMember,
  createSurveyCycle,
  createSurveyResponse,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";
import { answer, consent, freshCycle, send } from "../helpers/survey-respondent.ts";

type Page = { sections: { slug: string; answers: { name: string; answer: string | null }[] }[] };

async function carriedFromLastYear() {
  const { council, cycleId, business } = await freshCycle();
  const owner = await createMember(business.id, "OWNER");
  const lastYear = await createSurveyCycle({
    councilId: council.id,
    year: 2025,
    status: "CLOSED",
    opensOn: new Date("2025-03-01"),
    closesOn: new Date("2025-04-30"),
  });
  const previous = await createSurveyResponse({
    cycleId: lastYear.id,
    organisationId: business.id,
    respondentUserId: owner.id,
    contactConsent: true,
    contactConsentAnswer: "YES",
  });
  await db.surveyResponse.update({
    where: { id: previous.id },
    data: { contactName: "Pat Contact", contactEmail: "pat@example.test" },
  });
  const cookie = await sessionCookieFor(owner.id);
  expect((await consent(cycleId, cookie)).status).toBe(302);
  const contactAnswers = async () =>
    (
      await jsonOf<Page>(
        await callLoader(checkAnswers.loader, {
          path: `/survey/${cycleId}/check-answers`,
          params: { cycleId },
          cookie,
        }),
      )
    ).sections
      .find((s) => s.slug === "meet-the-buyer")!
      .answers.filter((a) => a.name === "contactName" || a.name === "contactEmail")
      .map((a) => a.answer);
  const stored = () =>
    db.surveyResponse.findFirstOrThrow({
      where: { cycleId, organisationId: business.id },
      select: { contactName: true, contactEmail: true, contactConsent: true },
    });
  return { cycleId, cookie, contactAnswers, stored };
}

describe("last year's contact details", () => {
  it("are not sent as this year's answers without this year's agreement to be contacted", async () => {
    const { cycleId, cookie, contactAnswers, stored } = await carriedFromLastYear();
    // kept ready for the Meet the Buyer page, but not listed as answers (nor as rows: no yes to be contacted yet)
    expect(await stored()).toMatchObject({ contactName: "Pat Contact", contactConsent: false });
    expect(await contactAnswers()).toEqual([]);

    await answer(cycleId, cookie, "age", { age: "35_49" });
    expect((await send(cycleId, cookie)).status).toBe(302);
    expect(await stored()).toEqual({ contactName: null, contactEmail: null, contactConsent: false });
  });

  it("are kept once the business agrees again", async () => {
    const { cycleId, cookie, contactAnswers, stored } = await carriedFromLastYear();
    await answer(cycleId, cookie, "meet-the-buyer", {
      contactConsent: "YES",
      contactName: "Pat Contact",
      contactEmail: "pat@example.test",
    });
    expect(await contactAnswers()).toEqual(["Pat Contact", "pat@example.test"]);
    expect((await send(cycleId, cookie)).status).toBe(302);
    expect(await stored()).toEqual({
      contactName: "Pat Contact",
      contactEmail: "pat@example.test",
      contactConsent: true,
    });
  });
});
