import type { StatTable } from '../domain/tables';
import {
  axisLabel,
  bandHeight,
  chartData,
  chartHeight,
  CHART_WIDTH,
  legendRows,
  niceTicks,
  type ChartSpec,
  type Datum,
  type Series,
} from './chart-data';

/** The axis line's colour; the axis text and the grid lines are styled by `.sp-chart` (app.css). */
const AXIS = '#4b5563';

/** A coordinate to one decimal: what the eye can tell apart, in fewer bytes. */
const at = (v: number) => Math.round(v * 10) / 10;

const valueOf = (d: Datum, key: string): number | null => {
  const v = d[key];
  return typeof v === 'number' ? v : null;
};

/** The largest value drawn: the largest stack, or the largest single value. */
function maxValue(data: Datum[], series: Series[], stacked: boolean): number {
  return Math.max(
    0,
    ...data.map((d) =>
      stacked
        ? series.reduce((sum, s) => sum + (valueOf(d, s.key) ?? 0), 0)
        : Math.max(0, ...series.map((s) => valueOf(d, s.key) ?? 0)),
    ),
  );
}

const ticks = new Intl.NumberFormat('nb-NO');
const tickText = (t: number) => ticks.format(t);

/** The legend's line height, when its series are listed one per line. */
const LEGEND_LINE = 18;

function Legend({ series, x }: { series: Series[]; x: number }) {
  const rows = legendRows(series);
  if (rows === 0) return null;
  const at = (i: number) => (rows > 1 ? [x, 4 + i * LEGEND_LINE] : [x + i * 170, 4]);
  return (
    <g className="sp-chart__legend">
      {series.map((s, i) => (
        <g key={s.key} transform={`translate(${at(i).map(String).join(', ')})`}>
          <rect width={12} height={12} fill={s.colour} />
          <text x={18} y={11}>
            {s.name}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * The chart as plain SVG computed here, for the server and the first render in the browser
 * (recharts 3 draws nothing on the server). Same data as the recharts chart, at its widest size
 * (the SVG's viewBox lets CSS scale it down to a narrower page).
 */
export function StaticChart({ table, spec }: { table: StatTable; spec: ChartSpec }) {
  const { data, series } = chartData(table, spec);
  const width = CHART_WIDTH;
  const legend = legendRows(series);
  const height = chartHeight(spec, data.length, legend);
  const ticks = niceTicks(maxValue(data, series, spec.stacked === true));
  const top = legend === 0 ? 10 : 10 + legend * LEGEND_LINE;
  const max = ticks.at(-1) ?? 1;

  if (spec.horizontal) {
    const left = 270;
    const right = 20;
    const plotWidth = width - left - right;
    const x = (v: number) => at(left + (v / max) * plotWidth);
    const band = bandHeight(spec);
    const barHeight = at((band * 0.7) / (spec.stacked ? 1 : series.length));
    return (
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${String(width)} ${String(height)}`}
        className="sp-chart"
      >
        <Legend series={series} x={left} />
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={x(t)}
              x2={x(t)}
              y1={top}
              y2={top + data.length * band}
              className="sp-chart__grid"
            />
            <text x={x(t)} y={top + data.length * band + 16} textAnchor="middle">
              {tickText(t)}
            </text>
          </g>
        ))}
        {data.map((d, i) => {
          const y0 = top + i * band;
          let stack = 0;
          return (
            <g key={d.label}>
              <text x={left - 6} y={y0 + band / 2 + 4} textAnchor="end">
                <title>{d.label}</title>
                {axisLabel(d.label)}
              </text>
              {series.map((s, j) => {
                const v = valueOf(d, s.key);
                if (v === null) return null;
                const start = spec.stacked ? stack : 0;
                if (spec.stacked) stack += v;
                const y = at(y0 + band * 0.15 + (spec.stacked ? 0 : j * barHeight));
                return (
                  <rect
                    key={s.key}
                    className="sp-chart__bar"
                    x={x(start)}
                    y={y}
                    width={at(Math.max(0, x(start + v) - x(start)))}
                    height={barHeight}
                    fill={s.colour}
                  />
                );
              })}
            </g>
          );
        })}
        <line x1={left} x2={left} y1={top} y2={top + data.length * band} stroke={AXIS} />
      </svg>
    );
  }

  const left = 50;
  const right = 20;
  const bottom = 30;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const y = (v: number) => at(top + plotHeight - (v / max) * plotHeight);
  const band = data.length > 0 ? plotWidth / data.length : plotWidth;
  const every = Math.max(1, Math.ceil(data.length / 12));
  const centre = (i: number) => at(left + band * i + band / 2);
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${String(width)} ${String(height)}`}
      className="sp-chart"
    >
      <Legend series={series} x={left} />
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} className="sp-chart__grid" />
          <text x={left - 6} y={y(t) + 4} textAnchor="end">
            {tickText(t)}
          </text>
        </g>
      ))}
      {data.map((d, i) =>
        i % every === 0 ? (
          <text key={d.label} x={centre(i)} y={height - 10} textAnchor="middle">
            {d.label}
          </text>
        ) : null,
      )}
      {spec.kind === 'line'
        ? series.map((s) => {
            // A suppressed value breaks the line (a gap), as in the recharts chart.
            let path = '';
            let pen = false;
            data.forEach((d, i) => {
              const v = valueOf(d, s.key);
              if (v === null) {
                pen = false;
                return;
              }
              path += `${pen ? 'L' : 'M'}${centre(i).toFixed(1)},${y(v).toFixed(1)}`;
              pen = true;
            });
            return (
              <path
                key={s.key}
                className="sp-chart__line"
                d={path}
                fill="none"
                stroke={s.colour}
                strokeWidth={2}
              />
            );
          })
        : data.map((d, i) => {
            let stack = 0;
            const barWidth = at((band * 0.7) / (spec.stacked ? 1 : series.length));
            return (
              <g key={d.label}>
                {series.map((s, j) => {
                  const v = valueOf(d, s.key);
                  if (v === null) return null;
                  const base = spec.stacked ? stack : 0;
                  if (spec.stacked) stack += v;
                  return (
                    <rect
                      key={s.key}
                      className="sp-chart__bar"
                      x={at(left + band * i + band * 0.15 + (spec.stacked ? 0 : j * barWidth))}
                      y={y(base + v)}
                      width={barWidth}
                      height={at(Math.max(0, y(base) - y(base + v)))}
                      fill={s.colour}
                    />
                  );
                })}
              </g>
            );
          })}
      <line
        x1={left}
        x2={width - right}
        y1={top + plotHeight}
        y2={top + plotHeight}
        stroke={AXIS}
      />
    </svg>
  );
}
