import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anyHiddenCellDerivable,
  displayCount,
  suppressIndependent,
  suppressPartition,
  type Cell,
  type SuppressedTable,
} from "~/domain/survey/suppression.ts";

const cells = (...counts: number[]): Cell[] => counts.map((count, i) => ({ key: `c${i}`, count }));
const shown = (table: SuppressedTable) => table.cells.map(displayCount);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// What a reader can work out: every value each hidden cell could take, given what is published.
function possibleValues(table: SuppressedTable, index: number) {
  const total = table.total!;
  const hidden = table.cells.flatMap((c, i) =>
    c.suppressed ? [{ i, primary: c.suppressed === "primary" }] : [],
  );
  const hiddenSum = total - sum(table.cells.map((c) => c.count ?? 0));
  const ranges = hidden.map((h) => (h.primary ? [0, 4] : [5, total]));
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

describe("primary suppression", () => {
  it("shows every count of 5 or more as it is", () => {
    expect(shown(suppressPartition(cells(5, 10, 20), 35))).toEqual(["5", "10", "20"]);
  });

  it('shows counts from 0 to 4 as "<5"', () => {
    const table = suppressPartition(cells(4, 3, 20, 30), 57);
    expect(shown(table).slice(0, 2)).toEqual(["<5", "<5"]);
  });

  it("hides the whole table, total included, when fewer than 5 responded", () => {
    const table = suppressPartition(cells(3, 1), 4);
    expect(table.totalSuppressed).toBe(true);
    expect(table.total).toBeNull();
    expect(shown(table)).toEqual(["<5", "<5"]);
  });

  it("gives percentages only for cells that are shown", () => {
    const table = suppressPartition(cells(2, 8, 10), 20);
    expect(table.cells.map((c) => c.percent)).toEqual([null, null, 50]);
  });

  it("applies to multi-select answers without needing secondary suppression", () => {
    const table = suppressIndependent(cells(3, 7, 12), 20);
    expect(shown(table)).toEqual(["<5", "7", "12"]);
  });
});

describe("secondary suppression", () => {
  it("hides another cell when one hidden cell could be worked out from the total", () => {
    // total 30, shown 20 and 7 → the hidden cell would be 30 − 27 = 3
    const table = suppressPartition(cells(3, 20, 7), 30);
    expect(shown(table)).toEqual(["<5", "20", "[c]"]);
  });

  it("hides the smallest other cell, keeping the larger ones", () => {
    const table = suppressPartition(cells(2, 40, 9, 12), 63);
    expect(shown(table)).toEqual(["<5", "40", "[c]", "12"]);
  });

  it("hides more when two small cells add up to something only one split fits (4 + 4)", () => {
    const table = suppressPartition(cells(4, 4, 30), 38);
    expect(shown(table)).toEqual(["<5", "<5", "[c]"]);
  });

  it("hides more when two hidden zeros would be given away by the total", () => {
    const table = suppressPartition(cells(0, 0, 10, 12), 22);
    expect(shown(table).filter((s) => s !== "<5")).toContain("[c]");
  });

  it("leaves two small cells alone when their split cannot be worked out", () => {
    const table = suppressPartition(cells(1, 2, 30), 33);
    expect(shown(table)).toEqual(["<5", "<5", "30"]);
  });

  it("needs nothing more when no cell is small", () => {
    expect(shown(suppressPartition(cells(5, 6, 7), 18))).toEqual(["5", "6", "7"]);
  });

  it("checks derivability from exactly what is published", () => {
    expect(anyHiddenCellDerivable([{ index: 0, lo: 0, hi: 4 }], 3)).toBe(true);
    expect(
      anyHiddenCellDerivable(
        [
          { index: 0, lo: 0, hi: 4 },
          { index: 1, lo: 0, hi: 4 },
        ],
        3,
      ),
    ).toBe(false);
  });

  it("never publishes a table in which a hidden cell has only one possible value", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 6 }), (counts) => {
        const total = sum(counts);
        const table = suppressPartition(cells(...counts), total);
        if (table.totalSuppressed) return;
        table.cells.forEach((cell, i) => {
          if (counts[i] < 5) expect(cell.suppressed).toBe("primary");
          if (cell.suppressed) {
            const values = possibleValues(table, i);
            expect(values.has(counts[i])).toBe(true);
            expect(values.size).toBeGreaterThan(1);
          } else expect(cell.count).toBe(counts[i]);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("when hiding cells is not enough", () => {
  it("hides the total too if it would still give a cell away (5 and 0)", () => {
    const table = suppressPartition(cells(5, 0), 5);
    expect(table.totalSuppressed).toBe(true);
    expect(table.cells.every((c) => c.count === null)).toBe(true);
  });
});
