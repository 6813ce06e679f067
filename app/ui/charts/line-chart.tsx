// A trend over periods (e.g. quarters), drawn with d3-shape; each point is also marked and labelled.
import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { formatNumber } from "~/ui/format.ts";
import { ChartFrame } from "./chart-frame.tsx";

export type LinePoint = { label: string; value: number };

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 20, right: 30, bottom: 30, left: 40 };

export function LineChart({
  id,
  title,
  summary,
  data,
  valueHeader,
  max,
  format = (v) => formatNumber(v, 3),
}: {
  id: string;
  title: string;
  summary: string;
  data: LinePoint[];
  valueHeader: string;
  max?: number;
  format?: (value: number) => string;
}) {
  const x = scalePoint()
    .domain(data.map((d) => d.label))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.3);
  const y = scaleLinear()
    .domain([0, max ?? Math.max(1, ...data.map((d) => d.value))])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = line<LinePoint>()
    .x((d) => x(d.label) ?? 0)
    .y((d) => y(d.value))(data);
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      columns={[{ header: "Period" }, { header: valueHeader, numeric: true }]}
      rows={data.map((d) => ({ key: d.label, cells: [d.label, format(d.value)] }))}
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-3xl"
        aria-hidden="true"
        focusable="false"
      >
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke="#505a5f" />
        {y.ticks(4).map((t) => (
          <text
            key={t}
            x={MARGIN.left - 6}
            y={y(t)}
            dy="0.35em"
            textAnchor="end"
            fontSize="11"
            fill="#505a5f"
          >
            {format(t)}
          </text>
        ))}
        {path ? <path d={path} fill="none" stroke="#1d3d7a" strokeWidth="3" /> : null}
        {data.map((d) => (
          <g key={d.label} fontSize="12" fill="#0b0c0c">
            <circle cx={x(d.label)} cy={y(d.value)} r="5" fill="#1d3d7a" />
            <text x={x(d.label)} y={y(d.value) - 10} textAnchor="middle">
              {format(d.value)}
            </text>
            <text x={x(d.label)} y={HEIGHT - 8} textAnchor="middle" fill="#505a5f">
              {d.label}
            </text>
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}
