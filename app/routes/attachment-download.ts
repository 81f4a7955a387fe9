import { downloadAttachment } from '../features/attachments/attachments.server';
import { AttachmentError } from '../features/attachments/domain/errors';
import { downloadResponse, notFoundResponse } from '../features/attachments/http.server';
import type { Route } from './+types/attachment-download';

/** GET /saker/:caseId/vedlegg/:attachmentId: the file, for anyone who may see the case (logged). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  try {
    const file = await downloadAttachment(
      context.db,
      context.attachments.storage,
      actor,
      params.caseId,
      params.attachmentId,
    );
    return downloadResponse(file);
  } catch (error) {
    if (error instanceof AttachmentError && error.code === 'notFound') return notFoundResponse();
    throw error;
  }
}
