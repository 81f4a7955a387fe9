import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import type { Database } from '../db/database.server';
import { loggableError } from '../lib/loggable-error.server';

/**
 * pg-boss over an embedded PGlite: its `db` option takes anything with `executeSql`. pg-boss sends
 * parameterised single statements (extended protocol: `query`) and, for its schema and
 * maintenance, parameterless scripts of several statements, some with their own BEGIN/COMMIT
 * (simple protocol: `exec`, whose last result is the answer). PGlite runs both exclusively of any
 * open transaction, so jobs and requests never interleave inside one.
 */
function pgliteExecutor(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      if (values.length > 0) return { rows: (await client.query(text, values)).rows };
      try {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      } catch (error) {
        // A failed script with its own BEGIN leaves the one connection in an aborted transaction.
        if (client.isInTransaction()) await client.exec('ROLLBACK');
        throw error;
      }
    },
  };
}

export interface BossOptions {
  /** How often workers look for jobs (pg-boss's default is 2 s). */
  pollingIntervalSeconds?: number;
}

/**
 * Starts pg-boss on the app's database: its own small pool on PostgreSQL (it creates the `pgboss`
 * schema there), the shared client on PGlite. Errors are logged, never thrown into the server.
 */
export async function startBoss(database: Database, options: BossOptions = {}): Promise<PgBoss> {
  const boss =
    database.kind === 'postgres'
      ? new PgBoss({ connectionString: database.url, max: 2, ...options })
      : new PgBoss({ db: pgliteExecutor(database.client), ...options });
  boss.on('error', (error) => {
    console.error('Background jobs (pg-boss):', loggableError(error));
  });
  await boss.start();
  return boss;
}

/**
 * A job's handler whose failure is written to the server log before pg-boss records it: pg-boss
 * keeps a failed job's error only in its own table, where no operator looks. Every `boss.work`
 * goes through this (a failed reminder run, retention run or FEST import must not pass unseen).
 */
export function logFailure<T>(queue: string, handler: () => Promise<T>): () => Promise<T> {
  return async () => {
    try {
      return await handler();
    } catch (error) {
      console.error(`Background job ${queue} failed:`, loggableError(error));
      throw error;
    }
  };
}
