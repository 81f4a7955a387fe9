import { describe, expect, it } from 'vitest';
import { generateCases, random } from './generate';

const options = {
  seed: 42,
  count: 500,
  trusts: 5,
  from: new Date('2020-01-01T00:00:00Z'),
  to: new Date('2025-01-01T00:00:00Z'),
};

describe('generated national cases', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(generateCases(options)).toEqual(generateCases(options));
    expect(generateCases({ ...options, seed: 43 })).not.toEqual(generateCases(options));
    expect(random(1)()).toBe(random(1)());
  });

  it('stay inside the period and the trusts, sorted by submission, with every outcome', () => {
    const cases = generateCases(options);
    expect(cases).toHaveLength(500);
    for (const [i, c] of cases.entries()) {
      expect(c.trust).toBeGreaterThanOrEqual(0);
      expect(c.trust).toBeLessThan(5);
      expect(c.submittedAt.getTime()).toBeGreaterThanOrEqual(options.from.getTime());
      expect(c.submittedAt.getTime()).toBeLessThan(options.to.getTime());
      if (i > 0) expect(c.submittedAt >= (cases[i - 1]?.submittedAt ?? c.submittedAt)).toBe(true);
      expect(c.conditions !== null).toBe(c.outcome === 'approvedWithConditions');
      if (c.outcome === 'rejected') expect(c.continued).toBeNull();
    }
    const outcomes = new Set(cases.map((c) => c.outcome));
    expect([...outcomes].sort()).toEqual(['approved', 'approvedWithConditions', 'rejected']);
  });
});
