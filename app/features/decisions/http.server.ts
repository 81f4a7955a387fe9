import { data } from 'react-router';
import { CaseError } from '../cases/domain/errors';

/** A refused phrase-admin request as an HTTP answer: 403 without the role, 404 for another trust's phrase. */
export function phraseRefusal(error: unknown): never {
  if (error instanceof CaseError && (error.code === 'notFound' || error.code === 'forbidden')) {
    throw data(null, { status: error.code === 'notFound' ? 404 : 403 });
  }
  throw error;
}
