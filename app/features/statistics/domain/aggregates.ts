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

/** The largest value a histogram holds: 100,000 tenths of a day is 27 years. */
export const HISTOGRAM_MAX_VALUE = 100_000;

/** How many cases a histogram counts, and the percentiles asked for (null when it counts none). */
export interface HistogramSummary {
  n: number;
  percentiles: (number | null)[];
}

/**
 * A histogram of non-negative integers (stage times in tenths of a day): how many cases have each
 * value. Kept as a dense array indexed by value, with the list of the values it has counts for, so
 * that adding, summing and reading it cost the values it holds (a few hundred) and not the range
 * they span (to a few thousand), and so that one can be cleared and used again: a view sums tens of
 * thousands of pairs into a hundred histograms (docs/performance.md, twelfth round).
 */
export class Histogram {
  private readonly counts = new Float64Array(HISTOGRAM_MAX_VALUE + 1);
  private readonly listed = new Uint8Array(HISTOGRAM_MAX_VALUE + 1);
  private readonly values = new Int32Array(HISTOGRAM_MAX_VALUE + 1);
  private size = 0;

  /** Adds `n` (which may be negative) cases of `value`. */
  add(value: number, n: number): void {
    if (!Number.isInteger(value) || value < 0 || value > HISTOGRAM_MAX_VALUE)
      throw new Error(`A histogram value out of range: ${String(value)}`);
    if (this.listed[value] === 0) {
      this.listed[value] = 1;
      this.values[this.size] = value;
      this.size += 1;
    }
    this.counts[value] = (this.counts[value] ?? 0) + n;
  }

  /** Adds every count of `other`. */
  addAll(other: Histogram): void {
    for (let i = 0; i < other.size; i += 1) {
      const value = other.values[i] ?? 0;
      this.add(value, other.counts[value] ?? 0);
    }
  }

  /**
   * How many cases it counts, and PostgreSQL's `percentile_cont(p)` for each `p` of the values it
   * stands for (each value as many times as its count), without expanding it: the values at the
   * two ranks around p·(N−1), interpolated; null when it counts none. A value whose count nets to
   * zero or less counts no case. Sorts its values, then one pass for the total and one for every
   * rank.
   */
  summary(ps: readonly number[]): HistogramSummary {
    const values = this.values.subarray(0, this.size).sort();
    const countAt = (i: number) => this.counts[values[i] ?? 0] ?? 0;
    let total = 0;
    for (let i = 0; i < values.length; i += 1) {
      const n = countAt(i);
      if (n > 0) total += n;
    }
    if (total === 0) return { n: 0, percentiles: ps.map(() => null) };
    // The ranks to find (two per p), found in ascending order in one pass over the values.
    const ranks = ps.flatMap((p) => [Math.floor(p * (total - 1)), Math.ceil(p * (total - 1))]);
    const order = ranks.map((_, i) => i).sort((a, b) => (ranks[a] ?? 0) - (ranks[b] ?? 0));
    const valueAtRank: number[] = ranks.map(() => 0);
    let seen = 0;
    let next = 0;
    for (let i = 0; i < values.length && next < order.length; i += 1) {
      const n = countAt(i);
      if (n <= 0) continue;
      seen += n;
      for (let k = order[next]; k !== undefined && (ranks[k] ?? 0) < seen; k = order[next]) {
        valueAtRank[k] = values[i] ?? 0;
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

  /** Every value's count, from 0 to the highest value it has a count for. */
  toArray(): number[] {
    let end = 0;
    for (let i = 0; i < this.size; i += 1) end = Math.max(end, (this.values[i] ?? 0) + 1);
    return Array.from(this.counts.subarray(0, end));
  }

  /** Back to no counts. */
  clear(): void {
    for (let i = 0; i < this.size; i += 1) {
      const value = this.values[i] ?? 0;
      this.counts[value] = 0;
      this.listed[value] = 0;
    }
    this.size = 0;
  }
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
/** `{`, `}` and `,`: the rest of PostgreSQL's text of a two-dimensional array of integers. */
const isSeparator = (c: number) => c === 123 || c === 125 || c === 44;

/**
 * Adds the `[value, n]` pairs of a histogram written as PostgreSQL's text of a two-dimensional
 * `integer` array (`{{80,1},{410,2}}`) to `histogram`, each `n` times `sign`. Read in place:
 * parsing it as JSON would make an array per pair, tens of thousands per page. Throws on anything
 * but non-negative integers in that shape, and on a value over `HISTOGRAM_MAX_VALUE`.
 */
export function addHistogramText(histogram: Histogram, text: string, sign: number): void {
  let number = 0;
  let digits = false;
  let value = -1;
  for (let i = 0; i <= text.length; i += 1) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      number = number * 10 + (c - DIGIT_0);
      digits = true;
    } else if (isSeparator(c)) {
      if (!digits) continue;
      if (value < 0) value = number;
      else {
        histogram.add(value, sign * number);
        value = -1;
      }
      number = 0;
      digits = false;
    } else {
      throw new Error(`Not a histogram of integer pairs at ${String(i)}: ${text.slice(0, 40)}`);
    }
  }
  if (value >= 0) throw new Error(`A histogram with an unpaired value: ${text.slice(0, 40)}`);
}

/** A histogram to sum: of `key` (a trust) and `stage`, as array text, counted in `sign` times. */
export interface HistogramRow {
  key: string;
  stage: string;
  sign: number;
  histogram: string;
}

/**
 * One key's stage and every key's, reused by each call of `summarizeHistogramRows` (which is
 * synchronous) and empty whenever none runs: a new dense array per key and stage made about 2 MB
 * of garbage per statistics page at a million cases, and with it young-generation collections.
 */
const scratch = { one: new Histogram(), all: new Histogram() };

/**
 * The summary of the rows' histograms summed per key and stage, and per stage over all keys
 * (under key `''`). Throws as `addHistogramText` does.
 */
export function summarizeHistogramRows(
  rows: readonly HistogramRow[],
  ps: readonly number[],
): Map<string, Map<string, HistogramSummary>> {
  const { one, all } = scratch;
  try {
    return summarize(rows, ps, one, all);
  } finally {
    one.clear();
    all.clear();
  }
}

function summarize(
  rows: readonly HistogramRow[],
  ps: readonly number[],
  one: Histogram,
  all: Histogram,
): Map<string, Map<string, HistogramSummary>> {
  const byStage = new Map<string, Map<string, HistogramRow[]>>();
  for (const row of rows) {
    let byKey = byStage.get(row.stage);
    if (!byKey) byStage.set(row.stage, (byKey = new Map<string, HistogramRow[]>()));
    const list = byKey.get(row.key);
    if (list) list.push(row);
    else byKey.set(row.key, [row]);
  }
  const out = new Map<string, Map<string, HistogramSummary>>();
  const put = (key: string, stage: string, summary: HistogramSummary) => {
    let stages = out.get(key);
    if (!stages) out.set(key, (stages = new Map<string, HistogramSummary>()));
    stages.set(stage, summary);
  };
  for (const [stage, byKey] of byStage) {
    for (const [key, list] of byKey) {
      for (const row of list) addHistogramText(one, row.histogram, row.sign);
      put(key, stage, one.summary(ps));
      all.addAll(one);
      one.clear();
    }
    put('', stage, all.summary(ps));
    all.clear();
  }
  return out;
}
