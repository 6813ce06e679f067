// Horizontal bars, one per label. Server-rendered SVG: no JavaScript needed.
import { scaleBand, scaleLinear } from "d3-scale";
import { formatNumber } from "~/ui/format.ts";
import { ChartFrame } from "./chart-frame.tsx";

export type BarDatum = { label: string; value: number };

const WIDTH = 640;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 90;
const BAR_HEIGHT = 28;

export function BarChart({
  id,
  title,
  summary,
  data,
  valueHeader,
  format = (v) => formatNumber(v, 3),
}: {
  id: string;
  title: string;
  summary: string;
  data: BarDatum[];
  valueHeader: string;
  format?: (value: number) => string;
}) {
  const height = data.length * BAR_HEIGHT;
  const y = scaleBand()
    .domain(data.map((d) => d.label))
    .range([0, height])
    .padding(0.2);
  const x = scaleLinear()
    .domain([0, Math.max(1, ...data.map((d) => d.value))])
    .range([0, WIDTH - LABEL_WIDTH - VALUE_WIDTH]);
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      columns={[{ header: "Category" }, { header: valueHeader, numeric: true }]}
      rows={data.map((d) => ({ key: d.label, cells: [d.label, format(d.value)] }))}
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="h-auto w-full max-w-3xl"
        aria-hidden="true"
        focusable="false"
      >
        {data.map((d) => (
          <g key={d.label} transform={`translate(0 ${y(d.label)})`}>
            <text
              x={LABEL_WIDTH - 8}
              y={y.bandwidth() / 2}
              dy="0.35em"
              textAnchor="end"
              fontSize="13"
              fill="#0b0c0c"
            >
              {d.label.length > 28 ? `${d.label.slice(0, 27)}…` : d.label}
            </text>
            <rect x={LABEL_WIDTH} width={x(d.value)} height={y.bandwidth()} fill="#1d3d7a" />
            <text
              x={LABEL_WIDTH + x(d.value) + 6}
              y={y.bandwidth() / 2}
              dy="0.35em"
              fontSize="13"
              fill="#0b0c0c"
            >
              {format(d.value)}
            </text>
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}
