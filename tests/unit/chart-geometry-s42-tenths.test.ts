// Chart positions are sent to the tenth of a user unit (decision 044): "5.508196721311464" was sent twice with
// every view of the council dashboard, in its SVG and in its data, for a difference no screen shows.
import { describe, expect, it } from "vitest";
import { barChart, comparisonChart, lineChart } from "~/ui/charts/geometry.server.ts";

const tenths = (n: number) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9;

describe("chart geometry to a tenth of a unit", () => {
  it("bar chart: rows, lengths and band", () => {
    const chart = barChart(
      ["A", "B", "C", "D", "E", "F", "G"].map((label, i) => ({ label, value: 3 * i + 1 })),
    );
    expect(tenths(chart.bandwidth)).toBe(true);
    for (const bar of chart.bars) expect([bar.y, bar.length].every(tenths)).toBe(true);
    // still in proportion, to the tenth
    expect(chart.bars[3].length).toBeCloseTo((chart.bars[6].length * 10) / 19, 0);
  });

  it("line chart: points, ticks, baseline and the path through them", () => {
    const chart = lineChart(
      [3, 7, null, 11].map((value, i) => ({ label: `Q${i + 1}`, value })),
      30,
    );
    expect(tenths(chart.baseline)).toBe(true);
    for (const p of chart.points) expect([p.x, p.y].every(tenths)).toBe(true);
    for (const t of chart.ticks) expect(tenths(t.y)).toBe(true);
    for (const n of chart.path!.match(/[\d.]+/g)!) expect(tenths(Number(n))).toBe(true);
  });

  it("comparison chart: rows, halves and both bars", () => {
    const chart = comparisonChart(
      ["K1", "K2", "K3"].map((label, i) => ({ label, committed: 7 * (i + 1), delivered: 3 * i + 1 })),
    );
    expect(tenths(chart.half)).toBe(true);
    for (const r of chart.rows) expect([r.y, r.committedLength, r.deliveredLength].every(tenths)).toBe(true);
  });
});
