// Horizontal bars, one per label. Server-rendered SVG: no JavaScript needed. The geometry comes from the
// loader (barChart in geometry.server.ts), so d3 stays on the server.
import { formatNumber } from "~/ui/format.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { BAR, fitLabel } from "./dimensions.ts";
import type { BarChartModel } from "./geometry.server.ts";

export function BarChart({
  id,
  title,
  summary,
  chart,
  labelHeader,
  valueHeader,
  format = (v) => formatNumber(v, 3),
}: {
  id: string;
  title: string;
  summary: string;
  chart: BarChartModel;
  // the data table's column headings: what the bars are ("Measure") and what they show
  labelHeader: string;
  valueHeader: string;
  format?: (value: number) => string;
}) {
  const { height, bandwidth, bars } = chart;
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      columns={[{ header: labelHeader }, { header: valueHeader, numeric: true }]}
      rows={bars.map((d) => ({ key: d.label, cells: [d.label, format(d.value)] }))}
    >
      <svg
        viewBox={`0 0 ${BAR.width} ${height}`}
        className="h-auto w-full max-w-3xl"
        aria-hidden="true"
        focusable="false"
      >
        {bars.map((d) => (
          <g key={d.label} transform={`translate(0 ${d.y})`}>
            <text
              x={BAR.labelWidth - 8}
              y={bandwidth / 2}
              dy="0.35em"
              textAnchor="end"
              fontSize="13"
              fill="#0b0c0c"
            >
              {/* cut to fit its column: the whole label on hover, and in the table */}
              <title>{d.label}</title>
              {fitLabel(d.label, BAR.labelWidth - 8, 13)}
            </text>
            <rect x={BAR.labelWidth} width={d.length} height={bandwidth} fill="#1d3d7a" />
            <text
              x={BAR.labelWidth + d.length + 6}
              y={bandwidth / 2}
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
