/**
 * `npm run bench`: every figure of issue #7 in one run, each with its floor and target.
 *
 *   DATABASE_URL=postgres://… npm run bench
 *
 * 1. Loads generated data (bench/scale-data.ts) into two databases on that server,
 *    soknadsportal_bench_10k and soknadsportal_bench_1m, and 10,000 cases into an in-memory
 *    PGlite. The server's databases are kept between runs and reused while the loader, seed and
 *    size are unchanged (BENCH_RELOAD=1 loads again); migrations added since run on them first.
 * 2. Pages: p50/p95 server time against the SQL floor of the same page (bench/pages.bench.ts), on
 *    all three, and p95 at 1,000,000 against p95 at 10,000 (flat with size).
 * 3. Mixed load at 50 users against two app instances, with the invariants (bench/load.bench.ts).
 * 4. FEST import of a full-size file against a bare streaming parse (bench/fest.bench.ts).
 * 5. Initial JavaScript per route, gzipped (bench/bundle.bench.ts).
 *
 * BENCH_CASES (default 1000000) sizes the large database; BENCH_RUNS (default 200) the samples per
 * page; BENCH_LOAD_SECONDS (default 60) the mixed load. Exits 1 when a target is missed.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { openPglite, openPostgres, type Database } from '../app/db/database.server';
import { rowsOf } from '../app/db/rows';
import { DEVELOPMENT_KEYS } from '../app/features/privacy/patient-id-cipher.server';
import { bundleBench } from './bundle.bench';
import { festBench } from './fest.bench';
import { loadBench } from './load.bench';
import { measurePages, pageFigures, type PageTiming } from './pages.bench';
import { printFigures, type Figure } from './report';
import { LOADER_VERSION, loadScaleData } from './scale-data';

const SEED = 7;
/** The data's "now": fixed, so the same seed gives the same data on any day. */
const NOW = new Date('2026-12-01T12:00:00Z');

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};

const log = (line: string) => console.log(line);

/** A database on the server of `url` with the generated data, loaded unless already there. */
async function benchDatabase(url: string, name: string, cases: number): Promise<Database> {
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

async function load(database: Database, cases: number, name: string) {
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

function flatness(small: readonly PageTiming[], large: readonly PageTiming[]): Figure[] {
  return large.flatMap((l) => {
    const s = small.find((x) => x.name === l.name);
    if (!s) return [];
    return [
      {
        section: 'flat with size: PostgreSQL p95 at 1,000,000 against p95 at 10,000',
        name: l.name,
        value: l.p95,
        unit: 'ms' as const,
        floor: s.p95,
        target: '≤ 1.5× the 10,000 p95',
        ok: l.p95 <= 1.5 * s.p95,
      },
    ];
  });
}

async function main() {
  if (process.env.NODE_ENV !== 'production') {
    // React picks its development build (several times slower to render) from NODE_ENV at import.
    throw new Error('Run the benchmarks with NODE_ENV=production (npm run bench does).');
  }
  // The generated data is synthetic: without a key ring of its own it is sealed with the
  // development ring (the one the app uses outside production), so every run can read it.
  process.env.PATIENT_ID_KEYS ??= DEVELOPMENT_KEYS;
  const url = process.env.DATABASE_URL;
  const runs = env('BENCH_RUNS', 200);
  const large = env('BENCH_CASES', 1_000_000);
  const loadSeconds = env('BENCH_LOAD_SECONDS', 60);
  const figures: Figure[] = [];

  log('PGlite: loading 10000 generated cases in memory');
  const lite = await openPglite();
  await load(lite, 10_000, 'PGlite');
  const liteTimings = await measurePages(lite, { runs });
  figures.push(...pageFigures('pages, PGlite, 10,000 cases', liteTimings));
  await lite.close();

  if (!url) {
    printFigures(figures);
    console.log('\nDATABASE_URL is not set: only PGlite was measured. Set it for the full run.');
    process.exit(1);
  }
  const small = await benchDatabase(url, 'soknadsportal_bench_10k', 10_000);
  const smallTimings = await measurePages(small, { runs });
  await small.close();
  figures.push(...pageFigures('pages, PostgreSQL, 10,000 cases', smallTimings));

  const big = await benchDatabase(url, 'soknadsportal_bench_1m', large);
  const bigTimings = await measurePages(big, { runs });
  await big.close();
  if (big.kind !== 'postgres') throw new Error('The large database is PostgreSQL');
  figures.push(
    ...pageFigures(`pages, PostgreSQL, ${large.toLocaleString('en')} cases`, bigTimings),
  );
  figures.push(...flatness(smallTimings, bigTimings));
  log(`\nMixed load: ${loadSeconds} s at 50 users against two app instances on ${large} cases`);
  figures.push(...(await loadBench({ databaseUrl: big.url, seconds: loadSeconds })));

  log('\nFEST: a full-size file, imported against a bare streaming parse');
  figures.push(...(await festBench()));

  figures.push(...(await bundleBench()));

  printFigures(figures);
  const missed = figures.filter((f) => f.ok === false);
  console.log(
    missed.length === 0
      ? '\nEvery target holds.'
      : `\n${missed.length} target(s) missed: ${missed.map((f) => f.name).join('; ')}`,
  );
  process.exit(missed.length === 0 ? 0 : 1);
}

await main();
