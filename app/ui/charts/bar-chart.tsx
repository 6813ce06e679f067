// Horizontal bars, one per label. Server-rendered SVG: no JavaScript needed. The geometry comes from the
// loader (barChart in geometry.server.ts), so d3 stays on the server.
import { formatNumber } from "~/ui/format.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { BAR, fitLabel } from "./dimensions.ts";
import type { BarChartModel } from "./geometry.server.ts";

// the baseline that puts 13-unit text in the middle of a bar at `y` (what dy="0.35em" did, said once)
const middle = (y: number, bandwidth: number) => Math.round((y + bandwidth / 2 + 4.55) * 10) / 10;

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
      {/* what every label shares is said once, on the SVG: a view sends far fewer bytes (decision 044) */}
      <svg
        viewBox={`0 0 ${BAR.width} ${height}`}
        className="h-auto w-full max-w-3xl"
        aria-hidden="true"
        focusable="false"
        fontSize="13"
        fill="#0b0c0c"
      >
        {/* 0.35em below the middle of the bar (13 × 0.35 = 4.55): the text's middle on the bar's */}
        <g textAnchor="end">
          {bars.map((d) => (
            <text key={d.label} x={BAR.labelWidth - 8} y={middle(d.y, bandwidth)}>
              {/* cut to fit its column: the whole label on hover, and in the table */}
              <title>{d.label}</title>
              {fitLabel(d.label, BAR.labelWidth - 8, 13)}
            </text>
          ))}
        </g>
        <g fill="#1d3d7a">
          {bars.map((d) => (
            <rect key={d.label} x={BAR.labelWidth} y={d.y} width={d.length} height={bandwidth} />
          ))}
        </g>
        {bars.map((d) => (
          <text key={d.label} x={BAR.labelWidth + d.length + 6} y={middle(d.y, bandwidth)}>
            {format(d.value)}
          </text>
        ))}
      </svg>
    </ChartFrame>
  );
}
