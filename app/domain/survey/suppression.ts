// Small-number suppression for the survey report.
// Primary: any count below 5 is shown as "<5". Secondary: where the cells of a table add up to a total
// that is shown, more cells are hidden until no hidden count can be worked out from the total and the
// cells still shown. A reader knows a "<5" cell is 0–4 and a secondary-hidden cell ("[c]") is 5 or more,
// so the check works out each hidden cell's possible range from exactly what is published.
export const THRESHOLD = 5;

export type Cell = { key: string; count: number };

export type ShownCell =
  | { key: string; count: number; suppressed: false; percent: number | null }
  | { key: string; count: null; suppressed: "primary" | "secondary"; percent: null };

export type SuppressedTable = { total: number | null; totalSuppressed: boolean; cells: ShownCell[] };

type Hidden = { index: number; lo: number; hi: number };

// Whether any hidden cell has exactly one possible value given the published total and shown cells.
export function anyHiddenCellDerivable(hidden: Hidden[], hiddenSum: number) {
  if (hidden.length === 0) return false;
  const sumLo = hidden.reduce((s, h) => s + h.lo, 0);
  const sumHi = hidden.reduce((s, h) => s + h.hi, 0);
  return hidden.some((h) => {
    const min = Math.max(h.lo, hiddenSum - (sumHi - h.hi));
    const max = Math.min(h.hi, hiddenSum - (sumLo - h.lo));
    return min >= max;
  });
}

// A table whose cells add up to `total` (every answer, "Prefer not to say" and "Not answered").
function everythingHidden(cells: Cell[]): SuppressedTable {
  return {
    total: null,
    totalSuppressed: true,
    cells: cells.map((c) => ({ key: c.key, count: null, suppressed: "primary", percent: null })),
  };
}

export function suppressPartition(cells: Cell[], total: number): SuppressedTable {
  if (total < THRESHOLD) return everythingHidden(cells);
  const state: ("shown" | "primary" | "secondary")[] = cells.map((c) =>
    c.count < THRESHOLD ? "primary" : "shown",
  );
  // A "[c]" cell was the smallest cell shown when it was hidden (the first of equal ones), so a reader who knows the
  // rule knows it is no larger than any cell still shown, and smaller than one before it: 1, "[c]" and 5 out of 11
  // give away the 1.
  const hiddenOf = () =>
    state.flatMap((s, index): Hidden[] => {
      if (s === "shown") return [];
      if (s === "primary") return [{ index, lo: 0, hi: THRESHOLD - 1 }];
      const hi = state.reduce(
        (bound, other, j) =>
          other === "shown" ? Math.min(bound, cells[j].count - (j < index ? 1 : 0)) : bound,
        total,
      );
      return [{ index, lo: THRESHOLD, hi }];
    });
  for (;;) {
    const hidden = hiddenOf();
    const hiddenSum = hidden.reduce((s, h) => s + cells[h.index].count, 0);
    if (!anyHiddenCellDerivable(hidden, hiddenSum)) break;
    // Hide the smallest cell still shown: it loses the least information.
    let next = -1;
    state.forEach((s, index) => {
      if (s === "shown" && (next === -1 || cells[index].count < cells[next].count)) next = index;
    });
    // Every cell hidden and the total still gives one away (e.g. 5 and 0): hide the total as well.
    if (next === -1) return everythingHidden(cells);
    state[next] = "secondary";
  }
  return {
    total,
    totalSuppressed: false,
    cells: cells.map((c, index) => shownCell(c, state[index], total)),
  };
}

// Cells that do not add up to anything shown (a multi-select question): primary suppression only.
export function suppressIndependent(cells: Cell[], respondents: number): SuppressedTable {
  if (respondents < THRESHOLD) return suppressPartition(cells, respondents);
  return {
    total: respondents,
    totalSuppressed: false,
    cells: cells.map((c) => shownCell(c, c.count < THRESHOLD ? "primary" : "shown", respondents)),
  };
}

function shownCell(cell: Cell, state: "shown" | "primary" | "secondary", total: number): ShownCell {
  if (state === "shown")
    return {
      key: cell.key,
      count: cell.count,
      suppressed: false,
      percent: total > 0 ? Math.round((cell.count / total) * 1000) / 10 : null,
    };
  return { key: cell.key, count: null, suppressed: state, percent: null };
}

export function displayCount(cell: ShownCell) {
  if (cell.suppressed === "primary") return "<5";
  if (cell.suppressed === "secondary") return "[c]";
  return String(cell.count);
}

// A count of businesses shown on its own (how many answered): below the threshold it is "<5", like a cell.
export function displayTotal(count: number) {
  return count < THRESHOLD ? `<${THRESHOLD}` : String(count);
}

export function displayPercent(cell: ShownCell) {
  return cell.percent === null ? "" : `${cell.percent}%`;
}
