// Chart sizes (SVG user units), shared by the geometry worked out on the server and the components that draw it.
export type BarDatum = { label: string; value: number };
// null: nothing to plot for that period (a gap in the line, not a zero)
export type LinePoint = { label: string; value: number | null };
export type ComparisonDatum = { label: string; committed: number; delivered: number };

export const BAR = { width: 640, labelWidth: 200, valueWidth: 90, rowHeight: 28 } as const;
export const LINE = {
  width: 640,
  height: 220,
  margin: { top: 20, right: 30, bottom: 30, left: 40 },
} as const;
export const COMPARISON = { width: 640, labelWidth: 200, rowHeight: 44, legendHeight: 24 } as const;
