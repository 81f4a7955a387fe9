/**
 * The case page's answer to a request for information is one form (ui/AnswerForm.tsx): the text,
 * the attachments added to it and a file input, posted as multipart to the case page, so that
 * uploading or removing a file keeps the text typed (without JavaScript too). Its buttons say
 * what a post asks for.
 */
export const ANSWER_INTENTS = { upload: 'answerUpload', send: 'answerSend' } as const;

/** The field of the answer form's remove buttons: the id of the attachment to remove. */
export const REMOVE_FIELD = 'fjern';

export type AnswerStep =
  { kind: 'upload' } | { kind: 'send' } | { kind: 'remove'; attachmentId: string };

/**
 * What a post of the answer form asks for, from the button it was sent with (its `intent`, or a
 * remove button's attachment id); null for none of its buttons. A file chosen is uploaded
 * whichever it is, first.
 */
export function answerStep(intent: string, removeId: string): AnswerStep | null {
  if (removeId !== '') return { kind: 'remove', attachmentId: removeId };
  if (intent === ANSWER_INTENTS.upload) return { kind: 'upload' };
  if (intent === ANSWER_INTENTS.send) return { kind: 'send' };
  return null;
}
