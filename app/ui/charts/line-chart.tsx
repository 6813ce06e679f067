// A trend over periods (e.g. quarters), its line drawn with d3-shape on the server (lineChart in
// geometry.server.ts); each point is also marked and labelled.
import { formatNumber } from "~/ui/format.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { LINE } from "./dimensions.ts";
import type { LineChartModel } from "./geometry.server.ts";

const WIDTH = LINE.width;
const HEIGHT = LINE.height;
const MARGIN = LINE.margin;

export function LineChart({
  id,
  title,
  summary,
  chart,
  valueHeader,
  format = (v) => formatNumber(v, 3),
  missing = "–",
}: {
  id: string;
  title: string;
  summary: string;
  chart: LineChartModel;
  valueHeader: string;
  format?: (value: number) => string;
  // shown in the table, and on the chart where the line breaks, for a period with no value
  missing?: string;
}) {
  const { baseline, ticks, path, points } = chart;
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      columns={[{ header: "Period" }, { header: valueHeader, numeric: true }]}
      rows={points.map((d) => ({
        key: d.label,
        cells: [d.label, d.value === null ? missing : format(d.value)],
      }))}
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-3xl"
        aria-hidden="true"
        focusable="false"
      >
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={baseline} y2={baseline} stroke="#505a5f" />
        {ticks.map((t) => (
          <text
            key={t.value}
            x={MARGIN.left - 6}
            y={t.y}
            dy="0.35em"
            textAnchor="end"
            fontSize="11"
            fill="#505a5f"
          >
            {format(t.value)}
          </text>
        ))}
        {path ? <path d={path} fill="none" stroke="#1d3d7a" strokeWidth="3" /> : null}
        {points.map((d) => (
          <g key={d.label} fontSize="12" fill="#0b0c0c">
            {d.value === null ? (
              <text x={d.x} y={baseline - 10} textAnchor="middle" fill="#505a5f">
                {missing}
              </text>
            ) : (
              <>
                <circle cx={d.x} cy={d.y} r="5" fill="#1d3d7a" />
                <text x={d.x} y={d.y - 10} textAnchor="middle">
                  {format(d.value)}
                </text>
              </>
            )}
            <text x={d.x} y={HEIGHT - 8} textAnchor="middle" fill="#505a5f">
              {d.label}
            </text>
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}
