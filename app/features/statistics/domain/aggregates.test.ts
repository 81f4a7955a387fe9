import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addHistogramText,
  grainRanges,
  HISTOGRAM_MAX_VALUE,
  Histogram,
  summarizeHistogramRows,
  type GrainRange,
  type HistogramRow,
} from './aggregates';

/** percentile_cont over the expanded values, as PostgreSQL defines it. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low);
}

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`);) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
};

const dayBefore = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

describe('grainRanges', () => {
  it.each([
    [
      '2024-01-01',
      '2026-12-02',
      'year',
      [
        { grain: 'year', from: '2024-01-01', until: '2026-01-01' },
        { grain: 'month', from: '2026-01-01', until: '2026-12-01' },
        { grain: 'day', from: '2026-12-01', until: '2026-12-03' },
      ],
    ],
    [
      '2024-01-01',
      '2026-12-02',
      'month',
      [
        { grain: 'month', from: '2024-01-01', until: '2026-12-01' },
        { grain: 'day', from: '2026-12-01', until: '2026-12-03' },
      ],
    ],
    [
      '2025-03-15',
      '2025-05-31',
      'year',
      [
        { grain: 'day', from: '2025-03-15', until: '2025-04-01' },
        { grain: 'month', from: '2025-04-01', until: '2025-06-01' },
      ],
    ],
    [
      '2025-02-03',
      '2025-02-03',
      'year',
      [{ grain: 'day', from: '2025-02-03', until: '2025-02-04' }],
    ],
    [
      '2024-12-31',
      '2025-12-31',
      'year',
      [
        { grain: 'day', from: '2024-12-31', until: '2025-01-01' },
        { grain: 'year', from: '2025-01-01', until: '2026-01-01' },
      ],
    ],
  ] as const)('%s to %s by %s, in the past', (from, to, coarsest, expected) => {
    expect(grainRanges(from, to, coarsest, '2030-01-01')).toEqual({ add: expected, subtract: [] });
  });

  it.each([
    // The default view: the current year whole, less its days after today (none submitted yet).
    [
      '2024-01-01',
      '2026-12-02',
      'year',
      '2026-12-02',
      {
        add: [{ grain: 'year', from: '2024-01-01', until: '2027-01-01' }],
        subtract: [{ grain: 'day', from: '2026-12-03', until: '2027-01-01' }],
      },
    ],
    [
      '2024-01-01',
      '2026-12-02',
      'month',
      '2026-12-02',
      {
        add: [{ grain: 'month', from: '2024-01-01', until: '2027-01-01' }],
        subtract: [{ grain: 'day', from: '2026-12-03', until: '2027-01-01' }],
      },
    ],
    // A period ending after today: months and days after it are subtracted.
    [
      '2024-07-01',
      '2025-05-20',
      'year',
      '2025-05-01',
      {
        add: [
          { grain: 'month', from: '2024-07-01', until: '2025-01-01' },
          { grain: 'year', from: '2025-01-01', until: '2026-01-01' },
        ],
        subtract: [
          { grain: 'day', from: '2025-05-21', until: '2025-06-01' },
          { grain: 'month', from: '2025-06-01', until: '2026-01-01' },
        ],
      },
    ],
    // The year began before the period: read as before.
    [
      '2025-03-15',
      '2025-05-31',
      'year',
      '2025-05-31',
      {
        add: [
          { grain: 'day', from: '2025-03-15', until: '2025-04-01' },
          { grain: 'month', from: '2025-04-01', until: '2025-06-01' },
        ],
        subtract: [],
      },
    ],
    // Ending the day before today: read as before.
    [
      '2025-01-01',
      '2025-05-30',
      'year',
      '2025-05-31',
      {
        add: [
          { grain: 'month', from: '2025-01-01', until: '2025-05-01' },
          { grain: 'day', from: '2025-05-01', until: '2025-05-31' },
        ],
        subtract: [],
      },
    ],
  ] as const)('%s to %s by %s, today %s', (from, to, coarsest, today, expected) => {
    expect(grainRanges(from, to, coarsest, today)).toEqual(expected);
  });

  it('counts every day of the period exactly once and no other day, in whole periods', () => {
    const day = fc
      .date({ min: new Date('2023-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        day,
        day,
        fc.constantFrom('month' as const, 'year' as const),
        (a, b, today, coarsest) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const { add, subtract } = grainRanges(from, to, coarsest, today);
          const times = new Map<string, number>();
          const count = (ranges: readonly GrainRange[], by: number) => {
            for (const r of ranges) {
              if (r.grain !== 'day')
                expect(r.from.endsWith(r.grain === 'year' ? '-01-01' : '-01')).toBe(true);
              for (const d of days(r.from, dayBefore(r.until)))
                times.set(d, (times.get(d) ?? 0) + by);
            }
          };
          count(add, 1);
          count(subtract, -1);
          expect([...times.values()].every((n) => n === 0 || n === 1)).toBe(true);
          const counted = [...times].filter(([, n]) => n === 1).map(([d]) => d);
          expect(counted.sort()).toEqual(days(from, to));
          // Days after today only are subtracted.
          for (const r of subtract) expect(r.from > today).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** A dense array of the counts of `[value, n]` bins (the same value may come twice). */
