import { data, redirect } from 'react-router';
import { revokeConsultation } from '../features/consultations/consultations.server';
import { CaseError } from '../features/cases/domain/errors';
import { formText } from '../lib/form';
import type { Route } from './+types/consultation-revoke';

/** POST /saker/:caseId/konsultasjon/:consultationId/trekk-tilbake: the director revokes. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request, {
    returnTo: `/saker/${params.caseId}`,
  });
  const version = Number(formText(await request.formData(), 'version'));
  try {
    await revokeConsultation(context.db, actor, params.caseId, params.consultationId, version);
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    if (error.code === 'notFound') throw data(null, { status: 404 });
    // Changed meanwhile, already answered, or not the director's to revoke: the page says so.
    return redirect(`/saker/${params.caseId}?konsultasjon=refused`);
  }
  return redirect(`/saker/${params.caseId}?konsultasjon=revoked`);
}
