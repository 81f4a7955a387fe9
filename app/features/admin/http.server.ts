import { data } from 'react-router';
import { CaseError } from '../cases/domain/errors';

/** A refused administration request as an HTTP answer: 403 without the role, 404 for what is not the trust's. */
export function adminRefusal(error: unknown): never {
  if (error instanceof CaseError && (error.code === 'notFound' || error.code === 'forbidden')) {
    throw data(null, { status: error.code === 'notFound' ? 404 : 403 });
  }
  throw error;
}
