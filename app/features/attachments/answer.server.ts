import { data, redirect, type AppLoadContext } from 'react-router';
import { caseErrorData, notFoundPost } from '../../lib/case-errors.server';
import { fieldErrors, reasonSchema } from '../cases/domain/application';
import { CaseError } from '../cases/domain/errors';
import { deleteAttachment, sendAnswer, uploadAttachment } from './attachments.server';
import { answerStep, REMOVE_FIELD, SHOWN_FILES_FIELD, shownFiles } from './domain/answer-form';
import { AttachmentError, type AttachmentNotice, type AttachmentProblem } from './domain/errors';
import { afterBody, readForm } from './http.server';

/** Whether a post is a multipart form: on the case page, only the answer form is one. */
export function isMultipartForm(request: Request): boolean {
  return request.headers.get('Content-Type')?.startsWith('multipart/form-data') ?? false;
}

/** What the answer form sent besides its file, shown again after every post that stays on the page. */
export type AnswerValues = {
  intent: string;
  event: 'provideInformation';
  version: string;
  reason: string;
};

/** What an upload or removal from the answer form did, or why it was refused. */
export interface AnswerAttachmentOutcome {
  done: AttachmentNotice | null;
  error: AttachmentProblem | null;
}

/**
 * The case page's answer form (domain/answer-form.ts), posted as multipart: a file chosen is
 * added to the answer first, then the button decides: upload (done), remove one of the answer's
 * attachments, or send the answer (`sendAnswer`: with the text as its reason, if its files are
 * still those the form listed, and the file chosen with it). What was typed comes back with every
 * outcome that stays on the page, a refused file and files changed meanwhile (409: the page is read
 * again with JavaScript too, so the form lists them) included; a sent answer goes to the case page
 * with its confirmation. The body is read streamed and size-capped
 * as on the upload route, and whatever is left of it is read and dropped before the answer.
 */
export function answerFormAction(request: Request, context: AppLoadContext, caseId: string) {
  const settings = context.attachments;
  return afterBody(request, settings.maxBytes, async () => {
    const actor = await context.auth.requireActor(request);
    const form = await readForm(request, settings.maxBytes);
    const text = (name: string) => form.fields.get(name) ?? '';
    const values: AnswerValues = {
      intent: text('intent'),
      event: 'provideInformation',
      version: text('version'),
      reason: text('reason'),
    };
    // `errors` names a refused file for the page's title (`postFailed`).
    const stay = (answer: AnswerAttachmentOutcome, status = 200) =>
      data(
        {
          problem: null,
          fieldErrors: {},
          errors: answer.error ? { file: answer.error } : {},
          values,
          answer,
        },
        { status },
      );
    if (form.problem) {
      return stay({ done: null, error: form.problem }, form.problem === 'tooLarge' ? 413 : 400);
    }
    const step = answerStep(values.intent, text(REMOVE_FIELD));
    if (!step) return caseErrorData(new CaseError('invalidTransition'), values);
    // An answer without its text is refused before its file is added: with JavaScript the page is
    // not read again after a 400, so a file added then would be neither listed nor taken out of
    // the input, and sent twice.
    const reason = reasonSchema.safeParse({ reason: values.reason });
    if (step.kind === 'send' && !reason.success) {
      return caseErrorData(new CaseError('invalid', fieldErrors(reason.error)), values);
    }

    let done: AttachmentNotice | null = null;
    const shownIds = shownFiles(text(SHOWN_FILES_FIELD));
    try {
      if (form.file) {
        const added = await uploadAttachment(context.db, settings, actor, {
          caseId,
          ...form.file,
          scope: 'answer',
        });
        shownIds.push(added.id);
        done = 'added';
      } else if (step.kind === 'upload') {
        throw new AttachmentError('noFile');
      }
      if (step.kind === 'remove') {
        await deleteAttachment(
          context.db,
          settings.storage,
          actor,
          caseId,
          step.attachmentId,
          'answer',
        );
        done = 'removed';
      }
    } catch (error) {
      if (!(error instanceof AttachmentError)) throw error;
      if (error.code === 'notFound') notFoundPost(values);
      // Not (or no longer) theirs to add to: the case has moved on, or they only read it.
      if (error.code === 'notEditable') {
        return caseErrorData(new CaseError('invalidTransition'), values);
      }
      // An attachment that came with the application (or a sent answer) stays: refused in the
      // case's state, like a workflow refusal; every other refusal is about the file.
      return stay({ done, error: error.code }, error.code === 'notRemovable' ? 409 : 400);
    }
    if (step.kind !== 'send') return stay({ done, error: null });

    try {
      await sendAnswer(context.db, actor, {
        caseId,
        version: Number(values.version),
        reason: values.reason,
        shownIds,
      });
    } catch (error) {
      if (error instanceof AttachmentError && error.code === 'answerChanged') {
        return stay({ done, error: error.code }, 409);
      }
      return caseErrorData(error, values);
    }
    return redirect(`/saker/${caseId}?utfort=provideInformation`);
  });
}
