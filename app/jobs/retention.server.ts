import type PgBoss from 'pg-boss';
import { logFailure } from './boss.server';
import type { Db } from '../db/database.server';
import type { AttachmentStorage } from '../features/attachments/store.server';
import { runRetention } from '../features/retention/retention.server';

export const RETENTION_QUEUE = 'retention';

/** Every night at 03:30 Norwegian time. */
export const RETENTION_CRON = '30 3 * * *';

/**
 * Schedules the retention job (features/retention): anonymises the patient data of cases that
 * ended longer ago than the retention period, and deletes authentication events older than theirs
 * and the retrospective imports' unconfirmed previews past their hour.
 * It runs as the table owner across trusts, like the e-mail outbox, because the audit tables it
 * rewrites are append-only for the application role.
 */
export async function scheduleRetention(
  boss: PgBoss,
  db: Db,
  storage: AttachmentStorage,
): Promise<void> {
  await boss.createQueue(RETENTION_QUEUE, {
    name: RETENTION_QUEUE,
    policy: 'singleton',
    retryLimit: 2,
    retryDelay: 600,
    expireInSeconds: 60 * 60,
  });
  await boss.work(
    RETENTION_QUEUE,
    { pollingIntervalSeconds: 60 },
    logFailure(RETENTION_QUEUE, async () => {
      // The one place the clock is read; the work takes the time as an argument.
      const result = await runRetention(db, new Date(), storage);
      return {
        anonymised: result.anonymised.length,
        authEventsDeleted: result.authEventsDeleted,
        importPreviewsDeleted: result.importPreviewsDeleted,
      };
    }),
  );
  await boss.schedule(RETENTION_QUEUE, RETENTION_CRON, {}, { tz: 'Europe/Oslo' });
}
