import type { FieldErrors } from './application';

export type CaseErrorCode =
  | 'notFound'
  | 'conflict'
  | 'forbidden'
  | 'invalidTransition'
  // The event exists in this status, but not for the case's scheme (workflow.ts checkTransition).
  | 'notForScheme'
  | 'invalid';

/** A refusal shown as a message above the form (not tied to one field). */
export type Problem = Exclude<CaseErrorCode, 'notFound' | 'invalid'>;

/** A use case refused: the route maps the code to an HTTP status and a Norwegian message. */
export class CaseError extends Error {
  constructor(
    readonly code: CaseErrorCode,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(code);
    this.name = 'CaseError';
  }
}
