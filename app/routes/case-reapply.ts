import { data, redirect } from 'react-router';
import { CaseError } from '../features/cases/domain/errors';
import { reapplyRefusedUrl } from '../features/clocks/domain/reapply';
import { reapply } from '../features/followup/followup.server';
import { CASE_ERROR_STATUS } from '../lib/case-errors.server';
import type { Route } from './+types/case-reapply';

/**
 * POST: starts a new application from this one and opens the new draft for editing. Refused,
 * nothing is created and the user is back on the case page with the reason (works without
 * JavaScript); a case the user may not see is a 404.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request, {
    returnTo: `/saker/${params.caseId}`,
  });
  try {
    const created = await reapply(context.db, actor, params.caseId);
    return redirect(`/saker/${created.id}/rediger`);
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    if (error.code === 'notFound') throw data(null, { status: 404 });
    const refusal = CASE_ERROR_STATUS[error.code] === 403 ? 'forbidden' : 'invalidTransition';
    return redirect(reapplyRefusedUrl(params.caseId, refusal));
  }
}
