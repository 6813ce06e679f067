// Delivered against committed, one pair of bars per row; the delivered bar is patterned as well as
// coloured so the two are told apart without colour. Geometry from comparisonChart in geometry.server.ts.
import { formatNumber } from "~/ui/format.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { COMPARISON, fitLabel } from "./dimensions.ts";
import type { ComparisonChartModel } from "./geometry.server.ts";

const WIDTH = COMPARISON.width;
const LABEL_WIDTH = COMPARISON.labelWidth;
const tenth = (n: number) => Math.round(n * 10) / 10;

export function ComparisonChart({
  id,
  title,
  summary,
  chart,
  labelHeader,
  format = (v) => formatNumber(v, 3),
}: {
  id: string;
  title: string;
  summary: string;
  chart: ComparisonChartModel;
  // the data table's heading for what each row is ("Contract")
  labelHeader: string;
  format?: (value: number) => string;
}) {
  const { height, half, rows } = chart;
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      columns={[
        { header: labelHeader },
        { header: "Committed", numeric: true },
        { header: "Delivered", numeric: true },
        { header: "Delivered as % of committed", numeric: true },
      ]}
      rows={rows.map((d) => ({
        key: d.label,
        cells: [
          d.label,
          format(d.committed),
          format(d.delivered),
          d.committed > 0 ? `${Math.round((d.delivered / d.committed) * 100)}%` : "–",
        ],
      }))}
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="h-auto w-full max-w-3xl"
        aria-hidden="true"
        focusable="false"
      >
        <defs>
          <pattern
            id={`${id}-hatch`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#00703c" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
          </pattern>
        </defs>
        <g fontSize="12" fill="#0b0c0c">
          <rect x={LABEL_WIDTH} y={4} width={12} height={12} fill="#b1b4b6" />
          <text x={LABEL_WIDTH + 16} y={14}>
            Committed
          </text>
          <rect x={LABEL_WIDTH + 100} y={4} width={12} height={12} fill={`url(#${id}-hatch)`} />
          <text x={LABEL_WIDTH + 116} y={14}>
            Delivered
          </text>
        </g>
        {/* each row's label, bars and figures, what they share said once on the group (decision 044); text sits
            0.35em below the middle it is centred on (13 × 0.35 = 4.55, 12 × 0.35 = 4.2) */}
        {rows.map((d) => (
          <g key={d.label} transform={`translate(0 ${d.y})`} fontSize="12" fill="#0b0c0c">
            <text x={LABEL_WIDTH - 8} y={tenth(half + 4.55)} textAnchor="end" fontSize="13">
              {/* cut to fit its column: the whole label on hover, and in the table */}
              <title>{d.label}</title>
              {fitLabel(d.label, LABEL_WIDTH - 8, 13)}
            </text>
            <rect x={LABEL_WIDTH} width={d.committedLength} height={half - 1} fill="#b1b4b6" />
            <text x={tenth(LABEL_WIDTH + d.committedLength + 4)} y={tenth(half / 2 + 4.2)}>
              {format(d.committed)}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={half}
              width={d.deliveredLength}
              height={half - 1}
              fill={`url(#${id}-hatch)`}
            />
            <text x={tenth(LABEL_WIDTH + d.deliveredLength + 4)} y={tenth(half * 1.5 + 4.2)}>
              {format(d.delivered)}
            </text>
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}
