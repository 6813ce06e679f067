import { describe, expect, it } from "vitest";
import { onTimePercent } from "~/domain/reporting/dashboard-totals.ts";
import { lineChart } from "~/ui/charts/geometry.server.ts";

describe("the compliance trend", () => {
  it("is the share of returns due first submitted on time, and nothing when none was due", () => {
    expect(onTimePercent({ onTime: 3, late: 1, overdue: 0 })).toBe(75);
    expect(onTimePercent({ onTime: 0, late: 0, overdue: 2 })).toBe(0);
    expect(onTimePercent({ onTime: 0, late: 0, overdue: 0 })).toBeNull();
  });

  it("breaks the line at a quarter with no value instead of drawing it at zero", () => {
    const chart = lineChart(
      [
        { label: "Q1", value: 50 },
        { label: "Q2", value: null },
        { label: "Q3", value: 100 },
        { label: "Q4", value: 80 },
      ],
      100,
    );
    // two pieces: Q1 on its own, then Q3 to Q4
    expect(chart.path?.match(/M/g)).toHaveLength(2);
    expect(chart.path).not.toContain(`,${chart.baseline}`);
    expect(chart.points.map((p) => p.value)).toEqual([50, null, 100, 80]);
    expect(lineChart([{ label: "Q1", value: null }], 100).path).toBeNull();
  });
});
