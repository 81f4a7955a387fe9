import { CaseError } from '../features/cases/domain/errors';

/** Resolves to the `code` of the refusal a use case threw (an instance of `errorClass`). */
export async function refusal(
  promise: Promise<unknown>,
  errorClass: new (...args: never[]) => Error & { code: string },
): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof errorClass) return error.code;
    throw error;
  }
  throw new Error('Expected the use case to refuse');
}

/** The `code` and field errors of the `CaseError` a use case threw. */
export async function refusalWithFields(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CaseError) return { code: error.code, fields: error.fieldErrors };
    throw error;
  }
  throw new Error('Expected the use case to refuse');
}

/** The database's own error message (Drizzle wraps it as the cause of "Failed query"). */
export async function databaseError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = error instanceof Error ? error.cause : undefined;
    return cause instanceof Error ? cause.message : String(error);
  }
  throw new Error('Expected the database to refuse');
}

/** The PostgreSQL error code of a refused statement (Drizzle wraps it as the cause), or null. */
export async function sqlState(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    const cause = error instanceof Error ? (error.cause ?? error) : error;
    return (cause as { code?: string }).code ?? 'unknown';
  }
}
