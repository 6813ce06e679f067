// Session 28: six businesses that all gave the same ethnic group. The report used to show that group as "[c]" beside
// "<5" for every other, which a reader who knows the rule reads as all six; the page and the CSV now leave the table
// out, in the same words.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  createSurveyResponse,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { aggregateCsvText } from "../helpers/survey-report.ts";

describe("a closed cycle in which every business gave the same ethnic group", () => {
  it("leaves the ethnic group out of the report page and the CSV alike, and audits both", async () => {
    const council = await createCouncil({ postcodeAreas: ["KT9"] });
    const cookie = await sessionCookieFor(
      (await createMember(council.id, "OFFICER", { surveyAccess: true })).id,
    );
    const cycle = await createSurveyCycle({ councilId: council.id, year: 2026, status: "CLOSED" });
    for (let i = 0; i < 6; i++) {
      const org = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
      await createSurveyResponse({
        cycleId: cycle.id,
        organisationId: org.id,
        protectedAnswers: { ethnicGroup: "WHITE", sex: i < 3 ? "FEMALE" : "MALE" },
      });
    }
    const notPublished =
      "Not published: too few answers, or too many of them the same, to show without risk of identifying a business.";

    const page = readableMainText(
      await (await renderPage(`/council/survey/${cycle.id}/report`, cookie)).text(),
    );
    const from = page.indexOf("Ethnic group:");
    const ethnicity = page.slice(from, page.indexOf("Religion", from));
    expect(ethnicity).toContain(notPublished);
    expect(ethnicity).not.toContain("White");
    // the page says in plain words why numbers are hidden and why a question may be left out
    expect(page).toContain("so each &quot;&lt;5&quot; could only be 0) is not published");

    const csv = await aggregateCsvText(cycle.id, cookie);
    const ethnicityRows = csv.split("\n").filter((line) => line.includes("Ethnic group:"));
    // one row saying why, in the page's words (quoted: the sentence has a comma), and no answer
    expect(ethnicityRows).toHaveLength(1);
    expect(ethnicityRows[0]).toContain(`"${notPublished}",,,,,`);
    // no cell is "[c]" (the notes at the end say what "[c]" means)
    expect(csv).not.toContain(",[c],");
    expect(csv).toContain(
      'About the numbers,"To protect businesses, any number below 5 (0 included) is shown as ""<5""."',
    );

    expect(await db.auditLog.count({ where: { action: "survey.answers.read", entityId: cycle.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "survey.answers.export", entityId: cycle.id } })).toBe(
      1,
    );
  });
});
