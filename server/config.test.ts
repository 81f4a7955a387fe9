import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  atPort,
  DEV_API_AUDIENCE,
  DEV_PID_SECRET,
  loadConfig,
  localPublicUrl,
  pidSecretFromEnv,
  withFreePort,
} from './config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'sp-config-'));

describe('loadConfig', () => {
  it('refuses to start the development login in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() }, [])).toThrow(
      /refusing to start with the development login/,
    );
  });

  const helseId = {
    OIDC_ISSUER: 'https://helseid-sts.test.nhn.no',
    OIDC_CLIENT_ID: 'soknadsportal',
    OIDC_CLIENT_KEY: JSON.stringify({ kty: 'RSA', n: 'x', e: 'AQAB', d: 'y', kid: 'k' }),
    OIDC_PID_SECRET: 'a-long-enough-secret-for-the-pid-hmac',
    PUBLIC_URL: 'https://soknad.example.no',
    PATIENT_ID_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  };

  it('in production, logs in only with HelseID (no development login) and requires SMTP', () => {
    const env = { NODE_ENV: 'production', DATA_DIR: dataDir(), ...helseId };
    expect(() => loadConfig(env, [])).toThrow(/SMTP_URL is required/);
    const config = loadConfig({ ...env, SMTP_URL: 'smtp://mail.example:25' }, []);
    expect(config.devLogin).toBe(false);
    expect(config.mail.mailboxDir).toBeNull();
    expect(config.helseId).toEqual({
      issuer: 'https://helseid-sts.test.nhn.no',
      clientId: 'soknadsportal',
      clientKey: { kty: 'RSA', n: 'x', e: 'AQAB', d: 'y', kid: 'k' },
      redirectUri: 'https://soknad.example.no/logg-inn/helseid/retur',
      pidSecret: 'a-long-enough-secret-for-the-pid-hmac',
      allowHttp: false,
    });
  });

  it('outside production, HelseID is optional and the development login is on without it', () => {
    const config = loadConfig({ DATA_DIR: dataDir() }, []);
    expect(config.helseId).toBeNull();
    expect(config.devLogin).toBe(true);
    const local = loadConfig(
      {
        DATA_DIR: dataDir(),
        ...helseId,
        OIDC_ISSUER: 'http://127.0.0.1:4000',
        PUBLIC_URL: 'http://localhost:3000',
        DEV_LOGIN: 'false',
      },
      [],
    );
    expect(local.helseId?.allowHttp).toBe(true);
    expect(local.devLogin).toBe(false);
  });

  it('keys identity number hashes with OIDC_PID_SECRET; without HelseID, outside production, with the development secret', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }, []).pidSecret).toBe(DEV_PID_SECRET);
    const env = {
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://m:25',
      DATA_DIR: dataDir(),
      ...helseId,
    };
    expect(loadConfig(env, []).pidSecret).toBe('a-long-enough-secret-for-the-pid-hmac');
  });

  it.each([
    [{}, false, DEV_PID_SECRET],
    [{ OIDC_PID_SECRET: '' }, false, DEV_PID_SECRET],
    [{ OIDC_PID_SECRET: 'x'.repeat(32) }, true, 'x'.repeat(32)],
    [{}, true, /OIDC_PID_SECRET is required/],
    [{ OIDC_PID_SECRET: 'x'.repeat(31) }, false, /at least 32/],
  ])('pidSecretFromEnv(%j, production %s) → %s', (env, production, expected) => {
    if (expected instanceof RegExp)
      expect(() => pidSecretFromEnv(env, production)).toThrow(expected);
    else expect(pidSecretFromEnv(env, production)).toBe(expected);
  });

  const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example:25', ...helseId };
  const local = { PUBLIC_URL: 'http://localhost:3000' };
  it.each([
    // [settings, development login on, or the refusal]
    [{}, true],
    [{ DEV_LOGIN: 'true' }, true],
    [{ DEV_LOGIN: 'false' }, false],
    // The README's `npm start`: no HelseID, http://localhost:3000.
    [{ ...local }, true],
    [{ ...helseId, ...local }, /HelseID is configured/],
    [{ PUBLIC_URL: 'https://soknad.example.no' }, /PUBLIC_URL is https/],
    [{ ...helseId }, /HelseID is configured \(OIDC_ISSUER\) and PUBLIC_URL is https/],
    [{ ...helseId, DEV_LOGIN: 'true' }, /would be on while HelseID/],
    [{ ...helseId, DEV_LOGIN: 'false' }, false],
    [{ ...production }, false],
    [{ ...production, DEV_LOGIN: 'false' }, false],
    [
      { ...production, DEV_LOGIN: 'true' },
      /production: refusing to start with the development login/,
    ],
    [{ DEV_LOGIN: 'yes' }, /Invalid DEV_LOGIN/],
  ])('decides the development login for %j: %s', (settings, expected) => {
    const env = { DATA_DIR: dataDir(), ...settings };
    if (expected instanceof RegExp) expect(() => loadConfig(env, [])).toThrow(expected);
    else expect(loadConfig(env, []).devLogin).toBe(expected);
  });

  it.each([
    // [settings, Secure cookies, or the refusal]
    [{}, false],
    [{ ...local }, false],
    [{ ...production }, true],
    [{ PUBLIC_URL: 'https://soknad.example.no', DEV_LOGIN: 'false' }, true],
    [{ ...production, COOKIE_SECURE: 'false' }, false],
    [{ COOKIE_SECURE: 'true' }, true],
    [{ COOKIE_SECURE: 'false' }, false],
    [{ COOKIE_SECURE: '1' }, /Invalid COOKIE_SECURE/],
  ])(
    'makes the cookies Secure when PUBLIC_URL is https, unless COOKIE_SECURE says: %j → %s',
    (settings, expected) => {
      const env = { DATA_DIR: dataDir(), ...settings };
      if (expected instanceof RegExp) expect(() => loadConfig(env, [])).toThrow(expected);
      else expect(loadConfig(env, []).cookieSecure).toBe(expected);
    },
  );

  it.each([
    // [settings, demo data loaded, or the refusal]
    [{}, true],
    [{ SEED_DEMO: 'true' }, true],
    [{ SEED_DEMO: 'false' }, false],
    [{ ...production }, false],
    [{ ...production, SEED_DEMO: 'false' }, false],
    [{ ...production, SEED_DEMO: 'true' }, /refusing to load the demo data/],
    [{ ...production, SEED_DEMO: 'true', ALLOW_DEMO_DATA_IN_PRODUCTION: 'false' }, /refusing/],
    [{ ...production, SEED_DEMO: 'true', ALLOW_DEMO_DATA_IN_PRODUCTION: 'true' }, true],
    [{ SEED_DEMO: 'no' }, /Invalid SEED_DEMO/],
  ])('decides the demo data for %j: %s', (settings, expected) => {
    const env = { DATA_DIR: dataDir(), ...settings };
    if (expected instanceof RegExp) expect(() => loadConfig(env, [])).toThrow(expected);
    else expect(loadConfig(env, []).seedDemo).toBe(expected);
  });

  it.each([
    [{ OIDC_CLIENT_KEY: undefined }, /needs OIDC_CLIENT_KEY/],
    [{ OIDC_CLIENT_KEY: 'secret' }, /not JSON/],
    [{ OIDC_CLIENT_KEY: '{"kty":"RSA","n":"x","e":"AQAB"}' }, /not a private JWK/],
    [{ OIDC_PID_SECRET: 'short' }, /at least 32/],
    [{ OIDC_ISSUER: 'helseid' }, /Invalid OIDC_ISSUER/],
    [{ NODE_ENV: 'production', SMTP_URL: 'smtp://m:25', OIDC_ISSUER: 'http://idp' }, /https/],
  ])('refuses HelseID settings %j', (change, error) => {
    const merged: NodeJS.ProcessEnv = { DATA_DIR: dataDir(), ...helseId, ...change };
    const env = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
    expect(() => loadConfig(env, [])).toThrow(error);
  });

  it.each([
    ['without HelseID: off', {}, null],
    [
      'HelseID outside production: the development audience by default',
      { ...helseId, PUBLIC_URL: 'http://localhost:3000', DEV_LOGIN: 'false' },
      { issuer: helseId.OIDC_ISSUER, audience: DEV_API_AUDIENCE, allowHttp: false },
    ],
    [
      'HelseID in production without OIDC_API_AUDIENCE: off',
      { ...helseId, NODE_ENV: 'production', SMTP_URL: 'smtp://m:25' },
      null,
    ],
    [
      'HelseID in production with OIDC_API_AUDIENCE',
      {
        ...helseId,
        NODE_ENV: 'production',
        SMTP_URL: 'smtp://m:25',
        OIDC_API_AUDIENCE: ' nhn:soknadsportal-api ',
      },
      { issuer: helseId.OIDC_ISSUER, audience: 'nhn:soknadsportal-api', allowHttp: false },
    ],
    ['OIDC_API_AUDIENCE without HelseID', { OIDC_API_AUDIENCE: 'nhn:x' }, /needs HelseID/],
    [
      'an audience with a space',
      {
        ...helseId,
        PUBLIC_URL: 'http://localhost:3000',
        DEV_LOGIN: 'false',
        OIDC_API_AUDIENCE: 'a b',
      },
      /Invalid OIDC_API_AUDIENCE/,
    ],
    [
      'an audience with a slash (the scope is <audience>/nasjonalt)',
      {
        ...helseId,
        PUBLIC_URL: 'http://localhost:3000',
        DEV_LOGIN: 'false',
        OIDC_API_AUDIENCE: 'https://x/',
      },
      /Invalid OIDC_API_AUDIENCE/,
    ],
  ])('system access (OIDC_API_AUDIENCE): %s', (_, settings, expected) => {
    const env = { DATA_DIR: dataDir(), ...settings };
    if (expected instanceof RegExp) expect(() => loadConfig(env, [])).toThrow(expected);
    else expect(loadConfig(env, []).machineAccess).toEqual(expected);
  });

  it('has session timeouts and rate limits, 30 min idle, 12 h in all, 60 logins and 300 searches a minute', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }, [])).toMatchObject({
      sessions: { idleMinutes: 30, absoluteHours: 12 },
      rateLimits: { login: 60, search: 300, export: 30 },
    });
    const env = {
      DATA_DIR: dataDir(),
      SESSION_IDLE_MINUTES: '15',
      SESSION_MAX_HOURS: '8',
      RATE_LIMIT_LOGIN: '5',
      RATE_LIMIT_SEARCH: '50',
      RATE_LIMIT_EXPORT: '4',
    };
    expect(loadConfig(env, [])).toMatchObject({
      sessions: { idleMinutes: 15, absoluteHours: 8 },
      rateLimits: { login: 5, search: 50, export: 4 },
    });
    expect(() => loadConfig({ DATA_DIR: dataDir(), SESSION_IDLE_MINUTES: '0' }, [])).toThrow(
      /Invalid SESSION_IDLE_MINUTES/,
    );
  });

  it('defaults to port 3000, PGlite in ./data and demo data', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir }, []);
    expect(config).toMatchObject({
      port: 3000,
      dataDir: dir,
      databaseUrl: undefined,
      seedDemo: true,
      demoCases: true,
    });
  });

  it.each([
    [{}, true],
    [{ DEMO_CASES: 'true' }, true],
    [{ DEMO_CASES: 'false' }, false],
    [{ DEMO_CASES: 'nei' }, /Invalid DEMO_CASES/],
  ])("decides the demo trusts' own cases for %j: %s", (settings, expected) => {
    const env = { DATA_DIR: dataDir(), ...settings };
    if (expected instanceof RegExp) expect(() => loadConfig(env, [])).toThrow(expected);
    else expect(loadConfig(env, []).demoCases).toBe(expected);
  });

  it('reads the patient-id key ring (first encrypts), the development key without one', () => {
    const k2 = Buffer.alloc(32, 2).toString('base64');
    const k1 = Buffer.alloc(32, 1).toString('base64');
    const ring = loadConfig(
      { DATA_DIR: dataDir(), PATIENT_ID_KEYS: `k2:${k2},k1:${k1}` },
      [],
    ).patientIdKeys;
    expect(ring.current).toBe('k2');
    expect([...ring.keys.keys()]).toEqual(['k2', 'k1']);
    expect(loadConfig({ DATA_DIR: dataDir() }, []).patientIdKeys.current).toBe('dev-not-secret');
    expect(() => loadConfig({ DATA_DIR: dataDir(), PATIENT_ID_KEYS: 'k1:short' }, [])).toThrow(
      /not 32 bytes/,
    );
  });

  it('reads PORT, DATABASE_URL and --dev', () => {
    const config = loadConfig(
      { PORT: '4100', DATABASE_URL: 'postgres://x@localhost/y', DATA_DIR: dataDir() },
      ['--dev'],
    );
    expect(config).toMatchObject({
      port: 4100,
      databaseUrl: 'postgres://x@localhost/y',
      dev: true,
    });
  });

  it('schedules the FEST re-import only with FEST_URL, daily at 04:00 unless FEST_CRON says otherwise', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }, []).fest).toBeNull();
    expect(
      loadConfig({ FEST_URL: 'https://example.org/fest.xml.gz', DATA_DIR: dataDir() }, []).fest,
    ).toEqual({ url: 'https://example.org/fest.xml.gz', cron: '0 4 * * *' });
    expect(
      loadConfig({ FEST_URL: '/srv/fest.xml', FEST_CRON: '30 5 * * 1-5', DATA_DIR: dataDir() }, [])
        .fest,
    ).toEqual({ url: '/srv/fest.xml', cron: '30 5 * * 1-5' });
    expect(() =>
      loadConfig({ FEST_URL: '/srv/fest.xml', FEST_CRON: 'daily', DATA_DIR: dataDir() }, []),
    ).toThrow(/Invalid FEST_CRON/);
  });

  it.each([
    [{}, false],
    [{ TRUST_PROXY: 'false' }, false],
    [{ TRUST_PROXY: 'true' }, true],
    [{ TRUST_PROXY: '1' }, 1],
    [{ TRUST_PROXY: ' 2 ' }, 2],
    [{ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }, 'loopback,10.0.0.0/8,fd00::/8'],
    [{ TRUST_PROXY: 'my-proxy' }, /Invalid TRUST_PROXY/],
  ])('reads TRUST_PROXY (Express trust proxy) %j → %j', (settings, expected) => {
    const env = { DATA_DIR: dataDir(), ...settings };
    if (expected instanceof RegExp) expect(() => loadConfig(env, [])).toThrow(expected);
    else expect(loadConfig(env, []).trustProxy).toBe(expected);
  });

  it('rejects a bad PORT', () => {
    expect(() => loadConfig({ PORT: 'abc', DATA_DIR: dataDir() }, [])).toThrow(/Invalid PORT/);
  });

  it('keeps a generated session secret in DATA_DIR across restarts', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }, []).sessionSecrets;
    expect(loadConfig({ DATA_DIR: dir }, []).sessionSecrets).toEqual(first);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toBe(first[0]);
  });

  it('takes SESSION_SECRET (comma-separated for rotation) over the file', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), SESSION_SECRET: 'new,old' }, []);
    expect(config.sessionSecrets).toEqual(['new', 'old']);
  });

  it('keeps attachments in the database by default, at most 20 MB each', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }, []).attachments).toEqual({
      store: 'db',
      dir: join(dir, 'attachments'),
      maxBytes: 20 * 1024 * 1024,
    });
  });

  it('reads ATTACHMENT_STORE, ATTACHMENT_DIR and ATTACHMENT_MAX_BYTES', () => {
    const env = {
      DATA_DIR: dataDir(),
      ATTACHMENT_STORE: 'folder',
      ATTACHMENT_DIR: '/srv/vedlegg',
      ATTACHMENT_MAX_BYTES: '1048576',
    };
    expect(loadConfig(env, []).attachments).toEqual({
      store: 'folder',
      dir: '/srv/vedlegg',
      maxBytes: 1048576,
    });
  });

  it.each([
    [{ ATTACHMENT_STORE: 's3' }, /Invalid ATTACHMENT_STORE/],
    [{ ATTACHMENT_MAX_BYTES: '20MB' }, /Invalid ATTACHMENT_MAX_BYTES/],
    [{ ATTACHMENT_MAX_BYTES: '0' }, /Invalid ATTACHMENT_MAX_BYTES/],
  ])('rejects %j', (env, error) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env }, [])).toThrow(error);
  });

  it('catches mail in the development mailbox unless SMTP_URL is set', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }, []).mail).toEqual({
      smtpUrl: null,
      from: 'Søknadsportal <ikke-svar@localhost>',
      publicUrl: 'http://localhost:3000',
      mailboxDir: join(dir, 'dev-mail'),
    });
    const env = {
      DATA_DIR: dir,
      SMTP_URL: 'smtp://mail.example:2525',
      MAIL_FROM: 'Søknadsportal <ikke-svar@example.no>',
      PUBLIC_URL: 'https://soknad.example.no/',
      DEV_LOGIN: 'false',
    };
    expect(loadConfig(env, []).mail).toEqual({
      smtpUrl: 'smtp://mail.example:2525',
      from: 'Søknadsportal <ikke-svar@example.no>',
      publicUrl: 'https://soknad.example.no',
      mailboxDir: null,
    });
  });

  it.each<[Record<string, string>, string]>([
    [{}, 'http://localhost:3000'],
    [{ PORT: '3100' }, 'http://localhost:3100'],
    [{ PORT: '3100', HOST: '0.0.0.0' }, 'http://localhost:3100'],
    [{ PORT: '3100', HOST: '::' }, 'http://localhost:3100'],
    [{ PORT: '8080', HOST: 'soknad.internal' }, 'http://soknad.internal:8080'],
    [{ PORT: '8080', HOST: '10.0.0.5' }, 'http://10.0.0.5:8080'],
    [{ PORT: '8080', HOST: 'fd00::5' }, 'http://[fd00::5]:8080'],
    [{ PORT: '3100', PUBLIC_URL: 'http://portal.local:8000/' }, 'http://portal.local:8000'],
  ])(
    'takes the address in e-mail links from PUBLIC_URL, else from HOST and PORT: %j → %s',
    (env, url) => {
      expect(loadConfig({ DATA_DIR: dataDir(), ...env }, []).mail.publicUrl).toBe(url);
    },
  );

  it('lets an address taken from the port follow the port chosen, and leaves PUBLIC_URL as it is', async () => {
    const local = { ...helseId, OIDC_ISSUER: 'http://127.0.0.1:4000', DEV_LOGIN: 'false' };
    const { PUBLIC_URL: _set, ...withoutUrl } = local;
    const fromPort = loadConfig({ DATA_DIR: dataDir(), ...withoutUrl, PORT: '0' }, []);
    expect(fromPort.publicUrlFromPort).toBe(true);
    const moved = atPort(fromPort, 41234);
    expect(moved.port).toBe(41234);
    expect(moved.mail.publicUrl).toBe('http://localhost:41234');
    expect(moved.helseId?.redirectUri).toBe('http://localhost:41234/logg-inn/helseid/retur');
    const given = loadConfig(
      { DATA_DIR: dataDir(), ...local, PUBLIC_URL: 'http://localhost:3000', PORT: '0' },
      [],
    );
    expect(given.publicUrlFromPort).toBe(false);
    expect(atPort(given, 41234).mail.publicUrl).toBe('http://localhost:3000');
    expect(atPort(given, 41234).helseId?.redirectUri).toBe(
      'http://localhost:3000/logg-inn/helseid/retur',
    );
    // PORT=0: a free port is chosen before the app is built, and the address follows it.
    const chosen = await withFreePort(fromPort);
    expect(chosen.port).toBeGreaterThan(0);
    expect(chosen.mail.publicUrl).toBe(localPublicUrl('127.0.0.1', chosen.port));
    const fixed = loadConfig({ DATA_DIR: dataDir(), PORT: '3100' }, []);
    expect(await withFreePort(fixed)).toBe(fixed);
  });

  it('requires PUBLIC_URL in production: never an address guessed from the port', () => {
    const { PUBLIC_URL: _set, ...withoutUrl } = helseId;
    const env = {
      NODE_ENV: 'production',
      DATA_DIR: dataDir(),
      SMTP_URL: 'smtp://mail.example:25',
      PORT: '8080',
    };
    expect(() => loadConfig({ ...env, ...withoutUrl }, [])).toThrow(/PUBLIC_URL is required/);
    expect(loadConfig({ ...env, ...helseId }, []).mail.publicUrl).toBe('https://soknad.example.no');
  });

  it.each([
    [{ SMTP_URL: 'mail.example:25' }, /Invalid SMTP_URL/],
    [{ PUBLIC_URL: 'ftp://example' }, /Invalid PUBLIC_URL/],
    [{ PUBLIC_URL: 'not a url' }, /Invalid PUBLIC_URL/],
  ])('refuses bad mail settings %j', (env, error) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env }, [])).toThrow(error);
  });
});
