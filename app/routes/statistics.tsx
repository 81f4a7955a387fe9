import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { FILTER_FIELDS } from '../features/statistics/domain/filters';
import { formatValue, type SectionId } from '../features/statistics/domain/tables';
import { statisticsPage } from '../features/statistics/statistics.server';
import { FilterForm } from '../features/statistics/ui/FilterForm';
import type { ChartSpec } from '../features/statistics/ui/chart-data';
import { StatSection } from '../features/statistics/ui/StatSection';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/statistics';

/** GET /statistikk: national statistics for every signed-in user (summaries only, suppressed). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  return statisticsPage(context.db, actor, new URL(request.url).searchParams);
}

/** Which chart each section gets (the stage table per trust is a table only). */
const CHARTS: Record<SectionId, ChartSpec | null> = {
  time: { kind: 'line', columns: [0] },
  trust: { kind: 'bar', columns: [0], horizontal: true },
  scheme: { kind: 'bar', columns: [0] },
  atc: { kind: 'bar', columns: [0], horizontal: true },
  decisions: { kind: 'bar', columns: [4], horizontal: true },
  stages: { kind: 'bar', columns: [1, 2] },
  stagesByTrust: { kind: 'bar', columns: [5], horizontal: true },
  followUp: { kind: 'bar', columns: [0, 1], horizontal: true, stacked: true },
};

export default function StatisticsPage({ loaderData }: Route.ComponentProps) {
  const s = msg.statistics;
  const page = loaderData;
  const exportQuery = new URLSearchParams(
    FILTER_FIELDS.map((field) => [field, page.values[field]]),
  ).toString();
  return (
    <div className="sp-stack">
      <title>{pageTitle(s.title, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {s.title}
      </Heading>
      <Paragraph>{s.intro}</Paragraph>
      <FilterForm values={page.values} errors={page.ok ? {} : page.errors} trusts={page.trusts} />
      {page.ok && (
        <>
          <Paragraph data-testid="statistics-total">
            {s.totalCases(formatValue(page.statistics.total, 'count', s.withheld))}
          </Paragraph>
          <Paragraph data-size="sm">{s.suppressionNote}</Paragraph>
          {(Object.keys(CHARTS) as SectionId[]).map((id) => (
            <StatSection
              key={id}
              table={page.statistics.tables[id]}
              chart={CHARTS[id]}
              exportQuery={exportQuery}
            />
          ))}
        </>
      )}
    </div>
  );
}
