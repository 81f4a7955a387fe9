/** Node socket errors that mean the database server cannot be reached. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
/** PostgreSQL SQLSTATEs of an unavailable server: class 08 (connection) and 57P01–57P03 (shutdown). */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123])$/;
/** node-postgres' own messages for a connection that died or cannot be used. */
const CONNECTION_MESSAGE =
  /Connection terminated|connection error and is not queryable|Client was closed|timeout exceeded when trying to connect/i;

/**
 * Whether an error (or one it wraps: Drizzle puts the driver's error in `cause`) means the
 * database is unreachable, as opposed to a bug or a bad query. Such errors become a 503.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)))
    return true;
  if (CONNECTION_MESSAGE.test(error.message)) return true;
  if (
    error instanceof AggregateError &&
    error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))
  )
    return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}
