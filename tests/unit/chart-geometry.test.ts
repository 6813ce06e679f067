import { describe, expect, it } from "vitest";
import { BAR, COMPARISON, fitLabel, LINE } from "~/ui/charts/dimensions.ts";
import { barChart, comparisonChart, lineChart } from "~/ui/charts/geometry.server.ts";

const barSpace = BAR.width - BAR.labelWidth - BAR.valueWidth;

describe("chart geometry (worked out on the server, drawn by the components)", () => {
  it("bar chart: one row per datum, the longest bar fills the space, the others in proportion", () => {
    const chart = barChart([
      { label: "Food", value: 10 },
      { label: "Digital", value: 5 },
      { label: "Nothing yet", value: 0 },
    ]);
    expect(chart.height).toBe(3 * BAR.rowHeight);
    expect(chart.bars.map((b) => b.length)).toEqual([barSpace, barSpace / 2, 0]);
    expect(chart.bars[0].y).toBeLessThan(chart.bars[1].y);
    expect(chart.bandwidth).toBeGreaterThan(0);
  });

  it("bar chart: all zeros still draws (no division by zero)", () => {
    expect(barChart([{ label: "A", value: 0 }]).bars[0].length).toBe(0);
    expect(barChart([]).bars).toEqual([]);
  });

  it("line chart: points left to right, higher values higher up, ticks and a path through every point", () => {
    const chart = lineChart(
      [
        { label: "Q1", value: 0 },
        { label: "Q2", value: 50 },
        { label: "Q3", value: 100 },
      ],
      100,
    );
    const [a, b, c] = chart.points;
    expect(a.x).toBeLessThan(b.x);
    expect(b.x).toBeLessThan(c.x);
    expect(a.y).toBe(chart.baseline);
    expect(c.y).toBe(LINE.margin.top);
    expect(b.y).toBeCloseTo((a.y + c.y) / 2);
    expect(chart.ticks.map((t) => t.value)).toContain(100);
    expect(chart.path).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });

  it("comparison chart: committed and delivered bars on one scale", () => {
    const chart = comparisonChart([
      { label: "K1", committed: 200, delivered: 100 },
      { label: "K2", committed: 50, delivered: 80 },
    ]);
    const space = COMPARISON.width - COMPARISON.labelWidth - 90;
    expect(chart.rows[0].committedLength).toBe(space);
    expect(chart.rows[0].deliveredLength).toBe(space / 2);
    expect(chart.rows[1].deliveredLength).toBeCloseTo((80 / 200) * space);
    expect(chart.rows[0].y).toBeGreaterThanOrEqual(COMPARISON.legendHeight);
    expect(chart.half).toBeGreaterThan(0);
  });
});

describe("chart labels", () => {
  const room = BAR.labelWidth - 8;

  it("keeps a label that fits whole", () => {
    expect(fitLabel("Food", room, 13)).toBe("Food");
  });

  it("cuts a long label with an ellipsis, capitals sooner than small letters", () => {
    const capitals = fitLabel("NCC-2417 HIGHWAYS MAINTENANCE 18", room, 13);
    const small = fitLabel("ncc-2417 highways maintenance 18", room, 13);
    expect(capitals.endsWith("…")).toBe(true);
    expect(small.endsWith("…")).toBe(true);
    expect(capitals.length).toBeLessThan(small.length);
    // 28 characters, the old cut, ran past the column's edge in a browser
    expect(fitLabel("NCC-2417 Highways maintenance 18", room, 13).length).toBeLessThan(28);
  });

  it("never cuts inside a character pair or leaves a space before the ellipsis", () => {
    expect(fitLabel("Café 😀 ".repeat(10), room, 13)).not.toMatch(/\s…$|\uD83D…$/);
  });
});
