import type PgBoss from 'pg-boss';
import { logFailure } from './boss.server';
import type { Db } from '../db/database.server';
import { writeChainAnchors } from '../features/auditlog/auditlog.server';

export const ACCESS_LOG_ANCHORS_QUEUE = 'access-log-anchors';

/** Every hour, on the hour. */
export const ACCESS_LOG_ANCHORS_CRON = '0 * * * *';

/**
 * Schedules the access log's chain anchors (ADR 0025): every hour each trust's chain head (seq and
 * hash) goes as one JSON line to the server's stdout, so it is kept outside the database; `npm run
 * audit:verify -- --anchor TRUST:SEQ:HASH` checks the chain against it later. Runs as the table
 * owner across trusts, like the e-mail outbox. With several instances, one runs each tick.
 */
export async function scheduleAccessLogAnchors(
  boss: PgBoss,
  db: Db,
  write: (line: string) => void = (line) => {
    console.log(line);
  },
): Promise<void> {
  await boss.createQueue(ACCESS_LOG_ANCHORS_QUEUE, {
    name: ACCESS_LOG_ANCHORS_QUEUE,
    policy: 'singleton',
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 10 * 60,
  });
  // An hourly job needs no quick polling (on PGlite every poll takes the one connection).
  // The one place the clock is read; the work takes the time as an argument.
  await boss.work(
    ACCESS_LOG_ANCHORS_QUEUE,
    { pollingIntervalSeconds: 60 },
    logFailure(ACCESS_LOG_ANCHORS_QUEUE, async () => {
      const lines = await writeChainAnchors(db, new Date(), write);
      return { trusts: lines.length };
    }),
  );
  await boss.schedule(ACCESS_LOG_ANCHORS_QUEUE, ACCESS_LOG_ANCHORS_CRON, {}, { tz: 'Europe/Oslo' });
}
