import { getDecisionLetter } from '../features/decisions/decisions.server';
import { renderDecisionLetter } from '../features/decisions/letter.server';
import { msg } from '../i18n';
import { loadCase } from '../lib/case-errors.server';
import type { Route } from './+types/decision-letter';

/**
 * GET /saker/:caseId/vedtak/:version/brev.pdf: the decision letter for the patient record, for
 * anyone with a role for the case (a logged read of personal data).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const version = /^\d{1,6}$/.test(params.version) ? Number(params.version) : 0;
  const letter = await loadCase(() => getDecisionLetter(context.db, actor, params.caseId, version));
  const pdf = await renderDecisionLetter(letter);
  const fileName = msg.decisionModule.letterText.fileName(letter.caseNumber, version);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
