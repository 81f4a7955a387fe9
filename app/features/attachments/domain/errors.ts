/**
 * Why an upload or a removal was refused; shown to the user as a Norwegian message.
 * `notEditable`: the user may not add to (or remove from) this part of the case now;
 * `notRemovable`: the attachment came with another part of the case (`mayRemove`);
 * `answerChanged`: an answer's attachments are no longer those its form listed (`sendAnswer`).
 */
export const ATTACHMENT_PROBLEMS = [
  'noFile',
  'empty',
  'tooLarge',
  'typeNotAllowed',
  'unreadable',
  'notEditable',
  'notRemovable',
  'answerChanged',
] as const;
export type AttachmentProblem = (typeof ATTACHMENT_PROBLEMS)[number];

/** A use case refused. `notFound`: the case or attachment does not exist for this actor (404). */
export class AttachmentError extends Error {
  constructor(readonly code: AttachmentProblem | 'notFound') {
    super(code);
    this.name = 'AttachmentError';
  }
}

export const ATTACHMENT_NOTICES = ['added', 'removed'] as const;
export type AttachmentNotice = (typeof ATTACHMENT_NOTICES)[number];

/** The query parameters an upload or removal redirects back with. */
const DONE_PARAM = 'vedlegg';
const ERROR_PARAM = 'vedleggfeil';

export const attachmentQuery = (
  outcome: { done: AttachmentNotice } | { error: AttachmentProblem },
) => ('done' in outcome ? `?${DONE_PARAM}=${outcome.done}` : `?${ERROR_PARAM}=${outcome.error}`);

const isIn = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

/** Reads the outcome of the last upload or removal from the page's URL (unknown values are ignored). */
export function attachmentFlags(params: URLSearchParams): {
  done: AttachmentNotice | null;
  error: AttachmentProblem | null;
} {
  const done = params.get(DONE_PARAM);
  const error = params.get(ERROR_PARAM);
  return {
    done: isIn(ATTACHMENT_NOTICES, done) ? done : null,
    error: isIn(ATTACHMENT_PROBLEMS, error) ? error : null,
  };
}
