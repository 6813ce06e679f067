// The gender identity question asked whether the owners' or leaders' gender was "different from their sex registered
// at birth", the reverse of the GSS harmonised question ("Is the gender you identify with the same as your sex
// registered at birth?"). It now asks the GSS question, Yes meaning the same. Answers are kept by what they mean (SAME,
// DIFFERENT), so the report, its CSV, the year-on-year comparison and the answers a new year starts from say what
// was answered (decision 055; the stored answers were changed by migration 20261218090055, data-migrations.test.ts).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as question from "~/routes/survey.$cycleId.questions.$topic.tsx";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  createSurveyResponse,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { aggregateCsvText } from "../helpers/survey-report.ts";

const QUESTION =
  "Is the gender most of the business's owners or leaders identify with the same as their sex registered at birth?";
// as a page's text reads it (its apostrophe escaped)
const QUESTION_ON_PAGE = QUESTION.replace("'", "&#x27;");

describe("the gender identity question", () => {
  it("asks the GSS question, keeps 'No' as DIFFERENT, and starts next year from it", async () => {
    const council = await createCouncil();
    const business = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const owner = await createMember(business.id, "OWNER");
    const cookie = await sessionCookieFor(owner.id);
    const lastYear = await createSurveyCycle({ councilId: council.id, year: 2025, status: "CLOSED" });
    await createSurveyResponse({
      cycleId: lastYear.id,
      organisationId: business.id,
      respondentUserId: owner.id,
      protectedAnswers: { genderIdentity: "DIFFERENT" },
    });
    const { id: cycleId } = await createSurveyCycle({ councilId: council.id, year: 2026 });
    const invitedBy = await db.surveyInvitation.create({
      data: { cycleId, organisationId: business.id, email: owner.email, tokenHash: `s55-${cycleId}` },
    });
    expect(invitedBy.organisationId).toBe(business.id);
    const consented = await callAction(explainer.action, {
      path: `/survey/${cycleId}`,
      params: { cycleId },
      cookie,
      form: { consent: "yes" },
    });
    expect(consented.status).toBe(302);

    const path = `/survey/${cycleId}/questions/gender-identity`;
    const page = await renderPage(path, cookie);
    const html = await page.text();
    expect(readableMainText(html)).toContain(QUESTION_ON_PAGE);
    // last year's "different" is this year's "No"
    const input = (id: string) => html.match(new RegExp(`<input id="${id}"[^>]*>`))![0];
    expect(input("genderIdentity-1")).toContain('value="DIFFERENT"');
    expect(input("genderIdentity-1")).toContain("checked");
    expect(input("genderIdentity")).toContain('value="SAME"');
    expect(input("genderIdentity")).not.toContain("checked");
    expect(html).toMatch(/<label for="genderIdentity-1"[^>]*>No</);
    expect(html).toMatch(/<label for="genderIdentity"[^>]*>Yes</);
    const loaded = await callLoader(question.loader, {
      path,
      params: { cycleId, topic: "gender-identity" },
      cookie,
    });
    expect((await jsonOf<{ values: Record<string, string> }>(loaded)).values).toEqual({
      genderIdentity: "DIFFERENT",
    });

    const save = (genderIdentity: string) =>
      callAction(question.action, {
        path,
        params: { cycleId, topic: "gender-identity" },
        cookie,
        form: { genderIdentity, intent: "continue" },
      });
    // a page shown before the question changed, sending its YES, is asked again in the new words
    const old = await save("YES");
    expect(old.status).toBe(400);
    expect(JSON.stringify(await jsonOf(old))).toContain(
      `Select an answer from the list for \\"${QUESTION}\\"`,
    );
    expect((await save("SAME")).status).toBe(302);
    const stored = await db.surveyProtectedAnswers.findFirstOrThrow({
      where: { response: { cycleId, organisationId: business.id } },
    });
    expect(stored.answers).toEqual({ genderIdentity: "SAME" });

    // check your answers shows the word the business chose beside the question it was asked
    const check = readableMainText(
      await (await renderPage(`/survey/${cycleId}/check-answers`, cookie)).text(),
    );
    expect(check).toMatch(/same as their sex registered at birth\?\s+Yes/);
  });
});

describe("the report and its CSV", () => {
  it("count SAME as Yes and DIFFERENT as No, this year and the year before", async () => {
    const council = await createCouncil();
    const cookie = await sessionCookieFor(
      (await createMember(council.id, "OFFICER", { surveyAccess: true })).id,
    );
    // enough of every answer that no number is hidden: 8 the same, 6 different the year before; 5 and 9 this year
    const answers = { 2025: { SAME: 8, DIFFERENT: 6 }, 2026: { SAME: 5, DIFFERENT: 9 } } as const;
    for (const year of [2025, 2026] as const) {
      const cycle = await createSurveyCycle({
        councilId: council.id,
        year,
        status: "CLOSED",
        opensOn: new Date(`${year}-04-01`),
        closesOn: new Date(`${year}-06-30`),
      });
      const given = [
        ...Array<string>(answers[year].SAME).fill("SAME"),
        ...Array<string>(answers[year].DIFFERENT).fill("DIFFERENT"),
        ...Array<string>(5).fill("PREFER_NOT_TO_SAY"),
        ...Array<string | null>(5).fill(null),
      ];
      for (const genderIdentity of given) {
        const org = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
        await createSurveyResponse({
          cycleId: cycle.id,
          organisationId: org.id,
          protectedAnswers: genderIdentity ? { genderIdentity } : {},
          answeredAt: new Date(`${year}-05-02T10:00:00Z`),
        });
      }
    }
    const thisYear = await db.surveyCycle.findFirstOrThrow({ where: { councilId: council.id, year: 2026 } });
    const rows = (await aggregateCsvText(thisYear.id, cookie))
      .split("\n")
      .filter((line) => line.startsWith(`Gender identity: ${QUESTION},`))
      .map((line) => line.split(",").slice(1, 5));
    // answer, count this year, its percentage, count the year before
    expect(rows.map(([answer, count, , before]) => [answer, count, before])).toEqual([
      ["Yes", "5", "8"],
      ["No", "9", "6"],
      ["Prefer not to say", "5", "5"],
      ["Not answered", "5", "5"],
    ]);
    const page = readableMainText(
      await (await renderPage(`/council/survey/${thisYear.id}/report`, cookie)).text(),
    );
    // this year's share, the year before's, and the change: 5 of 24 the same (8 of 24 before), 9 different (6 before)
    expect(page).toContain(
      `Gender identity: ${QUESTION_ON_PAGE} Answer Businesses 2026 % 2026 % 2025 Change (percentage points) Yes 5 20.8% 33.3% -12.5 No 9 37.5% 25% +12.5`,
    );
  });
});
