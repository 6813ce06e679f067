// Small-number suppression for the survey report.
// Primary: any count below 5 is shown as "<5". Secondary: where the cells of a table add up to a total
// that is shown, more cells are hidden until no hidden count can be worked out from the total and the
// cells still shown. A reader knows a "<5" cell is 0–4 and a secondary-hidden cell ("[c]") is 5 or more,
// so the check works out each hidden cell's possible range from exactly what is published. A reader can also run the
// rule itself on every table of counts that could lie behind a published one (which cells were hidden says more than
// their ranges: "<5", "<5" and "[c]" out of 6 is 0, 0 and 6), so a table is published only if that leaves every
// hidden cell two or more possible values.
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

// The first "[c]" is hidden only because the "<5" cells could be worked out on their own: with two or more of them,
// that means they were all 0 or all 4. A reader who knows the rule tries both, and if the total rules one out, every
// "<5" is given away: so more is hidden until both fit (0, 0, 10 and 12 of 22 hides the 12 as well as the 10).
function givenAwayByTheRule(hidden: Hidden[], hiddenSum: number) {
  const primary = hidden.filter((h) => h.lo < THRESHOLD);
  const secondary = hidden.filter((h) => h.lo >= THRESHOLD);
  if (primary.length < 2 || secondary.length === 0) return false;
  const sumLo = secondary.reduce((s, h) => s + h.lo, 0);
  const sumHi = secondary.reduce((s, h) => s + h.hi, 0);
  const fits = [0, (THRESHOLD - 1) * primary.length].filter(
    (s) => hiddenSum - s >= sumLo && hiddenSum - s <= sumHi,
  );
  return fits.length < 2;
}

// A table whose cells add up to `total` (every answer, "Prefer not to say" and "Not answered").
function everythingHidden(cells: Cell[]): SuppressedTable {
  return {
    total: null,
    totalSuppressed: true,
    cells: cells.map((c) => ({ key: c.key, count: null, suppressed: "primary", percent: null })),
  };
}

type State = "shown" | "primary" | "secondary";

// Which cells the rule hides (null: the whole table, total included).
function statesOf(counts: number[], total: number): State[] | null {
  if (total < THRESHOLD) return null;
  const state: State[] = counts.map((count) => (count < THRESHOLD ? "primary" : "shown"));
  // A "[c]" cell was the smallest cell shown when it was hidden (the first of equal ones), so a reader who knows the
  // rule knows it is no larger than any cell still shown, and smaller than one before it: 1, "[c]" and 5 out of 11
  // give away the 1.
  const hiddenOf = () =>
    state.flatMap((s, index): Hidden[] => {
      if (s === "shown") return [];
      if (s === "primary") return [{ index, lo: 0, hi: THRESHOLD - 1 }];
      const hi = state.reduce(
        (bound, other, j) => (other === "shown" ? Math.min(bound, counts[j] - (j < index ? 1 : 0)) : bound),
        total,
      );
      return [{ index, lo: THRESHOLD, hi }];
    });
  for (;;) {
    const hidden = hiddenOf();
    const hiddenSum = hidden.reduce((s, h) => s + counts[h.index], 0);
    if (!anyHiddenCellDerivable(hidden, hiddenSum) && !givenAwayByTheRule(hidden, hiddenSum)) break;
    // Hide the smallest cell still shown: it loses the least information.
    let next = -1;
    state.forEach((s, index) => {
      if (s === "shown" && (next === -1 || counts[index] < counts[next])) next = index;
    });
    // Every cell hidden and the total still gives one away (e.g. 5 and 0): hide the total as well.
    if (next === -1) return null;
    state[next] = "secondary";
  }
  return state;
}

// The most tables of counts tried when checking one table; a table that needs more is not published.
const MOST_TRIES = 20_000;

/**
 * Whether every hidden cell could still have two or more values for a reader who runs the rule itself: they try
 * each count the hidden cells could have, and keep those that the rule would publish the same way. Which cells were
 * hidden can say more than the ranges do (a second "[c]" says the first one and the "<5" could be worked out).
 */
