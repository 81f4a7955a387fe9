import { useLayoutEffect, useRef, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { StatTable } from '../domain/tables';
import {
  axisLabel,
  chartData,
  chartHeight,
  CHAR_WIDTH,
  CHART_WIDTH,
  legendRows,
  MAX_AXIS_LABEL,
  type ChartSpec,
} from './chart-data';

/** The axis text as the static chart has it (app.css `.sp-chart text`): 12 px. */
const TICK = { fontSize: 12, fill: '#4b5563' } as const;

/** The widest the category axis of a horizontal chart gets, and its largest share of the chart. */
const AXIS_MAX = 270;
const AXIS_SHARE = 0.45;
/** The space between a category's label and the axis (recharts' tick line and its gap). */
const AXIS_GAP = 12;

const values = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });

/**
 * The width of the chart's container and the page's font, measured before the first paint; the
 * width followed as it changes, so the chart is never wider than the page (WCAG 1.4.10 reflow at
 * 320–390 px).
 */
function useContainer() {
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<{ width: number; font: string } | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const font = `${String(TICK.fontSize)}px ${getComputedStyle(element).fontFamily}`;
    const measure = () =>
      setBox((old) => {
        const width = Math.floor(element.getBoundingClientRect().width);
        return old?.width === width ? old : { width, font };
      });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, box] as const;
}

let context: CanvasRenderingContext2D | null | undefined;

/** A text's width in px in `font`, or an estimate where there is no canvas. */
function textWidth(text: string, font: string): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * CHAR_WIDTH;
  context.font = font;
  return context.measureText(text).width;
}

/** The label as `axisLabel` shortens it, shortened further with «…» until it fits `px`. */
function fitLabel(label: string, px: number, font: string): string {
  const shown = axisLabel(label, MAX_AXIS_LABEL);
  if (textWidth(shown, font) <= px) return shown;
  for (let n = Math.min(label.length, MAX_AXIS_LABEL) - 2; n > 1; n -= 1) {
    const cut = axisLabel(label, n);
    if (textWidth(cut, font) <= px) return cut;
  }
  return axisLabel(label, 2);
}

/**
 * A category tick of a horizontal chart: one line of 12 px text, shortened to fit, whole as its
 * title.
 */
function CategoryTick({
  x,
  y,
  payload,
  fit,
}: {
  x?: number;
  y?: number;
  payload?: { value?: unknown };
  fit: (label: string) => string;
}) {
  const label = typeof payload?.value === 'string' ? payload.value : '';
  return (
    <text x={x} y={y} dy={4} textAnchor="end" {...TICK}>
      <title>{label}</title>
      {fit(label)}
    </text>
  );
}

/**
 * The interactive chart, drawn by recharts. Loaded on demand after hydration (see StatChart), so
 * recharts is not part of the page's initial JavaScript. As wide as its container up to the
 * static chart's width; a horizontal chart's category axis takes up to 45 % of that, its labels
 * shortened to fit (whole in their title and in the tooltip).
 */
export function RechartsChart({ table, spec }: { table: StatTable; spec: ChartSpec }) {
  const [ref, box] = useContainer();
  const { rows, data, series } = chartData(table, spec);
  const height = chartHeight(spec, rows.length, legendRows(series));
  return (
    <div ref={ref} style={{ width: '100%', minHeight: height }}>
      {box !== null && box.width > 0 && (
        <Chart
          spec={spec}
          data={data}
          series={series}
          width={Math.min(CHART_WIDTH, box.width)}
          height={height}
          font={box.font}
        />
      )}
    </div>
  );
}

function Chart({
  spec,
  data,
  series,
  width,
  height,
  font,
}: {
  spec: ChartSpec;
  data: ReturnType<typeof chartData>['data'];
  series: ReturnType<typeof chartData>['series'];
  width: number;
  height: number;
  font: string;
}) {
  const legend =
    series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} /> : null;
  const tooltip = (
    <Tooltip
      formatter={(value) => (typeof value === 'number' ? values.format(value) : String(value))}
      wrapperStyle={{ fontSize: 12 }}
    />
  );
  const common = { width, height, data, accessibilityLayer: false } as const;
  if (spec.kind === 'line') {
    return (
      <LineChart {...common} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={TICK} />
        <YAxis allowDecimals={false} tick={TICK} />
        {legend}
        {tooltip}
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.colour}
            strokeWidth={2}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    );
  }
  const bars = series.map((s) => (
    <Bar
      key={s.key}
      dataKey={s.key}
      name={s.name}
      fill={s.colour}
      stackId={spec.stacked ? 'stack' : undefined}
      isAnimationActive={false}
    />
  ));
  if (spec.horizontal) {
    // As wide as the longest label needs, within 270 px and 45 % of the chart.
    const widest = Math.max(0, ...data.map((d) => textWidth(axisLabel(d.label), font)));
    const axisWidth = Math.min(
      AXIS_MAX,
      Math.ceil(widest) + AXIS_GAP,
      Math.round(width * AXIS_SHARE),
    );
    const fit = (label: string) => fitLabel(label, axisWidth - AXIS_GAP, font);
    return (
      <BarChart {...common} layout="vertical" margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" tick={TICK} />
        <YAxis
          type="category"
          dataKey="label"
          width={axisWidth}
          interval={0}
          tick={<CategoryTick fit={fit} />}
        />
        {legend}
        {tooltip}
        {bars}
      </BarChart>
    );
  }
  return (
    <BarChart {...common} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="label" interval={0} tick={TICK} />
      <YAxis tick={TICK} />
      {legend}
      {tooltip}
      {bars}
    </BarChart>
  );
}
