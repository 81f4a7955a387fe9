import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateInNorway,
  norwegianDate,
  norwegianDateOf,
  startOfNorwegianDay,
} from './dates';

describe('dateInNorway', () => {
  it.each([
    ['2026-12-01T10:00:00Z', '2026-12-01'],
    ['2026-12-31T23:30:00Z', '2027-01-01'], // already new year in Norway
    ['2026-06-30T22:30:00Z', '2026-07-01'], // summer time
    ['2026-01-31T22:30:00Z', '2026-01-31'], // 23:30 CET
  ])('%s → %s', (at, expected) => {
    expect(dateInNorway(new Date(at))).toBe(expected);
  });

  // The date is looked up per UTC hour once formatted: every quarter of an hour, in both orders,
  // across each year's switches to and from summer time and each new year, 1980–2040.
  it("is the formatter's date for every moment, however the hours were first seen", () => {
    const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' });
    const moments: Date[] = [];
    for (let year = 1980; year <= 2040; year++) {
      for (const start of [`${year}-03-20`, `${year}-10-20`, `${year}-12-31`]) {
        const from = Date.parse(`${start}T00:00:00Z`);
        // Ten days from each start (the switches fall on the last Sunday of March and October).
        for (let t = from; t < from + 10 * 86_400_000; t += 15 * 60_000) moments.push(new Date(t));
      }
    }
    const mismatches = (order: Date[]) =>
      order.filter((at) => dateInNorway(at) !== formatter.format(at)).map((at) => at.toISOString());
    expect(mismatches([...moments].reverse())).toEqual([]);
    expect(mismatches(moments)).toEqual([]);
    expect(mismatches(moments.map((at) => new Date(at.getTime() + 59 * 60_000 + 59_999)))).toEqual(
      [],
    );
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

describe('startOfNorwegianDay', () => {
  it.each([
    ['winter time', '2026-12-16', '2026-12-15T23:00:00.000Z'],
    ['summer time', '2026-07-01', '2026-06-30T22:00:00.000Z'],
    ['the day Norway moves to summer time', '2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['the day after', '2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['the day Norway moves back to winter time', '2026-10-25', '2026-10-24T22:00:00.000Z'],
    ['the day after', '2026-10-26', '2026-10-25T23:00:00.000Z'],
    ['the turn of the year', '2027-01-01', '2026-12-31T23:00:00.000Z'],
  ])('%s: %s begins at %s', (_label, date, moment) => {
    const start = startOfNorwegianDay(date);
    expect(start.toISOString()).toBe(moment);
    expect(dateInNorway(start)).toBe(date);
    expect(dateInNorway(new Date(start.getTime() - 1))).toBe(addDays(date, -1));
  });
});

describe('norwegianDate and norwegianDateOf', () => {
  it('writes dates the Norwegian way', () => {
    expect(norwegianDate('2027-03-01')).toBe('01.03.2027');
  });

  it.each([
    ['winter time, before midnight in Norway', '2026-03-01T22:59:59Z', '01.03.2026'],
    ['winter time, after midnight in Norway', '2026-03-01T23:00:00Z', '02.03.2026'],
    ['summer time, after midnight in Norway', '2026-06-30T22:00:00Z', '01.07.2026'],
    ['summer time, before midnight in Norway', '2026-06-30T21:59:59Z', '30.06.2026'],
    ['the turn of the year', '2025-12-31T23:30:00Z', '01.01.2026'],
    ['a timestamp as PostgreSQL sends it', '2015-01-05 10:00:00+00', '05.01.2015'],
  ])('a moment as its day in Norway: %s', (_label, at, expected) => {
    expect(norwegianDateOf(at)).toBe(expected);
    expect(norwegianDateOf(new Date(at))).toBe(expected);
  });
});
