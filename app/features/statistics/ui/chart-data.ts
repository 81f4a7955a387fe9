import type { StatTable } from '../domain/tables';

export interface ChartSpec {
  kind: 'line' | 'bar';
  /** Indexes of the table's columns to draw. */
  columns: number[];
  /** Bars along the vertical axis (one per trust) instead of columns. */
  horizontal?: boolean;
  stacked?: boolean;
}

export const CHART_WIDTH = 760;
export const CHART_HEIGHT = 300;
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
  const rows = table.rows.filter((row) => !row.total);
  const data: Datum[] = rows.map((row) => ({
    label: row.label,
    ...Object.fromEntries(
      spec.columns.map((c) => {
        const value = row.values[c];
        const format = table.columns[c]?.format;
        // A withheld value is a gap in the chart.
        if (typeof value !== 'number') return [`c${String(c)}`, null];
        return [`c${String(c)}`, format === 'percent' ? value * 100 : value];
      }),
    ),
  }));
  const series: Series[] = spec.columns.map((c, i) => ({
    key: `c${String(c)}`,
    name: table.columns[c]?.label ?? '',
    colour: COLOURS[i % COLOURS.length] ?? '#0062ba',
  }));
  return { rows, data, series };
}

/**
 * The longest category a horizontal chart shows whole in its 260–270 px of 12 px text (a trust's
 * name fits; an ATC group's name may not): a longer one ends in «…», and the table beside the
 * chart has it whole.
 */
const MAX_AXIS_LABEL = 40;
export const axisLabel = (label: string) =>
  label.length > MAX_AXIS_LABEL ? `${label.slice(0, MAX_AXIS_LABEL - 1).trimEnd()}…` : label;

/** The chart's height: fixed, or one row per category for horizontal bars. */
export const chartHeight = (spec: ChartSpec, rows: number) =>
  spec.horizontal ? Math.max(160, rows * ROW_HEIGHT + 60) : CHART_HEIGHT;

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