const dense = (bins: readonly { value: number; n: number }[]): number[] => {
  const out: number[] = [];
  for (const b of bins) {
    while (out.length <= b.value) out.push(0);
    out[b.value] = (out[b.value] ?? 0) + b.n;
  }
  return out;
};

/** A histogram of the bins, added in their order. */
const histogramOf = (bins: readonly { value: number; n: number }[]) => {
  const h = new Histogram();
  for (const b of bins) h.add(b.value, b.n);
  return h;
};

/** The bins of a dense array of counts. */
const binsOf = (counts: readonly number[]) => counts.map((n, value) => ({ value, n }));

describe('Histogram', () => {
  it('is no cases and null percentiles when empty or netting to zero', () => {
    expect(new Histogram().summary([0.5])).toEqual({ n: 0, percentiles: [null] });
    expect(histogramOf(binsOf([0, 0, 0, 0, -1])).summary([0.5, 0.9])).toEqual({
      n: 0,
      percentiles: [null, null],
    });
    expect(
      histogramOf([
        { value: 4, n: 2 },
        { value: 4, n: -2 },
      ]).summary([0.5]),
    ).toEqual({
      n: 0,
      percentiles: [null],
    });
  });

  it('leaves out values whose count nets to zero or less', () => {
    // 2 cases of 1, a value netting to −3 in between, 1 case of 9: the values 1, 1, 9.
    expect(histogramOf(binsOf([0, 2, 0, 0, -3, 0, 0, 0, 0, 1])).summary([0, 0.5, 1])).toEqual({
      n: 3,
      percentiles: [1, 1, 9],
    });
  });

  it('counts the cases and equals percentile_cont of the expanded values, in any order added', () => {
    const bins = fc.array(
      fc.record({ value: fc.integer({ min: 0, max: 3000 }), n: fc.integer({ min: 0, max: 20 }) }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(bins, fc.subarray([0, 0.1, 0.5, 0.9, 1]), (list, ps) => {
        const values = list.flatMap((b) => Array.from({ length: b.n }, () => b.value));
        const summary = histogramOf(list).summary(ps);
        expect(summary.n).toBe(values.length);
        expect(summary.percentiles).toHaveLength(ps.length);
        ps.forEach((p, i) => {
          if (values.length === 0) expect(summary.percentiles[i]).toBeNull();
          else expect(summary.percentiles[i]).toBeCloseTo(percentile(values, p), 9);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('adds another histogram value by value, and is empty again after clear', () => {
    const h = histogramOf(binsOf([1, 2]));
    h.addAll(histogramOf(binsOf([0, 1, 0, 4])));
    expect(h.toArray()).toEqual([1, 3, 0, 4]);
    h.clear();
    expect(h.toArray()).toEqual([]);
    expect(h.summary([0.5]).n).toBe(0);
    h.add(2, 5);
    expect(h.toArray()).toEqual([0, 0, 5]);
    expect(h.summary([0, 1])).toEqual({ n: 5, percentiles: [2, 2] });
  });

  it.each([-1, 0.5, HISTOGRAM_MAX_VALUE + 1, Number.NaN])('refuses the value %s', (value) => {
    expect(() => new Histogram().add(value, 1)).toThrow();
  });
});

/** PostgreSQL's text of a two-dimensional integer array of pairs: `{{80,1},{410,2}}`. */
const arrayText = (pairs: readonly (readonly [number, number])[]) =>
  `{${pairs.map(([value, n]) => `{${String(value)},${String(n)}}`).join(',')}}`;

describe('addHistogramText', () => {
  it('adds every pair times the sign, as reading the text as JSON would', () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 10_000 }));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 40 }), fc.constantFrom(1, -1), (pairs, sign) => {
        const into = histogramOf([{ value: 7, n: 3 }]);
        addHistogramText(into, arrayText(pairs), sign);
        const json = arrayText(pairs).replaceAll('{', '[').replaceAll('}', ']');
        const parsed = JSON.parse(json) as [number, number][];
        const expected = dense([
          { value: 7, n: 3 },
          ...parsed.map(([value, n]) => ({ value, n: sign * n })),
        ]);
        expect(into.toArray()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    '{{1,2.5}}',
    '{{1,2},{3}}',
    '{{1e3,2}}',
    '{{1,"2"}}',
    '{{-,2}}',
    '{{1-2,3}}',
    '{{-1,2}}',
    '{{1,-2}}',
    `{{${String(HISTOGRAM_MAX_VALUE + 1)},1}}`,
    '[[1, 2]]',
    '{{1, 2}}',
  ])('refuses %s', (text) => {
    expect(() => addHistogramText(new Histogram(), text, 1)).toThrow();
  });

  it('takes the largest value it allows', () => {
    const into = new Histogram();
    addHistogramText(into, `{{${String(HISTOGRAM_MAX_VALUE)},2}}`, 1);
    expect(into.toArray()).toHaveLength(HISTOGRAM_MAX_VALUE + 1);
    expect(into.toArray()[HISTOGRAM_MAX_VALUE]).toBe(2);
  });
});

describe('summarizeHistogramRows', () => {
  const PS = [0, 0.5, 0.9, 1];

  /** The summaries as summing each key's rows into its own dense array would give them. */
  function expected(rows: readonly HistogramRow[]) {
    const sums = new Map<string, Map<string, { value: number; n: number }[]>>();
    const bins = (key: string, stage: string) => {
      const byStage = sums.get(key) ?? new Map<string, { value: number; n: number }[]>();
      sums.set(key, byStage);
      const list = byStage.get(stage) ?? [];
      byStage.set(stage, list);
      return list;
    };
    for (const row of rows) {
      const pairs = JSON.parse(row.histogram.replaceAll('{', '[').replaceAll('}', ']')) as [
        number,
        number,
      ][];
      const own = bins(row.key, row.stage);
      const total = bins('', row.stage);
      for (const [value, n] of pairs) {
        own.push({ value, n: row.sign * n });
        total.push({ value, n: row.sign * n });
      }
    }
    return new Map(
      [...sums].map(([key, byStage]) => [
        key,
        new Map([...byStage].map(([stage, list]) => [stage, histogramOf(list).summary(PS)])),
      ]),
    );
  }

  const row = fc.record({
    key: fc.constantFrom('trust-a', 'trust-b', 'trust-c'),
    stage: fc.constantFrom('endorsement', 'assessment'),
    sign: fc.constantFrom(1, 1, -1),
    histogram: fc
      .array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 9 })), {
        maxLength: 12,
      })
      .map(arrayText),
  });

  it('sums per key and stage and in total, as dense arrays per key would', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        expect(summarizeHistogramRows(rows, PS)).toEqual(expected(rows));
      }),
      { numRuns: 300 },
    );
  });

  it('sums the same after a call that refused a row midway', () => {
    const a = { key: 'trust-a', stage: 'assessment', sign: 1, histogram: '{{10,2},{40,1}}' };
    const b = { key: 'trust-b', stage: 'assessment', sign: 1, histogram: '{{20,3}}' };
    const refused = { key: 'trust-a', stage: 'assessment', sign: 1, histogram: '{{7,5},{x}}' };
    const rows: HistogramRow[] = [a, b];
    expect(() => summarizeHistogramRows([a, refused, b], PS)).toThrow();
    expect(summarizeHistogramRows(rows, PS)).toEqual(expected(rows));
    expect(summarizeHistogramRows(rows, PS).get('')?.get('assessment')).toEqual({
      n: 6,
      percentiles: [10, 20, 30, 40],
    });
  });
});
