import { getCase } from '../features/cases/cases.server';
import { exportApplication, exportDrug } from '../features/cases/ui/export';
import { retrospectiveNote } from '../features/retrospective/retrospective.server';
import { loadCase } from '../lib/case-errors.server';
import type { Route } from './+types/case-export';

/** The application as JSON, section by section (a logged read of personal data). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const view = await loadCase(() => getCase(context.db, actor, params.caseId, 'export'));
  const name = view.caseNumber ?? `utkast-${view.id}`;
  // Registered after the fact: the portal does not know the applicant, only who registered it.
  const registered = view.retrospective
    ? await retrospectiveNote(context.db, actor, view.id)
    : null;
  return Response.json(
    {
      caseNumber: view.caseNumber,
      status: view.status,
      trust: view.trustName,
      department: view.departmentName,
      applicant: registered ? null : view.applicantName,
      retrospective: registered,
      submittedAt: view.submittedAt,
      sections: exportApplication(view.answers),
      drug: exportDrug(view),
    },
    {
      headers: {
        'Content-Disposition': `attachment; filename="soknad-${name}.json"`,
        'Cache-Control': 'no-store',
      },
    },
  );
}
