import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { desc } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.server';
import { festImports } from '../db/schema';
import { createMailer } from '../features/notifications/mail.server';
import { createOutbox } from '../features/notifications/outbox.server';
import { openTestDatabase, TEST_DATABASES } from '../test/databases';
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

  it('always schedules the e-mail outbox and the case clocks, even without FEST', async () => {
    const mailboxDir = mkdtempSync(join(tmpdir(), 'sp-jobs-mail-'));
    const mailConfig = {
      smtpUrl: null,
      from: 'test@localhost',
      publicUrl: 'http://test',
      mailboxDir,
    };
    const outbox = createOutbox(database.db, createMailer(mailConfig), mailConfig.publicUrl);
    const jobs = await startJobs(database, { fest: null, outbox });
    const names = (await boss.getSchedules()).map((s) => s.name);
    expect(names).toContain(MAIL_OUTBOX_QUEUE);
    expect(names).toContain(CASE_CLOCKS_QUEUE);
    await expect(jobs.stop()).resolves.toBeUndefined();
    rmSync(mailboxDir, { recursive: true, force: true });
  });
});
