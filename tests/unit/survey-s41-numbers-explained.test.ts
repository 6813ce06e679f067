// The report's notes on its numbers said how the barriers question's percentages add up even when that table was not
// published, as if there were numbers to read. Each note now comes only with a table it is about (decision 007, s41
// addendum).
import { describe, expect, it } from "vitest";
import {
  buildReport,
  HIDDEN_NUMBERS_EXPLAINED,
  multiSelectExplained,
  numbersExplained,
  type ReportResponse,
} from "~/domain/survey/report.ts";

const BARRIERS_TITLE = "Barriers to tendering (businesses could choose more than one)";

const response = (barriers: string[], sex = "FEMALE"): ReportResponse => ({
  derivedSize: "MICRO",
  barriers,
  meetTheBuyerInterest: "YES",
  contactConsent: false,
  contactConsentAnswer: "NO",
  protectedAnswers: { sex },
});

describe("the notes on the report's numbers", () => {
  it("say how the barriers' percentages add up when the barriers table is shown", () => {
    const responses = [
      ...Array.from({ length: 7 }, () => response(["TOO_MUCH_PAPERWORK", "SHORT_TIMESCALES"])),
      ...Array.from({ length: 5 }, () => response(["CONTRACTS_TOO_LARGE"])),
    ];
    const tables = buildReport(responses, null);
    expect(tables.find((t) => t.id === "barriers")!.hidden).toBe(false);
    const notes = numbersExplained(tables);
    expect(notes).toContain(multiSelectExplained(BARRIERS_TITLE));
    expect(multiSelectExplained(BARRIERS_TITLE)).toContain("the percentages can add up to more than 100%");
  });

  it("say nothing of the barriers' percentages when that table is not published", () => {
    // "We have not met any barriers" from all 12: every barrier's "<5" would be 0, so the table is left out
    const tables = buildReport(
      Array.from({ length: 12 }, () => response(["NO_BARRIERS"])),
      null,
    );
    expect(tables.find((t) => t.id === "barriers")!.hidden).toBe(true);
    const notes = numbersExplained(tables);
    expect(notes).not.toContain(multiSelectExplained(BARRIERS_TITLE));
    expect(notes.join(" ")).not.toContain("100%");
  });

  it('say what "[c]" means only when a table adding up to every business is shown', () => {
    const [belowFive, fromTheTotal, notPublished] = HIDDEN_NUMBERS_EXPLAINED;
    const tables = buildReport(
      [
        ...Array.from({ length: 7 }, () => response(["TOO_MUCH_PAPERWORK", "SHORT_TIMESCALES"])),
        ...Array.from({ length: 5 }, () => response(["CONTRACTS_TOO_LARGE"])),
      ],
      null,
    );
    const partitionsHidden = tables.map((t) => (t.kind === "partition" ? { ...t, hidden: true } : t));
    expect(numbersExplained(partitionsHidden)).toEqual([
      belowFive,
      notPublished,
      multiSelectExplained(BARRIERS_TITLE),
    ]);
    const oneShown = partitionsHidden.map((t) => (t.id === "derivedSize" ? { ...t, hidden: false } : t));
    expect(numbersExplained(oneShown)).toEqual([
      belowFive,
      fromTheTotal,
      notPublished,
      multiSelectExplained(BARRIERS_TITLE),
    ]);
  });
});
