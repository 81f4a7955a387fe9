/**
 * Small-count suppression for everything national (BRIEF §7). The rules, in one place:
 *
 * 1. Primary: a count from 1 to 4 is shown as «<5» (`'small'` here). Zero is shown: it describes
 *    nobody.
 * 2. Complementary: a table is a grid of counts with a total per row and per column (the totals
 *    are cells of the grid too). If a line (a row or a column, its total included) has exactly
 *    one suppressed cell, that cell is the total minus the others, so the smallest shown cell of
 *    the line (inner cells before the total) is suppressed as well (`'hidden'`: it is not a small
 *    count, so it is not shown as «<5»). This repeats until no line has exactly one suppressed
 *    cell.
 * 3. Derived figures: a rate is shown only when its denominator is at least 5 and no count of
 *    its row is suppressed (a rate times the denominator would give a hidden count back); a
 *    percentile or median is shown only when it is computed from at least 5 cases (`'hidden'`
 *    otherwise; `'none'` when there is nothing to compute it from: no cases).
 *
 * Withheld values are not charted (a gap, no bar); the table beside the chart and the exports say
 * which of the three it is (`msg.statistics.withheld`).
 */

export const SUPPRESSION_THRESHOLD = 5;

/**
 * Why a figure is not published: `small`, a count from 1 to 4 (rule 1); `hidden`, hidden so that
 * such a count cannot be worked out, or a figure computed from fewer than 5 cases (rules 2 and
 * 3); `none`, nothing to compute it from (no cases).
 */
export type Withheld = 'small' | 'hidden' | 'none';

/** A published value: a number, or why it is withheld. */
export type Shown = number | Withheld;

export const isShown = (value: Shown): value is number => typeof value === 'number';

const isSmall = (count: number) => count > 0 && count < SUPPRESSION_THRESHOLD;

/** Rule 1: one count on its own. */
export function suppressCount(count: number): Shown {
  return isSmall(count) ? 'small' : count;
}

/** Rule 3: a figure computed from `n` cases (`value` null when there were none). */
export function suppressBySize(value: number | null, n: number): Shown {
  if (value === null || n === 0) return 'none';
  return n < SUPPRESSION_THRESHOLD ? 'hidden' : value;
}

/**
 * Rules 1 and 2 for a grid of counts without totals: `counts[row][column]`. Returns the inner
 * cells, the row totals, the column totals and the grand total, each suppressed as needed.
 */
export function suppressGrid(counts: readonly (readonly number[])[]): {
  cells: Shown[][];
  rowTotals: Shown[];
  columnTotals: Shown[];
  total: Shown;
} {
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  // The extended grid: inner cells, a total column on the right and a total row at the bottom.
  const value: number[][] = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const columnSums = Array.from({ length: columns + 1 }, (_, c) =>
    value.reduce((sum, row) => sum + (row[c] ?? 0), 0),
  );
  value.push(columnSums);
  const small = value.map((row) => row.map(isSmall));
  const hidden = small.map((row) => [...row]);

  // Each line: the coordinates of its cells, inner cells first and the total last.
  const lines: [number, number][][] = [];
  for (let r = 0; r <= rows; r += 1) {
    lines.push(Array.from({ length: columns + 1 }, (_, c): [number, number] => [r, c]));
  }
  for (let c = 0; c <= columns; c += 1) {
    lines.push(Array.from({ length: rows + 1 }, (_, r): [number, number] => [r, c]));
  }
  const isHidden = ([r, c]: [number, number]) => hidden[r]?.[c] === true;
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.filter(isHidden).length !== 1) continue;
      const candidates = line.slice(0, -1).filter((cell) => !isHidden(cell));
      const pool = candidates.length > 0 ? candidates : line.filter((cell) => !isHidden(cell));
      const smallest = pool.reduce<[number, number] | null>((best, cell) => {
        if (!best) return cell;
        return (value[cell[0]]?.[cell[1]] ?? 0) < (value[best[0]]?.[best[1]] ?? 0) ? cell : best;
      }, null);
      if (!smallest) continue;
      const row = hidden[smallest[0]];
      if (row) row[smallest[1]] = true;
      changed = true;
    }
  }
  const shown = (r: number, c: number): Shown => {
    if (small[r]?.[c] === true) return 'small';
    return hidden[r]?.[c] === true ? 'hidden' : (value[r]?.[c] ?? 0);
  };
  return {
    cells: counts.map((row, r) => row.map((_, c) => shown(r, c))),
    rowTotals: counts.map((_, r) => shown(r, columns)),
    columnTotals: Array.from({ length: columns }, (_, c) => shown(rows, c)),
    total: shown(rows, columns),
  };
}

/**
 * A one-dimensional breakdown (by period, trust, scheme, ATC group) with its total: the counts
 * as one column of a grid, so a single hidden count is not the total minus the rest.
 */
export function suppressBreakdown(counts: readonly number[]): { cells: Shown[]; total: Shown } {
  const grid = suppressGrid(counts.map((c) => [c]));
  return { cells: grid.cells.map((row) => row[0] ?? 'none'), total: grid.total };
}

/**
 * Counts side by side without a total per row, each column with its total (the cases that ended
 * without a decision per trust: not endorsed, withdrawn): only the columns are lines a reader can
 * sum, so each is a breakdown of its own (rules 1 and 2). `columns` is the number of columns, for
 * the totals when there are no rows.
 */
export function suppressColumns(
  counts: readonly (readonly number[])[],
  columns: number,
): { cells: Shown[][]; totals: Shown[] } {
  const byColumn = Array.from({ length: columns }, (_, c) =>
    suppressBreakdown(counts.map((row) => row[c] ?? 0)),
  );
  return {
    cells: counts.map((_, r) => byColumn.map((column) => column.cells[r] ?? 'none')),
    totals: byColumn.map((column) => column.total),
  };
}

/** Rule 3 for a rate: numerator over denominator, only when the whole row is shown. */
export function suppressedRate(
  numerator: number,
  denominator: number,
  row: readonly Shown[],
): Shown {
  if (denominator === 0) return 'none';
  if (denominator < SUPPRESSION_THRESHOLD || !row.every(isShown)) return 'hidden';
  return numerator / denominator;
}
