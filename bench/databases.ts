/**
 * The bench's databases: generated data (bench/scale-data.ts) loaded into a PostgreSQL server once
 * and reused while the loader, seed and size are unchanged; migrations added since run on them.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { openPostgres, type Database } from '../app/db/database.server';
import { rowsOf } from '../app/db/rows';
import { DEVELOPMENT_KEYS } from '../app/features/privacy/patient-id-cipher.server';
import { LOADER_VERSION, loadScaleData } from './scale-data';

export const SEED = 7;
/** The data's "now": fixed, so the same seed gives the same data on any day. */
export const NOW = new Date('2026-12-01T12:00:00Z');

export const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};

export const log = (line: string) => console.log(line);

/** A database on the server of `url` with the generated data, loaded unless already there. */
export async function benchDatabase(url: string, name: string, cases: number): Promise<Database> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const wanted = `${LOADER_VERSION}:${SEED}:${cases}`;
  if (exists.rowCount && !process.env.BENCH_RELOAD) {
    const database = openPostgres(target.href);
    if ((await loadedAs(database)) === wanted) {
      await admin.end();
      // Migrations added since the load run on the loaded data, as they would in production.
      await database.migrate();
      log(`${name}: reusing the loaded data (${cases} cases; BENCH_RELOAD=1 loads again)`);
      return database;
    }
    await database.close();
  }
  await admin.query(`drop database if exists "${name}"`);
  await admin.query(`create database "${name}"`);
  await admin.end();
  const database = openPostgres(target.href);
  await load(database, cases, name);
  await database.db.execute(sql`create table bench_meta (loaded_as text not null)`);
  await database.db.execute(sql`insert into bench_meta values (${wanted})`);
  return database;
}

export async function load(database: Database, cases: number, name: string) {
  await database.migrate();
  log(`${name}: loading ${cases} generated cases`);
  const start = performance.now();
  const counts = await loadScaleData(database.db, { cases, seed: SEED, now: NOW }, log);
  log(
    `${name}: loaded in ${((performance.now() - start) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`,
  );
}

/** What the database says it was loaded as, or null (not a bench database). */
async function loadedAs(database: Database): Promise<string | null> {
  try {
    const result = await database.db.execute(sql`select loaded_as from bench_meta`);
    const [row] = rowsOf(result, z.object({ loaded_as: z.string() }));
    return row?.loaded_as ?? null;
  } catch {
    return null;
  }
}

/**
 * Checks the run's environment: React picks its development build (several times slower to render)
 * from NODE_ENV at import, and the generated data is synthetic: without a key ring of its own it is
 * sealed with the development ring (the one the app uses outside production), so every run can
 * read it.
 */
export function benchEnvironment() {
  if (process.env.NODE_ENV !== 'production') {
    throw new Error('Run the benchmarks with NODE_ENV=production (the npm scripts do).');
  }
  process.env.PATIENT_ID_KEYS ??= DEVELOPMENT_KEYS;
}
