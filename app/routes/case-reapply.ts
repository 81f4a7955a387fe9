import { data, redirect } from 'react-router';
import { CaseError } from '../features/cases/domain/errors';
import { reapply } from '../features/followup/followup.server';
import { CASE_ERROR_STATUS } from '../lib/case-errors.server';
import type { Route } from './+types/case-reapply';

/** POST: starts a new application from this one and opens the new draft for editing. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  try {
    const created = await reapply(context.db, actor, params.caseId);
    return redirect(`/saker/${created.id}/rediger`);
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    throw data(null, { status: CASE_ERROR_STATUS[error.code] });
  }
}
