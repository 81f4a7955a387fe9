import { describe, expect, it } from 'vitest';
import {
  suppressBreakdown,
  suppressBySize,
  suppressColumns,
  suppressCount,
  suppressedRate,
  suppressGrid,
  type Shown,
} from './suppression';

/** A count of 1–4; hidden with it (or from too few cases); nothing to show. */
const S = 'small';
const H = 'hidden';
const N = 'none';

describe('small-count suppression', () => {
  it.each([
    [0, 0],
    [1, S],
    [4, S],
    [5, 5],
    [120, 120],
  ])('a count of %i is shown as %s', (count, shown) => {
    expect(suppressCount(count)).toBe(shown);
  });

  it.each([
    [2.5, 4, H],
    [2.5, 1, H],
    [2.5, 5, 2.5],
    [null, 10, N],
    [null, 0, N],
  ])('a figure %s from %i cases is %s', (value, n, shown) => {
    expect(suppressBySize(value, n)).toBe(shown);
  });

  /** Every line (row or column with its total) hides 0 or at least 2 cells. */
  const noLoneHiddenCell = (grid: ReturnType<typeof suppressGrid>) => {
    const rows: Shown[][] = grid.cells.map((row, r) => [...row, grid.rowTotals[r] ?? N]);
    rows.push([...grid.columnTotals, grid.total]);
    const lines = [
      ...rows,
      ...Array.from({ length: (rows[0] ?? []).length }, (_, c) => rows.map((row) => row[c] ?? N)),
    ];
    for (const line of lines) expect(line.filter((v) => typeof v !== 'number').length).not.toBe(1);
  };

  it.each([
    {
      name: 'nothing to hide',
      counts: [
        [10, 20],
        [30, 40],
      ],
      cells: [
        [10, 20],
        [30, 40],
      ],
      rowTotals: [30, 70],
      columnTotals: [40, 60],
      total: 100,
    },
    {
      name: 'one small cell hides the smallest other cell in its row and column, and so on',
      counts: [
        [3, 10, 20],
        [12, 15, 30],
      ],
      cells: [
        [S, H, 20],
        [H, H, 30],
      ],
      rowTotals: [33, 57],
      columnTotals: [15, 25, 50],
      total: 90,
    },
    {
      name: 'a zero is shown, and is a valid complement',
      counts: [
        [2, 0, 9],
        [7, 8, 9],
      ],
      cells: [
        [S, H, 9],
        [H, H, 9],
      ],
      rowTotals: [11, 24],
      columnTotals: [9, 8, 18],
      total: 35,
    },
    {
      name: 'a small row total is hidden with its cells and another row is hidden with it',
      counts: [
        [1, 2],
        [10, 20],
        [30, 40],
      ],
      cells: [
        [S, S],
        [H, H],
        [30, 40],
      ],
      rowTotals: [S, H, 70],
      columnTotals: [41, 62],
      total: 103,
    },
  ])('$name', ({ counts, cells, rowTotals, columnTotals, total }) => {
    const grid = suppressGrid(counts);
    expect(grid).toEqual({ cells, rowTotals, columnTotals, total });
    noLoneHiddenCell(grid);
  });

  it('a random grid never leaves a hidden cell recoverable from its line', () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 200; round += 1) {
      const columns = 1 + Math.floor(next() * 4);
      const counts = Array.from({ length: 1 + Math.floor(next() * 5) }, () =>
        Array.from({ length: columns }, () => Math.floor(next() * 12)),
      );
      const grid = suppressGrid(counts);
      noLoneHiddenCell(grid);
      // Every count from 1 to 4 is «<5», and only those; a shown cell is its count.
      counts.forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = grid.cells[r]?.[c];
          expect(cell === S).toBe(v > 0 && v < 5);
          if (typeof cell === 'number') expect(cell).toBe(v);
        }),
      );
    }
  });

  it.each([
    { counts: [10, 20, 30], cells: [10, 20, 30], total: 60 },
    { counts: [3, 20, 30], cells: [S, H, 30], total: 53 },
    { counts: [3, 4, 30], cells: [S, S, 30], total: 37 },
    { counts: [0, 0, 2], cells: [0, 0, S], total: S },
    { counts: [], cells: [], total: 0 },
  ])('a breakdown $counts is shown as $cells with total $total', ({ counts, cells, total }) => {
    expect(suppressBreakdown(counts)).toEqual({ cells, total });
  });

  it.each([
    {
      name: 'nothing to hide',
      counts: [
        [6, 10],
        [0, 7],
      ],
      cells: [
        [6, 10],
        [0, 7],
      ],
      totals: [6, 17],
    },
    {
      // Each column on its own: the small count's column hides its complement, the other column
      // (no row total is shown) keeps its numbers.
      name: 'a small count in one column',
      counts: [
        [2, 10],
        [9, 7],
        [30, 8],
      ],
      cells: [
        [S, 10],
        [H, 7],
        [30, 8],
      ],
      totals: [41, 25],
    },
    {
      name: 'a small total',
      counts: [
        [0, 1],
        [0, 2],
      ],
      cells: [
        [0, S],
        [0, S],
      ],
      totals: [0, S],
    },
    { name: 'no rows', counts: [], cells: [], totals: [0, 0] },
  ])('columns side by side: $name', ({ counts, cells, totals }) => {
    expect(suppressColumns(counts, 2)).toEqual({ cells, totals });
  });

  it.each([
    { n: 7, d: 10, row: [5, 2, 3], rate: H },
    { n: 7, d: 10, row: [7, 0, 10], rate: 0.7 },
    { n: 4, d: 4, row: [4, 0, 4], rate: H },
    { n: 5, d: 5, row: [5, 0, 5], rate: 1 },
    { n: 0, d: 0, row: [0, 0, 0], rate: N },
  ])('a rate $n/$d with the row $row is $rate', ({ n, d, row, rate }) => {
    expect(
      suppressedRate(
        n,
        d,
        row.map((v) => suppressCount(v)),
      ),
    ).toBe(rate);
  });
});
