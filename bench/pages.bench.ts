/**
 * Server time of the pages people use most, against the raw SQL floor of the same page.
 *
 * The app runs in this process (server/app.ts, the production build, no background jobs, behind
 * server/main.ts's HTTP classes) on each given database. Each page is requested over loopback with
 * a signed-in user's session, one at a time: p50 and p95 over `runs` requests after a warm-up. With
 * several databases (10,000 and 1,000,000 cases) each page is measured on all of them in turn,
 * request by request. The server time is taken at the server, from the request's arrival to its
 * response's last byte handed to the socket (`finish`); the round trip, as the client in this same
 * process sees it, is reported beside it (it adds the client's own work: building the request and
 * parsing the response). One more request records every SQL statement the page ran (through
 * Drizzle's logger); the floor replays exactly those statements with their parameters on one raw
 * connection in one transaction (rolled back, so logged reads and writes leave nothing), with no
 * app code in between.
 */
// The server's V8 settings (server/main.ts): the app is served in this process.
import '../server/gc-tuning';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { z } from 'zod';
import {
  APP_ROLE_OPTIONS,
  inApp,
  openPostgres,
  type AppReads,
  type Database,
  type Db,
} from '../app/db/database.server';
import { rowsOf } from '../app/db/rows';
import * as schema from '../app/db/schema';
import { createServer } from '../server/app';
import { loadConfig } from '../server/config';
import { expressHttpClasses } from '../server/http-classes';
import { benchDatabase, benchEnvironment, env } from './databases';
import { percentile, printFigures, timed, type Figure } from './report';

interface Statement {
  query: string;
  params: unknown[];
  /** Run on a connection of the app role's pool (`readAsApp` on PostgreSQL), on its own. */
  asApp: boolean;
}

/** The same database, with a Drizzle logger that records statements while `recording` is on. */
function recordingDatabase(database: Database) {
  const recorder = { recording: false, statements: [] as Statement[] };
  const loggerFor = (asApp: boolean) => ({
    logQuery(query: string, params: unknown[]) {
      if (recorder.recording) recorder.statements.push({ query, params, asApp });
    },
  });
  if (database.kind === 'pglite') {
    const db: Db = drizzlePglite(database.client, { schema, logger: loggerFor(false) });
    const readAsApp: AppReads = (fn) => inApp(db, fn);
    return { database: { ...database, db, readAsApp }, recorder, close: () => Promise.resolve() };
  }
  // Both pools of `openPostgres`, the app role's too, so every statement a page runs is recorded.
  const recorded = openPostgres(database.url, 10, loggerFor);
  return { database: recorded, recorder, close: () => recorded.close() };
}

/**
 * Replays statements in one rolled-back transaction on one raw connection; on PostgreSQL, those
 * the app ran on its app role's pool run on their own on a second raw connection that starts as
 * that role, like the app's (no transaction around them when the page ran nothing else).
 */
async function floorRunner(database: Database) {
  if (database.kind === 'pglite') {
    const client = database.client;
    return {
      run: async (statements: Statement[]) => {
        await client.query('begin');
        for (const s of statements) await client.query(s.query, s.params);
        await client.query('rollback');
      },
      close: () => Promise.resolve(),
    };
  }
  const client = new pg.Client({ connectionString: database.url });
  const appClient = new pg.Client({ connectionString: database.url, options: APP_ROLE_OPTIONS });
  await Promise.all([client.connect(), appClient.connect()]);
  return {
    run: async (statements: Statement[]) => {
      const inTransaction = statements.some((s) => !s.asApp);
      if (inTransaction) await client.query('begin');
      for (const s of statements) await (s.asApp ? appClient : client).query(s.query, s.params);
      if (inTransaction) await client.query('rollback');
    },
    close: () => Promise.all([client.end(), appClient.end()]).then(() => undefined),
  };
}

export interface PageTiming {
  name: string;
  /** Server time: arrival of the request to the last byte of its response. */
  p50: number;
  p95: number;
  /** The round trip as the client in this process sees it. */
  roundTripP50: number;
  roundTripP95: number;
  floorP50: number;
  floorP95: number;
  statements: number;
  /** Why the page could not be measured (e.g. it answered 500), if it could not. */
  error?: string;
}

