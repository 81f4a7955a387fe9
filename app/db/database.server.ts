import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DatabaseKind = 'pglite' | 'postgres';

interface DatabaseHandle {
  db: Db;
  /** Statements as the application role with no trust bound: see `AppReads`. */
  readAsApp: AppReads;
  /** Applies the committed migrations; instances starting together take turns (see `exclusive`). */
  migrate(): Promise<void>;
  /**
   * Runs `fn` while holding the lock named `key` across every process on the database (a
   * PostgreSQL advisory lock on a connection of its own), so two app instances starting at once
   * do their set-up one after the other. PGlite has one process: `fn` simply runs.
   */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The database, with what background jobs (pg-boss) need to reach it: the client or the URL. */
export type PgliteDatabase = DatabaseHandle & { kind: 'pglite'; client: PGlite };
export type PostgresDatabase = DatabaseHandle & { kind: 'postgres'; url: string };
export type Database = PgliteDatabase | PostgresDatabase;

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Embedded PGlite in a folder (or in memory when `dataDir` is undefined). */
export async function openPglite(dataDir?: string): Promise<PgliteDatabase> {
  // Loaded only here: a process on PostgreSQL never carries the embedded database (≈ 40 MB RSS).
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema });
  return {
    kind: 'pglite',
    client,
    db,
    readAsApp: (fn) => inApp(db, fn),
    migrate: () => migratePglite(db, { migrationsFolder }),
    exclusive: (_key, fn) => fn(),
    close: () => client.close(),
  };
}

/**
 * Runs `fn` as the application role with no trust bound, like `inApp`: for non-tenant tables
 * whose statements need no transaction together (the session's read, touch and end; FEST
 * searches). On PostgreSQL each statement commits on its own on a connection that is the
 * application role from its start (one round trip per statement, no begin, set role and commit
 * around it). On PGlite in an `inApp` transaction.
 */
export type AppReads = <T>(fn: (db: Db) => Promise<T>) => Promise<T>;

/** A pool of connections to `url`; `options` are the server settings each connection starts with. */
export function postgresPool(url: string, max: number, options?: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 10_000,
    options,
  });
  // An idle connection dies when the server stops or restarts: without a listener that error
  // would end the process. Log it; the pool opens new connections once the server is back.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  return pool;
}

/**
 * The settings of a connection that is the application role from its start (the same
 * `sp_app` as `inApp`'s `set local role`: the server checks the login role's membership).
 */
export const APP_ROLE_OPTIONS = '-c role=sp_app';

/**
 * A PostgreSQL server. `logger`, if given, makes the Drizzle logger of each of its two pools
 * (`asApp` for the app role's): the page bench records every statement a page runs with it.
 */
export function openPostgres(
  url: string,
  poolSize = 10,
  logger?: (asApp: boolean) => Logger,
): PostgresDatabase {
  const pool = postgresPool(url, poolSize);
  const db = drizzlePg(pool, { schema, logger: logger?.(false) });
  // A smaller second pool for `readAsApp`; its connections open on first use (after migrating).
  const appPool = postgresPool(url, Math.max(2, Math.ceil(poolSize / 2)), APP_ROLE_OPTIONS);
  const appDb: Db = drizzlePg(appPool, { schema, logger: logger?.(true) });
  const exclusive = async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock(hashtext($1))', [key]);
      try {
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock(hashtext($1))', [key]);
      }
    } finally {
      client.release();
    }
  };
  return {
    kind: 'postgres',
    url,
    db,
    readAsApp: (fn) => fn(appDb),
    migrate: () => exclusive('soknadsportal.migrate', () => migratePg(db, { migrationsFolder })),
    exclusive,
    close: () => Promise.all([pool.end(), appPool.end()]).then(() => undefined),
  };
}

/** Who a unit of work acts for; the trust scopes every tenant table through row-level security. */
export interface TenantScope {
  trustId: string;
  userId: string;
}

/**
 * Runs `fn` in one transaction as the non-superuser application role, bound to one trust, so that
 * PostgreSQL's row-level security hides every other trust's rows, on PGlite and PostgreSQL alike.
 * The trust, the user and the role are set in one round trip: `set_config('role', …, true)` is
 * `SET LOCAL ROLE` (the same membership check), evaluated after the two settings.
 */
export function inTenant<T>(
  db: Db,
  scope: TenantScope,
  fn: (tx: Tx) => Promise<T>,
  options: TenantOptions = {},
): Promise<T> {
  return db.transaction(async (tx) => {
    await bindTenant(tx, scope, options);
    return fn(tx);
  });
}

export interface TenantOptions {
  /**
   * Plan every statement of the transaction for its own parameters, prepared ones included
   * (`plan_cache_mode = force_custom_plan`). For reads whose best plan depends on the values (a
   * rare ATC code against a common one) that run as named statements (`executeNamed`, or
   * Drizzle's `.prepare` with a name per text): the name still saves parsing the text again,
   * while a generic plan, which PostgreSQL may choose after five runs, could read far more rows.
   */
  customPlans?: boolean;
}

/**
 * Binds a transaction to one trust as the application role, from here to its end: what `inTenant`
 * does first, or for a transaction that learns its trust on the way.
 */
export async function bindTenant(
  tx: Tx,
  scope: TenantScope,
  options: TenantOptions = {},
): Promise<void> {
  const plans = options.customPlans
    ? sql`, set_config('plan_cache_mode', 'force_custom_plan', true)`
    : sql``;
  await tx.execute(
    sql`select set_config('app.trust_id', ${scope.trustId}, true), set_config('app.user_id', ${scope.userId}, true), set_config('role', 'sp_app', true)${plans}`,
  );
}

const dialect = new PgDialect();

/**
 * Runs a raw statement as a named prepared statement, named by a hash of its text, and returns
 * its result as `tx.execute` would. PostgreSQL then parses and analyses the text once per
 * connection instead of on every run: 0.8 of the statistics statement's 6.2 ms at 1,000,000
 * cases (docs/performance.md, "Sixteenth round"). A name can only ever stand for one text, so a
 * statement whose text varies with its input gets one name per text. Run it in a transaction with
 * `customPlans` unless a generic plan is right for every value. PGlite has no named statements;
 * there it runs as `tx.execute` does.
 */
export function executeNamed(tx: Tx, statement: SQL): Promise<unknown> {
  const query = dialect.sqlToQuery(statement);
  const name = `sp_h_${createHash('sha1').update(query.sql).digest('base64url')}`;
  return tx._.session.prepareQuery(query, undefined, name, false).execute();
}

/** Runs `fn` as the application role with no trust bound: only non-tenant tables are visible. */
export function inApp<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local role sp_app`);
    return fn(tx);
  });
}
