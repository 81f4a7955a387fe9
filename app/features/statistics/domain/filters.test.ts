import { describe, expect, it } from 'vitest';
import {
  bucketLabel,
  bucketsBetween,
  defaultFilterValues,
  MAX_BUCKETS,
  parseFilters,
} from './filters';

const TODAY = '2026-12-02';
const parse = (query: Record<string, string>) => parseFilters(new URLSearchParams(query), TODAY);

describe('statistics filters', () => {
  it('without a query: the last two whole years to today, by quarter, ATC level 3', () => {
    expect(parse({})).toEqual({
      ok: true,
      values: defaultFilterValues(TODAY),
      filters: {
        from: '2024-01-01',
        to: TODAY,
        trust: null,
        scheme: null,
        scope: null,
        atc: null,
        atcLevel: '3',
        granularity: 'quarter',
      },
    });
  });

  it('reads every filter; an ATC prefix is upper-cased and the level is never finer than it', () => {
    const result = parse({
      fra: '2025-01-01',
      til: '2025-06-30',
      helseforetak: 'HBE',
      ordning: 'offLabel',
      omfang: 'group',
      atc: 'l01f',
      atcniva: '3',
      inndeling: 'month',
    });
    expect(result.ok && result.filters).toEqual({
      from: '2025-01-01',
      to: '2025-06-30',
      trust: 'HBE',
      scheme: 'offLabel',
      scope: 'group',
      atc: 'L01F',
      atcLevel: '4',
      granularity: 'month',
    });
  });

  it.each([
    ['dd.mm.åååå', { fra: '01.01.2025', til: '30.06.2025' }],
    ['d.m.åååå', { fra: '1.1.2025', til: '30.6.2025' }],
    ['with spaces around', { fra: ' 1.1.2025 ', til: ' 2025-06-30 ' }],
  ])('reads dates typed %s as YYYY-MM-DD, in the filters and the values', (_label, query) => {
    const result = parse(query);
    expect(result.ok && result.filters).toMatchObject({ from: '2025-01-01', to: '2025-06-30' });
    expect([result.values.fra, result.values.til]).toEqual(['2025-01-01', '2025-06-30']);
  });

  it('a reversed period typed dd.mm.åååå is refused, the dates shown as YYYY-MM-DD', () => {
    expect(parse({ fra: '01.05.2026', til: '1.4.2026' })).toMatchObject({
      ok: false,
      errors: { til: 'periodReversed' },
      values: { fra: '2026-05-01', til: '2026-04-01' },
    });
  });

  it.each([
    [{ fra: '2025-02-30' }, { fra: 'dateInvalid' }],
    [{ fra: '30.02.2025' }, { fra: 'dateInvalid' }],
    [{ til: '1.13.2025' }, { til: 'dateInvalid' }],
    [{ til: 'i går' }, { til: 'dateInvalid' }],
    [{ fra: '2026-05-01', til: '2026-04-01' }, { til: 'periodReversed' }],
    [{ fra: '1990-01-01', inndeling: 'month' }, { inndeling: 'periodTooLong' }],
    [{ helseforetak: 'hbe; drop table' }, { helseforetak: 'trustInvalid' }],
    [{ ordning: 'other' }, { ordning: 'schemeInvalid' }],
    [{ omfang: 'everyone' }, { omfang: 'scopeInvalid' }],
    [{ atc: 'L0' }, { atc: 'atcInvalid' }],
    [{ atc: 'L01FA01' }, { atc: 'atcInvalid' }],
    [{ atc: "L'" }, { atc: 'atcInvalid' }],
    [{ atcniva: '2' }, { atcniva: 'atcLevelInvalid' }],
    [{ inndeling: 'week' }, { inndeling: 'granularityInvalid' }],
  ])('%o is refused with %o, keeping what was typed', (query, errors) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual(errors);
      for (const [field, value] of Object.entries(query)) {
        expect(result.values[field as keyof typeof result.values]).toBe(value);
      }
    }
  });

  it('1990 to today by year is fine', () => {
    expect(parse({ fra: '1990-01-01', inndeling: 'year' }).ok).toBe(true);
  });
});

describe('periods', () => {
  it.each([
    ['2025-01-15', '2025-04-02', 'month', ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01']],
    ['2024-11-30', '2025-05-01', 'quarter', ['2024-10-01', '2025-01-01', '2025-04-01']],
    ['2023-06-01', '2025-01-01', 'year', ['2023-01-01', '2024-01-01', '2025-01-01']],
    ['2025-12-31', '2025-12-31', 'month', ['2025-12-01']],
  ] as const)('%s to %s by %s', (from, to, granularity, buckets) => {
    expect(bucketsBetween(from, to, granularity)).toEqual(buckets);
  });

  it('stops past the longest series', () => {
    expect(bucketsBetween('1900-01-01', '2026-01-01', 'month').length).toBeGreaterThan(MAX_BUCKETS);
    expect(bucketsBetween('1900-01-01', '2026-01-01', 'month').length).toBeLessThan(
      MAX_BUCKETS + 3,
    );
  });

  it.each([
    ['2025-01-01', 'month', 'jan 2025'],
    ['2025-12-01', 'month', 'des 2025'],
    ['2025-01-01', 'quarter', '1. kv. 2025'],
    ['2025-10-01', 'quarter', '4. kv. 2025'],
    ['2025-01-01', 'year', '2025'],
  ] as const)('%s by %s is «%s»', (start, granularity, label) => {
    expect(bucketLabel(start, granularity)).toBe(label);
  });
});
