/**
 * Two app instances against one PostgreSQL, shared by the mixed-load bench (bench/load.bench.ts)
 * and its CI check (e2e/two-instances.e2e.test.ts): start the built server twice, an SMTP sink
 * both send through, sessions made the way the app makes them, the actors of any migrated
 * database picked by role, and the invariants checked after the load.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedMail } from 'mailparser';
import pg from 'pg';
import { openPostgres } from '../app/db/database.server';
import { createAuth } from '../app/features/auth/auth.server';
import { composeMail, deliverOutbox } from '../app/features/notifications/outbox.server';
import { DEVELOPMENT_KEYS } from '../app/features/privacy/patient-id-cipher.server';
import { runCaseClocks } from '../app/jobs/case-clocks.server';
import type { SmtpSink } from '../app/test/smtp-sink';
import type { Figure } from './report';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The address in e-mail links: the same for both instances, like one public name behind a balancer. */
const PUBLIC_URL = 'http://127.0.0.1:1';

export interface Instance {
  url: string;
  stop(): Promise<void>;
}

const mailKey = (to: string, subject: string, text: string) => `${to}\n${subject}\n${text.trim()}`;

/** A received mail's `to`, subject and text, joined as `mailKey` joins what `composeMail` produced. */
function receivedKey(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return mailKey(to.map((a) => a.text).join(', '), mail.subject ?? '', mail.text ?? '');
}

/**
 * Starts the built server (`npm run build` first) `count` times on free ports against one
 * database, in production mode: HelseID is configured with an issuer that is never contacted
 * (discovery is lazy and sessions are made directly), mail goes to the SMTP sink, the patient-id
 * key ring is PATIENT_ID_KEYS or the development ring the demo data was written with. Demo seeding
 * is off. Every instance runs the pg-boss workers.
 */
export async function startInstances(
  databaseUrl: string,
  count: number,
  settings: { sessionSecret: string; smtpUrl: string },
): Promise<Instance[]> {
  if (!existsSync(join(ROOT, 'build/server/index.js'))) {
    throw new Error('No build: run `npm run build` first (the instances serve build/).');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sp-load-'));
  const clientKey = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
  ]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    SESSION_SECRET: settings.sessionSecret,
    SMTP_URL: settings.smtpUrl,
    PUBLIC_URL,
    PATIENT_ID_KEYS: process.env.PATIENT_ID_KEYS ?? DEVELOPMENT_KEYS,
    OIDC_ISSUER: 'https://helseid.invalid',
    OIDC_CLIENT_ID: 'soknadsportal-load',
    OIDC_CLIENT_KEY: JSON.stringify(await crypto.subtle.exportKey('jwk', clientKey.privateKey)),
    OIDC_PID_SECRET: randomBytes(32).toString('hex'),
    // 50 users behind one test address: the per-address search limit would refuse most searches.
    RATE_LIMIT_SEARCH: '1000000',
  };
  const started = await Promise.all(Array.from({ length: count }, () => launch(env)));
  return started.map((instance, i) => ({
    url: instance.url,
    stop: async () => {
      await instance.stop();
      if (i === count - 1) rmSync(dataDir, { recursive: true, force: true });
    },
  }));
}

