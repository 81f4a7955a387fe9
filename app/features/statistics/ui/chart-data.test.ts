import { describe, expect, it } from 'vitest';
import type { StatTable } from '../domain/tables';
import { axisLabel, chartData } from './chart-data';

describe('axisLabel', () => {
  it.each([
    [
      'a trust, whole',
      'Universitetssykehuset Nord-Norge HF',
      'Universitetssykehuset Nord-Norge HF',
    ],
    [
      'an ATC group with a short name, whole',
      'L01 Antineoplastiske midler',
      'L01 Antineoplastiske midler',
    ],
    [
      'an ATC group with a long name, cut at 40 characters with «…»',
      'L01F Monoklonale antistoffer og antistoff-legemiddelkonjugater',
      'L01F Monoklonale antistoffer og antisto…',
    ],
    ['a code alone', 'M09', 'M09'],
  ])('shows %s', (_, label, shown) => {
    expect(axisLabel(label)).toBe(shown);
    expect(axisLabel(label).length).toBeLessThanOrEqual(40);
  });
});

describe('chartData', () => {
  const table: StatTable = {
    id: 'stagesByTrust',
    title: 'Mediantid',
    labelHeader: 'Helseforetak',
    columns: [
      {
        key: 'submitted',
        label: 'Hos leder (forankring), median',
        short: 'Forankring',
        format: 'days',
      },
      { key: 'recommended', label: 'Hos fagdirektør, median', format: 'days' },
      { key: 'total', label: 'Totalt, median', format: 'days' },
    ],
    rows: [
      { key: 'AHUS', label: 'Akershus universitetssykehus HF', values: [2, 'hidden', 13] },
      { key: 'HBE', label: 'Helse Bergen HF', values: ['none', 'none', 'none'] },
      { key: 'total', label: 'Hele landet', values: [3, 3, 21], total: true },
    ],
  };

  it('binds a series to its column by key, wherever the column is, named by its short name', () => {
    const { data, series } = chartData(table, {
      kind: 'bar',
      columns: ['submitted', 'total'],
      horizontal: true,
    });
    expect(series.map((s) => [s.key, s.name])).toEqual([
      ['c0', 'Forankring'],
      ['c2', 'Totalt, median'],
    ]);
    // The total row is left out; withheld values are gaps (null), never the marker text.
    expect(data).toEqual([
      { label: 'Akershus universitetssykehus HF', c0: 2, c2: 13 },
      { label: 'Helse Bergen HF', c0: null, c2: null },
    ]);
  });

  it('refuses a column its table does not have, rather than draw an empty chart', () => {
    expect(() => chartData(table, { kind: 'bar', columns: ['awaitingInformation'] })).toThrow(
      /no column «awaitingInformation»/,
    );
  });
});
