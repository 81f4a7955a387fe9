import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/database.server';
import { cases } from '../db/schema';
import { handleError } from '../entry.server';
import { TEST_DATABASES, openTestDatabase } from '../test/databases';
import { loggableError } from './loggable-error.server';

const TYPED = 'Pasienten har metastatisk brystkreft';

/** What a failed statement throws on each database, as the server would log it. */
describe.each(TEST_DATABASES)('an unexpected database error in the log on %s', (kind) => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase(kind, false);
  }, 60_000);
  afterAll(async () => {
    await database.close();
  });

  it('keeps the statement, the SQLSTATE and the stack, not the values', async () => {
    // PostgreSQL quotes a value it cannot read, and Drizzle writes the parameters into its message.
    const error: unknown = await database.db
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.id, TYPED))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(String(error instanceof Error ? error.message : error)).toContain(TYPED);
    if (error instanceof Error && error.cause instanceof Error) {
      expect(error.cause.message).toContain(TYPED);
    }

    const logged = loggableError(error);
    expect(logged).not.toContain(TYPED);
    expect(logged).toContain('failed query: select "id" from "cases" where "cases"."id" = $1');
    expect(logged).toContain('SQLSTATE 22P02');
    expect(logged).toMatch(/\n\s+at /);

    // A loader's error as React Router hands it to the entry's handleError: the method and path,
    // not the query string (a search for the same words).
    const logs = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const request = new Request('http://localhost/saker/1234?sok=brystkreft');
      handleError(error, { request, params: {}, context: {} });
      expect(logs).toHaveBeenCalledOnce();
      const line = logs.mock.calls[0]?.join(' ') ?? '';
      expect(line.startsWith('GET /saker/1234: ')).toBe(true);
      expect(line).toContain('SQLSTATE 22P02');
      expect(line).not.toContain('brystkreft');
    } finally {
      logs.mockRestore();
    }
  });
});

describe('an error from the code in the log', () => {
  it('keeps its message and stack, and its cause', () => {
    const error = new TypeError('Cannot read properties of undefined (reading "status")', {
      cause: new Error('Case number counter missing'),
    });
    const logged = loggableError(error);
    expect(logged).toContain('TypeError: Cannot read properties of undefined (reading "status")');
    expect(logged).toContain('caused by:\nError: Case number counter missing');
    expect(loggableError('a string')).toBe('thrown string');
  });
});