/** The actors and cases the pages are measured with: the busiest trust's people. */
async function subjects(db: Db) {
  const result = await db.execute(sql`
    with busiest as (
      select trust_id from cases group by trust_id order by count(*) desc limit 1),
    director as (
      select r.user_id from role_assignments r join users u on u.id = r.user_id
      where r.trust_id = (select trust_id from busiest) and r.role = 'decisionMaker'
      order by u.email limit 1),
    applicant as (
      select c.applicant_id as user_id from cases c
      where c.trust_id = (select trust_id from busiest)
      group by c.applicant_id order by count(*) desc, c.applicant_id limit 1),
    a_case as (
      select c.id from cases c
      where c.trust_id = (select trust_id from busiest) and c.status = 'decided'
        and exists (select 1 from case_messages m where m.case_id = c.id)
        and exists (select 1 from attachments a where a.case_id = c.id)
      order by c.case_number desc limit 1)
    select (select user_id from director) as director, (select user_id from applicant) as applicant,
      (select id from a_case) as case_id`);
  const [row] = rowsOf(
    result,
    z.object({ director: z.string(), applicant: z.string(), case_id: z.string() }),
  );
  if (!row) throw new Error('No subjects for the page benchmark');
  return row;
}

/** The pages, each as (who, path). */
const PAGES = (caseId: string) =>
  [
    ['my cases (medical director)', 'director', '/'],
    ['my cases (applicant)', 'applicant', '/'],
    ['case page', 'director', `/saker/${caseId}`],
    ['national overview, first page', 'director', '/nasjonalt'],
    [
      'national overview, filtered',
      'director',
      '/nasjonalt?atc=L01&utfall=approved&fra=2022-01-01&til=2024-12-31',
    ],
    ['statistics dashboard', 'director', '/statistikk'],
    ['statistics dashboard, by scheme', 'director', '/statistikk?ordning=offLabel&inndeling=month'],
    ['statistics dashboard, by ATC group', 'director', '/statistikk?atc=L01'],
    ['drug search (API)', 'applicant', '/api/legemidler?q=ritu'],
    ['diagnosis search (API)', 'applicant', '/api/diagnoser?q=membran'],
  ] as const;

/** One database's app, served over loopback, with its floor runner and signed-in users. */
async function openTarget(base: Database) {
  const { database, recorder, close } = recordingDatabase(base);
  const dataDir = mkdtempSync(join(tmpdir(), 'sp-bench-'));
  const config = loadConfig(
    {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      RATE_LIMIT_SEARCH: '100000000',
      RATE_LIMIT_LOGIN: '100000000',
    },
    [],
  );
  const { app, auth } = await createServer(database, config, { jobs: false });
  // Each request's server time by its `x-bench-request` id, taken when the response finishes.
  const served = new Map<string, number>();
  const server = createHttpServer(expressHttpClasses(app), (req, res) => {
    const start = performance.now();
    const id = req.headers['x-bench-request'];
    res.once('finish', () => {
      if (typeof id === 'string') served.set(id, performance.now() - start);
    });
    void app(req, res);
  }).listen(0, '127.0.0.1');
  // The client keeps its connection between pages while the floors are measured: keep it open.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const floor = await floorRunner(base);
  const shut = async () => {
    await floor.close();
    await new Promise((resolve) => server.close(resolve));
    await close();
  };
  try {
    const who = await subjects(base.db);
    const cookies: Record<'director' | 'applicant', string> = {
      director: await sessionCookie(auth.login, who.director),
      applicant: await sessionCookie(auth.login, who.applicant),
    };
    let requests = 0;
    /** A page's request as the page bench makes it, with its server time kept in `times`. */
    const getter = (actor: 'director' | 'applicant', path: string, times: number[]) => async () => {
      const id = String(requests++);
      const response = await fetch(origin + path, {
        headers: { cookie: cookies[actor], 'x-bench-request': id },
      });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`answered ${response.status}`);
      times.push(await servedIn(served, id));
      return body;
    };
    return { pages: PAGES(who.case_id), getter, recorder, replay: floor.run, close: shut };
  } catch (error) {
    await shut();
    throw error;
  }
}

/**
 * The pages on each of `bases`, side by side: each page is measured on every database in the same
 * minutes (a request and a floor replay on one, then on the next, in turn), so that a change in
 * the machine's speed between databases does not pass for a difference between their sizes (the
 * flat-with-size target compares them). One timing list per database, in the order given.
 */
