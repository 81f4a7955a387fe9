import { redirect } from 'react-router';
import { startGroupApplication } from '../features/precedents/precedents.server';
import { caseErrorData } from '../lib/case-errors.server';
import type { Route } from './+types/cohort-group';

/**
 * POST /saker/:caseId/gruppesoknad: «Start en gruppesøknad» from the cohort the case belongs to;
 * opens the new draft in the editor.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request, {
    returnTo: `/saker/${params.caseId}`,
  });
  try {
    const draft = await startGroupApplication(context.db, actor, params.caseId, new Date());
    return redirect(`/saker/${draft.id}/rediger`);
  } catch (error) {
    return caseErrorData(error, null);
  }
}
