import { requireRegistrar } from '../features/retrospective/http.server';
import { registrationForm } from '../features/retrospective/retrospective.server';
import { csvTemplate, xlsxTemplate } from '../features/retrospective/spreadsheet.server';
import type { Route } from './+types/retrospective-template';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /etterregistrering/mal.xlsx and /mal.csv: the template, with the trust's first department. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireRegistrar(request, context);
  const { departments } = await registrationForm(context.db, actor);
  const department = departments[0] ?? '';
  const headers = (type: string, name: string) => ({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  });
  const path = new URL(request.url).pathname;
  if (path.endsWith('.xlsx')) {
    return new Response(await xlsxTemplate(department), {
      headers: headers(XLSX, 'etterregistrering-mal.xlsx'),
    });
  }
  return new Response(csvTemplate(department), {
    headers: headers('text/csv; charset=utf-8', 'etterregistrering-mal.csv'),
  });
}
