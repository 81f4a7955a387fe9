import type { Database } from '../db/database.server';
import { startBoss, type BossOptions } from './boss.server';
import { scheduleCaseClocks } from './case-clocks.server';
import { scheduleFestRefresh, type FestRefreshConfig } from './fest-refresh.server';

export interface JobsConfig {
  /** Scheduled FEST re-import; none when FEST_URL is not set. */
  fest: FestRefreshConfig | null;
}

export interface Jobs {
  stop(): Promise<void>;
}

/** Starts pg-boss and the background jobs: stage alerts and follow-ups always, FEST when set. */
export async function startJobs(
  database: Database,
  config: JobsConfig,
  options: BossOptions = {},
): Promise<Jobs> {
  const boss = await startBoss(database, options);
  await scheduleCaseClocks(boss, database.db);
  if (config.fest) await scheduleFestRefresh(boss, database.db, config.fest);
  return { stop: () => boss.stop({ graceful: true, wait: true }) };
}
