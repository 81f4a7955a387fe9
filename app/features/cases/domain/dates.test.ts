import { describe, expect, it } from 'vitest';
import { addDays, dateInNorway } from './dates';

describe('dateInNorway', () => {
  it.each([
    ['2026-12-01T10:00:00Z', '2026-12-01'],
    ['2026-12-31T23:30:00Z', '2027-01-01'], // already new year in Norway
    ['2026-06-30T22:30:00Z', '2026-07-01'], // summer time
    ['2026-01-31T22:30:00Z', '2026-01-31'], // 23:30 CET
  ])('%s → %s', (at, expected) => {
    expect(dateInNorway(new Date(at))).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-28', 1, '2026-03-29'], // across the switch to summer time
    ['2026-12-01', 14, '2026-12-15'],
    ['2026-01-10', -10, '2025-12-31'],
  ] as const)('%s + %i → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});
