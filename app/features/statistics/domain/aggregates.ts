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

/** A histogram: how many cases (the entry's value) have each value (its key). */
export type Histogram = ReadonlyMap<number, number>;

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const MINUS = 45;
/** `{`, `}` and `,`: the rest of PostgreSQL's text of a two-dimensional array of integers. */
const isSeparator = (c: number) => c === 123 || c === 125 || c === 44;

/**
 * Adds the `[value, n]` pairs of a histogram written as PostgreSQL's text of a two-dimensional
 * `integer` array (`{{80,1},{410,2}}`) to `counts`, each `n` times `sign`. Read in place: parsing
 * it as JSON would make an array per pair, tens of thousands per page. Throws on anything but
 * integers in that shape.
 */
export function addHistogramText(counts: Map<number, number>, text: string, sign: number): void {
  let number = 0;
  let digits = false;
  let negative = false;
  let value: number | null = null;
  for (let i = 0; i <= text.length; i += 1) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      number = number * 10 + (c - DIGIT_0);
      digits = true;
    } else if (c === MINUS && !digits && !negative) {
      negative = true;
    } else if (isSeparator(c) && !(negative && !digits)) {
      if (!digits) continue;
      const read = negative ? -number : number;
      if (value === null) value = read;
      else {
        counts.set(value, (counts.get(value) ?? 0) + sign * read);
        value = null;
      }
      number = 0;
      digits = false;
      negative = false;
    } else {
      throw new Error(`Not a histogram of integer pairs at ${i}: ${text.slice(0, 40)}`);
    }
  }
  if (value !== null) throw new Error(`A histogram with an unpaired value: ${text.slice(0, 40)}`);
}

/**
 * How many cases a histogram counts, and PostgreSQL's `percentile_cont(p)` for each `p` of the
 * values it stands for (each value as many times as its count), without expanding it: the values
 * at the two ranks around p·(N−1), interpolated; null when it counts none. Sorted once for all `p`.
 */
export function histogramSummary(
  histogram: Histogram,
  ps: readonly number[],
): { n: number; percentiles: (number | null)[] } {
  const bins = [...histogram].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = bins.reduce((sum, [, n]) => sum + n, 0);
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [value, n] of bins) {
      seen += n;
      if (rank < seen) return value;
    }
    return bins.at(-1)?.[0] ?? 0;
  };
  const percentile = (p: number) => {
    const position = p * (total - 1);
    const low = Math.floor(position);
    const lowValue = valueAt(low);
    return lowValue + (valueAt(Math.ceil(position)) - lowValue) * (position - low);
  };
  return { n: total, percentiles: ps.map((p) => (total === 0 ? null : percentile(p))) };
}
