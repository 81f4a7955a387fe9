import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_MAX_BYTES } from '../app/features/attachments/domain/kinds';
import type { AttachmentStoreKind } from '../app/features/attachments/store.server';
import type { SessionTimeouts } from '../app/features/auth/auth.server';
import type { MachineAccessSettings } from '../app/features/auth/machine.server';
import type { HelseIdSettings } from '../app/features/auth/oidc.server';
import type { MailConfig } from '../app/features/notifications/mail.server';
import { keyRingFromEnv, type KeyRing } from '../app/features/privacy/patient-id-cipher.server';
import type { RateLimits } from './rate-limit';

export interface ServerConfig {
  /** PORT; 0 picks a free port (`withFreePort` chooses it before the app is built). */
  port: number;
  host: string;
  /**
   * PUBLIC_URL was not set, so the address (`mail.publicUrl`, HelseID's redirect URI) is the
   * local one of this host and port (`localPublicUrl`), which follows the port actually chosen.
   */
  publicUrlFromPort: boolean;
  production: boolean;
  dev: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecrets: string[];
  /** Demo users, roles and cases (SEED_DEMO): outside production, unless turned off. */
  seedDemo: boolean;
  /** Generated national history written with the demo data (`NATIONAL_DEMO_CASES`, 0 for none). */
  nationalDemoCases: number;
  /** The demo trusts' own cases, eleven across the stages, with the demo data (`DEMO_CASES`, default on). */
  demoCases: boolean;
  attachments: { store: AttachmentStoreKind; dir: string; maxBytes: number };
  /** Scheduled FEST re-import: where from and when (cron, Norwegian time); null: none. */
  fest: { url: string; cron: string } | null;
  /** E-mail of notifications: SMTP, or the development mailbox. */
  mail: MailConfig;
  /** PATIENT_ID_KEYS: required in production; otherwise the (not secret) development key. */
  patientIdKeys: KeyRing;
  /** HelseID (OpenID Connect) login; null: not configured (development only). */
  helseId: HelseIdSettings | null;
  /**
   * Systems' calls to the national exports with a HelseID access token (ADR 0033): HelseID's issuer
   * and our API's audience (OIDC_API_AUDIENCE); null: off (no HelseID, or in production no
   * OIDC_API_AUDIENCE), every bearer request is a 401.
   */
  machineAccess: MachineAccessSettings | null;
  /**
   * Keys the hash of a national identity number (users.pid_hash): HelseID's OIDC_PID_SECRET;
   * without HelseID (never in production) the development secret.
   */
  pidSecret: string;
  /**
   * The development login (pick a demo user, no password): only outside production, never beside
   * HelseID or on an https address (DEV_LOGIN).
   */
  devLogin: boolean;
  /**
   * Cookies only over HTTPS (`Secure`): when PUBLIC_URL is https, unless COOKIE_SECURE says
   * otherwise (`true` or `false`).
   */
  cookieSecure: boolean;
  sessions: SessionTimeouts;
  /** Requests per client address per minute. */
  rateLimits: RateLimits;
  /**
   * Express's `trust proxy` (TRUST_PROXY): which proxies' `X-Forwarded-For` names the client, so
   * that `req.ip` (rate limits) is the client's address behind a TLS proxy; false: none.
   */
  trustProxy: boolean | number | string;
}

/**
 * Reads the environment. In production, HelseID and SMTP must be configured, and the development
 * login and the development mailbox do not exist.
 */
