import { deleteAttachment } from '../features/attachments/attachments.server';
import { doneRedirect, refusalRedirect } from '../features/attachments/http.server';
import type { Route } from './+types/attachment-delete';

/** POST /saker/:caseId/vedlegg/:attachmentId/slett: removes one attachment. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request, {
    returnTo: `/saker/${params.caseId}`,
  });
  try {
    await deleteAttachment(
      context.db,
      context.attachments.storage,
      actor,
      params.caseId,
      params.attachmentId,
    );
  } catch (error) {
    return refusalRedirect(params.caseId, error);
  }
  return doneRedirect(params.caseId, 'removed');
}
