// The report page and its CSV explained how the barriers question's percentages add up to more than 100% even when
// the barriers table was not published, as if there were numbers to read. The note now comes only with the table
// (decision 007, s41 addendum).
import { describe, expect, it } from "vitest";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  createSurveyResponse,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { surveyReportAndCsv } from "../helpers/survey-report.ts";

const NOTE = "each percentage is of all the businesses that sent answers";
const NOT_PUBLISHED =
  "Not published: too few answers, or too many of them the same, to show without risk of identifying a business.";

/** A closed 2026 cycle of a new council in which each of `answers` is one business's barriers, and its report. */
async function reportOf(postcodeArea: string, answers: string[][]) {
  const council = await createCouncil({ postcodeAreas: [postcodeArea] });
  const cookie = await sessionCookieFor(
    (await createMember(council.id, "OFFICER", { surveyAccess: true })).id,
  );
  const cycle = await createSurveyCycle({ councilId: council.id, year: 2026, status: "CLOSED" });
  for (const barriers of answers) {
    const org = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await createSurveyResponse({ cycleId: cycle.id, organisationId: org.id, barriers });
  }
  const { page, csv, notes } = await surveyReportAndCsv(cycle.id, cookie);
  // the barriers table, or what stands in its place (the note above the tables names it too)
  const from = page.lastIndexOf("Barriers to tendering");
  const barriers = page.slice(from, page.indexOf("Interest in Meet the Buyer", from));
  return { page, barriers, csv, notes };
}

describe("the note on how the barriers' percentages add up", () => {
  it("is given on the page and in the CSV with a barriers table that is shown", async () => {
    const { page, barriers, notes } = await reportOf("ZU1", [
      ...Array.from({ length: 7 }, () => ["TOO_MUCH_PAPERWORK", "SHORT_TIMESCALES"]),
      ...Array.from({ length: 5 }, () => ["CONTRACTS_TOO_LARGE"]),
    ]);
    expect(barriers).toContain("Too much paperwork or a complicated process");
    expect(barriers).not.toContain(NOT_PUBLISHED);
    expect(page).toContain(
      `${NOTE}, and a business could choose more than one answer, so the percentages can add up to more than 100%.`,
    );
    expect(notes.filter((line) => line.includes(NOTE))).toHaveLength(1);
    expect(notes.join("\n")).toContain("the percentages can add up to more than 100%.");
  });

  it("is not given, on the page or in the CSV, when the barriers table is not published", async () => {
    // every business said it met no barriers: each barrier's "<5" would be 0, so the table is left out
    const { page, barriers, csv, notes } = await reportOf(
      "ZU2",
      Array.from({ length: 12 }, () => ["NO_BARRIERS"]),
    );
    expect(barriers).toContain(NOT_PUBLISHED);
    expect(page).not.toContain(NOTE);
    expect(page).not.toContain("100%");
    expect(csv).not.toContain(NOTE);
    // the other notes are still there
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]).toContain("any number below 5 (0 included)");
  });
});
