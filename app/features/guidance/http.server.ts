import { data } from 'react-router';
import { CaseError } from '../cases/domain/errors';

/**
 * A refused guidance-admin request as an HTTP answer: 403 without the administrator's role in
 * the current trust, 400 for a form that is no form of ours (its version is not a number).
 */
export function guidanceRefusal(error: unknown): never {
  if (error instanceof CaseError && (error.code === 'forbidden' || error.code === 'invalid')) {
    throw data(null, { status: error.code === 'forbidden' ? 403 : 400 });
  }
  throw error;
}
