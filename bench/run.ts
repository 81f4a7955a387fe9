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
// The server's V8 settings (server/main.ts): the pages are served in this process.
import '../server/gc-tuning';
import { openPglite } from '../app/db/database.server';
import { bundleBench } from './bundle.bench';
import { benchEnvironment, env, load, log } from './databases';
import { festBench } from './fest.bench';
import { loadBench } from './load.bench';
import { measurePages, pageFigures, serverPageFigures } from './pages.bench';
import { printFigures, type Figure } from './report';

async function main() {
  benchEnvironment();
  const url = process.env.DATABASE_URL;
  const runs = env('BENCH_RUNS', 200);
  const large = env('BENCH_CASES', 1_000_000);
  const loadSeconds = env('BENCH_LOAD_SECONDS', 60);
  const figures: Figure[] = [];

  log('PGlite: loading 10000 generated cases in memory');
  const lite = await openPglite();
  await load(lite, 10_000, 'PGlite');
  const [liteTimings = []] = await measurePages([lite], { runs });
  // The issue's ≤ 2× floor is "at 1,000,000 cases": at 10,000 the ratio is printed, not a target.
  figures.push(...pageFigures('pages, PGlite, 10,000 cases', liteTimings, { floorTarget: false }));
  await lite.close();

  if (!url) {
    printFigures(figures);
    console.log('\nDATABASE_URL is not set: only PGlite was measured. Set it for the full run.');
    process.exit(1);
  }
  const pages = await serverPageFigures(url, runs, large);
  figures.push(...pages.figures);
  log(`\nMixed load: ${loadSeconds} s at 50 users against two app instances on ${large} cases`);
  figures.push(...(await loadBench({ databaseUrl: pages.largeUrl, seconds: loadSeconds })));

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
