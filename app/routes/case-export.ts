import { exportCaseJson } from '../features/interop/json.server';
import { loadCase } from '../lib/case-errors.server';
import type { Route } from './+types/case-export';

/** The application as JSON, section by section (a logged read of personal data). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const exported = await loadCase(() => exportCaseJson(context.db, actor, params.caseId));
  const name = exported.caseNumber ?? `utkast-${params.caseId}`;
  return Response.json(exported, {
    headers: {
      'Content-Disposition': `attachment; filename="soknad-${name}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
