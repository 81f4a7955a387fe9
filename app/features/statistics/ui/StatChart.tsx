import { lazy, Suspense, useSyncExternalStore } from 'react';
import type { StatTable } from '../domain/tables';
import type { ChartSpec } from './chart-data';
import { StaticChart } from './StaticChart';

/** recharts and its dependencies (≈ 120 kB gzip) load only once the page has hydrated. */
const RechartsChart = lazy(() =>
  import('./RechartsChart').then((m) => ({ default: m.RechartsChart })),
);

const subscribe = () => () => undefined;

/**
 * A chart of a table's rows (the total row left out). The server, a browser without JavaScript
 * and the hydrating render draw the same static SVG (StaticChart, 760 px wide, scaled down by CSS
 * on a narrower page); once hydrated, recharts is loaded and takes over with the same data, as
 * wide as its container up to 760 px (the static SVG stays until it has loaded). Suppressed
 * values (`null`) are not drawn: a gap in a line, no bar. The table beside it has the numbers; to
 * assistive technology the chart is one image named after its section.
 */
export function StatChart({
  table,
  spec,
  label,
}: {
  table: StatTable;
  spec: ChartSpec;
  label: string;
}) {
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const drawnStatically = (
    <div role="img" aria-label={label} data-chart="static">
      <StaticChart table={table} spec={spec} />
    </div>
  );
  if (!hydrated) return drawnStatically;
  return (
    <Suspense fallback={drawnStatically}>
      <div role="img" aria-label={label} data-chart="recharts">
        <RechartsChart table={table} spec={spec} />
      </div>
    </Suspense>
  );
}
