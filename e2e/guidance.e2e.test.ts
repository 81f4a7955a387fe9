import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import {
  expectAccessible,
  expectAccessibleWithoutJs,
  launchChromium,
  sameOrigin,
  signInAs,
  startApp,
  type RunningApp,
} from './harness';

/** Starts a draft over HTTP (as «Ny søknad» does) and returns its edit page's path. */
async function startDraft(request: APIRequestContext, baseUrl: string): Promise<string> {
  const started = await request.post(`${baseUrl}/saker/ny`, {
    headers: sameOrigin(baseUrl),
    form: {
      'q.scheme': 'offLabel',
      'q.scheme.present': '1',
      'q.patientScope': 'single',
      'q.patientScope.present': '1',
    },
    maxRedirects: 0,
  });
  const edit = started.headers().location ?? '';
  expect(edit).toMatch(/^\/saker\/[0-9a-f-]{36}\/rediger$/);
  return edit;
}

const TEXT = 'Ring sykehusapoteket på 55 97 00 00 før du søker.\n\nLegg ved siste epikrise.';

describe.each(TEST_DATABASES)('trust guidance in Chromium on %s', (kind) => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(kind), launchChromium()]);
  });
  afterAll(async () => {
    await browser.close();
    await app.stop();
  });

  const signIn = (name: string): Promise<Page> => signInAs(browser, app, name);

  it('an administrator writes guidance for the application form; a doctor of the trust sees it there', async () => {
    const admin = await signIn('Geir Berge');
    await admin
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Administrasjon' })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Administrasjon' }).waitFor();
    await admin.getByRole('link', { name: 'Veiledning', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Veiledning' }).waitFor();
    await expectAccessible(admin);
    await expectAccessibleWithoutJs(browser, admin.context(), admin.url());
    await admin.getByRole('link', { name: 'Rediger veiledningen for søknadsskjemaet' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Veiledning: Søknadsskjemaet' }).waitFor();
    await expectAccessible(admin);
    const editUrl = admin.url();

    // A second tab on the same form, loaded before the first one saves (a second administrator).
    const other = await admin.context().newPage();
    await other.goto(editUrl);
    await other.getByRole('heading', { level: 1, name: 'Veiledning: Søknadsskjemaet' }).waitFor();

    // Bad links first: the summary names each error, and what was typed stays in the form.
    const form = admin.getByRole('form', { name: 'Veiledning: Søknadsskjemaet' });
    await form.getByLabel('Tekst', { exact: true }).fill(TEXT);
    await form.getByLabel('Adresse til lenke 1').fill('http://helse-bergen.no/apotek');
    await form.getByRole('button', { name: 'Lagre veiledningen' }).click();
    const summary = form.getByRole('group', { name: 'Rett opp følgende før du går videre:' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Tittel på lenke 1: Skriv en tittel på lenken.',
      'Adresse til lenke 1: Adressen må begynne med https://, ikke http://.',
    ]);
    expect(await form.getByLabel('Tekst', { exact: true }).inputValue()).toBe(TEXT);
    await expectAccessible(admin);

    await form.getByLabel('Tittel på lenke 1').fill('Sykehusapotekets rutiner');
    await form.getByLabel('Adresse til lenke 1').fill('https://helse-bergen.no/apotek');
    await form.getByRole('button', { name: 'Lagre veiledningen' }).click();
    await expect.poll(() => admin.getByText('Veiledningen er lagret.').count()).toBe(1);
    await expect.poll(() => admin.getByText(/av Geir Berge$/).count()).toBe(1);

    // The second tab saves on the version it loaded: refused, its text kept, the stored one shown.
    const stale = other.getByRole('form', { name: 'Veiledning: Søknadsskjemaet' });
    await stale.getByLabel('Tekst', { exact: true }).fill('Min egen tekst');
    await stale.getByRole('button', { name: 'Lagre veiledningen' }).click();
    await other.getByRole('heading', { name: 'Veiledningen er endret av en annen' }).waitFor();
    expect(await stale.getByLabel('Tekst', { exact: true }).inputValue()).toBe('Min egen tekst');
    await expect
      .poll(() => other.getByText('Ring sykehusapoteket på 55 97 00 00 før du søker.').count())
      .toBe(1);
    await expectAccessible(other);
    await admin.context().close();

    // A doctor of the trust sees it on the application form, under the form's own guidance.
    const doctor = await signIn('Ingrid Haugland');
    await doctor.goto(`${app.url}${await startDraft(doctor.request, app.url)}`);
    const local = doctor.getByRole('region', { name: 'Veiledning fra helseforetaket' });
    await local.waitFor();
    expect(await local.getByRole('paragraph').allInnerTexts()).toEqual([
      'Ring sykehusapoteket på 55 97 00 00 før du søker.',
      'Legg ved siste epikrise.',
    ]);
    const link = local.getByRole('link', { name: 'Sykehusapotekets rutiner' });
    expect(await link.getAttribute('href')).toBe('https://helse-bergen.no/apotek');
    await expectAccessible(doctor);
    await doctor.context().close();

    // Another trust's doctor does not get it.
    const elsewhere = await signIn('Eirik Tjelta');
    await elsewhere.goto(`${app.url}${await startDraft(elsewhere.request, app.url)}`);
    await elsewhere.getByRole('heading', { level: 1 }).waitFor();
    expect(await elsewhere.getByText('Veiledning fra helseforetaket').count()).toBe(0);
    await elsewhere.context().close();
  });
});
