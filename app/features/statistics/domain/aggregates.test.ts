import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grainRanges, histogramPercentile } from './aggregates';

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
  ] as const)('%s to %s by %s', (from, to, coarsest, expected) => {
    expect(grainRanges(from, to, coarsest)).toEqual(expected);
  });

  it('covers every day of the period exactly once, in whole periods', () => {
    const day = fc
      .date({ min: new Date('2023-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        day,
        fc.constantFrom('month' as const, 'year' as const),
        (a, b, coarsest) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const ranges = grainRanges(from, to, coarsest);
          const covered = ranges.flatMap((r) => days(r.from, dayBefore(r.until)));
          expect(covered).toEqual(days(from, to));
          for (const r of ranges) {
            if (r.grain !== 'day')
              expect(r.from.endsWith(r.grain === 'year' ? '-01-01' : '-01')).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('histogramPercentile', () => {
  it('is null for no cases', () => {
    expect(histogramPercentile([], 0.5)).toBeNull();
    expect(histogramPercentile([{ value: 3, n: 0 }], 0.5)).toBeNull();
  });

  it('equals percentile_cont of the expanded values', () => {
    const bins = fc.array(
      fc.record({ value: fc.integer({ min: 0, max: 3000 }), n: fc.integer({ min: 1, max: 20 }) }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(bins, fc.constantFrom(0.5, 0.9), (histogram, p) => {
        const values = histogram.flatMap((b) => Array.from({ length: b.n }, () => b.value));
        expect(histogramPercentile(histogram, p)).toBeCloseTo(percentile(values, p), 9);
      }),
      { numRuns: 300 },
    );
  });
});
