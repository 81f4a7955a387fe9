import type PgBoss from 'pg-boss';
import { logFailure } from './boss.server';
import type { Db } from '../db/database.server';
import { runStageAlerts, type AlertsSent } from '../features/clocks/clocks.server';
import { runFollowUps } from '../features/followup/followup.server';

export const CASE_CLOCKS_QUEUE = 'case-clocks';

/** Every 15 minutes: reminders and escalations for overdue stages, then due follow-ups. */
export const CASE_CLOCKS_CRON = '*/15 * * * *';

/**
 * One run of the case clocks as of `now`: reminders and escalations, then due follow-ups; the
 * follow-ups are done even when the alerts failed (the run then fails after them).
 */
export async function runCaseClocks(
  db: Db,
  now: Date,
): Promise<AlertsSent & { followUps: number }> {
  const alerts = await runStageAlerts(db, now).then(
    (sent) => ({ sent, error: null }),
    (error: unknown) => ({ sent: null, error }),
  );
  const followUps = await runFollowUps(db, now);
  if (alerts.sent === null) throw alerts.error;
  return { ...alerts.sent, followUps };
}

/**
 * Schedules the case clocks. pg-boss keeps the schedule in the database, so with several app
 * instances one of them runs each tick; the work itself is idempotent (see runStageAlerts and
 * runFollowUps), so even overlapping runs send nothing twice.
 */
export async function scheduleCaseClocks(boss: PgBoss, db: Db): Promise<void> {
  await boss.createQueue(CASE_CLOCKS_QUEUE, {
    name: CASE_CLOCKS_QUEUE,
    policy: 'singleton',
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 10 * 60,
  });
  // A quarter-hourly job needs no 2-second polling (on PGlite every poll takes the one connection).
  // The one place the clock is read; the work takes the time as an argument.
  await boss.work(
    CASE_CLOCKS_QUEUE,
    { pollingIntervalSeconds: 30 },
    logFailure(CASE_CLOCKS_QUEUE, () => runCaseClocks(db, new Date())),
  );
  await boss.schedule(CASE_CLOCKS_QUEUE, CASE_CLOCKS_CRON, {}, { tz: 'Europe/Oslo' });
}
