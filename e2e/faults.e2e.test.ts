import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, type APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import { startDraftOverHttp, waitUntilSaved } from './application';
import {
  expectAccessible,
  sameOrigin,
  startApp,
  type RunningApp,
  useAppAndBrowser,
} from './harness';

const FIELDS = ['indication', 'severity', 'dose', 'duration'] as const;
type Field = (typeof FIELDS)[number];

/** Signs the doctor in through the login form's request, outside a browser; a request context. */
async function signInOverHttp(app: RunningApp, name: string): Promise<APIRequestContext> {
  const client = await request.newContext();
  const html = await (await client.get(`${app.url}/logg-inn`)).text();
  const form = html.split('<form').find((chunk) => chunk.includes(`Logg inn som ${name}`));
  const userId = /name="userId" value="([0-9a-f-]{36})"/.exec(form ?? '')?.[1] ?? '';
  const response = await client.post(`${app.url}/logg-inn`, {
    headers: sameOrigin(app.url),
    form: { userId },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  return client;
}

/** The stored answers, read through autosave with no changes (which writes nothing). */
async function storedAnswers(app: RunningApp, client: APIRequestContext, caseUrl: string) {
  const response = await client.post(`${app.url}${caseUrl}/lagre`, {
    headers: sameOrigin(app.url),
    data: { changes: {} },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { answers: Partial<Record<Field, string>> }).answers;
}

/** Issue #6: kill -9 of the server during a stream of autosaves loses no acknowledged save. */
describe.each(TEST_DATABASES)('kill -9 during autosaves on %s', (kind) => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp(kind);
  });
  afterAll(() => app.stop());

  it('keeps every save that was acknowledged, after a restart on the same data', async () => {
    let client = await signInOverHttp(app, 'Ingrid Haugland');
    const caseUrl = await startDraftOverHttp(client, app.url);
    expect(caseUrl).toMatch(/^\/saker\/[0-9a-f-]{36}$/);

    // Four writers, one field each, each saving a growing counter as fast as it is acknowledged.
    const acknowledged: Record<Field, number> = {
      indication: 0,
      severity: 0,
      dose: 0,
      duration: 0,
    };
    let killed = false;
    const writer = async (field: Field) => {
      for (let n = 1; !killed; n++) {
        const base = n === 1 ? null : `${field} ${n - 1}`;
        try {
          const response = await client.post(`${app.url}${caseUrl}/lagre`, {
            headers: sameOrigin(app.url),
            data: { changes: { [field]: { base, value: `${field} ${n}` } } },
          });
          if (!response.ok()) return;
          const result = (await response.json()) as { applied: string[] };
          if (!result.applied.includes(field)) return;
          acknowledged[field] = n;
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const writers = Promise.all(FIELDS.map(writer));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    killed = true;
    await app.crash();
    await writers;
    const total = Object.values(acknowledged).reduce((a, b) => a + b, 0);
    expect(total, 'saves acknowledged before the kill').toBeGreaterThan(4);

    await app.restart();
    await client.dispose();
    client = await signInOverHttp(app, 'Ingrid Haugland');
    const stored = await storedAnswers(app, client, caseUrl);
    for (const field of FIELDS) {
      // The last acknowledged value, or a later one whose answer the kill cut off.
      const n = Number((stored[field] ?? `${field} 0`).replace(`${field} `, ''));
      expect(
        n,
        `${field}: stored ${stored[field]}, acknowledged ${acknowledged[field]}`,
      ).toBeGreaterThanOrEqual(acknowledged[field]);
      expect(n).toBeLessThanOrEqual(acknowledged[field] + 1);
    }
    await client.dispose();
  });
});

const pgBin = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .map((v) => `/usr/lib/postgresql/${v}/bin/initdb`)
      .find((p) => existsSync(p))
  : undefined;
const cluster = (command: string, dir: string) =>
  execFileSync('bash', ['scripts/pg-cluster.sh', command, dir], { encoding: 'utf8' }).trim();

/** Issue #6: the database goes away while the app runs, and comes back. Needs PostgreSQL's binaries. */
describe.skipIf(!pgBin)('PostgreSQL down while the app runs', () => {
  // Not created here: the script makes it and gives it to the postgres user.
  const dir = join(tmpdir(), `sp-pg-outage-${randomBytes(6).toString('hex')}`);
  let databaseUrl = '';

  // Before the app's own hooks: the cluster starts before the app and stops after it.
  beforeAll(() => {
    databaseUrl = cluster('start', dir);
  });
  afterAll(() => {
    cluster('stop', dir);
  });
  const e2e = useAppAndBrowser('postgres', () => ({ databaseUrl }));

  it('shows a clear 503 page, keeps what the user typed, and recovers without a restart', async () => {
    const page = await e2e.signIn('Ingrid Haugland');
    await page.goto(`${e2e.app.url}/saker/ny`);
    await page.getByLabel('Pasientgruppe', { exact: true }).check();
    await page.getByLabel('Utenfor godkjent indikasjon (off-label)').check();
    await page.getByRole('button', { name: 'Start søknaden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rediger søknad' }).waitFor();
    const editUrl = page.url();
    const caseUrl = editUrl.replace(/\/rediger$/, '');
    await page.getByLabel('Dose', { exact: true }).fill('500 mg');
    await waitUntilSaved(page);

    cluster('pause', dir);
    try {
      // The user types on; the save fails, the editor says so and keeps the text.
      await page.getByLabel('Dose', { exact: true }).fill('1000 mg dag 1 og 15');
      await page.locator('[data-save-state="failed"]').waitFor({ timeout: 30_000 });
      await expect
        .poll(() => page.getByText('Kunne ikke lagre. Prøver igjen automatisk').count())
        .toBe(1);
      expect(await page.getByLabel('Dose', { exact: true }).inputValue()).toBe(
        '1000 mg dag 1 og 15',
      );

      // Any page: a Norwegian 503 page, accessible (a second tab; the editor stays open).
      const other = await page.context().newPage();
      const response = await other.goto(caseUrl);
      expect(response?.status()).toBe(503);
      await other
        .getByRole('heading', { level: 1, name: 'Tjenesten er midlertidig utilgjengelig' })
        .waitFor();
      await expectAccessible(other);
      await other.close();
      const autosave = await page.request.post(`${caseUrl}/lagre`, {
        headers: sameOrigin(e2e.app.url),
        data: { changes: { route: { base: null, value: 'Intravenøst' } } },
      });
      expect(autosave.status()).toBe(503);
    } finally {
      cluster('resume', dir);
    }

    // Back: the editor's retry (backoff up to 30 s) saves the text, and pages work again, without
    // restarting the app.
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 90_000 });
    expect((await page.request.get(`${e2e.app.url}/`)).status()).toBe(200);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Rediger søknad' }).waitFor();
    expect(await page.getByLabel('Dose', { exact: true }).inputValue()).toBe('1000 mg dag 1 og 15');
    await page.context().close();
  });
});