function safeForAReaderWhoRunsTheRule(counts: number[], total: number, state: State[]) {
  const hidden = state.flatMap((s, index) => (s === "shown" ? [] : [index]));
  const hiddenSum = hidden.reduce((s, index) => s + counts[index], 0);
  // a "[c]" was the smallest cell shown when it was hidden, so it is no larger than any cell still shown
  const largest = () =>
    state.reduce((most, s, j) => (s === "shown" ? Math.min(most, counts[j]) : most), hiddenSum);
  const range = (index: number): [number, number] =>
    state[index] === "primary" ? [0, THRESHOLD - 1] : [THRESHOLD, largest()];
  // with two or more "<5" and a "[c]", the "<5" are all 0 or all 4 (givenAwayByTheRule): only those need trying
  const primaries = hidden.filter((i) => state[i] === "primary");
  const pinned = primaries.length >= 2 && primaries.length < hidden.length;
  const choices = (index: number, trial: number[], assigned: number[]) => {
    const [lo, hi] = range(index);
    if (!pinned || state[index] !== "primary") return Array.from({ length: hi - lo + 1 }, (_, v) => lo + v);
    const before = assigned.find((i) => state[i] === "primary");
    return before === undefined ? [0, THRESHOLD - 1] : [trial[before]];
  };
  let tries = 0;
  // Is there a table the rule publishes like this one with `index` holding `value`?
  const another = (index: number, value: number) => {
    const trial = [...counts];
    trial[index] = value;
    const rest = hidden.filter((i) => i !== index);
    const fill = (k: number, left: number): boolean | null => {
      if (k === rest.length) {
        if (left !== 0) return false;
        if (++tries > MOST_TRIES) return null;
        const states = statesOf(trial, total);
        return states !== null && states.every((s, i) => s === state[i]);
      }
      const later = rest.slice(k + 1);
      for (const v of choices(rest[k], trial, [index, ...rest.slice(0, k)])) {
        const remaining = left - v;
        if (remaining < later.reduce((s, i) => s + range(i)[0], 0)) break;
        if (remaining > later.reduce((s, i) => s + range(i)[1], 0)) continue;
        trial[rest[k]] = v;
        const found = fill(k + 1, remaining);
        if (found !== false) return found;
      }
      return false;
    };
    return fill(0, hiddenSum - value);
  };
  // Values are tried from the smallest, whatever the cell holds: how far the search goes depends only on what is
  // published, so a table left out for needing too many tries says nothing about its counts.
  return hidden.every((index) => {
    let values = 0;
    for (const value of choices(index, counts, [])) {
      if (values >= 2) break;
      const found = another(index, value);
      if (found === null) return false;
      if (found) values++;
    }
    return values >= 2;
  });
}

export function suppressPartition(cells: Cell[], total: number): SuppressedTable {
  const counts = cells.map((c) => c.count);
  const state = statesOf(counts, total);
  if (!state || !safeForAReaderWhoRunsTheRule(counts, total, state)) return everythingHidden(cells);
  return {
    total,
    totalSuppressed: false,
    cells: cells.map((c, index) => shownCell(c, state[index], total)),
  };
}

/**
 * The largest value each hidden ("<5") cell of a multi-select table could hold, worked out from what is shown: a
 * business choosing an answer that stands alone (`alone`: "We have not met any barriers", "Prefer not to say")
 * chose nothing else, so each other answer was chosen by no more than the businesses left once those shown choosing
 * an answer that stands alone are taken away, and an answer that stands alone by no more than those left once the
 * other ones that stand alone and the most chosen other answer are. Only what is shown is used, so whether a table
 * is published says nothing about its hidden counts.
 */
export function largestHiddenValues(cells: Cell[], respondents: number, alone: string[]) {
  const isShown = (c: Cell) => c.count >= THRESHOLD;
  const shownAlone = (except?: string) =>
    cells
      .filter((c) => isShown(c) && alone.includes(c.key) && c.key !== except)
      .reduce((s, c) => s + c.count, 0);
  const mostChosenOther = cells
    .filter((c) => isShown(c) && !alone.includes(c.key))
    .reduce((most, c) => Math.max(most, c.count), 0);
  return cells.flatMap((c) =>
    isShown(c)
      ? []
      : [
          {
            key: c.key,
            largest: Math.min(
              THRESHOLD - 1,
              alone.includes(c.key)
                ? respondents - shownAlone(c.key) - mostChosenOther
                : respondents - shownAlone(),
            ),
          },
        ],
  );
}

/**
 * Cells that do not add up to anything shown (a multi-select question): primary suppression, as no total gives a
 * hidden cell away. But an answer that stands alone (`alone`) rules the others out, so a "<5" could still be worked
 * out as 0: "We have not met any barriers" chosen by all 12 of 12 says every barrier's "<5" is 0, and one barrier
 * chosen by all 12 says "We have not met any barriers" is 0. Such a table is not published.
 */
export function suppressIndependent(
  cells: Cell[],
  respondents: number,
  alone: string[] = [],
): SuppressedTable {
  if (respondents < THRESHOLD) return suppressPartition(cells, respondents);
  if (largestHiddenValues(cells, respondents, alone).some((h) => h.largest <= 0))
    return everythingHidden(cells);
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
