import type { Database } from '../db/database.server';
import { startBoss, type BossOptions } from './boss.server';
import { scheduleFestRefresh, type FestRefreshConfig } from './fest-refresh.server';

export interface JobsConfig {
  /** Scheduled FEST re-import; none when FEST_URL is not set. */
  fest: FestRefreshConfig | null;
}

export interface Jobs {
  stop(): Promise<void>;
}

/** Starts the background jobs there are (none: pg-boss is not started at all). */
export async function startJobs(
  database: Database,
  config: JobsConfig,
  options: BossOptions = {},
): Promise<Jobs> {
  if (!config.fest) return { stop: () => Promise.resolve() };
  const boss = await startBoss(database, options);
  await scheduleFestRefresh(boss, database.db, config.fest);
  return { stop: () => boss.stop({ graceful: true, wait: true }) };
}
