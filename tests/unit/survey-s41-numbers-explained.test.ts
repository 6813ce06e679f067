// The report's notes on its numbers said how the barriers question's percentages add up even when that table was not
// published, as if there were numbers to read, and what "<5" means and that a question may be left out even when no
// number was hidden and every question was published. Each note now comes only when it applies (decision 007, s41
// addendum).
import { describe, expect, it } from "vitest";
import {
  buildReport,
  HIDDEN_NUMBERS_EXPLAINED,
  multiSelectExplained,
  numbersExplained,
  type ReportResponse,
} from "~/domain/survey/report.ts";
import { spreadAnswers } from "../helpers/survey-spread.ts";

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

  it('say what "[c]" means only when a "[c]" is shown', () => {
    const [, fromTheTotal] = HIDDEN_NUMBERS_EXPLAINED;
    const sexes = ["FEMALE", "MALE", "EQUAL"];
    const tables = buildReport(
      Array.from({ length: 30 }, (_, i) => response(["TOO_MUCH_PAPERWORK"], sexes[i % 3])),
      null,
    );
    // 10 women-led, 10 men-led and 10 equally led: the "<5" beside them would be 0, so a "[c]" is hidden too
    const sex = tables.find((t) => t.id === "sex")!;
    expect(sex.hidden).toBe(false);
    expect(sex.rows.some((r) => r.current.suppressed === "secondary")).toBe(true);
    expect(numbersExplained(tables)).toContain(fromTheTotal);
    // with every "[c]" shown as "<5" instead, tables adding up to every business are still shown, but no "[c]":
    // nothing says what it means
    const withoutC = tables.map((t) => ({
      ...t,
      rows: t.rows.map((r) =>
        r.current.suppressed === "secondary"
          ? { ...r, current: { ...r.current, suppressed: "primary" as const } }
          : r,
      ),
    }));
    expect(withoutC.some((t) => t.kind === "partition" && !t.hidden)).toBe(true);
    expect(numbersExplained(withoutC)).not.toContain(fromTheTotal);
    expect(numbersExplained(withoutC).join(" ")).not.toContain("[c]");
  });

  it('say nothing of "<5", "[c]" or questions not published when every number is shown', () => {
    const tables = buildReport(spreadAnswers(65), null);
    expect(tables.every((t) => !t.hidden)).toBe(true);
    expect(tables.flatMap((t) => t.rows).every((r) => r.current.suppressed === false)).toBe(true);
    // only how the barriers' percentages add up: the table is shown
    expect(numbersExplained(tables)).toEqual([multiSelectExplained(BARRIERS_TITLE)]);
  });

  it('say what "<5" means when a number is shown as "<5", though every question is published', () => {
    const [belowFive, , notPublished] = HIDDEN_NUMBERS_EXPLAINED;
    const tables = buildReport(spreadAnswers(65), null);
    const sex = tables.find((t) => t.id === "sex")!;
    const oneBelowFive = tables.map((t) =>
      t === sex
        ? {
            ...t,
            rows: t.rows.map((r, i) =>
              i === 0
                ? {
                    ...r,
                    current: { key: r.key, count: null, suppressed: "primary" as const, percent: null },
                  }
                : r,
            ),
          }
        : t,
    );
    expect(numbersExplained(oneBelowFive)).toEqual([belowFive, multiSelectExplained(BARRIERS_TITLE)]);
    expect(numbersExplained(oneBelowFive)).not.toContain(notPublished);
  });

  it('say what "<5" means when only the year before shows one, as the CSV gives its counts', () => {
    const [belowFive] = HIDDEN_NUMBERS_EXPLAINED;
    const previous = spreadAnswers(65).map((r) => ({
      ...r,
      protectedAnswers: { ...r.protectedAnswers, sex: "FEMALE" },
    }));
    // the year before: 62 women-led, 3 "Equal": "<5" beside them, so its sex table has a "<5"
    previous[0]!.protectedAnswers.sex = "EQUAL";
    previous[1]!.protectedAnswers.sex = "EQUAL";
    previous[2]!.protectedAnswers.sex = "EQUAL";
    const tables = buildReport(spreadAnswers(65), previous);
    expect(tables.flatMap((t) => t.rows).every((r) => r.current.suppressed === false)).toBe(true);
    expect(tables.flatMap((t) => t.rows).some((r) => r.previous?.suppressed === "primary")).toBe(true);
    expect(numbersExplained(tables)[0]).toBe(belowFive);
  });

  it('say that a question is not published, and what "<5" is, only when a question is left out', () => {
    const [belowFive, , notPublished] = HIDDEN_NUMBERS_EXPLAINED;
    const shown = buildReport(spreadAnswers(65), null);
    const ethnicLeftOut = shown.map((t) => (t.id === "ethnicGroup" ? { ...t, hidden: true } : t));
    expect(numbersExplained(ethnicLeftOut)).toEqual([
      belowFive,
      notPublished,
      multiSelectExplained(BARRIERS_TITLE),
    ]);
    expect(numbersExplained(shown)).not.toContain(notPublished);
    expect(numbersExplained(shown)).not.toContain(belowFive);
  });
});
