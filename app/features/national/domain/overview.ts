import { z } from 'zod';
import {
  DECISION_OUTCOMES,
  PATIENT_SCOPES,
  parseCalendarDate,
  SCHEMES,
  type PatientScope,
  type Scheme,
} from '../../cases/domain/application';

/**
 * The national overview's query language: the filters, sort orders and keyset cursor a request
 * may carry, as Norwegian query-string keys. Everything else is refused (a personal field name
 * such as `patientId` can never become a filter or sort key), with a Norwegian message.
 */

export const NATIONAL_PAGE_SIZE = 50;
/** Free text is matched as a prefix; longer input is refused rather than cut. */
export const FREE_TEXT_MAX = 100;

export const NATIONAL_SORTS = ['innsendt', 'vedtatt', 'behandlingstid', 'lopenummer'] as const;
export type NationalSort = (typeof NATIONAL_SORTS)[number];
export const SORT_DIRECTIONS = ['synkende', 'stigende'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
/** The outcome filter: a decision outcome, or not decided yet. */
export const OUTCOME_FILTERS = [...DECISION_OUTCOMES, 'ingen'] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];
export const YES_NO = ['ja', 'nei'] as const;

/** Every key the overview and its exports accept. */
export const NATIONAL_KEYS = [
  'foretak',
  'ordning',
  'omfang',
  'utfall',
  'atc',
  'icd',
  'fra',
  'til',
  'etterregistrert',
  'sok',
  'sorter',
  'retning',
  'etter',
] as const;
export type NationalKey = (typeof NATIONAL_KEYS)[number];

export const FILTER_ERRORS = [
  'unknownKey',
  'repeated',
  'trust',
  'scheme',
  'scope',
  'outcome',
  'atc',
  'icd',
  'date',
  'period',
  'retrospective',
  'freeText',
  'sort',
  'direction',
  'cursor',
  'status',
  'department',
  'tab',
] as const;
export type FilterError = (typeof FILTER_ERRORS)[number];

export interface NationalFilter {
  /** Trust code, e.g. HBE. */
  trust?: string;
  scheme?: Scheme;
  scope?: PatientScope;
  outcome?: OutcomeFilter;
  /** ATC prefix, upper case (L01, L01FA01). */
  atc?: string;
  /** ICD-10 prefix in the stored form (`ICD10:C50`, `ICD10:C50.9`). */
  icd?: string;
  /** Submitted from/to, calendar dates in Norway (inclusive). */
  from?: string;
  to?: string;
  retrospective?: boolean;
  freeText?: string;
  sort: NationalSort;
  direction: SortDirection;
}

/** Where the next page starts: the last row's sort key (exact, as text) and case id. */
export interface Cursor {
  sort: string;
  key: string;
  id: string;
}

export type ParseResult<T> =
  | { ok: true; value: T; cursor: Cursor | null }
  | { ok: false; errors: Partial<Record<string, FilterError>> };

const TRUST_CODE = /^[A-ZÆØÅ]{2,5}$/;
const ATC_PREFIX = /^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/;
const ICD_PREFIX = /^[A-Z](\d{1,2}([0-9A-Z]{1,2})?)?$/;
const upper = (value: string) => value.replace(/\s/g, '').toUpperCase();

/** An ICD-10 prefix as typed (`c50`, `C50.9`, `ICD10:C509`) in the stored form, or undefined. */
export function icdPrefix(value: string): string | undefined {
  const bare = upper(value)
    .replace(/^ICD-?10:?/, '')
    .replace('.', '');
  if (!ICD_PREFIX.test(bare)) return undefined;
  return `ICD10:${bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare}`;
}

/** One value per key: repeated keys and keys outside `allowed` are refused. */
export function singleValues(
  entries: Iterable<[string, string]>,
  allowed: readonly string[],
): { values: Partial<Record<string, string>>; errors: Partial<Record<string, FilterError>> } {
  const values: Partial<Record<string, string>> = {};
  const errors: Partial<Record<string, FilterError>> = {};
  for (const [key, raw] of entries) {
    if (!allowed.includes(key)) {
      errors[key] = 'unknownKey';
      continue;
    }
    if (values[key] !== undefined) errors[key] = 'repeated';
    values[key] = raw;
  }
  return { values, errors };
}

const cursorShape = z.tuple([z.string(), z.string().min(1).max(64), z.uuid()]);

export function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify([cursor.sort, cursor.key, cursor.id]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The cursor for `sort`, or undefined when it is malformed or was made for another sort. */
export function decodeCursor(value: string, sort: string): Cursor | undefined {
  try {
    const json: unknown = JSON.parse(atob(value.replace(/-/g, '+').replace(/_/g, '/')));
    const parsed = cursorShape.safeParse(json);
    if (!parsed.success || parsed.data[0] !== sort) return undefined;
    const [, key, id] = parsed.data;
    return { sort, key, id };
  } catch {
    return undefined;
  }
}

/** Checks a cursor's key against its sort: a timestamp, a whole number or a løpenummer. */
export function cursorKeyValid(kind: 'timestamp' | 'integer' | 'text', key: string): boolean {
  if (kind === 'integer') return /^-?\d{1,18}$/.test(key);
  if (kind === 'timestamp') {
    return /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)?$/.test(key);
  }
  return /^[A-ZÆØÅ0-9-]{1,40}$/.test(key);
}

export const SORT_KEY_KIND: Record<NationalSort, 'timestamp' | 'integer' | 'text'> = {
  innsendt: 'timestamp',
  vedtatt: 'timestamp',
  behandlingstid: 'integer',
  lopenummer: 'text',
};

