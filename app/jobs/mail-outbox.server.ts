import type PgBoss from 'pg-boss';
import { logFailure } from './boss.server';
import type { Outbox } from '../features/notifications/outbox.server';

export const MAIL_OUTBOX_QUEUE = 'mail-outbox';
/** Every minute (pg-boss's finest schedule): retries what a kick after a request did not send. */
export const MAIL_OUTBOX_CRON = '* * * * *';

/**
 * Delivers the e-mail outbox on a schedule. Requests kick a run after they commit; this job sends
 * what those runs missed (a failed send, an app instance that stopped). The run reads across
 * trusts, as the table owner.
 */
export async function scheduleMailOutbox(boss: PgBoss, outbox: Outbox): Promise<void> {
  await boss.createQueue(MAIL_OUTBOX_QUEUE, {
    name: MAIL_OUTBOX_QUEUE,
    policy: 'singleton',
    retryLimit: 0,
    expireInSeconds: 10 * 60,
  });
  await boss.work(
    MAIL_OUTBOX_QUEUE,
    logFailure(MAIL_OUTBOX_QUEUE, async () => {
      const result = await outbox.deliver();
      if (result.failed > 0) throw new Error(`E-mail: ${result.failed} failed, will retry`);
    }),
  );
  await boss.schedule(MAIL_OUTBOX_QUEUE, MAIL_OUTBOX_CRON, {});
}
