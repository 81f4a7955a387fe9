import { describe, expect, it } from 'vitest';
import { CASE_NUMBER_PATTERN, formatCaseNumber, norwegianYear } from './case-number';

describe('formatCaseNumber', () => {
  it.each([
    ['HBE', 2026, 42, 'HBE-2026-00042'],
    ['OUS', 2027, 1, 'OUS-2027-00001'],
    ['HST', 2026, 99_999, 'HST-2026-99999'],
  ])('%s %d %d → %s', (code, year, seq, expected) => {
    const value = formatCaseNumber(code, year, seq);
    expect(value).toBe(expected);
    expect(value).toMatch(CASE_NUMBER_PATTERN);
  });

  it.each([
    ['HB', 1],
    ['hbe', 1],
    ['HBE', 0],
    ['HBE', 100_000],
    ['HBE', 1.5],
  ])('refuses %s %d', (code, seq) => {
    expect(() => formatCaseNumber(code, 2026, seq)).toThrow(RangeError);
  });
});

describe('norwegianYear', () => {
  it.each([
    ['2026-12-31T22:59:59Z', 2026],
    ['2026-12-31T23:00:00Z', 2027], // midnight in Oslo (UTC+1 in winter)
    ['2026-06-30T21:59:59Z', 2026],
  ])('%s → %d', (iso, year) => {
    expect(norwegianYear(new Date(iso))).toBe(year);
  });
});