export async function measurePages(
  bases: readonly Database[],
  options: { runs: number },
): Promise<PageTiming[][]> {
  const targets: Awaited<ReturnType<typeof openTarget>>[] = [];
  try {
    for (const base of bases) targets.push(await openTarget(base));
    const timings = targets.map((): PageTiming[] => []);
    // BENCH_PAGES=<text> measures only the pages whose name contains it.
    const only = process.env.BENCH_PAGES ?? '';
    for (const [index, [name]] of PAGES('').entries()) {
      if (!name.includes(only)) continue;
      const sides = targets.map((target) => {
        // The same page on every side; only the case's id in its path differs.
        const page = target.pages[index];
        if (page === undefined) throw new Error(`No page ${name}`);
        const [, actor, path] = page;
        const serverTimes: number[] = [];
        return {
          get: target.getter(actor, path, serverTimes),
          serverTimes,
          recorder: target.recorder,
          replay: target.replay,
        };
      });
      const runs = SEARCHES.has(name) ? options.runs * SEARCH_RUNS : options.runs;
      const measured = await measurePage(name, sides, runs);
      measured.forEach((timing, i) => timings[i]?.push(timing));
    }
    return timings;
  } finally {
    for (const target of targets) await target.close();
  }
}

/** The server time of request `id`; its `finish` may come a turn after the client has the body. */
async function servedIn(served: Map<string, number>, id: string): Promise<number> {
  for (let turn = 0; turn < 100; turn++) {
    const ms = served.get(id);
    if (ms !== undefined) {
      served.delete(id);
      return ms;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`request ${id} never finished at the server`);
}

interface Side {
  get: () => Promise<string>;
  serverTimes: number[];
  recorder: { recording: boolean; statements: Statement[] };
  replay: (statements: Statement[]) => Promise<void>;
}

/** A page that could not be measured, with why (e.g. it answered 500). */
const failed = (name: string, error: unknown): PageTiming => ({
  name,
  p50: Number.NaN,
  p95: Number.NaN,
  roundTripP50: Number.NaN,
  roundTripP95: Number.NaN,
  floorP50: Number.NaN,
  floorP95: Number.NaN,
  statements: 0,
  error: (error instanceof Error ? error.message : String(error)).slice(0, 120),
});

/** One page on every side: warmed up and its statements recorded, then measured in turn. */
async function measurePage(name: string, sides: Side[], runs: number): Promise<PageTiming[]> {
  const warmUp = Math.min(10, runs);
  const errors = sides.map((): unknown => undefined);
  const statements = sides.map((): Statement[] => []);
  for (const [i, side] of sides.entries()) {
    try {
      for (let k = 0; k < warmUp; k++) await side.get();
      side.recorder.statements = [];
      side.recorder.recording = true;
      await side.get();
      side.recorder.recording = false;
      statements[i] = side.recorder.statements;
      if (process.env.BENCH_VERBOSE) await explain(name, side.recorder.statements, side.replay);
      for (let k = 0; k < warmUp; k++) await side.replay(side.recorder.statements);
      side.serverTimes.length = 0;
    } catch (error) {
      side.recorder.recording = false;
      errors[i] = error;
    }
  }
  // The page and its floor in turn, on each side in turn, so that all meet the same moments of
  // the machine: measured one after the other, a burst of noise in either window moved their
  // ratio by up to 2×.
  const roundTrips = sides.map((): number[] => []);
  const floorSamples = sides.map((): number[] => []);
  for (let k = 0; k < runs; k++) {
    for (const [i, side] of sides.entries()) {
      if (errors[i] !== undefined) continue;
      try {
        roundTrips[i]?.push(await timed(side.get));
        floorSamples[i]?.push(await timed(() => side.replay(statements[i] ?? [])));
      } catch (error) {
        errors[i] = error;
      }
    }
  }
  return sides.map((side, i) => {
    if (errors[i] !== undefined) return failed(name, errors[i]);
    const trips = roundTrips[i] ?? [];
    const floors = floorSamples[i] ?? [];
    return {
      name,
      p50: percentile(side.serverTimes, 50),
      p95: percentile(side.serverTimes, 95),
      roundTripP50: percentile(trips, 50),
      roundTripP95: percentile(trips, 95),
      floorP50: percentile(floors, 50),
      floorP95: percentile(floors, 95),
      statements: statements[i]?.length ?? 0,
    };
  });
}

async function sessionCookie(
  login: (userId: string) => Promise<string | null>,
  userId: string,
): Promise<string> {
  const setCookie = await login(userId);
  if (!setCookie) throw new Error(`No session for ${userId}`);
  return setCookie.split(';')[0] ?? '';
}

export function flatness(small: readonly PageTiming[], large: readonly PageTiming[]): Figure[] {
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

const SEARCHES = new Set(['drug search (API)', 'diagnosis search (API)']);

/**
 * A search is measured this many times as often as a page. Its p95 over 100 requests is the
 * fifth slowest of them, and a search takes about a millisecond: a scavenge or a scheduler tick
 * of 1–2 ms lands in about one search in twenty, so that fifth sample was one of them in some runs
 * and not in others, and p95 swung by 2× between runs with nothing changed (the twentieth round:
 * the diagnosis search's 1M ÷ 10k at 1.50, then 0.95–1.30 in three runs alone; at ten times the
 * requests 0.96–1.16). A thousand requests of a millisecond cost a second.
 */
const SEARCH_RUNS = 10;

/**
 * Figures with the targets of issue #7: a page's p95 ≤ 2× its SQL floor and ≤ 50 ms "at 1,000,000
 * cases", so the ratio is a target only where `floorTarget` (the large database; elsewhere it is
 * printed, and the 50 ms still applies); a search's p95 ≤ 10 ms at every size (its ratio is
 * printed; the 2× target is the pages').
 */
export function pageFigures(
  section: string,
  timings: readonly PageTiming[],
  { floorTarget }: { floorTarget: boolean },
): Figure[] {
  return timings.flatMap((t) => {
    const search = SEARCHES.has(t.name);
    const limit = search ? 10 : 50;
    const ratio = !search && floorTarget;
    return [
      {
        section,
        name: `${t.name} p50`,
        value: t.p50,
        unit: 'ms',
        floor: t.floorP50,
      },
      {
        section,
        name: t.error ? `${t.name} p95: ${t.error}` : `${t.name} p95 (${t.statements} SQL)`,
        value: t.p95,
        unit: 'ms',
        floor: t.floorP95,
        target: ratio ? `≤ 2× floor, ≤ ${limit} ms` : `≤ ${limit} ms`,
        ok: t.p95 <= limit && (!ratio || t.p95 <= 2 * t.floorP95),
      },
      {
        section,
        name: `${t.name} round trip p95`,
        value: t.roundTripP95,
        unit: 'ms',
        floor: t.floorP95,
      },
    ];
  });
}

/**
 * The pages on the server's two bench databases (10,000 and `large` cases, loaded on first use),
 * measured side by side so that flat with size compares the same minutes of the machine, with
 * their figures: the ≤ 2× floor is a target at the large size only, as issue 7 states it ("at
 * 1,000,000 cases"); at 10,000 the ratio is printed. Also the large database's URL.
 */
export async function serverPageFigures(url: string, runs: number, large: number) {
  const small = await benchDatabase(url, 'soknadsportal_bench_10k', 10_000);
  const big = await benchDatabase(url, 'soknadsportal_bench_1m', large);
  const [smallTimings = [], bigTimings = []] = await measurePages([small, big], { runs });
  await small.close();
  await big.close();
  if (big.kind !== 'postgres') throw new Error('The large database is PostgreSQL');
  const figures = [
    ...pageFigures('pages, PostgreSQL, 10,000 cases', smallTimings, { floorTarget: false }),
    ...pageFigures(`pages, PostgreSQL, ${large.toLocaleString('en')} cases`, bigTimings, {
      floorTarget: true,
    }),
    ...flatness(smallTimings, bigTimings),
  ];
  return { figures, largeUrl: big.url };
}

/** BENCH_VERBOSE=1: each statement of a page timed alone, slowest first, to find what to fix. */
async function explain(
  name: string,
  statements: Statement[],
  run: (statements: Statement[]) => Promise<void>,
) {
  const slowest: [number, Statement][] = [];
  for (const s of statements) {
    const start = performance.now();
    await run([s]);
    slowest.push([performance.now() - start, s]);
  }
  slowest.sort((a, b) => b[0] - a[0]);
  console.log(`\n${name}: ${statements.length} statements`);
  for (const [ms, s] of slowest.slice(0, 6)) {
    console.log(`  ${ms.toFixed(2).padStart(8)} ms  ${s.query.replace(/\s+/g, ' ').slice(0, 400)}`);
  }
}

/**
 * `npm run bench:pages`: the page figures alone, on the bench's two PostgreSQL databases (loaded
 * on first use, as `npm run bench` loads them), with p95 at the large size against 10,000.
 */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchEnvironment();
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'bench:pages needs DATABASE_URL=postgres://… (a server it may create databases on)',
    );
    process.exit(2);
  }
  const { figures } = await serverPageFigures(
    url,
    env('BENCH_RUNS', 200),
    env('BENCH_CASES', 1_000_000),
  );
  printFigures(figures);
  process.exit(figures.every((f) => f.ok !== false) ? 0 : 1);
}
