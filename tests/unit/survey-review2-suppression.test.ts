// Found in the second survey review: what a reader who knows the secondary-suppression rule can work out.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  displayCount,
  suppressPartition,
  type Cell,
  type SuppressedTable,
} from "~/domain/survey/suppression.ts";

const cells = (...counts: number[]): Cell[] => counts.map((count, i) => ({ key: `c${i}`, count }));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// Every value a hidden cell could take for a reader who knows that "<5" is 0–4 and that "[c]" is the smallest cell
// that was still shown when it was hidden (the first of equal ones): 5 or more, no larger than any cell shown after
// it and smaller than any shown before it.
function possibleValues(table: SuppressedTable, index: number) {
  const total = table.total!;
  const hidden = table.cells.flatMap((c, i) =>
    c.suppressed ? [{ i, primary: c.suppressed === "primary" }] : [],
  );
  const hiddenSum = total - sum(table.cells.map((c) => c.count ?? 0));
  const ranges = hidden.map((h): [number, number] => {
    if (h.primary) return [0, 4];
    const below = table.cells.flatMap((c, j) => (c.suppressed ? [] : [c.count - (j < h.i ? 1 : 0)]));
    return [5, Math.min(total, ...below)];
  });
  const values = new Set<number>();
  const search = (k: number, acc: number[]) => {
    if (k === hidden.length) {
      if (sum(acc) === hiddenSum) values.add(acc[hidden.findIndex((h) => h.i === index)]);
      return;
    }
    for (let v = ranges[k][0]; v <= ranges[k][1] && sum(acc) + v <= hiddenSum; v++)
      search(k + 1, [...acc, v]);
  };
  search(0, []);
  return values;
}

describe("secondary suppression, read by someone who knows the rule", () => {
  it("does not give away a small count through a '[c]' no larger than the cells shown", () => {
    // 1 business said yes, 5 no, 5 prefer not to say: "<5", "[c]", "5" of 11 left only 1 + 5 + 5
    const table = suppressPartition(cells(1, 5, 5), 11);
    expect(table.cells.map(displayCount)).toEqual(["<5", "[c]", "[c]"]);
    expect(possibleValues(table, 0).size).toBeGreaterThan(1);
  });

  it("leaves no hidden cell with only one possible value", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 6 }), (counts) => {
        const table = suppressPartition(cells(...counts), sum(counts));
        if (table.totalSuppressed) return;
        table.cells.forEach((cell, i) => {
          if (!cell.suppressed) return;
          const values = possibleValues(table, i);
          expect(values.has(counts[i])).toBe(true);
          expect(values.size).toBeGreaterThan(1);
        });
      }),
      { numRuns: 500 },
    );
  });
});