async function launch(env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Instance did not start:\n${output}`)),
      120_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, '').replace('//localhost:', '//127.0.0.1:'));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Instance exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface LoadActor {
  userId: string;
  trustId: string;
  /** The applicant's department; the departments an endorser covers (null: the whole trust). */
  departmentId: string | null;
  role: 'applicant' | 'endorser' | 'reader';
  /** Cases this actor may open (for case-page reads). */
  caseIds: string[];
}

/**
 * Actors of any migrated database, by role, each holding roles in one trust only (a session of a
 * user with several trusts opens on the chooser, ADR 0026): applicants whose department has an
 * endorser, those endorsers, and readers (decision makers, assessors, national readers,
 * administrators) with cases to open.
 */
export async function pickActors(databaseUrl: string, perRole: number): Promise<LoadActor[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: applicants } = await client.query<{
      user_id: string;
      trust_id: string;
      department_id: string;
      endorser_id: string;
    }>(
      `with home as (select user_id, min(trust_id::text)::uuid as trust_id from role_assignments group by user_id
                     having count(distinct trust_id) = 1),
       applicant as (
         select distinct on (r.user_id) r.user_id, r.trust_id,
           coalesce(r.department_id, (select d.id from departments d where d.trust_id = r.trust_id order by d.name limit 1)) as department_id
         from role_assignments r join home h on h.user_id = r.user_id and h.trust_id = r.trust_id
         where r.role = 'applicant')
       select a.user_id, a.trust_id, a.department_id, e.user_id as endorser_id
       from applicant a
       join lateral (
         select r.user_id from role_assignments r join home h on h.user_id = r.user_id and h.trust_id = r.trust_id
         where r.role = 'endorser' and r.trust_id = a.trust_id
           and (r.department_id is null or r.department_id = a.department_id)
         order by r.user_id limit 1) e on true
       order by a.trust_id, a.user_id limit $1`,
      [perRole],
    );
    const actors: LoadActor[] = [];
    const casesOf = async (sql: string, params: unknown[]) =>
      (await client.query<{ id: string }>(sql, params)).rows.map((r) => r.id);
    for (const a of applicants) {
      actors.push({
        userId: a.user_id,
        trustId: a.trust_id,
        departmentId: a.department_id,
        role: 'applicant',
        caseIds: await casesOf(
          `select id from cases where applicant_id = $1 and trust_id = $2 limit 20`,
          [a.user_id, a.trust_id],
        ),
      });
    }
    for (const endorserId of new Set(applicants.map((a) => a.endorser_id))) {
      const { rows } = await client.query<{ trust_id: string; department_id: string | null }>(
        `select r.trust_id, r.department_id from role_assignments r
         where r.user_id = $1 and r.role = 'endorser'
           and r.trust_id = (select min(trust_id::text)::uuid from role_assignments where user_id = $1)`,
        [endorserId],
      );
      const grant = rows[0];
      if (!grant) continue;
      actors.push({
        userId: endorserId,
        trustId: grant.trust_id,
        departmentId: grant.department_id,
        role: 'endorser',
        caseIds: await casesOf(
          `select id from cases where trust_id = $1 and status <> 'draft'
             and ($2::uuid is null or department_id = $2) limit 20`,
          [grant.trust_id, grant.department_id],
        ),
      });
    }
    const { rows: readers } = await client.query<{
      user_id: string;
      trust_id: string;
      role: string;
    }>(
      `select distinct on (r.user_id) r.user_id, r.trust_id, r.role from role_assignments r
       where r.role in ('decisionMaker', 'assessor', 'nationalReader', 'trustAdmin')
         and r.trust_id = (select min(trust_id::text)::uuid from role_assignments x where x.user_id = r.user_id)
         and (select count(distinct trust_id) from role_assignments x where x.user_id = r.user_id) = 1
       order by r.user_id, r.role limit $1`,
      [perRole],
    );
    for (const r of readers) {
      const works = r.role === 'decisionMaker' || r.role === 'assessor';
      actors.push({
        userId: r.user_id,
        trustId: r.trust_id,
        departmentId: null,
        role: 'reader',
        caseIds: works
          ? await casesOf(
              `select id from cases where trust_id = $1 and status <> 'draft' limit 20`,
              [r.trust_id],
            )
          : [],
      });
    }
    return actors;
  } finally {
    await client.end();
  }
}

/** One session per virtual user, made by the app's own `login`; returns the `Cookie` header values. */
export async function createSessions(
  databaseUrl: string,
  sessionSecret: string,
  userIds: readonly string[],
): Promise<string[]> {
  const database = openPostgres(databaseUrl, 2);
  try {
    const auth = createAuth(database.db, { secrets: [sessionSecret], secure: false });
    const cookies: string[] = [];
    for (const userId of userIds) {
      const setCookie = await auth.login(userId);
      if (!setCookie) throw new Error(`No session for user ${userId} (no role grant)`);
      cookies.push(setCookie.split(';')[0] ?? '');
    }
    return cookies;
  } finally {
    await database.close();
  }
}

/** What the background work owed as of now was, before the load. */
export interface CaughtUp {
  reminders: number;
  escalations: number;
  followUps: number;
  mailed: number;
}

/**
 * The background work the database owes as of now, done before the load with the app's own use
 * cases: the cases were generated against a fixed "now", so the first clock run on a later day
 * finds thousands of stages overdue at once (5,295 reminders and 452 follow-ups in one run at a
 * million cases), and their e-mails take minutes to send (1,000 per outbox run). The load measures
 * the steady state; those e-mails go to a mailer that drops them.
 */
export async function catchUpBackground(databaseUrl: string): Promise<CaughtUp> {
  const database = openPostgres(databaseUrl, 2);
  try {
    const clocks = await runCaseClocks(database.db, new Date());
    const dropped = { send: () => Promise.resolve() };
    let mailed = 0;
    for (;;) {
      const { sent } = await deliverOutbox(database.db, dropped, 'http://bench.invalid');
      if (sent === 0) break;
      mailed += sent;
    }
    return { ...clocks, mailed };
  } finally {
    await database.close();
  }
}

/** What the load tool saw acknowledged for one case it created. */
export interface CaseAcks {
  /** The version the complete fill-in returned. */
  fillVersion: number;
  /** Acknowledged autosaves of `evidence` (applied), in order: each carried a unique value. */
  autosaves: { value: string; version: number }[];
  submitted: boolean;
  /** Acknowledged (302) racing transitions, and refused (409) ones. */
  won: string[];
  lost: string[];
  /** Writes sent without an answer before the load stopped (they may or may not have committed). */
  unknown: number;
}

export interface Marks {
  /** `now()` on the database before the load. */
  startedAt: string;
  /** The highest notification id before the load. */
  lastNotificationId: number;
}

/** Where the database stands before the load: for the invariants to look only at what came after. */
export async function markStart(databaseUrl: string): Promise<Marks> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ now: string; last: string | null }>(
      `select now()::text as now, (select max(id)::text from notifications) as last`,
    );
    return { startedAt: rows[0]?.now ?? '', lastNotificationId: Number(rows[0]?.last ?? 0) };
  } finally {
    await client.end();
  }
}

/**
 * Waits until the e-mail outbox holds nothing from the load and the sink has stopped receiving
 * (the kick after each POST sends at once; the per-minute job catches the rest), at most `ms`.
 */
export async function waitForOutbox(
  databaseUrl: string,
  marks: Marks,
  sink: SmtpSink,
  ms: number,
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const until = Date.now() + ms;
    let stable = 0;
    let last = -1;
    while (Date.now() < until) {
      const { rows } = await client.query<{ pending: string; sent: string }>(
        `select count(*) filter (where emailed_at is null and id > $1)::text as pending,
                count(*) filter (where emailed_at >= $2::timestamptz)::text as sent
         from notifications`,
        [marks.lastNotificationId, marks.startedAt],
      );
      const pending = Number(rows[0]?.pending ?? 0);
      const sent = Number(rows[0]?.sent ?? 0);
      stable = pending === 0 && sent === sink.received.length && last === sent ? stable + 1 : 0;
      last = sent;
      if (stable >= 3) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}

const SECTION = 'two instances, one PostgreSQL: invariants';

const check = (name: string, violations: number): Figure => ({
  section: SECTION,
  name,
  value: violations,
  unit: 'count',
  target: '0 violations',
  ok: violations === 0,
});

const info = (name: string, value: number): Figure => ({
  section: SECTION,
  name,
  value,
  unit: 'count',
});

/**
 * The invariants after the load: løpenummer gap-free per trust and year (and equal to the
 * counter), no lost update on the cases the load wrote, every notification e-mailed exactly once,
 * and each scheduled job slot run once although both instances run workers.
 */
export async function checkInvariants(
  databaseUrl: string,
  marks: Marks,
  acks: Record<string, CaseAcks>,
  sink: SmtpSink,
): Promise<Figure[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const figures: Figure[] = [];
    // (a) Løpenummer: per trust and year the numbers are exactly 1..n, n is the counter's value.
    const { rows: numbers } = await client.query<{ violations: string; series: string }>(
      `with used as (
         select c.trust_id, split_part(c.case_number, '-', 2)::int as year,
                split_part(c.case_number, '-', 3)::int as n
         from cases c where c.case_number is not null),
       series as (
         select trust_id, year, count(*) as used, count(distinct n) as distinct_n, min(n) as lo, max(n) as hi
         from used group by trust_id, year)
       select count(*) filter (where s.used <> s.distinct_n or s.lo <> 1 or s.hi <> s.used
                                  or coalesce(k.last_value, -1) <> s.hi)::text as violations,
              count(*)::text as series
       from series s left join case_number_counters k on k.trust_id = s.trust_id and k.year = s.year`,
    );
    figures.push(info('løpenummer series (trust × year)', Number(numbers[0]?.series ?? 0)));
    figures.push(
      check('løpenummer: gaps, duplicates, counter ≠ max', Number(numbers[0]?.violations ?? 0)),
    );

    // (b) No lost update, from what the load tool saw acknowledged.
    const ids = Object.keys(acks);
    const { rows: stored } = await client.query<{
      id: string;
      version: number;
      evidence: string | null;
      case_number: string | null;
      evidence_changes: string;
      events: Record<string, number> | null;
    }>(
      `select c.id, c.version, c.answers->>'evidence' as evidence, c.case_number,
              (select count(*) from case_changes x where x.case_id = c.id and x.question_id = 'evidence')::text as evidence_changes,
              (select jsonb_object_agg(event, n) from (select event, count(*)::int as n from case_events e
                 where e.case_id = c.id group by event) g) as events
       from cases c where c.id = any($1::uuid[])`,
      [ids],
    );
    const byId = new Map(stored.map((r) => [r.id, r]));
    let lostWrites = 0;
    let versionMismatch = 0;
    let eventMismatch = 0;
    let raceViolations = 0;
    let races = 0;
    let autosaves = 0;
    let submissions = 0;
    for (const [id, ack] of Object.entries(acks)) {
      const row = byId.get(id);
      if (!row) {
        lostWrites++;
        continue;
      }
      const events = row.events ?? {};
      const count = (event: string) => events[event] ?? 0;
      autosaves += ack.autosaves.length;
      if (ack.submitted) submissions++;
      if (ack.won.length + ack.lost.length > 0) races++;
      const exact = ack.unknown === 0;
      const lastSave = ack.autosaves.at(-1);
      // Every acknowledged autosave is one field change; the last one's value is what is stored.
      const changes = Number(row.evidence_changes);
      const expectedChanges = 1 + ack.autosaves.length;
      if (exact ? changes !== expectedChanges : changes < expectedChanges) lostWrites++;
      if (exact && lastSave && row.evidence !== lastSave.value) lostWrites++;
      // The version counts every acknowledged write: fill-in, autosaves, submission, transition.
      const expectedVersion =
        ack.fillVersion + ack.autosaves.length + (ack.submitted ? 1 : 0) + ack.won.length;
      if (exact ? row.version !== expectedVersion : row.version < expectedVersion)
        versionMismatch++;
      // One case_events row per acknowledged transition, none for a refused one.
      const transitions = count('submit') + count('withdraw') + count('returnToApplicant');
      const expectedTransitions = (ack.submitted ? 1 : 0) + ack.won.length;
      if (exact ? transitions !== expectedTransitions : transitions < expectedTransitions) {
        eventMismatch++;
      }
      if (ack.submitted && row.case_number === null) eventMismatch++;
      // Two users raced with the same version: at most one may win.
      if (
        ack.won.length > 1 ||
        (exact && ack.won.length + ack.lost.length === 2 && ack.won.length !== 1)
      ) {
        raceViolations++;
      }
    }
    figures.push(info('cases written by the load', ids.length));
    figures.push(info('acknowledged autosaves', autosaves));
    figures.push(info('acknowledged submissions', submissions));
    figures.push(info('raced cases (same version, two users)', races));
    figures.push(check('lost autosaves (change rows, last value)', lostWrites));
    figures.push(check('version ≠ acknowledged writes', versionMismatch));
    figures.push(check('case_events ≠ acknowledged transitions', eventMismatch));
    figures.push(check('races with ≠ 1 winner', raceViolations));

    // (c) Jobs exactly once: every notification e-mailed since the start, each exactly once.
    const { rows: mailed } = await client.query<{
      kind: string;
      case_id: string | null;
      case_number: string | null;
      email: string;
    }>(
      `select n.kind, n.case_id, c.case_number, u.email
       from notifications n join users u on u.id = n.user_id left join cases c on c.id = n.case_id
       where n.emailed_at >= $1::timestamptz or (n.id > $2 and n.emailed_at is not null)`,
      [marks.startedAt, marks.lastNotificationId],
    );
    const expected = new Map<string, number>();
    for (const row of mailed) {
      const mail = composeMail(
        { kind: row.kind, caseId: row.case_id, caseNumber: row.case_number, email: row.email },
        PUBLIC_URL,
      );
      const key = mailKey(mail.to, mail.subject, mail.text);
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const got = new Map<string, number>();
    for (const key of sink.received.map(receivedKey)) got.set(key, (got.get(key) ?? 0) + 1);
    let duplicates = 0;
    let missing = 0;
    for (const key of new Set([...expected.keys(), ...got.keys()])) {
      const diff = (got.get(key) ?? 0) - (expected.get(key) ?? 0);
      if (diff > 0) duplicates += diff;
      else missing -= diff;
    }
    const { rows: pending } = await client.query<{ n: string }>(
      `select count(*)::text as n from notifications where id > $1 and emailed_at is null`,
      [marks.lastNotificationId],
    );
    figures.push(info('notifications e-mailed', mailed.length));
    figures.push(info('e-mails received by the SMTP sink', sink.received.length));
    figures.push(check('e-mails sent more than once', duplicates));
    figures.push(
      check(
        'e-mails not sent (claimed, or still in the outbox)',
        missing + Number(pending[0]?.n ?? 0),
      ),
    );

    // Scheduled jobs: pg-boss creates one job per schedule and slot (its `send-it` job, keyed by
    // the schedule's name), however many workers; two schedules may share a slot.
    const { rows: slots } = await client.query<{ jobs: string; doubled: string }>(
      `with j as (
         select name, singleton_key, singleton_on from pgboss.job where created_on >= $1::timestamptz and singleton_on is not null
         union all
         select name, singleton_key, singleton_on from pgboss.archive where created_on >= $1::timestamptz and singleton_on is not null)
       select count(*)::text as jobs,
              (select count(*) from (select 1 from j group by name, singleton_key, singleton_on having count(*) > 1) d)::text as doubled
       from j`,
      [marks.startedAt],
    );
    figures.push(info('scheduled jobs created during the load', Number(slots[0]?.jobs ?? 0)));
    figures.push(check('schedule slots run more than once', Number(slots[0]?.doubled ?? 0)));
    return figures;
  } finally {
    await client.end();
  }
}
