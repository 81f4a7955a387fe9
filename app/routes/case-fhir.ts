import { exportCaseFhir } from '../features/interop/fhir.server';
import { loadCase } from '../lib/case-errors.server';
import type { Route } from './+types/case-fhir';

/** The case as a FHIR R4 Bundle (a logged read of personal data, like the JSON export). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const { caseNumber, bundle } = await loadCase(() =>
    exportCaseFhir(context.db, actor, params.caseId),
  );
  const name = caseNumber ?? `utkast-${params.caseId}`;
  return new Response(JSON.stringify(bundle), {
    headers: {
      'Content-Type': 'application/fhir+json; charset=utf-8',
      'Content-Disposition': `attachment; filename="soknad-${name}.fhir.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
