import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { StatTable } from '../domain/tables';
import type { ChartSpec } from './chart-data';
import { StatChart } from './StatChart';
import { StatTableView } from './StatTableView';

/** One section: heading, the chart (a figure), the same numbers as a table, and the exports. */
export function StatSection({
  table,
  chart,
  exportQuery,
}: {
  table: StatTable;
  chart: ChartSpec | null;
  /** The page's filters as a query string, for the export links. */
  exportQuery: string;
}) {
  const s = msg.statistics;
  const headingId = `section-${table.id}`;
  const href = (format: 'csv' | 'xlsx') =>
    `/statistikk/eksport?${exportQuery}${exportQuery ? '&' : ''}seksjon=${table.id}&format=${format}`;
  return (
    <section
      className="sp-stack sp-stats__section"
      aria-labelledby={headingId}
      data-section={table.id}
    >
      <Heading level={2} data-size="md" id={headingId}>
        {table.title}
      </Heading>
      {chart && (
        <figure className="sp-stats__figure">
          <div className="sp-stats__chart">
            <StatChart table={table} spec={chart} label={s.chartOf(table.title)} />
          </div>
          <figcaption>
            <Paragraph data-size="sm">{s.chartNote}</Paragraph>
          </figcaption>
        </figure>
      )}
      <StatTableView table={table} caption={s.tableOf(table.title)} />
      <Paragraph data-size="sm" className="sp-row">
        <span>{s.downloads}</span>
        <Link href={href('csv')} download aria-label={s.exportCsv(table.title)}>
          {s.csv}
        </Link>
        <Link href={href('xlsx')} download aria-label={s.exportXlsx(table.title)}>
          {s.xlsx}
        </Link>
      </Paragraph>
    </section>
  );
}
