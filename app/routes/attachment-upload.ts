import { AttachmentError } from '../features/attachments/domain/errors';
import { uploadAttachment } from '../features/attachments/attachments.server';
import {
  afterBody,
  doneRedirect,
  readUpload,
  refusalRedirect,
} from '../features/attachments/http.server';
import type { Route } from './+types/attachment-upload';

/** POST /saker/:caseId/vedlegg: adds one file; back to the edit page with the outcome. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const settings = context.attachments;
  return afterBody(request, settings.maxBytes, async () => {
    const actor = await context.auth.requireActor(request, {
      returnTo: `/saker/${params.caseId}`,
    });
    try {
      const upload = await readUpload(request, settings.maxBytes);
      if (!upload.ok) throw new AttachmentError(upload.problem);
      await uploadAttachment(context.db, settings, actor, {
        caseId: params.caseId,
        fileName: upload.fileName,
        bytes: upload.bytes,
      });
    } catch (error) {
      return refusalRedirect(params.caseId, error);
    }
    return doneRedirect(params.caseId, 'added');
  });
}
