import { z } from 'zod';
import {
  isIsoDate,
  parseCalendarDate,
  PATIENT_SCOPES,
  SCHEMES,
} from '../../cases/domain/application';

/** How the statistics page filters and groups the national summaries (a GET form). */

export const GRANULARITIES = ['month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** ATC levels by the length of their code: anatomical group (L), therapeutic (L01), … (L01FA). */
export const ATC_LEVELS = ['1', '3', '4', '5'] as const;
export type AtcLevel = (typeof ATC_LEVELS)[number];

/** The longest time series shown (and exported) at once. */
export const MAX_BUCKETS = 120;

export const FILTER_FIELDS = [
  'fra',
  'til',
  'helseforetak',
  'ordning',
  'omfang',
  'atc',
  'atcniva',
  'inndeling',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export const FILTER_ERRORS = [
  'dateInvalid',
  'periodReversed',
  'periodTooLong',
  'trustInvalid',
  'schemeInvalid',
  'scopeInvalid',
  'atcInvalid',
  'atcLevelInvalid',
  'granularityInvalid',
] as const;
export type FilterError = (typeof FILTER_ERRORS)[number];

export interface StatisticsFilters {
  /** First and last calendar day (Norwegian time), inclusive, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** A trust code, or null for every trust. */
  trust: string | null;
  scheme: (typeof SCHEMES)[number] | null;
  scope: (typeof PATIENT_SCOPES)[number] | null;
  /** An ATC code prefix (L, L01, L01F, L01FA), or null. */
  atc: string | null;
  /** The ATC level the volumes by ATC group are counted at (never finer than the prefix). */
  atcLevel: AtcLevel;
  granularity: Granularity;
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable());

const schema = z.object({
  fra: z.string().trim().refine(isIsoDate, 'dateInvalid'),
  til: z.string().trim().refine(isIsoDate, 'dateInvalid'),
  helseforetak: optional(z.string().regex(/^[A-Z]{2,4}$/, 'trustInvalid')),
  ordning: optional(z.enum(SCHEMES, { error: 'schemeInvalid' })),
  omfang: optional(z.enum(PATIENT_SCOPES, { error: 'scopeInvalid' })),
  atc: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z](\d{2}([A-Z][A-Z]?)?)?$/, 'atcInvalid'),
  ),
  atcniva: z.enum(ATC_LEVELS, { error: 'atcLevelInvalid' }),
  inndeling: z.enum(GRANULARITIES, { error: 'granularityInvalid' }),
});

/** The filters a visit without a query gets: the last two whole years to today, by quarter. */
export function defaultFilterValues(today: string): Record<FilterField, string> {
  const year = Number(today.slice(0, 4));
  return {
    fra: `${String(year - 2)}-01-01`,
    til: today,
    helseforetak: '',
    ordning: '',
    omfang: '',
    atc: '',
    atcniva: '3',
    inndeling: 'quarter',
  };
}

export type FilterResult =
  | { ok: true; filters: StatisticsFilters; values: Record<FilterField, string> }
  | {
      ok: false;
      errors: Partial<Record<FilterField, FilterError>>;
      values: Record<FilterField, string>;
    };

const isFilterError = (code: string): code is FilterError =>
  (FILTER_ERRORS as readonly string[]).includes(code);

/**
 * Parses the query string; what the user typed is kept, every problem gets its own code. The date
 * fields send YYYY-MM-DD; dd.mm.åååå (also d.m.åååå) typed into the address is read too
 * (`parseCalendarDate`) and kept as YYYY-MM-DD, what a date field shows, so the export links and
 * file names built from the values are ISO.
 */
export function parseFilters(query: URLSearchParams, today: string): FilterResult {
  const defaults = defaultFilterValues(today);
  const values = Object.fromEntries(
    FILTER_FIELDS.map((field) => [field, query.get(field) ?? defaults[field]]),
  ) as Record<FilterField, string>;
  values.fra = parseCalendarDate(values.fra) ?? values.fra;
  values.til = parseCalendarDate(values.til) ?? values.til;
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const errors: Partial<Record<FilterField, FilterError>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field !== 'string' || !(FILTER_FIELDS as readonly string[]).includes(field)) {
        continue;
      }
      const key = field as FilterField;
      errors[key] ??= isFilterError(issue.message) ? issue.message : fallbackError(key);
    }
    return { ok: false, errors, values };
  }
  const p = parsed.data;
  if (p.fra > p.til) return { ok: false, errors: { til: 'periodReversed' }, values };
  if (bucketsBetween(p.fra, p.til, p.inndeling).length > MAX_BUCKETS) {
    return { ok: false, errors: { inndeling: 'periodTooLong' }, values };
  }
  const prefixLevel = p.atc ? atcLevelOf(p.atc) : '1';
  return {
    ok: true,
    values,
    filters: {
      from: p.fra,
      to: p.til,
      trust: p.helseforetak,
      scheme: p.ordning,
      scope: p.omfang,
      atc: p.atc,
      atcLevel: Number(p.atcniva) < Number(prefixLevel) ? prefixLevel : p.atcniva,
      granularity: p.inndeling,
    },
  };
}

function fallbackError(field: FilterField): FilterError {
  switch (field) {
    case 'fra':
    case 'til':
      return 'dateInvalid';
    case 'helseforetak':
      return 'trustInvalid';
    case 'ordning':
      return 'schemeInvalid';
    case 'omfang':
      return 'scopeInvalid';
    case 'atc':
      return 'atcInvalid';
    case 'atcniva':
      return 'atcLevelInvalid';
    case 'inndeling':
      return 'granularityInvalid';
  }
}

/** The level of an ATC prefix by its length (1, 3, 4 or 5 characters). */
export function atcLevelOf(prefix: string): AtcLevel {
  const level = String(Math.min(prefix.length, 5));
  return (ATC_LEVELS as readonly string[]).includes(level) ? (level as AtcLevel) : '5';
}

/**
 * The start day (`YYYY-MM-DD`) of every period from `from` to `to` inclusive, as PostgreSQL's
 * `date_trunc` gives them in Norwegian time, so empty periods are shown as 0.
 */
export function bucketsBetween(from: string, to: string, granularity: Granularity): string[] {
  const step = granularity === 'month' ? 1 : granularity === 'quarter' ? 3 : 12;
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  if (granularity === 'quarter') month = month - ((month - 1) % 3);
  if (granularity === 'year') month = 1;
  const last = to.slice(0, 7);
  const out: string[] = [];
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last || out.length > MAX_BUCKETS) break;
    out.push(`${key}-01`);
    month += step;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'];

/** A period's label in Norwegian: «jan 2025», «1. kv. 2025», «2025». */
export function bucketLabel(start: string, granularity: Granularity): string {
  const year = start.slice(0, 4);
  const month = Number(start.slice(5, 7));
  if (granularity === 'year') return year;
  if (granularity === 'quarter') return `${String(Math.floor((month - 1) / 3) + 1)}. kv. ${year}`;
  return `${MONTHS[month - 1] ?? ''} ${year}`;
}
