import type PgBoss from 'pg-boss';
import { logFailure } from './boss.server';
import type { Db } from '../db/database.server';
import { hasImportedFrom, importFest } from '../features/fest/fest-import.server';

export const FEST_IMPORT_QUEUE = 'fest-import';

export interface FestRefreshConfig {
  /** Where the full FEST extract is downloaded from (`.xml` or `.xml.gz`, http(s) or a path). */
  url: string;
  /** When, in Norwegian time (cron, five fields). */
  cron: string;
}

/**
 * Re-imports FEST on a schedule, and at once if nothing has been imported from this source yet.
 * pg-boss keeps the schedule in the database, so with several app instances one of them runs each
 * import; an extract no newer than the last one is skipped.
 */
export async function scheduleFestRefresh(
  boss: PgBoss,
  db: Db,
  config: FestRefreshConfig,
): Promise<void> {
  await boss.createQueue(FEST_IMPORT_QUEUE, {
    name: FEST_IMPORT_QUEUE,
    policy: 'singleton',
    retryLimit: 2,
    retryDelay: 15 * 60,
    expireInSeconds: 60 * 60,
  });
  await boss.work(
    FEST_IMPORT_QUEUE,
    logFailure(FEST_IMPORT_QUEUE, async () => {
      const result = await importFest(db, config.url, { skipIfNotNewer: true });
      console.log(`FEST import from ${config.url}: ${result.status} (${result.hentetDato})`);
    }),
  );
  await boss.schedule(FEST_IMPORT_QUEUE, config.cron, {}, { tz: 'Europe/Oslo' });
  if (!(await hasImportedFrom(db, config.url))) await boss.send(FEST_IMPORT_QUEUE, {});
}
