import { data } from 'react-router';
import type { FieldErrors } from '../features/cases/domain/application';
import { CaseError, type CaseErrorCode, type Problem } from '../features/cases/domain/errors';
import { typedIn, type NotFoundPost } from '../features/auth/domain/logged-out-post';

/** The HTTP status for each refusal. */
export const CASE_ERROR_STATUS: Record<CaseErrorCode, number> = {
  notFound: 404,
  conflict: 409,
  invalidTransition: 409,
  notForScheme: 409,
  alreadyDelegated: 409,
  notDelegated: 409,
  consultationClosed: 409,
  coAuthorWrote: 409,
  anonymised: 409,
  forbidden: 403,
  ownCase: 403,
  patientIdentityHidden: 403,
  invalid: 400,
};

/**
 * The 404 answer to a form post: the free texts typed in it go with it (`NotFoundPost`), and the
 * error page shows them to copy; nothing typed is lost because the case closed meanwhile.
 */
export function notFoundPost(values: unknown): never {
  const typed = typedIn(values);
  const echo: NotFoundPost | null = typed.length > 0 ? { notFoundPost: true, typed } : null;
  throw data(echo, { status: 404 });
}

/**
 * Maps a refused use case to an HTTP answer that keeps what the user typed (`values`):
 * 404 is thrown to the error boundary, everything else comes back to the form as action data.
 */
export function caseErrorData<V>(error: unknown, values: V) {
  if (!(error instanceof CaseError)) throw error;
  if (error.code === 'notFound') notFoundPost(values);
  const problem: Problem | null = error.code === 'invalid' ? null : error.code;
  const fieldErrors: FieldErrors = error.fieldErrors;
  return data({ problem, fieldErrors, values }, { status: CASE_ERROR_STATUS[error.code] });
}

/**
 * Runs a loader's use case; a case the user may not see is a 404, a page of it their role may
 * not open (the assessment, for the applicant) a 403. An action passes the form's `values`: its
 * 404 carries what was typed (`notFoundPost`).
 */
export async function loadCase<T>(fn: () => Promise<T>, values?: unknown): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof CaseError && error.code === 'notFound') notFoundPost(values);
    if (error instanceof CaseError && CASE_ERROR_STATUS[error.code] === 403) {
      // The error page explains the refusal (`problem`, the message catalogue's problems).
      throw data({ problem: error.code }, { status: 403 });
    }
    throw error;
  }
}
