import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  production: boolean;
  dev: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecrets: string[];
  seedDemo: boolean;
  /** Scheduled FEST re-import: where from and when (cron, Norwegian time); null: none. */
  fest: { url: string; cron: string } | null;
}

/**
 * Reads the environment. Refuses to run the development login (the only login so far) in
 * production: HelseID must come first.
 */
export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): ServerConfig {
  const production = env.NODE_ENV === 'production';
  if (production) {
    throw new Error(
      'NODE_ENV=production: refusing to start with the development login. ' +
        'Production login is HelseID (OIDC), which this version does not have yet.',
    );
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid PORT: ${env.PORT}`);
  const dataDir = env.DATA_DIR ?? 'data';
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    production,
    dev: argv.includes('--dev'),
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    sessionSecrets: sessionSecrets(env, dataDir),
    seedDemo: env.SEED_DEMO !== 'false',
    fest: festConfig(env),
  };
}

const DEFAULT_FEST_CRON = '0 4 * * *';

/** FEST_URL (an http(s) URL or a path) turns the daily re-import on; FEST_CRON sets when. */
function festConfig(env: NodeJS.ProcessEnv): ServerConfig['fest'] {
  if (!env.FEST_URL) return null;
  const cron = (env.FEST_CRON ?? DEFAULT_FEST_CRON).trim();
  if (cron.split(/\s+/).length !== 5) {
    throw new Error(`Invalid FEST_CRON: ${cron} (five fields, e.g. ${DEFAULT_FEST_CRON})`);
  }
  return { url: env.FEST_URL, cron };
}

/** SESSION_SECRET (comma-separated, first signs); otherwise a random secret kept in DATA_DIR. */
function sessionSecrets(env: NodeJS.ProcessEnv, dataDir: string): string[] {
  if (env.SESSION_SECRET) return env.SESSION_SECRET.split(',').filter(Boolean);
  const file = join(dataDir, 'session-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return [readFileSync(file, 'utf8').trim()];
}
