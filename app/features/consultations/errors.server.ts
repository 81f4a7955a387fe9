import { data } from 'react-router';
import { CASE_ERROR_STATUS, notFoundPost } from '../../lib/case-errors.server';
import { CaseError, type Problem } from '../cases/domain/errors';
import type { ConsultationFieldErrors } from './domain/consultation';
import { ConsultationInputError } from './consultations.server';

/**
 * Maps a refused consultation action to the form's data, keeping what was typed: bad input per
 * field (400), a refusal as a problem above the form; a case the user may not see is a 404.
 */
export function consultationErrorData<V>(error: unknown, values: V) {
  if (error instanceof ConsultationInputError) {
    const fieldErrors: ConsultationFieldErrors = error.fieldErrors;
    return data({ problem: null, fieldErrors, values }, { status: 400 });
  }
  if (!(error instanceof CaseError)) throw error;
  if (error.code === 'notFound') notFoundPost(values);
  const problem: Problem | null = error.code === 'invalid' ? null : error.code;
  const fieldErrors: ConsultationFieldErrors = {};
  return data({ problem, fieldErrors, values }, { status: CASE_ERROR_STATUS[error.code] });
}
