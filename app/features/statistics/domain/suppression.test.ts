import { describe, expect, it } from 'vitest';
import {
  suppressBreakdown,
  suppressBySize,
  suppressCount,
  suppressedRate,
  suppressGrid,
  type Shown,
} from './suppression';

describe('small-count suppression', () => {
  it.each([
    [0, 0],
    [1, null],
    [4, null],
    [5, 5],
    [120, 120],
  ])('a count of %i is shown as %s', (count, shown) => {
    expect(suppressCount(count)).toBe(shown);
  });

  it.each([
    [2.5, 4, null],
    [2.5, 5, 2.5],
    [null, 10, null],
  ])('a figure %s from %i cases is %s', (value, n, shown) => {
    expect(suppressBySize(value, n)).toBe(shown);
  });

  /** Every line (row or column with its total) hides 0 or at least 2 cells. */
  const noLoneHiddenCell = (grid: ReturnType<typeof suppressGrid>) => {
    const rows: Shown[][] = grid.cells.map((row, r) => [...row, grid.rowTotals[r] ?? null]);
    rows.push([...grid.columnTotals, grid.total]);
    const lines = [
      ...rows,
      ...Array.from({ length: (rows[0] ?? []).length }, (_, c) =>
        rows.map((row) => row[c] ?? null),
      ),
    ];
    for (const line of lines) expect(line.filter((v) => v === null).length).not.toBe(1);
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
        [null, null, 20],
        [null, null, 30],
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
        [null, null, 9],
        [null, null, 9],
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
        [null, null],
        [null, null],
        [30, 40],
      ],
      rowTotals: [null, null, 70],
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
      // Never hides a large value without reason: every count under 5 (and over 0) is hidden.
      counts.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v > 0 && v < 5) expect(grid.cells[r]?.[c]).toBeNull();
          if (grid.cells[r]?.[c] !== null) expect(grid.cells[r]?.[c]).toBe(v);
        }),
      );
    }
  });

  it.each([
    { counts: [10, 20, 30], cells: [10, 20, 30], total: 60 },
    { counts: [3, 20, 30], cells: [null, null, 30], total: 53 },
    { counts: [3, 4, 30], cells: [null, null, 30], total: 37 },
    { counts: [0, 0, 2], cells: [0, 0, null], total: null },
    { counts: [], cells: [], total: 0 },
  ])('a breakdown $counts is shown as $cells with total $total', ({ counts, cells, total }) => {
    expect(suppressBreakdown(counts)).toEqual({ cells, total });
  });

  it.each([
    { n: 7, d: 10, row: [5, 2, 3], rate: null },
    { n: 7, d: 10, row: [7, 0, 10], rate: 0.7 },
    { n: 4, d: 4, row: [4, 0, 4], rate: null },
    { n: 5, d: 5, row: [5, 0, 5], rate: 1 },
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
