import type { FieldErrors } from './application';

/**
 * `ownCase`: a judging action (endorse, assess, decide) on a case the actor wrote (conflict of
 * interest, `caseRoles`). `patientIdentityHidden`: a consulted trust asked for the patient's
 * identity (the full id, the export, the letter), which only the treating trust sees.
 * `notForScheme`: the event exists in this status, but not for the case's scheme (workflow.ts
 * checkTransition). `alreadyDelegated`: the endorsement is delegated already (at most one active
 * delegation per case); `notDelegated`: there is no delegation to take back (ADR 0024).
 * `consultationClosed`: the consultation being answered is no longer open to the actor's trust
 * (someone there answered it first, or it was revoked or ended). `coAuthorWrote`: the co-author
 * to be taken off has written in the application (answers or attachments), so stays its author.
 * `anonymised`: the case's patient data was anonymised after the retention period; no new free
 * text is added to it (features/retention).
 */
export type CaseErrorCode =
  | 'notFound'
  | 'conflict'
  | 'forbidden'
  | 'ownCase'
  | 'patientIdentityHidden'
  | 'invalidTransition'
  | 'notForScheme'
  | 'alreadyDelegated'
  | 'notDelegated'
  | 'consultationClosed'
  | 'coAuthorWrote'
  | 'anonymised'
  | 'invalid';

/** A refusal shown as a message above the form (not tied to one field). */
export type Problem = Exclude<CaseErrorCode, 'notFound' | 'invalid'>;

const PROBLEMS: readonly Problem[] = [
  'conflict',
  'forbidden',
  'ownCase',
  'patientIdentityHidden',
  'invalidTransition',
  'notForScheme',
  'alreadyDelegated',
  'notDelegated',
  'consultationClosed',
  'coAuthorWrote',
  'anonymised',
];

/** Whether a value (an error response's data) names a refusal the message catalogue explains. */
export function isProblem(value: unknown): value is Problem {
  return PROBLEMS.some((p) => p === value);
}

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
