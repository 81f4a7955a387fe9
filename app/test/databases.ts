import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { openPglite, openPostgres, type Database, type DatabaseKind } from '../db/database.server';
import { rowsOf } from '../db/rows';
import { seed } from '../db/seed.server';

/**
 * The databases every integration test runs on: in-memory PGlite always, and a throwaway database
 * on the PostgreSQL server in DATABASE_URL when that is set (as in CI).
 */
export const TEST_DATABASES: DatabaseKind[] = process.env.DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** A fresh, migrated (and by default seeded) database; `close()` removes it. */
export async function openTestDatabase(kind: DatabaseKind, withSeed = true): Promise<Database> {
  const database = kind === 'pglite' ? await openPglite() : await createPostgresDatabase();
  await database.migrate();
  if (withSeed) await seed(database.db);
  return database;
}

/** A new empty database on the DATABASE_URL server: its URL and how to drop it. */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  const name = `sp_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      // Wait for the test's own connections to finish closing rather than killing them: a
      // forced drop can hit a client that is still shutting down and crash the test run.
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name}`);
            return;
          } catch (error) {
            const inUse = (error as { code?: string }).code === '55006';
            if (!inUse || attempt >= 50) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}

async function createPostgresDatabase(): Promise<Database> {
  const scratch = await createScratchDatabase();
  const database = openPostgres(scratch.url, 20);
  return {
    ...database,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}

/**
 * Runs `fn` on one connection to `database`: a pool of one on PostgreSQL, so that every named
 * statement `fn` runs is prepared on that connection; PGlite is one connection already.
 */
export async function onOneConnection<T>(
  database: Database,
  fn: (one: Database) => Promise<T>,
): Promise<T> {
  const one = database.kind === 'postgres' ? openPostgres(database.url, 1) : database;
  try {
    return await fn(one);
  } finally {
    if (one !== database) await one.close();
  }
}

const preparedRow = z.object({
  names: z.number(),
  texts: z.number(),
  generic: z.number(),
  custom: z.number(),
});

/**
 * The named statements prepared on `one`'s connection (see `onOneConnection`) whose names are
 * `like` this pattern: how many names and distinct texts, and how many generic and custom plans
 * they were run with. Null on PGlite, which has no named statements.
 */
export async function preparedStatements(
  one: Database,
  like: string,
): Promise<z.output<typeof preparedRow> | null> {
  if (one.kind !== 'postgres') return null;
  const [row] = rowsOf(
    await one.db.execute(
      sql`select count(*)::int as names, count(distinct statement)::int as texts,
            coalesce(sum(generic_plans), 0)::int as generic,
            coalesce(sum(custom_plans), 0)::int as custom
          from pg_prepared_statements where name like ${like}`,
    ),
    preparedRow,
  );
  return row ?? null;
}
