import { describe, expect, it } from 'vitest';
import { percentile, variationTable } from './variation';

const DAY = 86400;
const rows = (trust: string, outcomes: string[], days: number[]) =>
  outcomes.map((outcome, i) => ({
    trustId: trust,
    trustName: `Trust ${trust}`,
    outcome,
    processingSeconds: (days[i] ?? 0) * DAY,
  }));

describe('variation per trust', () => {
  it('interpolates percentiles like percentile_cont', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10], 0.9)).toBe(10);
    expect(percentile([0, 10], 0.9)).toBe(9);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('shows figures from 5 decisions and suppresses fewer, also in the national total', () => {
    const { trusts, national } = variationTable([
      ...rows(
        'A',
        ['approved', 'approved', 'rejected', 'approvedWithConditions', 'approved'],
        [1, 2, 3, 4, 5],
      ),
      ...rows('B', ['rejected', 'approved', 'rejected', 'rejected'], [10, 20, 30, 40]),
    ]);
    expect(trusts).toEqual([
      {
        trustId: 'A',
        trustName: 'Trust A',
        decisions: 5,
        approvalRate: 0.8,
        medianDays: 3,
        p90Days: 4.6,
      },
      {
        trustId: 'B',
        trustName: 'Trust B',
        decisions: null,
        approvalRate: null,
        medianDays: null,
        p90Days: null,
      },
    ]);
    expect(national.decisions).toBe(9);
    expect(national.approvalRate).toBeCloseTo(5 / 9);
    expect(national.medianDays).toBe(5);
    expect(variationTable(rows('C', ['approved'], [1])).national.decisions).toBeNull();
  });
});
