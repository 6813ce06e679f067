// Found in the s40 survey review: the barriers question is multi-select, so its counts add up to no total and only
// "<5" was applied. But "We have not met any barriers" and "Prefer not to say" are chosen only on their own, so a
// reader could work a "<5" out as 0 from what was shown: "We have not met any barriers" chosen by all 12 of 12
// businesses says every barrier's "<5" is 0. Such a table is now not published. The exhaustive test below tries
// every set of answers from 5 to 10 businesses and checks that no hidden count has only one possible value.
import { describe, expect, it } from "vitest";
import { buildReport, NOT_PUBLISHED, type ReportResponse } from "~/domain/survey/report.ts";
import {
  displayCount,
  largestHiddenValues,
  suppressIndependent,
  type Cell,
  type SuppressedTable,
} from "~/domain/survey/suppression.ts";

const ALONE = ["NONE", "PREFER_NOT"];
const KEYS = ["A", "B", "NONE", "PREFER_NOT"];
const table = (counts: number[], respondents: number) =>
  suppressIndependent(
    counts.map((count, i): Cell => ({ key: KEYS[i], count })),
    respondents,
    ALONE,
  );
const shown = (t: SuppressedTable) => (t.totalSuppressed ? null : t.cells.map(displayCount));

describe("a multi-select table with answers chosen only on their own", () => {
  it("is not published when everybody chose an answer that stands alone (the barriers' <5 would be 0)", () => {
    // A 0, B 0, none 12, prefer not 0, of 12
    expect(shown(table([0, 0, 12, 0], 12))).toBeNull();
    // none 7 and prefer not 5 make all 12: every barrier is 0
    expect(shown(table([0, 3, 7, 5], 12))).toBeNull();
  });

  it("is not published when one answer was chosen by everybody (the answers that stand alone would be 0)", () => {
    expect(shown(table([12, 3, 0, 0], 12))).toBeNull();
    // B chosen by 7 and "prefer not" by 5 of 12: "none" can only be 0
    expect(shown(table([7, 0, 0, 5], 12))).toBeNull();
  });

  it("is published when each hidden count could still be 0 or more", () => {
    // one business could have chosen a barrier, or "prefer not", or not answered
    expect(shown(table([0, 0, 11, 0], 12))).toEqual(["<5", "<5", "11", "<5"]);
    expect(shown(table([11, 3, 0, 0], 12))).toEqual(["11", "<5", "<5", "<5"]);
    expect(shown(table([6, 7, 2, 1], 12))).toEqual(["6", "7", "<5", "<5"]);
  });

  it("works out each hidden count's largest value from what is shown only", () => {
    const cells = [6, 3, 5, 0].map((count, i) => ({ key: KEYS[i], count }));
    // B: 12 − 5 choosing "none" = 7, capped at 4; "prefer not": 12 − 5 − 6 (A, the most chosen barrier) = 1
    expect(largestHiddenValues(cells, 12, ALONE)).toEqual([
      { key: "B", largest: 4 },
      { key: "PREFER_NOT", largest: 1 },
    ]);
  });

  // Every set of answers 5 to 10 businesses could give to two barriers A and B, "none", "prefer not" or nothing.
  // A reader sees the published table and knows the rule: for each published table, every set of answers behind it
  // is found, and each hidden count must have two or more possible values among them.
  it("never publishes a hidden count that has only one possible value (every set of answers from 5 to 10)", () => {
    const kinds = [[], ["A"], ["B"], ["A", "B"], ["NONE"], ["PREFER_NOT"]];
    let hiddenChecked = 0;
    for (let respondents = 5; respondents <= 10; respondents++) {
      const behind = new Map<string, number[][]>();
      const each = (kind: number, left: number, of: number[]) => {
        if (kind === kinds.length - 1) {
          const all = [...of, left];
          const counts = KEYS.map((key) => all.reduce((s, n, k) => s + (kinds[k].includes(key) ? n : 0), 0));
          const published = JSON.stringify(shown(table(counts, respondents)));
          behind.set(published, [...(behind.get(published) ?? []), counts]);
          return;
        }
        for (let n = 0; n <= left; n++) each(kind + 1, left - n, [...of, n]);
      };
      each(0, respondents, []);
      let published = 0;
      for (const [signature, tables] of behind) {
        const cellsShown = JSON.parse(signature) as string[] | null;
        if (cellsShown === null) continue;
        published++;
        cellsShown.forEach((cell, i) => {
          if (cell !== "<5") return;
          hiddenChecked++;
          const values = new Set(tables.map((counts) => counts[i]));
          expect({ respondents, signature, cell: KEYS[i], values: values.size > 1 }).toEqual({
            respondents,
            signature,
            cell: KEYS[i],
            values: true,
          });
        });
      }
      // some tables are still published at every size
      expect(published).toBeGreaterThan(0);
    }
    // the test is not empty: many published tables have hidden counts to check
    expect(hiddenChecked).toBeGreaterThan(100);
  });
});

describe("the report's barriers table", () => {
  const response = (barriers: string[]): ReportResponse => ({
    derivedSize: "SMALL",
    barriers,
    meetTheBuyerInterest: null,
    contactConsent: false,
    contactConsentAnswer: null,
    protectedAnswers: {},
  });

  it("is not published when every business said it met no barriers", () => {
    const barriers = buildReport(
      Array.from({ length: 12 }, () => response(["NO_BARRIERS"])),
      null,
    ).find((t) => t.id === "barriers")!;
    expect(barriers.hidden).toBe(true);
    expect(NOT_PUBLISHED).toMatch(/too many of them the same/);
  });

  it("is published when one business of 12 chose something else", () => {
    const answers = [
      ...Array.from({ length: 11 }, () => response(["NO_BARRIERS"])),
      response(["NO_FEEDBACK"]),
    ];
    const barriers = buildReport(answers, null).find((t) => t.id === "barriers")!;
    expect(barriers.hidden).toBe(false);
    expect(barriers.rows.find((r) => r.key === "NO_BARRIERS")!.current.count).toBe(11);
  });
});
