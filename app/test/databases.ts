import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database, type DatabaseKind } from '../db/database.server';
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
