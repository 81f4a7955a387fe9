import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHprNumber } from '../app/db/seed.server';
import { TEST_DATABASES } from '../app/test/databases';
import { expectAccessible, expectAccessibleWithoutJs, useAppAndBrowser } from './harness';
import { startHelseId, type HelseIdForApp } from './helseid-provider';

const INGRID = demoHprNumber('HBE', 0);
/** Geir Berge, Helse Bergen's administrator. */
const GEIR = demoHprNumber('HBE', 6);
/** Sigrid Vangen: roles in Helse Stavanger and Oslo universitetssykehus (ADR 0026). */
const SIGRID = '9109900';
const STRANGER = '1234567';
/** Eva Økonom: no HPR number (an economist on the committee); HelseID knows her by identity number. */
const EVA = 'eva';
const EVA_PID = '15038510271';
/** Hanne Lege: a doctor an administrator adds twice, by identity number and by HPR number. */
const HANNE = '9109922';
const HANNE_PID = '12838500186';

describe.each(TEST_DATABASES)('HelseID login in Chromium on %s', (kind) => {
  let helseId: HelseIdForApp;
  const contexts: BrowserContext[] = [];

  // Before the app's own hooks: the provider starts before the app and stops after it.
  beforeAll(async () => {
    helseId = await startHelseId({
      people: {
        [INGRID]: { name: 'Ingrid Haugland', pid: '99009100000', hprNumber: INGRID },
        [GEIR]: { name: 'Geir Berge', pid: '99009100006', hprNumber: GEIR },
        [STRANGER]: { name: 'Ukjent Lege', pid: '99001234567', hprNumber: STRANGER },
        [SIGRID]: { name: 'Sigrid Vangen', pid: '99009109900', hprNumber: SIGRID },
        [EVA]: { name: 'Eva Økonom', pid: EVA_PID },
        [HANNE]: { name: 'Hanne Lege', pid: HANNE_PID, hprNumber: HANNE },
      },
    });
  });
  afterAll(() => helseId.provider.stop());

  const e2e = useAppAndBrowser(kind, () => ({
    env: helseId.env,
  }));

  /** A fresh browser (no session at the app or the provider), through HelseID as `login`. */
  async function logInWithHelseId(login: string, from = '/logg-inn'): Promise<Page> {
    const context = await e2e.browser.newContext({ locale: 'nb-NO' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${e2e.app.url}${from}`);
    await page.getByRole('heading', { level: 2, name: 'Logg inn med HelseID' }).waitFor();
    await page.getByRole('button', { name: 'Logg inn med HelseID' }).click();
    await page.waitForURL((url) => url.href.startsWith(helseId.provider.issuer));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('hva som helst');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL((url) => url.href.startsWith(e2e.app.url));
    return page;
  }

  const sessionCookie = async (page: Page) =>
    (await page.context().cookies(e2e.app.url)).find((c) => c.name === 'sp_session');

  it('shows HelseID and no development login beside it', async () => {
    const context = await e2e.browser.newContext({ locale: 'nb-NO' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${e2e.app.url}/logg-inn`);
    await expect(
      page.getByRole('button', { name: 'Logg inn med HelseID' }).isVisible(),
    ).resolves.toBe(true);
    expect(await page.getByRole('heading', { name: /Utviklingsinnlogging/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Logg inn som / }).count()).toBe(0);
    await expectAccessible(page);
    await expectAccessibleWithoutJs(e2e.browser, context, `${e2e.app.url}/logg-inn`);
  });

  it('logs a level 4 user in by HPR number, with a new session, to their own trust', async () => {
    const page = await logInWithHelseId(INGRID);
    await page.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    await page.getByText('Innlogget som Ingrid Haugland, Helse Bergen HF').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await sessionCookie(page)).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The PKCE/state cookie is gone once used.
    expect((await page.context().cookies(e2e.app.url)).map((c) => c.name)).not.toContain(
      'sp_helseid',
    );
    await expectAccessible(page);

    // Logging out ends the session on the server: the old cookie no longer works.
    const stale = (await sessionCookie(page))?.value ?? '';
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    const replay = await fetch(`${e2e.app.url}/`, {
      headers: { Cookie: `sp_session=${stale}` },
      redirect: 'manual',
    });
    expect(replay.status).toBe(302);
    expect(replay.headers.get('Location')).toBe('/logg-inn');
  });

  it('brings a user back to the page that asked for the login', async () => {
    const page = await logInWithHelseId(INGRID, '/register?status=submitted');
    await page.getByText('Innlogget som Ingrid Haugland, Helse Bergen HF').waitFor();
    expect(page.url()).toBe(`${e2e.app.url}/register?status=submitted`);
  });

  it('sends a user with roles in two trusts to the chooser, and on in the trust she picks', async () => {
    const page = await logInWithHelseId(SIGRID);
    await page.getByRole('heading', { level: 1, name: 'Velg helseforetak' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/velg-helseforetak');
    await page.getByRole('button', { name: 'Fortsett i Oslo universitetssykehus HF' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    await page.getByText('Innlogget som Sigrid Vangen, Oslo universitetssykehus HF').waitFor();
  });

  it('refuses a level 3 login with a Norwegian message, and starts no session', async () => {
    const page = await logInWithHelseId(`${INGRID}:3`);
    await page.getByRole('heading', { level: 1, name: 'Du ble ikke logget inn' }).waitFor();
    await page.getByText('Du må logge inn på sikkerhetsnivå 4').waitFor();
    expect(await sessionCookie(page)).toBeUndefined();
    await expectAccessible(page);
    await page.goto(`${e2e.app.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  });

  it('refuses a person who is not a user, and creates nobody', async () => {
    const page = await logInWithHelseId(STRANGER);
    await page.getByRole('heading', { level: 1, name: 'Du ble ikke logget inn' }).waitFor();
    await page.getByText('Du er ikke registrert som bruker i Søknadsportal').waitFor();
    expect(await sessionCookie(page)).toBeUndefined();
    await expectAccessible(page);
  });

  // After the tests above: Ingrid's level 4 login and her level 3 refusal are on record.
  it('keeps the HelseID login and the level 3 refusal for the administrator («Innlogginger»)', async () => {
    const admin = await logInWithHelseId(GEIR);
    await admin.goto(`${e2e.app.url}/admin/brukere`);
    await admin.getByRole('link', { name: 'Ingrid Haugland' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Roller for Ingrid Haugland' }).waitFor();
    const rows = admin.getByRole('table', { name: 'Innlogginger' }).getByRole('row');
    const logins = rows.filter({ hasText: 'Logget inn' }).filter({ hasText: 'HelseID' });
    await expect.poll(() => logins.count()).toBeGreaterThanOrEqual(1);
    const refused = rows
      .filter({ hasText: 'Innlogging avvist' })
      .filter({ hasText: 'HelseID: for lavt sikkerhetsnivå' });
    expect(await refused.count()).toBe(1);
    await expectAccessible(admin);
  });

  it('lets an administrator add someone without an HPR number by identity number, who then logs in', async () => {
    // Not a user yet: refused.
    const before = await logInWithHelseId(EVA);
    await before.getByText('Du er ikke registrert som bruker i Søknadsportal').waitFor();

    const admin = await logInWithHelseId(GEIR);
    await admin.goto(`${e2e.app.url}/admin/brukere`);
    await admin.getByLabel('Navn', { exact: true }).fill('Eva Økonom');
    await admin.getByLabel('E-post').fill('eva.okonom@example.test');
    const idNumber = admin.getByLabel('HPR-nummer eller fødselsnummer');
    // A control digit wrong first: refused with its message, everything typed kept.
    await idNumber.fill('150385 10272');
    await admin.getByLabel('Rolle', { exact: true }).selectOption('assessor');
    await admin.getByRole('button', { name: 'Legg til person' }).click();
    await admin.getByText('Fødselsnummeret er ikke gyldig. Sjekk de 11 sifrene.').first().waitFor();
    expect(await admin.getByLabel('Navn', { exact: true }).inputValue()).toBe('Eva Økonom');
    await expectAccessible(admin);
    await idNumber.fill('150385 10271');
    await admin.getByRole('button', { name: 'Legg til person' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Roller for Eva Økonom' }).waitFor();
    // The number is not shown (nor kept): only that she is known by it.
    await admin.getByText('Ingen (kjent på fødselsnummer)').waitFor();
    expect(await admin.content()).not.toContain(EVA_PID);
    await expectAccessible(admin);

    const eva = await logInWithHelseId(EVA);
    await eva.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    await eva.getByText('Innlogget som Eva Økonom, Helse Bergen HF').waitFor();
    await expectAccessible(eva);
  });

  it('joins a doctor added once by identity number and once by HPR number when she logs in', async () => {
    const admin = await logInWithHelseId(GEIR);
    const add = async (email: string, idNumber: string, role: string) => {
      await admin.goto(`${e2e.app.url}/admin/brukere`);
      await admin.getByLabel('Navn', { exact: true }).fill('Hanne Lege');
      await admin.getByLabel('E-post').fill(email);
      await admin.getByLabel('HPR-nummer eller fødselsnummer').fill(idNumber);
      await admin.getByLabel('Rolle', { exact: true }).selectOption(role);
      await admin.getByRole('button', { name: 'Legg til person' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Roller for Hanne Lege' }).waitFor();
    };
    await add('hanne.fnr@example.test', HANNE_PID, 'assessor');
    await add('hanne.hpr@example.test', HANNE, 'decisionMaker');
    await admin.goto(`${e2e.app.url}/admin/brukere`);
    expect(await admin.getByRole('link', { name: 'Hanne Lege' }).count()).toBe(2);

    // HelseID sends both numbers: the two users become one, with both roles.
    const hanne = await logInWithHelseId(HANNE);
    await hanne.getByText('Innlogget som Hanne Lege, Helse Bergen HF').waitFor();
    expect(await sessionCookie(hanne)).toBeDefined();

    await admin.goto(`${e2e.app.url}/admin/brukere`);
    await admin.getByRole('link', { name: 'Hanne Lege' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Roller for Hanne Lege' }).waitFor();
    await admin.getByText(HANNE, { exact: true }).waitFor();
    const roles = admin.getByRole('table', { name: 'Roller' });
    await roles.getByText('Vurderingskomité').waitFor();
    await roles.getByText('Fagdirektør').waitFor();
    await admin.getByText('Fikk rollen Vurderingskomité fra Hanne Lege').waitFor();
    expect(await admin.content()).not.toContain(HANNE_PID);
    await expectAccessible(admin);
  });

  it('refuses a return from HelseID that this browser did not start', async () => {
    const response = await fetch(`${e2e.app.url}/logg-inn/helseid/retur?code=forged&state=forged`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Start innloggingen på nytt');
  });
});
