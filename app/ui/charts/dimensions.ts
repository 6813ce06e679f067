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

// Rough advance widths (in em) of the sans-serif the charts are drawn in (Arial and its metric twins): enough to
// keep a label inside its column, where a count of characters let capitals and wide letters run out of it.
function charWidth(char: string) {
  if (/[iljtfrI.,;:'!|() ]/.test(char)) return 0.3;
  if (/[mwMW]/.test(char)) return 0.92;
  if (/[A-Z]/.test(char)) return 0.72;
  return 0.56;
}

// "…" is a whole em wide
const ELLIPSIS = 1;

/** A chart label as it fits in `width` user units at `fontSize`: whole, or cut with "…" (the table has it whole). */
export function fitLabel(label: string, width: number, fontSize: number) {
  const room = width / fontSize;
  const widths = Array.from(label, charWidth);
  if (widths.reduce((sum, w) => sum + w, 0) <= room) return label;
  let used = 0;
  let cut = 0;
  while (cut < widths.length && used + widths[cut]! + ELLIPSIS <= room) used += widths[cut++]!;
  return `${Array.from(label).slice(0, cut).join("").trimEnd()}…`;
}
