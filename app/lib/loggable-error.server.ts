import { DrizzleQueryError } from 'drizzle-orm';

/** A PostgreSQL error code (SQLSTATE): five digits or capitals, on PostgreSQL's and PGlite's errors. */
const SQLSTATE = /^[0-9A-Z]{5}$/;

interface DatabaseErrorFields {
  code: string;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
}

function isDatabaseError(error: Error): error is Error & DatabaseErrorFields {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && SQLSTATE.test(code);
}

/** The stack's frames without its first line(s), which repeat the message. */
function framesOf(error: Error): string {
  const header = `${error.name}: ${error.message}`;
  const stack = error.stack ?? '';
  return stack.startsWith(header) ? stack.slice(header.length) : '';
}

/**
 * An unexpected error as the server log may hold it. A failed statement's parameters (Drizzle
 * writes them into its message) and PostgreSQL's own message and detail can quote what was stored
 * or typed: a patient's answers, a message in the dialog. Health data stays out of the log (BRIEF
 * §7), so of a database error only the statement's text (its values are parameters), the SQLSTATE,
 * the names of the table, column and constraint, and the stack are kept. Other errors keep their
 * message and stack: they are written by the code, not from the data. Each wrapped error (`cause`)
 * follows on its own line.
 */
export function loggableError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (!(current instanceof Error)) {
      parts.push(`thrown ${typeof current}`);
      break;
    }
    if (current instanceof DrizzleQueryError) {
      parts.push(`DrizzleQueryError: failed query: ${current.query}${framesOf(current)}`);
    } else if (isDatabaseError(current)) {
      const failed = current;
      const names = (['table', 'column', 'constraint'] as const).flatMap((key) => {
        const value = failed[key];
        return typeof value === 'string' && value ? [`${key} ${value}`] : [];
      });
      const where = names.length ? ` (${names.join(', ')})` : '';
      parts.push(`${failed.name}: SQLSTATE ${failed.code}${where}${framesOf(failed)}`);
    } else {
      parts.push(current.stack ?? `${current.name}: ${current.message}`);
    }
    current = current.cause;
    if (current !== undefined && current !== null) parts.push('caused by:');
  }
  return parts.join('\n');
}
