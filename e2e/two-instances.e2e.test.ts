/**
 * Two app instances against one PostgreSQL (issue 7, point 4), in CI: a burst of concurrent
 * submissions and racing transitions spread over both, then løpenummer gap-free, one event per
 * acknowledged transition, no lost autosave, and every e-mail sent once although both instances
 * run the outbox and the job workers. The full mixed load is `npm run bench:load` (docs/performance.md, "Mixed load and two instances").
 * PostgreSQL only (PGlite cannot be shared by two processes): skipped without DATABASE_URL.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../app/db/database.server';
import { seed, seedFest } from '../app/db/seed.server';
import { completeAnswers } from '../app/test/actors';
import { createScratchDatabase } from '../app/test/databases';
import { startSmtpSink, type SmtpSink } from '../app/test/smtp-sink';
import type { Figure } from '../bench/report';
import {
  checkInvariants,
  createSessions,
  markStart,
  pickActors,
  startInstances,
  waitForOutbox,
  type CaseAcks,
  type Instance,
  type LoadActor,
  type Marks,
} from '../bench/two-instances';

const FLOWS = 8;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

describe.skipIf(!process.env.DATABASE_URL)('two app instances on one PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let sink: SmtpSink;
  let instances: Instance[] = [];
  let applicants: (LoadActor & { cookie: string })[] = [];
  let endorsers = new Map<string, string>();
  let marks: Marks;
  const acks: Record<string, CaseAcks> = {};

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const database = openPostgres(scratch.url, 2);
    await database.migrate();
    await seed(database.db);
    await seedFest(database.db);
    await database.close();
    const actors = await pickActors(scratch.url, 10);
    const secret = randomBytes(32).toString('hex');
    const found = actors.filter((a) => a.role === 'applicant');
    const racers = actors.filter((a) => a.role === 'endorser');
    const cookies = await createSessions(scratch.url, secret, [
      ...found.map((a) => a.userId),
      ...racers.map((a) => a.userId),
    ]);
    applicants = found.map((a, i) => ({ ...a, cookie: cookies[i] ?? '' }));
    // The endorser covering each applicant's department.
    endorsers = new Map(
      found.map((a) => {
        const index = racers.findIndex(
          (e) =>
            e.trustId === a.trustId &&
            (e.departmentId === null || e.departmentId === a.departmentId),
        );
        return [a.userId, cookies[found.length + index] ?? ''];
      }),
    );
    sink = await startSmtpSink();
    instances = await startInstances(scratch.url, 2, { sessionSecret: secret, smtpUrl: sink.url });
    marks = await markStart(scratch.url);
  });

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await sink.close();
    await scratch.drop();
  });

  const post = (base: string, cookie: string, path: string, body: string, type: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: base, 'content-type': type },
      body,
    });
  const form = (base: string, cookie: string, path: string, fields: Record<string, string>) =>
    post(
      base,
      cookie,
      path,
      new URLSearchParams(fields).toString(),
      'application/x-www-form-urlencoded',
    );
  const json = (base: string, cookie: string, path: string, value: unknown) =>
    post(base, cookie, path, JSON.stringify(value), 'application/json');

  /** Draft, fill-in and two autosaves on one instance, submission on the other. */
  async function submitFlow(n: number): Promise<{ caseId: string; version: number }> {
    const applicant = applicants[n % applicants.length];
    const [a, b] = [instances[n % 2]?.url ?? '', instances[(n + 1) % 2]?.url ?? ''];
    if (!applicant) throw new Error('No applicant in the seed');
    const started = await form(a, applicant.cookie, '/saker/ny', {
      'q.scheme': text(completeAnswers.scheme),
      'q.scheme.present': '1',
      'q.patientScope': text(completeAnswers.patientScope),
      'q.patientScope.present': '1',
    });
    const caseId = /^\/saker\/([0-9a-f-]{36})\/rediger$/.exec(
      started.headers.get('location') ?? '',
    )?.[1];
    if (!caseId) throw new Error(`No draft: ${started.status}`);
    const { scheme: _s, patientScope: _p, ...rest } = completeAnswers;
    const changes = Object.fromEntries(
      Object.entries(rest).map(([id, v]) => [id, { base: null, value: v }]),
    );
    const filled = await json(a, applicant.cookie, `/saker/${caseId}/lagre`, { changes });
    expect(filled.status).toBe(200);
    let { version } = (await filled.json()) as { version: number };
    const ack: CaseAcks = {
      fillVersion: version,
      autosaves: [],
      submitted: false,
      won: [],
      lost: [],
      unknown: 0,
    };
    acks[caseId] = ack;
    let base = text(completeAnswers.evidence);
    for (const host of [b, a]) {
      const value = `Samtidig ${n}-${host.slice(-5)}`;
      const saved = await json(host, applicant.cookie, `/saker/${caseId}/lagre`, {
        changes: { evidence: { base, value } },
      });
      expect(saved.status).toBe(200);
      const result = (await saved.json()) as { version: number; applied: string[] };
      expect(result.applied).toEqual(['evidence']);
      ack.autosaves.push({ value, version: result.version });
      version = result.version;
      base = value;
    }
    const submitted = await form(b, applicant.cookie, `/saker/${caseId}/oppsummering`, {
      event: 'submit',
      version: String(version),
    });
    expect(submitted.status).toBe(302);
    ack.submitted = true;
    return { caseId, version: version + 1 };
  }

  /** The applicant withdraws on one instance while the endorser returns it on the other, same version. */
  async function race(n: number, caseId: string, version: number) {
    const applicant = applicants[n % applicants.length];
    const ack = acks[caseId];
    if (!applicant || !ack) throw new Error('Race without its case');
    const fields = (event: string) => ({
      event,
      version: String(version),
      reason: 'Samtidig handling',
    });
    const answers = await Promise.all([
      form(instances[0]?.url ?? '', applicant.cookie, `/saker/${caseId}`, fields('withdraw')),
      form(
        instances[1]?.url ?? '',
        endorsers.get(applicant.userId) ?? '',
        `/saker/${caseId}`,
        fields('returnToApplicant'),
      ),
    ]);
    for (const [i, answer] of answers.entries()) {
      const event = i === 0 ? 'withdraw' : 'returnToApplicant';
      expect([302, 409]).toContain(answer.status);
      (answer.status === 302 ? ack.won : ack.lost).push(event);
    }
  }

  const failing = (figures: Figure[]) => figures.filter((f) => f.ok === false).map((f) => f.name);
  const value = (figures: Figure[], name: string) => figures.find((f) => f.name === name)?.value;

  it('keeps løpenummer gap-free, loses no write and sends every e-mail once', async () => {
    const submitted = await Promise.all(Array.from({ length: FLOWS }, (_, n) => submitFlow(n)));
    await Promise.all(submitted.map((s, n) => race(n, s.caseId, s.version)));
    await waitForOutbox(scratch.url, marks, sink, 30_000);

    const figures = await checkInvariants(scratch.url, marks, acks, sink);
    expect(failing(figures)).toEqual([]);
    expect(value(figures, 'acknowledged submissions')).toBe(FLOWS);
    expect(value(figures, 'raced cases (same version, two users)')).toBe(FLOWS);
    expect(Object.values(acks).every((a) => a.won.length === 1 && a.lost.length === 1)).toBe(true);
    // Submissions notify the endorsers, returns the applicant: mail went out, and only once.
    expect(sink.received.length).toBeGreaterThanOrEqual(FLOWS);

    // The checks see a violation when there is one: a duplicate e-mail, a gap in the series.
    sink.received.push(...sink.received.slice(0, 1));
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    // A number taken and lost (the counter moved on without a case): a gap.
    await client.query(
      `update case_number_counters set last_value = last_value + 1
       where (trust_id, year) = (select trust_id, extract(year from submitted_at at time zone 'Europe/Oslo')::int
                                 from cases where id = $1)`,
      [Object.keys(acks)[0]],
    );
    await client.end();
    const broken = await checkInvariants(scratch.url, marks, acks, sink);
    sink.received.pop();
    expect(failing(broken)).toEqual([
      'løpenummer: gaps, duplicates, counter ≠ max',
      'e-mails sent more than once',
    ]);
  });
});
