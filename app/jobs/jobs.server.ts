import type { Database } from '../db/database.server';
import { databaseStorage, type AttachmentStorage } from '../features/attachments/store.server';
import type { Outbox } from '../features/notifications/outbox.server';
import { scheduleAccessLogAnchors } from './access-log-anchors.server';
import { startBoss, type BossOptions } from './boss.server';
import { scheduleCaseClocks } from './case-clocks.server';
import { scheduleFestRefresh, type FestRefreshConfig } from './fest-refresh.server';
import { scheduleMailOutbox } from './mail-outbox.server';
import { scheduleRetention } from './retention.server';

export interface JobsConfig {
  /** Scheduled FEST re-import; none when FEST_URL is not set. */
  fest: FestRefreshConfig | null;
  /** The e-mail outbox, delivered every minute. */
  outbox: Outbox;
  /** Where attachment bytes are kept, for the retention job (default: the database). */
  attachments?: AttachmentStorage;
}

export interface Jobs {
  stop(): Promise<void>;
}

/**
 * Starts pg-boss and the background jobs: the e-mail outbox, stage alerts and follow-ups, retention
 * and the access log's hourly chain anchors always; FEST when set. Instances starting together take turns: pg-boss's `create_queue` adds a
 * partition to its job table, and two of them at once deadlock on PostgreSQL.
 */
export async function startJobs(
  database: Database,
  config: JobsConfig,
  options: BossOptions = {},
): Promise<Jobs> {
  const boss = await database.exclusive('soknadsportal.jobs', async () => {
    const started = await startBoss(database, options);
    await scheduleMailOutbox(started, config.outbox);
    await scheduleCaseClocks(started, database.db);
    await scheduleRetention(started, database.db, config.attachments ?? databaseStorage());
    await scheduleAccessLogAnchors(started, database.db);
    if (config.fest) await scheduleFestRefresh(started, database.db, config.fest);
    return started;
  });
  return { stop: () => boss.stop({ graceful: true, wait: true }) };
}
