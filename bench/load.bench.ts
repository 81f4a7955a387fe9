/**
 * Mixed load at 50 concurrent users from a second process (autocannon), against two app instances
 * on one PostgreSQL, after the background work the database owes has been caught up, then the
 * invariants: løpenummer gap-free, no lost update, every job (e-mail, scheduled slot) run once.
 * Works on any migrated database with trusts, users with role grants and cases (the demo seed, or
 * the generated million). Run: `DATABASE_URL=… npm run bench:load`
 * (LOAD_SECONDS, default 60). See docs/performance.md, "Mixed load and two instances".
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSmtpSink } from '../app/test/smtp-sink';
import type { LoadPlan, LoadResult, RequestKind } from './load-worker';
import { percentile, printFigures, type Figure } from './report';
import {
  catchUpBackground,
  checkInvariants,
  createSessions,
  markStart,
  pickActors,
  ROOT,
  startInstances,
  waitForOutbox,
  type CaughtUp,
  type LoadActor,
} from './two-instances';

const INSTANCES = 2;

/** Virtual users per role: about a sixth write (applicants), a tenth race them (endorsers). */
function virtualUsers(actors: LoadActor[], connections: number): LoadActor[] {
  const of = (role: LoadActor['role']) => actors.filter((a) => a.role === role);
  const [applicants, endorsers, readers] = [of('applicant'), of('endorser'), of('reader')];
  if (applicants.length === 0 || endorsers.length === 0 || readers.length === 0) {
    throw new Error(
      'The database needs applicants whose department has an endorser, and readers (decision ' +
        'makers, assessors, national readers): seed it first (start the app once, or the loader).',
    );
  }
  const writers = Math.max(1, Math.round(connections / 6));
  const racers = Math.max(1, Math.round(connections / 10));
  const pick = (list: LoadActor[], n: number) =>
    Array.from({ length: n }, (_, i) => list[i % list.length]).filter(
      (a): a is LoadActor => a !== undefined,
    );
  return [
    ...pick(applicants, writers),
    ...pick(endorsers, racers),
    ...pick(readers, connections - writers - racers),
  ];
}

export async function loadBench(options: {
  databaseUrl: string;
  seconds: number;
  connections?: number;
}): Promise<Figure[]> {
  const connections = options.connections ?? 50;
  if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    throw new Error(
      'The mixed load needs PostgreSQL (DATABASE_URL=postgres://…): two app instances cannot ' +
        'share an embedded PGlite database.',
    );
  }
  const caughtUp = await catchUpBackground(options.databaseUrl);
  const actors = await pickActors(options.databaseUrl, connections);
  const users = virtualUsers(actors, connections);
  const sessionSecret = randomBytes(32).toString('hex');
  const cookies = await createSessions(
    options.databaseUrl,
    sessionSecret,
    users.map((u) => u.userId),
  );
  const sink = await startSmtpSink();
  const instances = await startInstances(options.databaseUrl, INSTANCES, {
    sessionSecret,
    smtpUrl: sink.url,
  });
  const dir = mkdtempSync(join(tmpdir(), 'sp-load-plan-'));
  try {
    await warmUp(
      instances.map((i) => i.url),
      users.find((u) => u.role === 'reader' && u.caseIds.length > 0) ?? users[0],
      cookies[users.findIndex((u) => u.role === 'reader' && u.caseIds.length > 0)] ?? cookies[0],
    );
    const marks = await markStart(options.databaseUrl);
    const plan: LoadPlan = {
      urls: instances.map((i) => i.url),
      seconds: options.seconds,
      users: users.map((u, i) => ({ ...u, cookie: cookies[i] ?? '' })),
    };
    const planFile = join(dir, 'plan.json');
    const resultFile = join(dir, 'result.json');
    writeFileSync(planFile, JSON.stringify(plan));
    await runWorker(planFile, resultFile);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as LoadResult;
    for (const e of result.errors.slice(0, 5)) {
      console.error(`unexpected ${e.status} on ${e.kind} ${e.path}: ${e.body}`);
    }
    await waitForOutbox(options.databaseUrl, marks, sink, 90_000);
    return [
      ...backlogFigures(caughtUp),
      ...loadFigures(result, connections),
      ...(await checkInvariants(options.databaseUrl, marks, result.acks, sink)),
    ];
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A few sequential reads of each page on each instance first: compiled code, warm caches and pools. */
async function warmUp(urls: string[], user: LoadActor | undefined, cookie: string | undefined) {
  const caseId = user?.caseIds[0];
  const paths = [
    '/',
    ...(caseId ? [`/saker/${caseId}`] : []),
    '/nasjonalt',
    '/nasjonalt?ordning=offLabel&sorter=behandlingstid',
    '/statistikk',
    '/api/legemidler?q=ritux',
    '/api/diagnoser?q=C50',
  ];
  for (const url of urls) {
    for (let round = 0; round < 3; round++) {
      for (const path of paths) {
        const response = await fetch(`${url}${path}`, { headers: { cookie: cookie ?? '' } });
        await response.arrayBuffer();
      }
    }
  }
}

/** The load generator in its own process (node + tsx), so it does not share a CPU loop with us. */
function runWorker(planFile: string, resultFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench/load-worker.ts'), planFile, resultFile],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Load worker exited with ${code}`)),
    );
  });
}

