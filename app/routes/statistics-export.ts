import {
  describeFilters,
  sectionToXlsx,
  statisticsPage,
} from '../features/statistics/statistics.server';
import { SECTIONS, tableToCsv, type SectionId } from '../features/statistics/domain/tables';
import { msg } from '../i18n';
import type { Route } from './+types/statistics-export';

const isSection = (value: string | null): value is SectionId =>
  (SECTIONS as readonly (string | null)[]).includes(value);

/**
 * GET /statistikk/eksport?seksjon=…&format=csv|xlsx&<filters>: one section's table with the same
 * suppression as the page. Bad parameters get a Norwegian message and 400.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const query = new URL(request.url).searchParams;
  const section = query.get('seksjon');
  const format = query.get('format');
  const refuse = (text: string) =>
    new Response(text, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (!isSection(section) || (format !== 'csv' && format !== 'xlsx')) {
    return refuse(msg.statistics.exportInvalid);
  }
  const page = await statisticsPage(context.db, actor, query);
  if (!page.ok) {
    return refuse(
      Object.values(page.errors)
        .map((code) => msg.statistics.errors[code])
        .join('\n'),
    );
  }
  const table = page.statistics.tables[section];
  const name = `statistikk-${section}-${page.values.fra}-${page.values.til}`;
  const headers = (type: string, extension: string) => ({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}.${extension}"`,
    'Cache-Control': 'no-store',
  });
  if (format === 'csv') {
    return new Response(tableToCsv(table, msg.statistics.withheld), {
      headers: headers('text/csv; charset=utf-8', 'csv'),
    });
  }
  const body = await sectionToXlsx(table, describeFilters(page.values, page.trusts));
  return new Response(new Uint8Array(body), {
    headers: headers('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'),
  });
}
