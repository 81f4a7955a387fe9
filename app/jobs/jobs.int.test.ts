import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { desc, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openPostgres, type Database, type Db } from '../db/database.server';
import { rowsOf } from '../db/rows';
import { festImports } from '../db/schema';
import { createMailer } from '../features/notifications/mail.server';
import { createOutbox } from '../features/notifications/outbox.server';
import { createScratchDatabase, openTestDatabase, TEST_DATABASES } from '../test/databases';
import { ACCESS_LOG_ANCHORS_QUEUE } from './access-log-anchors.server';
import { startBoss } from './boss.server';
import { CASE_CLOCKS_QUEUE } from './case-clocks.server';
import { FEST_IMPORT_QUEUE, scheduleFestRefresh } from './fest-refresh.server';
import { startJobs } from './jobs.server';
import { MAIL_OUTBOX_QUEUE } from './mail-outbox.server';

const UTDRAG_2026 = fileURLToPath(
  new URL('../../fixtures/fest/fest-utdrag-2026.xml', import.meta.url),
);

/** Polls until `check` gives a value (or fails the test after 30 s). */
async function eventually<T>(check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Mail goes to a throwaway mailbox folder (no SMTP server), one for the whole file. */
const mailboxDir = mkdtempSync(join(tmpdir(), 'sp-jobs-mail-'));
afterAll(() => rmSync(mailboxDir, { recursive: true, force: true }));
const mailConfig = { smtpUrl: null, from: 'test@localhost', publicUrl: 'http://test', mailboxDir };
const testOutbox = (db: Db) => createOutbox(db, createMailer(mailConfig), mailConfig.publicUrl);

describe.each(TEST_DATABASES)('background jobs (pg-boss) on %s', (kind) => {
  let database: Database;
  let boss: PgBoss;

  beforeAll(async () => {
    database = await openTestDatabase(kind, false);
    boss = await startBoss(database, { pollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, wait: true });
    await database.close();
  });

  it('sends a job and works it', async () => {
    await boss.createQueue('test-echo');
    const worked: unknown[] = [];
    await boss.work<{ n: number }>('test-echo', async ([job]) => {
      worked.push(job?.data);
      return Promise.resolve({ doubled: (job?.data.n ?? 0) * 2 });
    });
    const id = await boss.send('test-echo', { n: 21 });
    expect(id).toBeTruthy();
    const job = await eventually(async () => {
      const found = await boss.getJobById('test-echo', id ?? '');
      return found?.state === 'completed' ? found : undefined;
    });
    expect(worked).toEqual([{ n: 21 }]);
    expect(job.output).toEqual({ doubled: 42 });
  });

  it('schedules the daily FEST re-import, and imports at once what it never had', async () => {
    await scheduleFestRefresh(boss, database.db, { url: UTDRAG_2026, cron: '0 4 * * *' });
    const schedules = await boss.getSchedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({
        name: FEST_IMPORT_QUEUE,
        cron: '0 4 * * *',
        timezone: 'Europe/Oslo',
      }),
    );

    const run = await eventually(async () => {
      const [latest] = await database.db
        .select()
        .from(festImports)
        .orderBy(desc(festImports.id))
        .limit(1);
      return latest?.status === 'succeeded' ? latest : undefined;
    });
    expect(run).toMatchObject({ source: UTDRAG_2026, hentetDato: '2026-09-08T03:09:06' });
    expect(run.counts?.product.added).toBe(12);
  });

  it('always schedules the e-mail outbox, the case clocks and the anchors, even without FEST', async () => {
    const jobs = await startJobs(database, { fest: null, outbox: testOutbox(database.db) });
    const schedules = await boss.getSchedules();
    const names = schedules.map((s) => s.name);
    expect(names).toContain(MAIL_OUTBOX_QUEUE);
    expect(names).toContain(CASE_CLOCKS_QUEUE);
    expect(schedules).toContainEqual(
      expect.objectContaining({ name: ACCESS_LOG_ANCHORS_QUEUE, cron: '0 * * * *' }),
    );
    await expect(jobs.stop()).resolves.toBeUndefined();
  });
});

/**
 * Two app instances starting at once against one fresh PostgreSQL (as in a rolling deploy, or the
 * two-instance test): each migrates and starts its jobs. Unserialised, pg-boss's `create_queue` on
 * both deadlocked and one instance exited.
 */
describe.skipIf(!process.env.DATABASE_URL)('instances starting together on PostgreSQL', () => {
  it('takes turns under `exclusive`: one holder of a key at a time', async () => {
    const scratch = await createScratchDatabase();
    const [a, b] = [openPostgres(scratch.url, 2), openPostgres(scratch.url, 2)];
    try {
      const timeline: string[] = [];
      const hold = (name: string) => async () => {
        timeline.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 150));
        timeline.push(`${name} out`);
        return name;
      };
      const results = await Promise.all([
        a.exclusive('test.turns', hold('a')),
        b.exclusive('test.turns', hold('b')),
      ]);
      expect(results).toEqual(['a', 'b']);
      // Each holder leaves before the other enters, whichever went first.
      expect(timeline[0]?.slice(0, 1)).toBe(timeline[1]?.slice(0, 1));
      expect(timeline[1]?.endsWith('out')).toBe(true);
      expect(timeline[2]?.endsWith('in')).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await scratch.drop();
    }
  });

  it('migrates and starts the jobs of three instances at once, each queue created once', async () => {
    const scratch = await createScratchDatabase();
    const instances = [0, 1, 2].map(() => openPostgres(scratch.url, 3));
    try {
      await Promise.all(instances.map((database) => database.migrate()));
      const jobs = await Promise.all(
        instances.map((database) =>
          startJobs(database, { fest: null, outbox: testOutbox(database.db) }),
        ),
      );
      const [first] = instances;
      const queues = rowsOf(
        await first?.db.execute(
          sql`select name, count(*)::int as n from pgboss.queue group by name order by name`,
        ),
        z.object({ name: z.string(), n: z.number() }),
      );
      expect(queues).toEqual(
        expect.arrayContaining([
          { name: CASE_CLOCKS_QUEUE, n: 1 },
          { name: MAIL_OUTBOX_QUEUE, n: 1 },
        ]),
      );
      await Promise.all(jobs.map((j) => j.stop()));
    } finally {
      await Promise.all(instances.map((database) => database.close()));
      await scratch.drop();
    }
  });
});