export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): ServerConfig {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid PORT: ${env.PORT}`);
  const host = env.HOST ?? '127.0.0.1';
  const mail = mailConfig(env, env.DATA_DIR ?? 'data', localPublicUrl(host, port));
  const helseId = helseIdConfig(env, mail.publicUrl, production);
  if (production && !helseId) {
    throw new Error(
      'NODE_ENV=production: refusing to start with the development login. ' +
        'Configure HelseID: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_KEY, OIDC_PID_SECRET and PUBLIC_URL.',
    );
  }
  if (production && !mail.smtpUrl) {
    throw new Error('NODE_ENV=production: SMTP_URL is required (no development mailbox).');
  }
  // A deployment's address is never guessed from the port it listens on behind its proxy.
  if (production && !env.PUBLIC_URL) {
    throw new Error(
      'NODE_ENV=production: PUBLIC_URL is required (links in e-mail, HelseID redirect URI).',
    );
  }
  const dataDir = env.DATA_DIR ?? 'data';
  return {
    port,
    host,
    publicUrlFromPort: !env.PUBLIC_URL,
    production,
    dev: argv.includes('--dev'),
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    sessionSecrets: sessionSecrets(env, dataDir),
    seedDemo: seedDemo(env, production),
    nationalDemoCases: Math.max(0, Number.parseInt(env.NATIONAL_DEMO_CASES ?? '400', 10) || 0),
    demoCases: flag(env, 'DEMO_CASES') ?? true,
    attachments: attachmentConfig(env, dataDir),
    fest: festConfig(env),
    mail,
    patientIdKeys: keyRingFromEnv(env),
    helseId,
    machineAccess: machineAccessConfig(env, helseId, production),
    pidSecret: pidSecretFromEnv(env, production),
    devLogin: devLogin(env, production, helseId !== null, mail.publicUrl),
    cookieSecure: cookieSecure(env, mail.publicUrl),
    sessions: {
      idleMinutes: positiveInt(env, 'SESSION_IDLE_MINUTES', 30),
      absoluteHours: positiveInt(env, 'SESSION_MAX_HOURS', 12),
    },
    rateLimits: {
      login: positiveInt(env, 'RATE_LIMIT_LOGIN', 60),
      search: positiveInt(env, 'RATE_LIMIT_SEARCH', 300),
      export: positiveInt(env, 'RATE_LIMIT_EXPORT', 30),
    },
    trustProxy: trustProxy(env),
  };
}

/**
 * TRUST_PROXY: how many proxies in front of the app to trust (`1`: one TLS proxy), or which
 * (addresses and subnets, comma-separated, or Express's names `loopback`, `linklocal`,
 * `uniquelocal`), or `true` (every one: only when nothing can reach the app but through them).
 * Unset or `false`: none, `req.ip` is the connection's address.
 */
function trustProxy(env: NodeJS.ProcessEnv): ServerConfig['trustProxy'] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => !/^[0-9a-f.:/]+$/i.test(entry) && !PROXY_NAMES.has(entry))) {
    throw new Error(
      `Invalid TRUST_PROXY: ${raw} (a number of proxies, true, or addresses, subnets and ` +
        'loopback, linklocal, uniquelocal, comma-separated)',
    );
  }
  return entries.join(',');
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A setting that is `true`, `false` or not set (undefined). */
function flag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false') throw new Error(`Invalid ${name}: ${raw} (true or false)`);
  return raw === 'true';
}

/**
 * DEV_LOGIN: the development login signs anyone in as any demo user, without a password. It is on
 * outside production unless DEV_LOGIN=false, and never beside a real login: the app refuses to
 * start while it would be on with HelseID configured or an https PUBLIC_URL (the marks of a
 * deployment, which must run with NODE_ENV=production), or in production at all.
 */
function devLogin(
  env: NodeJS.ProcessEnv,
  production: boolean,
  helseId: boolean,
  publicUrl: string,
): boolean {
  const setting = flag(env, 'DEV_LOGIN');
  if (setting === false) return false;
  if (production) {
    if (setting) {
      throw new Error(
        'NODE_ENV=production: refusing to start with the development login (DEV_LOGIN=true).',
      );
    }
    return false;
  }
  const deployed = [
    helseId ? 'HelseID is configured (OIDC_ISSUER)' : null,
    new URL(publicUrl).protocol === 'https:' ? `PUBLIC_URL is https (${publicUrl})` : null,
  ].filter((reason) => reason !== null);
  if (deployed.length > 0) {
    throw new Error(
      `Refusing to start: the development login (any demo user, no password) would be on while ` +
        `${deployed.join(' and ')}. A deployment runs with NODE_ENV=production; to try HelseID ` +
        'locally, set DEV_LOGIN=false.',
    );
  }
  return true;
}

/**
 * SEED_DEMO: the demo users (with their roles and HPR numbers), cases and national history. On by
 * default outside production, off in production; SEED_DEMO=true in production is refused unless
 * ALLOW_DEMO_DATA_IN_PRODUCTION=true says it is meant (a demonstration installation).
 */
function seedDemo(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const setting = flag(env, 'SEED_DEMO');
  if (!production) return setting ?? true;
  if (!setting) return false;
  if (flag(env, 'ALLOW_DEMO_DATA_IN_PRODUCTION')) return true;
  throw new Error(
    'NODE_ENV=production: refusing to load the demo data (SEED_DEMO=true): demo users with roles ' +
      'in every trust. Set ALLOW_DEMO_DATA_IN_PRODUCTION=true only for a demonstration installation.',
  );
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`Invalid ${name}: ${raw} (a whole number, at least 1)`);
  }
  return value;
}

/**
 * The development secret for identity number hashes: NOT SECRET (it is in the source). Only
 * without HelseID, which production refuses; the local test provider (`npm run oidc:dev`) prints
 * it as OIDC_PID_SECRET, so people added in development are known to it as well.
 */
export const DEV_PID_SECRET = 'development-pid-secret-0123456789abcdef';

/** OIDC_PID_SECRET, at least 32 characters; unset outside production, the development secret. */
export function pidSecretFromEnv(env: NodeJS.ProcessEnv, production: boolean): string {
  const secret = env.OIDC_PID_SECRET ?? '';
  if (secret === '') {
    if (production) throw new Error('NODE_ENV=production: OIDC_PID_SECRET is required');
    return DEV_PID_SECRET;
  }
  if (secret.length < 32) throw new Error('OIDC_PID_SECRET must be at least 32 characters');
  return secret;
}

const helseIdRedirectUri = (publicUrl: string) => `${publicUrl}/logg-inn/helseid/retur`;

/**
 * OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_KEY (the client's private JWK, JSON) and
 * OIDC_PID_SECRET (keys the hash of the national identity number); the redirect URI is
 * PUBLIC_URL/logg-inn/helseid/retur. All or nothing. An http:// issuer only outside production.
 */
function helseIdConfig(
  env: NodeJS.ProcessEnv,
  publicUrl: string,
  production: boolean,
): HelseIdSettings | null {
  const names = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_KEY', 'OIDC_PID_SECRET'] as const;
  const set = names.filter((n) => env[n]);
  if (set.length === 0) return null;
  const missing = names.filter((n) => !env[n]);
  if (missing.length > 0) throw new Error(`HelseID login needs ${missing.join(', ')} as well`);
  const issuer = env.OIDC_ISSUER ?? '';
  if (!URL.canParse(issuer) || !/^https?:$/.test(new URL(issuer).protocol)) {
    throw new Error(`Invalid OIDC_ISSUER: ${issuer}`);
  }
  const insecure = new URL(issuer).protocol === 'http:';
  if (production && insecure) throw new Error('OIDC_ISSUER must be https:// in production');
  let clientKey: unknown;
  try {
    clientKey = JSON.parse(env.OIDC_CLIENT_KEY ?? '');
  } catch {
    throw new Error('Invalid OIDC_CLIENT_KEY: not JSON (a private JWK)');
  }
  if (
    typeof clientKey !== 'object' ||
    clientKey === null ||
    !('kty' in clientKey) ||
    !('d' in clientKey)
  ) {
    throw new Error('Invalid OIDC_CLIENT_KEY: not a private JWK (kty and d)');
  }
  const pidSecret = pidSecretFromEnv(env, production);
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID ?? '',
    clientKey: clientKey as JsonWebKey,
    redirectUri: helseIdRedirectUri(publicUrl),
    pidSecret,
    allowHttp: insecure,
  };
}

/** Our API's audience at HelseID outside production when OIDC_API_AUDIENCE is not set. */
export const DEV_API_AUDIENCE = 'soknadsportal:api';

/**
 * OIDC_API_AUDIENCE: our API's name at HelseID (an access token's `aud`; the national exports'
 * scope is `<audience>/nasjonalt`). Only with HelseID. Outside production it defaults to
 * DEV_API_AUDIENCE; in production, unset turns system access off.
 */
function machineAccessConfig(
  env: NodeJS.ProcessEnv,
  helseId: HelseIdSettings | null,
  production: boolean,
): MachineAccessSettings | null {
  const audience = (env.OIDC_API_AUDIENCE ?? '').trim();
  if (audience !== '' && !/^[A-Za-z0-9][A-Za-z0-9:._-]{0,199}$/.test(audience)) {
    throw new Error(
      `Invalid OIDC_API_AUDIENCE: ${audience} (an API name such as ${DEV_API_AUDIENCE}: ` +
        'letters, digits, colon, dot, underscore and hyphen)',
    );
  }
  if (!helseId) {
    if (audience !== '')
      throw new Error('OIDC_API_AUDIENCE needs HelseID (OIDC_ISSUER, …) as well');
    return null;
  }
  if (audience === '' && production) return null;
  return {
    issuer: helseId.issuer,
    audience: audience || DEV_API_AUDIENCE,
    allowHttp: helseId.allowHttp,
  };
}

const MAX_ATTACHMENT_LIMIT = 1024 ** 3;

/** ATTACHMENT_STORE (db: several app instances share it; or folder), ATTACHMENT_DIR, ATTACHMENT_MAX_BYTES. */
function attachmentConfig(env: NodeJS.ProcessEnv, dataDir: string): ServerConfig['attachments'] {
  const store = env.ATTACHMENT_STORE ?? 'db';
  if (store !== 'db' && store !== 'folder') {
    throw new Error(`Invalid ATTACHMENT_STORE: ${store} (db or folder)`);
  }
  const maxBytes = Number(env.ATTACHMENT_MAX_BYTES ?? DEFAULT_MAX_BYTES);
  if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > MAX_ATTACHMENT_LIMIT) {
    throw new Error(
      `Invalid ATTACHMENT_MAX_BYTES: ${env.ATTACHMENT_MAX_BYTES} (1 to ${MAX_ATTACHMENT_LIMIT})`,
    );
  }
  return { store, dir: env.ATTACHMENT_DIR ?? join(dataDir, 'attachments'), maxBytes };
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

const DEFAULT_MAIL_FROM = 'Søknadsportal <ikke-svar@localhost>';

/** Hosts that mean this machine: its address is written `localhost`. */
const LOCAL_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost', '']);

/**
 * The app's own address on `host` and `port` over http: the default of PUBLIC_URL outside
 * production, so links in e-mail lead to the app wherever it listens (PORT=3100: port 3100).
 */
export function localPublicUrl(host: string, port: number): string {
  const name = LOCAL_HOSTS.has(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/**
 * The configuration for the port the app listens on: an address taken from the port (PUBLIC_URL
 * not set) follows it; an address PUBLIC_URL gives stays as it is.
 */
export function atPort(config: ServerConfig, port: number): ServerConfig {
  if (!config.publicUrlFromPort) return { ...config, port };
  const publicUrl = localPublicUrl(config.host, port);
  return {
    ...config,
    port,
    mail: { ...config.mail, publicUrl },
    helseId: config.helseId && { ...config.helseId, redirectUri: helseIdRedirectUri(publicUrl) },
  };
}

/**
 * With PORT=0 a free port is chosen here, before the app is built, so that everything made from
 * the address (links in e-mail, the same-origin check, HelseID's redirect URI) has the port the
 * app then listens on. Listening fails (EADDRINUSE) should another process take it meanwhile.
 */
export async function withFreePort(config: ServerConfig): Promise<ServerConfig> {
  if (config.port !== 0) return config;
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, config.host, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('No port')),
      );
    });
  });
  return atPort(config, port);
}

/**
 * SMTP_URL (smtp:// or smtps://), MAIL_FROM and PUBLIC_URL (links in e-mail; without it, the local
 * address `fallbackUrl`). Without SMTP_URL, mail is caught in a development mailbox
 * (DATA_DIR/dev-mail, shown at /utvikling/epost). Like the development login, it exists only
 * outside production (which requires SMTP_URL).
 */
function mailConfig(env: NodeJS.ProcessEnv, dataDir: string, fallbackUrl: string): MailConfig {
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    throw new Error('Invalid SMTP_URL (smtp://host:port or smtps://user:password@host:port)');
  }
  const publicUrl = (env.PUBLIC_URL || fallbackUrl).replace(/\/+$/, '');
  if (!URL.canParse(publicUrl) || !/^https?:$/.test(new URL(publicUrl).protocol)) {
    throw new Error(`Invalid PUBLIC_URL: ${env.PUBLIC_URL} (e.g. https://soknad.example.no)`);
  }
  return {
    smtpUrl,
    from: env.MAIL_FROM || DEFAULT_MAIL_FROM,
    publicUrl,
    mailboxDir: smtpUrl ? null : join(dataDir, 'dev-mail'),
  };
}

/**
 * COOKIE_SECURE (`true` or `false`) decides; without it, cookies are `Secure` when PUBLIC_URL is
 * https (behind a TLS proxy the app itself sees plain http, so the request cannot tell).
 */
function cookieSecure(env: NodeJS.ProcessEnv, publicUrl: string): boolean {
  return flag(env, 'COOKIE_SECURE') ?? new URL(publicUrl).protocol === 'https:';
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
