// The report page and its CSV said what "<5" means and that a question may be left out even when no number was hidden
// and every question was published, and the page said ethnic group is reported by broad group only even when the
// ethnic group table was not published. Each note now comes only when it applies, on the page and in the CSV alike
// (decision 007, s41 addendum).
import type { BusinessSize } from "~/generated/prisma/enums.ts";
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
import { surveyReportAndCsv } from "../helpers/survey-report.ts";
import { spreadAnswers } from "../helpers/survey-spread.ts";

const BELOW_FIVE = "any number below 5 (0 included) is shown as";
const FROM_THE_TOTAL = "another number is hidden too and shown as";
const NOT_PUBLISHED_NOTE = "A question where that is not enough";
const BARRIERS_NOTE = "each percentage is of all the businesses that sent answers";
const BROAD_GROUP = "Ethnic group is reported by broad group only.";

type Answers = {
  protectedAnswers: Record<string, string>;
  barriers: string[];
  derivedSize?: BusinessSize | null;
  meetTheBuyerInterest?: string | null;
  contactConsentAnswer?: "YES" | "NO" | "PREFER_NOT_TO_SAY" | null;
};

/** A closed 2026 cycle of a new council in which each of `answers` is one business's answers, and its report. */
async function reportOf(answers: Answers[]) {
  const council = await createCouncil();
  const cookie = await sessionCookieFor(
    (await createMember(council.id, "OFFICER", { surveyAccess: true })).id,
  );
  const cycle = await createSurveyCycle({ councilId: council.id, year: 2026, status: "CLOSED" });
  for (const answer of answers) {
    const org = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const { id } = await createSurveyResponse({
      cycleId: cycle.id,
      organisationId: org.id,
      protectedAnswers: answer.protectedAnswers,
      barriers: answer.barriers,
      contactConsentAnswer: answer.contactConsentAnswer ?? null,
    });
    if (answer.derivedSize !== undefined || answer.meetTheBuyerInterest !== undefined)
      await db.surveyResponse.update({
        where: { id },
        data: { derivedSize: answer.derivedSize, meetTheBuyerInterest: answer.meetTheBuyerInterest },
      });
  }
  return surveyReportAndCsv(cycle.id, cookie);
}

/** 65 businesses whose answers are spread evenly over every choice of every question: 5 or more give each. */
function spread(): Answers[] {
  return spreadAnswers(65).map((r) => ({
    protectedAnswers: r.protectedAnswers,
    barriers: r.barriers,
    derivedSize: r.derivedSize as BusinessSize | null,
    meetTheBuyerInterest: r.meetTheBuyerInterest,
    contactConsentAnswer: r.contactConsentAnswer as Answers["contactConsentAnswer"],
  }));
}

describe("the notes on the report's numbers, on the page and in the CSV", () => {
  it("say nothing of hidden numbers or questions left out when every number is shown", async () => {
    const { page, csv, notes } = await reportOf(spread());
    expect(page).not.toContain("Not published");
    expect(page).not.toContain("&lt;5");
    expect(page).not.toContain(BELOW_FIVE);
    expect(page).not.toContain(FROM_THE_TOTAL);
    expect(page).not.toContain(NOT_PUBLISHED_NOTE);
    // the notes that apply are still given: the barriers' percentages, and ethnic group by broad group
    expect(page).toContain(BARRIERS_NOTE);
    expect(page).toContain(BROAD_GROUP);
    expect(csv).not.toContain("Not published");
    expect(csv).not.toContain("<5");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(BARRIERS_NOTE);
  });

  it('say what "<5" means and that a question is left out when one is, and not how ethnic group is reported when that table is left out', async () => {
    // every business gave the same ethnic group: the table is not published
    const sexes = ["FEMALE", "MALE", "EQUAL"];
    const { page, notes } = await reportOf(
      Array.from({ length: 30 }, (_, i) => ({
        protectedAnswers: { ethnicGroup: "WHITE", sex: sexes[i % 3]! },
        barriers: ["TOO_MUCH_PAPERWORK"],
      })),
    );
    const from = page.indexOf("Ethnic group:");
    expect(page.slice(from, page.indexOf("Religion", from))).toContain("Not published");
    expect(page).toContain(BELOW_FIVE);
    expect(page).toContain(NOT_PUBLISHED_NOTE);
    expect(page).not.toContain(BROAD_GROUP);
    expect(notes.some((line) => line.includes(BELOW_FIVE))).toBe(true);
    expect(notes.some((line) => line.includes(NOT_PUBLISHED_NOTE))).toBe(true);
    // the sex table shows a "[c]": what it means is said too, in the same words on the page and in the CSV
    expect(page).toContain(FROM_THE_TOTAL);
    expect(notes.some((line) => line.includes(FROM_THE_TOTAL))).toBe(true);
  });
});
