import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { StatTable } from '../domain/tables';
import {
  axisLabel,
  chartData,
  chartHeight,
  CHART_WIDTH as WIDTH,
  type ChartSpec,
} from './chart-data';

/**
 * The interactive chart, drawn by recharts. Loaded on demand after hydration (see StatChart), so
 * recharts is not part of the page's initial JavaScript.
 */
export function RechartsChart({ table, spec }: { table: StatTable; spec: ChartSpec }) {
  const { rows, data, series } = chartData(table, spec);
  const legend = series.length > 1 ? <Legend /> : null;
  const common = {
    width: WIDTH,
    data,
    height: chartHeight(spec, rows.length),
    accessibilityLayer: false,
  } as const;
  if (spec.kind === 'line') {
    return (
      <LineChart {...common} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        {legend}
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
    return (
      <BarChart {...common} layout="vertical" margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" />
        <YAxis type="category" dataKey="label" width={260} interval={0} tickFormatter={axisLabel} />
        {legend}
        {bars}
      </BarChart>
    );
  }
  return (
    <BarChart {...common} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="label" interval={0} />
      <YAxis />
      {legend}
      {bars}
    </BarChart>
  );
}
