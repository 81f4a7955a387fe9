import type { StatTable } from '../domain/tables';

export interface ChartSpec {
  kind: 'line' | 'bar';
  /**
   * The keys of the table's columns to draw (`StatColumn.key`), not their positions: a column
   * added to a table (a new stage) must not move a chart onto another column.
   */
  columns: string[];
  /** Bars along the vertical axis (one per trust) instead of columns. */
  horizontal?: boolean;
  stacked?: boolean;
}

/** The widest a chart is drawn; narrower where its container is (recharts, after hydration). */
export const CHART_WIDTH = 760;
export const CHART_HEIGHT = 300;
/** A horizontal chart's band per category with one series (or a stack). */
export const ROW_HEIGHT = 24;

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11). */
export const COLOURS = ['#0062ba', '#b3261e', '#1e7f3a', '#7a4ab3', '#8a5a00', '#00707a'];

export interface Series {
  key: string;
  name: string;
  colour: string;
}

export type Datum = { label: string } & Record<string, string | number | null>;

/** The chart's rows (the total row left out), series and points; shares in percent. */
export function chartData(table: StatTable, spec: ChartSpec) {
  const indexes = spec.columns.map((key) => {
    const index = table.columns.findIndex((column) => column.key === key);
    // A chart bound to a column its table does not have is a programming error: say so loudly
    // rather than draw an empty chart.
    if (index < 0) throw new Error(`Chart of section ${table.id}: no column «${key}»`);
    return index;
  });
  const rows = table.rows.filter((row) => !row.total);
  const data: Datum[] = rows.map((row) => ({
    label: row.label,
    ...Object.fromEntries(
      indexes.map((c) => {
        const value = row.values[c];
        const format = table.columns[c]?.format;
        // A withheld value is a gap in the chart.
        if (typeof value !== 'number') return [`c${String(c)}`, null];
        return [`c${String(c)}`, format === 'percent' ? value * 100 : value];
      }),
    ),
  }));
  const series: Series[] = indexes.map((c, i) => ({
    key: `c${String(c)}`,
    name: table.columns[c]?.short ?? table.columns[c]?.label ?? '',
    colour: COLOURS[i % COLOURS.length] ?? '#0062ba',
  }));
  return { rows, data, series };
}

/**
 * The longest category a horizontal chart shows whole in its 270 px of 12 px text (a trust's
 * name fits; an ATC group's name may not): a longer one ends in «…», and the table beside the
 * chart has it whole (the static chart's label and recharts' tick carry it as their title, the
 * tooltip shows it). A narrow chart (recharts on a phone) passes its own, smaller `max`.
 */
export const MAX_AXIS_LABEL = 40;
export const axisLabel = (label: string, max = MAX_AXIS_LABEL) =>
  label.length > max ? `${label.slice(0, Math.max(1, max - 1)).trimEnd()}…` : label;

/** About how wide a character of the charts' 12 px axis text is, in px (generous). */
export const CHAR_WIDTH = 6.6;

/**
 * A horizontal chart's band per category: room for each series' bar side by side (a stack is
 * one bar).
 */
export const bandHeight = (spec: ChartSpec) =>
  spec.stacked || spec.columns.length < 2
    ? ROW_HEIGHT
    : Math.max(ROW_HEIGHT, spec.columns.length * 7 + 10);

/**
 * The static chart's legend: one line per series when there are more than two or a name is
 * long (a row of them would run off the chart), else side by side.
 */
export const legendRows = (series: readonly Series[]) =>
  series.length < 2
    ? 0
    : series.length > 2 || series.some((s) => s.name.length > 24)
      ? series.length
      : 1;

/** The chart's height: fixed, or one band per category for horizontal bars (with the legend). */
export const chartHeight = (spec: ChartSpec, rows: number, legend = 0) =>
  spec.horizontal
    ? Math.max(160, rows * bandHeight(spec) + 60 + Math.max(0, legend - 1) * 18)
    : CHART_HEIGHT;

/** Round axis ticks from 0 to at least `max` (1, 2 or 5 times a power of ten apart). */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = 0; t < max + step - 1e-9; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return ticks;
}
