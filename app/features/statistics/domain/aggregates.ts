/**
 * How the dashboard reads its precomputed aggregates (ADR 0015): a period as whole years, months
 * and days, and exact percentiles from a histogram of counts.
 */

export type Grain = 'day' | 'month' | 'year';

/** Consecutive periods of one grain: `from` inclusive to `until` exclusive, `YYYY-MM-DD`. */
export interface GrainRange {
  grain: Grain;
  from: string;
  until: string;
}

const parse = (day: string) => new Date(`${day}T00:00:00Z`);
const format = (date: Date) => date.toISOString().slice(0, 10);

function next(day: string, grain: Grain): string {
  const d = parse(day);
  if (grain === 'day') d.setUTCDate(d.getUTCDate() + 1);
  if (grain === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  if (grain === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1);
  return format(d);
}

/** The periods a view sums: `add` counted in, `subtract` counted out (each within an `add` period). */
export interface PeriodRanges {
  add: GrainRange[];
  subtract: GrainRange[];
}

/** Appends a range, merged with the last one when it continues it in the same grain. */
function append(out: GrainRange[], range: GrainRange): void {
  const last = out.at(-1);
  if (last && last.grain === range.grain && last.until === range.from) last.until = range.until;
  else out.push({ ...range });
}

/**
 * The days `from` (inclusive) to `end` (exclusive) as the fewest whole periods: whole years (when
 * `coarsest` is 'year'), then whole months, the rest as days.
 */
function cover(from: string, end: string, coarsest: 'month' | 'year'): GrainRange[] {
  const out: GrainRange[] = [];
  for (let cursor = from; cursor < end;) {
    const grain: Grain =
      coarsest === 'year' && cursor.endsWith('-01-01') && next(cursor, 'year') <= end
        ? 'year'
        : cursor.endsWith('-01') && next(cursor, 'month') <= end
          ? 'month'
          : 'day';
    const until = next(cursor, grain);
    append(out, { grain, from: cursor, until });
    cursor = until;
  }
  return out;
}

/**
 * The days `from` to `to` (inclusive) as whole periods. Each aggregate row is one period of one
 * grain, so the rows of `add` less the rows of `subtract` count every case of the days exactly
 * once. Mostly the fewest whole periods (`cover`). But when the days end inside a period of the
 * coarsest grain that began within them, and `to` is `today` or later, that period is added whole
 * and its days after `to` subtracted: nothing has been submitted after today, so the subtracted
 * rows are (almost always) none, and the current year is one row per combination instead of a
 * row per month and per day so far. Exact either way.
 */
export function grainRanges(
  from: string,
  to: string,
  coarsest: 'month' | 'year',
  today: string,
): PeriodRanges {
  const end = next(to, 'day');
  const start = coarsest === 'year' ? `${to.slice(0, 4)}-01-01` : `${to.slice(0, 7)}-01`;
  const whole = next(start, coarsest);
  if (to < today || start < from || end === whole)
    return { add: cover(from, end, coarsest), subtract: [] };
  const add = cover(from, start, coarsest);
  append(add, { grain: coarsest, from: start, until: whole });
  return { add, subtract: cover(end, whole, 'month') };
}

/**
 * A histogram of non-negative integers (stage times in tenths of a day): entry `v` is how many
 * cases have the value `v`. Dense, because the values run to a few thousand and a view adds up tens
 * of thousands of pairs: an array index where a Map would hash (docs/performance.md).
 */
export type Histogram = readonly number[];

/** The largest value a histogram holds: 100,000 tenths of a day is 27 years. */
export const HISTOGRAM_MAX_VALUE = 100_000;

const DIGIT_0 = 48;
const DIGIT_9 = 57;
/** `{`, `}` and `,`: the rest of PostgreSQL's text of a two-dimensional array of integers. */
const isSeparator = (c: number) => c === 123 || c === 125 || c === 44;

/** Adds `n` cases of `value` to `counts`, lengthening it with zeros as needed. */
function addCount(counts: number[], value: number, n: number): void {
  if (value > HISTOGRAM_MAX_VALUE) throw new Error(`A histogram value out of range: ${value}`);
  while (counts.length <= value) counts.push(0);
  counts[value] = (counts[value] ?? 0) + n;
}

/**
 * Adds the `[value, n]` pairs of a histogram written as PostgreSQL's text of a two-dimensional
 * `integer` array (`{{80,1},{410,2}}`) to `counts`, each `n` times `sign`. Read in place: parsing
 * it as JSON would make an array per pair, tens of thousands per page. Throws on anything but
 * non-negative integers in that shape, and on a value over `HISTOGRAM_MAX_VALUE`.
 */
export function addHistogramText(counts: number[], text: string, sign: number): void {
  let number = 0;
  let digits = false;
  let value: number | null = null;
  for (let i = 0; i <= text.length; i += 1) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      number = number * 10 + (c - DIGIT_0);
      digits = true;
    } else if (isSeparator(c)) {
      if (!digits) continue;
      if (value === null) value = number;
      else {
        addCount(counts, value, sign * number);
        value = null;
      }
      number = 0;
      digits = false;
    } else {
      throw new Error(`Not a histogram of integer pairs at ${i}: ${text.slice(0, 40)}`);
    }
  }
  if (value !== null) throw new Error(`A histogram with an unpaired value: ${text.slice(0, 40)}`);
}

/** Adds histogram `from` to `into`, value by value. */
export function addHistogram(into: number[], from: Histogram): void {
  while (into.length < from.length) into.push(0);
  from.forEach((n, value) => {
    into[value] = (into[value] ?? 0) + n;
  });
}

/**
 * How many cases a histogram counts, and PostgreSQL's `percentile_cont(p)` for each `p` of the
 * values it stands for (each value as many times as its count), without expanding it: the values
 * at the two ranks around p·(N−1), interpolated; null when it counts none. A value whose count
 * nets to zero or less counts no case. One pass for the total and one for every rank.
 */
export function histogramSummary(
  histogram: Histogram,
  ps: readonly number[],
): { n: number; percentiles: (number | null)[] } {
  let total = 0;
  for (const n of histogram) if (n > 0) total += n;
  if (total === 0) return { n: 0, percentiles: ps.map(() => null) };
  // The ranks to find (two per p), found in ascending order in one pass over the values.
  const ranks = ps.flatMap((p) => [Math.floor(p * (total - 1)), Math.ceil(p * (total - 1))]);
  const order = ranks.map((_, i) => i).sort((a, b) => (ranks[a] ?? 0) - (ranks[b] ?? 0));
  const valueAtRank: number[] = ranks.map(() => 0);
  let seen = 0;
  let next = 0;
  for (let value = 0; value < histogram.length && next < order.length; value += 1) {
    const n = histogram[value] ?? 0;
    if (n <= 0) continue;
    seen += n;
    for (let i = order[next]; i !== undefined && (ranks[i] ?? 0) < seen; i = order[next]) {
      valueAtRank[i] = value;
      next += 1;
    }
  }
  return {
    n: total,
    percentiles: ps.map((p, k) => {
      const position = p * (total - 1);
      const low = valueAtRank[2 * k] ?? 0;
      const high = valueAtRank[2 * k + 1] ?? 0;
      return low + (high - low) * (position - Math.floor(position));
    }),
  };
}