/**
 * The submission period (`fra`/`til`, from not after to), shared by overview and registers. A date
 * field sends YYYY-MM-DD; dd.mm.åååå typed into the address is read too. The filter holds
 * YYYY-MM-DD, so links, cursors and export URLs built from it are ISO.
 */
export function parsePeriod(
  v: (key: 'fra' | 'til') => string | undefined,
  filter: { from?: string; to?: string },
  errors: Partial<Record<string, FilterError>>,
): void {
  for (const [key, field] of [
    ['fra', 'from'],
    ['til', 'to'],
  ] as const) {
    const raw = v(key);
    if (raw === undefined) continue;
    const date = parseCalendarDate(raw);
    if (date) filter[field] = date;
    else errors[key] = 'date';
  }
  if (filter.from && filter.to && filter.from > filter.to) errors.til = 'period';
}

/**
 * The form's values for a query string: `fra`/`til` in YYYY-MM-DD when they are dates (what a date
 * field shows), else as given.
 */
export function filterFormValues(params: URLSearchParams): Record<string, string> {
  const values = Object.fromEntries(params);
  for (const key of ['fra', 'til'] as const) {
    const raw = values[key];
    if (raw !== undefined) values[key] = parseCalendarDate(raw) ?? raw;
  }
  return values;
}

/** The free-text search (`sok`), bounded in length, shared by overview and registers. */
export function parseFreeText(
  v: (key: 'sok') => string | undefined,
  filter: { freeText?: string },
  errors: Partial<Record<string, FilterError>>,
): void {
  const freeText = v('sok');
  if (freeText !== undefined) {
    if (freeText.length <= FREE_TEXT_MAX) filter.freeText = freeText;
    else errors.sok = 'freeText';
  }
}

export const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** Reads the overview's query string (also the exports'), or the Norwegian-keyed errors. */
export function parseNationalQuery(
  entries: Iterable<[string, string]>,
): ParseResult<NationalFilter> {
  const { values, errors } = singleValues(entries, NATIONAL_KEYS);
  const v = (key: NationalKey) => {
    const raw = values[key]?.trim();
    return raw === '' ? undefined : raw;
  };
  const filter: NationalFilter = { sort: 'innsendt', direction: 'synkende' };

  const trust = v('foretak');
  if (trust !== undefined) {
    if (TRUST_CODE.test(trust.toUpperCase())) filter.trust = trust.toUpperCase();
    else errors.foretak = 'trust';
  }
  const scheme = v('ordning');
  if (scheme !== undefined) {
    if (oneOf(SCHEMES, scheme)) filter.scheme = scheme;
    else errors.ordning = 'scheme';
  }
  const scope = v('omfang');
  if (scope !== undefined) {
    if (oneOf(PATIENT_SCOPES, scope)) filter.scope = scope;
    else errors.omfang = 'scope';
  }
  const outcome = v('utfall');
  if (outcome !== undefined) {
    if (oneOf(OUTCOME_FILTERS, outcome)) filter.outcome = outcome;
    else errors.utfall = 'outcome';
  }
  const atc = v('atc');
  if (atc !== undefined) {
    if (ATC_PREFIX.test(upper(atc))) filter.atc = upper(atc);
    else errors.atc = 'atc';
  }
  const icd = v('icd');
  if (icd !== undefined) {
    const prefix = icdPrefix(icd);
    if (prefix) filter.icd = prefix;
    else errors.icd = 'icd';
  }
  parsePeriod(v, filter, errors);
  const retrospective = v('etterregistrert');
  if (retrospective !== undefined) {
    if (oneOf(YES_NO, retrospective)) filter.retrospective = retrospective === 'ja';
    else errors.etterregistrert = 'retrospective';
  }
  parseFreeText(v, filter, errors);
  const sort = v('sorter');
  if (sort !== undefined) {
    if (oneOf(NATIONAL_SORTS, sort)) filter.sort = sort;
    else errors.sorter = 'sort';
  }
  const direction = v('retning');
  if (direction !== undefined) {
    if (oneOf(SORT_DIRECTIONS, direction)) filter.direction = direction;
    else errors.retning = 'direction';
  }
  let cursor: Cursor | null = null;
  const after = v('etter');
  if (after !== undefined) {
    const decoded = decodeCursor(after, `${filter.sort}:${filter.direction}`);
    if (decoded && cursorKeyValid(SORT_KEY_KIND[filter.sort], decoded.key)) cursor = decoded;
    else errors.etter = 'cursor';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: filter, cursor };
}

/** The query string of a filter (without cursor), for links and the export URLs. */
export function nationalQueryString(filter: NationalFilter, cursor?: Cursor): string {
  const params = new URLSearchParams();
  const set = (key: NationalKey, value: string | undefined) => {
    if (value !== undefined) params.set(key, value);
  };
  set('foretak', filter.trust);
  set('ordning', filter.scheme);
  set('omfang', filter.scope);
  set('utfall', filter.outcome);
  set('atc', filter.atc);
  set('icd', filter.icd?.replace(/^ICD10:/, ''));
  set('fra', filter.from);
  set('til', filter.to);
  set(
    'etterregistrert',
    filter.retrospective === undefined ? undefined : filter.retrospective ? 'ja' : 'nei',
  );
  set('sok', filter.freeText);
  set('sorter', filter.sort);
  set('retning', filter.direction);
  if (cursor) set('etter', encodeCursor(cursor));
  return params.toString();
}

/** Escapes `%`, `_` and `\` so user text is matched literally by LIKE. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Whole days, rounded, from seconds. */
export const daysOf = (seconds: number | null): number | null =>
  seconds === null ? null : Math.round(seconds / 86_400);

/** One CSV field for Norwegian Excel: quoted when needed, formula-looking text defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: readonly (string | number | null)[]): string =>
  `${fields.map(csvField).join(';')}\r\n`;