const WRITES: readonly RequestKind[] = [
  'create draft',
  'fill in',
  'autosave',
  'submit',
  'race transition',
];

/** The background work caught up before the load (`catchUpBackground`), printed for the record. */
function backlogFigures(caughtUp: CaughtUp): Figure[] {
  const section = 'before the load: the background work owed as of now';
  return [
    { section, name: 'stage reminders', value: caughtUp.reminders, unit: 'count' },
    { section, name: 'stage escalations', value: caughtUp.escalations, unit: 'count' },
    { section, name: 'follow-ups due', value: caughtUp.followUps, unit: 'count' },
    { section, name: 'their e-mails (dropped)', value: caughtUp.mailed, unit: 'count' },
  ];
}

function loadFigures(result: LoadResult, connections: number): Figure[] {
  const section = `mixed load (autocannon, ${connections} users, ${INSTANCES} instances, PostgreSQL)`;
  const all = Object.values(result.latencies).flat();
  const writes = WRITES.flatMap((k) => result.latencies[k] ?? []);
  const figures: Figure[] = [
    { section, name: 'requests', value: all.length, unit: 'count' },
    { section, name: 'of which writes', value: writes.length, unit: 'count' },
    { section, name: 'throughput', value: all.length / result.elapsedSeconds, unit: 'req/s' },
    { section, name: 'p50 all requests', value: percentile(all, 50), unit: 'ms' },
    { section, name: 'p95 all requests', value: percentile(all, 95), unit: 'ms' },
    { section, name: 'p99 all requests', value: percentile(all, 99), unit: 'ms' },
  ];
  for (const [kind, samples] of Object.entries(result.latencies)) {
    figures.push({
      section,
      name: `p95 ${kind} (${samples.length})`,
      value: percentile(samples, 95),
      unit: 'ms',
    });
  }
  figures.push({
    section,
    name: 'expected 409 (lost races)',
    value: result.expectedConflicts,
    unit: 'count',
  });
  figures.push({
    section,
    name: 'other answers not 2xx/3xx',
    value: result.errors.length,
    unit: 'count',
    target: '0',
    ok: result.errors.length === 0,
  });
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      'bench:load needs DATABASE_URL=postgres://… (a migrated database with data; PGlite cannot ' +
        'be shared by two app instances).',
    );
    process.exit(2);
  }
  const seconds = Number(process.env.LOAD_SECONDS ?? 60);
  const connections = Number(process.env.LOAD_CONNECTIONS ?? 50);
  const figures = await loadBench({ databaseUrl, seconds, connections });
  printFigures(figures);
  process.exit(figures.every((f) => f.ok !== false) ? 0 : 1);
}
