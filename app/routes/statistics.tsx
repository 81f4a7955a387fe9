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

/**
 * Which chart each section gets, by the keys of the columns it draws. Categories with names
 * (trusts, schemes, ATC groups, stages) are bars along the vertical axis, so their names read
 * side by side on one line each; only time runs along the horizontal axis. The medians per trust
 * draw the main stages and the total side by side (the rarer stages are in the table).
 */
const CHARTS: Record<SectionId, ChartSpec | null> = {
  time: { kind: 'line', columns: ['submitted'] },
  trust: { kind: 'bar', columns: ['submitted'], horizontal: true },
  scheme: { kind: 'bar', columns: ['submitted'], horizontal: true },
  atc: { kind: 'bar', columns: ['submitted'], horizontal: true },
  decisions: { kind: 'bar', columns: ['approvalRate'], horizontal: true },
  stages: { kind: 'bar', columns: ['median', 'p90'], horizontal: true },
  stagesByTrust: {
    kind: 'bar',
    columns: ['submitted', 'endorsed', 'underAssessment', 'recommended', 'total'],
    horizontal: true,
  },
  followUp: { kind: 'bar', columns: ['continued', 'stopped'], horizontal: true, stacked: true },
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
          <Paragraph data-size="sm">{s.retrospectiveNote}</Paragraph>
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
