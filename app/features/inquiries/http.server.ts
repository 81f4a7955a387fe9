import { data } from 'react-router';
import type { InquiryFieldErrors, InquiryProblem } from './domain/inquiry';
import { InquiryError, InquiryInputError } from './inquiries.server';
import { notFoundPost } from '../../lib/case-errors.server';

const STATUS: Record<InquiryProblem, number> = {
  forbidden: 403,
  ownTrust: 403,
  alreadyOpen: 409,
  conflict: 409,
  withdrawn: 409,
  notOpen: 409,
};

/**
 * Maps a refused question or answer to the form's data, keeping what was typed: bad text per field
 * (400), a refusal as a problem above the form (403, 409). An inquiry or case the actor may not
 * see is a 404, a form that is not ours a 400.
 */
export function inquiryErrorData<V>(error: unknown, values: V) {
  if (error instanceof InquiryInputError) {
    const fieldErrors: InquiryFieldErrors = error.fieldErrors;
    return data({ problem: null, fieldErrors, values }, { status: 400 });
  }
  if (!(error instanceof InquiryError)) throw error;
  if (error.code === 'notFound') notFoundPost(values);
  if (error.code === 'invalid') throw data(null, { status: 400 });
  const problem: InquiryProblem = error.code;
  const fieldErrors: InquiryFieldErrors = {};
  return data({ problem, fieldErrors, values }, { status: STATUS[problem] });
}

/** A loader's refusal: not found (or not theirs) is a 404, a role that neither asks nor answers 403. */
export function inquiryRefusal(error: unknown): never {
  if (error instanceof InquiryError) {
    throw data(null, { status: error.code === 'forbidden' ? 403 : 404 });
  }
  throw error;
}
