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

/**
 * The answer form's hidden field: the ids of the attachments it listed as the answer's, separated
 * by spaces (one field, however many files: the multipart reader takes a few parts only).
 */
export const SHOWN_FILES_FIELD = 'svarvedlegg';

/** The attachment ids an answer form listed (`SHOWN_FILES_FIELD`), as it sent them. */
export function shownFiles(value: string): string[] {
  return value.split(/\s+/).filter((id) => id !== '');
}

/**
 * Whether the files added to the answer now (`stored`) are those its sender's form listed
 * (`shown`), in any order: the answer's compare-and-set on its files (attachments.server.ts
 * `sendAnswer`). A file a co-author added or removed meanwhile must not go with (or be missing
 * from) an answer its sender never saw.
 */
export function sameFiles(shown: readonly string[], stored: readonly string[]): boolean {
  const listed = new Set(shown);
  return listed.size === stored.length && stored.every((id) => listed.has(id));
}
