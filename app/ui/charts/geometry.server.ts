// Chart geometry, worked out on the server with d3-scale and d3-shape. The chart components only draw what
// these return, so d3 never ships to the browser (it cost the impact page 13 KB of gzipped JavaScript).
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";

import { BAR, COMPARISON, LINE, type BarDatum, type ComparisonDatum, type LinePoint } from "./dimensions.ts";

export type { BarDatum, ComparisonDatum, LinePoint };

// Positions to a tenth of a user unit (a chart is 640 units wide): finer than a screen shows, and each extra
// digit is sent twice with every view, in the SVG and in the page's data (decision 044)
const tenth = (n: number) => Math.round(n * 10) / 10;

export function barChart(data: BarDatum[]) {
  const height = data.length * BAR.rowHeight;
  const y = scaleBand()
    .domain(data.map((d) => d.label))
    .range([0, height])
    .padding(0.2);
  const x = scaleLinear()
    .domain([0, Math.max(1, ...data.map((d) => d.value))])
    .range([0, BAR.width - BAR.labelWidth - BAR.valueWidth]);
  return {
    height,
    bandwidth: tenth(y.bandwidth()),
    bars: data.map((d) => ({ ...d, y: tenth(y(d.label) ?? 0), length: tenth(x(d.value)) })),
  };
}

export function lineChart(data: LinePoint[], max?: number) {
  const { width, height, margin } = LINE;
  const x = scalePoint()
    .domain(data.map((d) => d.label))
    .range([margin.left, width - margin.right])
    .padding(0.3);
  const y = scaleLinear()
    .domain([0, max ?? Math.max(1, ...data.map((d) => d.value ?? 0))])
    .range([height - margin.bottom, margin.top]);
  const points = data.map((d) => ({ ...d, x: tenth(x(d.label) ?? 0), y: tenth(y(d.value ?? 0)) }));
  return {
    baseline: tenth(y(0)),
    ticks: y.ticks(4).map((value) => ({ value, y: tenth(y(value)) })),
    // the line breaks where a period has no value
    path:
      line<(typeof points)[number]>()
        .defined((p) => p.value !== null)
        .x((p) => p.x)
        .y((p) => p.y)(points) || null,
    points,
  };
}

export function comparisonChart(data: ComparisonDatum[]) {
  const height = data.length * COMPARISON.rowHeight + COMPARISON.legendHeight;
  const y = scaleBand()
    .domain(data.map((d) => d.label))
    .range([COMPARISON.legendHeight, height])
    .padding(0.15);
  const x = scaleLinear()
    .domain([0, Math.max(1, ...data.flatMap((d) => [d.committed, d.delivered]))])
    .range([0, COMPARISON.width - COMPARISON.labelWidth - 90]);
  return {
    height,
    half: tenth(y.bandwidth() / 2),
    rows: data.map((d) => ({
      ...d,
      y: tenth(y(d.label) ?? 0),
      committedLength: tenth(x(d.committed)),
      deliveredLength: tenth(x(d.delivered)),
    })),
  };
}

export type BarChartModel = ReturnType<typeof barChart>;
export type LineChartModel = ReturnType<typeof lineChart>;
export type ComparisonChartModel = ReturnType<typeof comparisonChart>;
