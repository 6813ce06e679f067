// Session 28: what a reader who knows the suppression rule, and runs it on every table of counts that could lie
// behind a published one, can work out. Which cells were hidden says more than their ranges do.
import { describe, expect, it } from "vitest";
import { buildReport, type ReportResponse } from "~/domain/survey/report.ts";
import { displayCount, suppressPartition, type Cell } from "~/domain/survey/suppression.ts";

const cells = (...counts: number[]): Cell[] => counts.map((count, i) => ({ key: `c${i}`, count }));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const published = (counts: number[]) => {
  const table = suppressPartition(cells(...counts), sum(counts));
  return table.totalSuppressed ? "not published" : table.cells.map(displayCount).join(",");
};

function* tablesOf(size: number, total: number): Generator<number[]> {
  if (size === 1) {
    yield [total];
    return;
  }
  for (let first = 0; first <= total; first++)
    for (const rest of tablesOf(size - 1, total - first)) yield [first, ...rest];
}

describe("suppression read by someone who runs the rule", () => {
  it("does not publish a table in which every business gave the same answer", () => {
    // "<5", "<5", "[c]" out of 6: the "[c]" is there only because both "<5" were 0, so it is all 6 businesses
    expect(published([0, 0, 6])).toBe("not published");
    expect(published([0, 0, 0, 0, 0, 0, 0, 6, 0, 0])).toBe("not published");
  });

  it("does not give away two 4s through the '[c]' their being 4 caused", () => {
    // two "<5" need a "[c]" only if both are 0 or both 4; a "[c]" no larger than the 6 shown rules out 0
    expect(published([4, 4, 5, 6])).not.toBe("<5,<5,[c],6");
  });

  it("does not give away a count through a second '[c]'", () => {
    expect(published([4, 6, 5, 6])).not.toBe("<5,[c],[c],6");
  });

  it("still publishes a table whose hidden cells could be one thing or another", () => {
    expect(published([4, 4, 30])).toBe("<5,<5,[c]");
    expect(published([1, 2, 30])).toBe("<5,<5,30");
    // the 0s would be given away by the 10 alone hidden; with the 12 hidden too they could be 0s or 4s
    expect(published([0, 0, 10, 12, 30, 40])).toBe("<5,<5,[c],[c],30,40");
  });

  it("leaves every hidden cell two or more possible values, in every small table", () => {
    const limits = [
      [2, 24],
      [3, 24],
      [4, 20],
      [5, 12],
    ];
    for (const [size, most] of limits)
      for (let total = 5; total <= most; total++) {
        const alike = new Map<string, number[][]>();
        for (const counts of tablesOf(size, total)) {
          const shown = published(counts);
          if (shown === "not published") continue;
          alike.set(shown, [...(alike.get(shown) ?? []), counts]);
        }
        for (const [shown, tables] of alike)
          shown.split(",").forEach((cell, i) => {
            if (cell !== "<5" && cell !== "[c]") return;
            const values = new Set(tables.map((t) => t[i]));
            expect(values.size, `${shown} out of ${total}, cell ${i}`).toBeGreaterThan(1);
          });
      }
  });
});

describe("the report", () => {
  const response = (ethnicGroup: string): ReportResponse => ({
    derivedSize: "SMALL",
    barriers: [],
    meetTheBuyerInterest: null,
    contactConsent: false,
    contactConsentAnswer: null,
    protectedAnswers: { ethnicGroup },
  });

  it("does not publish the ethnic group of 6 businesses that all gave the same one", () => {
    const report = buildReport(
      Array.from({ length: 6 }, () => response("WHITE")),
      null,
    );
    const table = report.find((t) => t.id === "ethnicGroup")!;
    expect(table.hidden).toBe(true);
    expect(table.rows.every((r) => r.current.count === null && r.current.suppressed === "primary")).toBe(
      true,
    );
  });
});
