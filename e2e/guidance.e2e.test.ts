import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import { endorseInBrowser, startDraftOverHttp, submitOverHttp } from './application';
import {
  expectAccessible,
  expectAccessibleWithoutJs,
  launchChromium,
  signInAs,
  startApp,
  type RunningApp,
} from './harness';

/** Saves a place's guidance through its form, as the signed-in administrator. */
async function writeGuidance(
  page: Page,
  baseUrl: string,
  slug: string,
  place: string,
  text: string,
) {
  await page.goto(`${baseUrl}/admin/veiledning/${slug}`);
  const form = page.getByRole('form', { name: `Veiledning: ${place}` });
  await form.getByLabel('Tekst', { exact: true }).fill(text);
  await form.getByLabel('Tittel på lenke 1').fill(`Rutiner for ${place.toLowerCase()}`);
  await form.getByLabel('Adresse til lenke 1').fill(`https://helse-bergen.no/${slug}`);
  await form.getByRole('button', { name: 'Lagre veiledningen' }).click();
  await page.getByText('Veiledningen er lagret.').waitFor();
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

  it("an administrator writes guidance; the trust's doctor, leader and director see it in place", async () => {
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
    await writeGuidance(
      admin,
      app.url,
      'forankring',
      'Forankring',
      'Sjekk kostnaden mot budsjettet.',
    );
    await writeGuidance(admin, app.url, 'vedtak', 'Vedtak', 'Send kopi av vedtaket til apoteket.');
    await admin.context().close();

    // A doctor of the trust sees it on the application form, under the form's own guidance.
    const doctor = await signIn('Ingrid Haugland');
    await doctor.goto(`${app.url}${await startDraftOverHttp(doctor.request, app.url)}/rediger`);
    const local = doctor.getByRole('region', { name: 'Veiledning fra helseforetaket' });
    await local.waitFor();
    expect(await local.getByRole('paragraph').allInnerTexts()).toEqual([
      'Ring sykehusapoteket på 55 97 00 00 før du søker.',
      'Legg ved siste epikrise.',
    ]);
    const link = local.getByRole('link', { name: 'Sykehusapotekets rutiner' });
    expect(await link.getAttribute('href')).toBe('https://helse-bergen.no/apotek');
    await expectAccessible(doctor);
    const caseUrl = `${app.url}${await submitOverHttp(doctor.request, app.url)}`;
    await doctor.context().close();

    // The leader sees the endorsement's guidance in the endorsement form, under the national one.
    const leader = await signIn('Kari Nordtveit');
    await leader.goto(caseUrl);
    const endorsement = leader.getByRole('form', { name: 'Forankring' });
    const atEndorsement = endorsement.getByRole('region', {
      name: 'Veiledning fra helseforetaket',
    });
    await atEndorsement.getByText('Sjekk kostnaden mot budsjettet.').waitFor();
    expect(
      await atEndorsement
        .getByRole('link', { name: 'Rutiner for forankring' })
        .getAttribute('href'),
    ).toBe('https://helse-bergen.no/forankring');
    await expectAccessible(leader);
    await endorseInBrowser(leader, 'Forankre søknaden', 'Godt begrunnet.');
    await leader.getByText(/Søknaden er forankret/).waitFor();
    await leader.context().close();

    // The director sees the decision's guidance beside the decision form, under the regulations.
    const director = await signIn('Per Vik');
    await director.goto(caseUrl);
    const guide = director.getByRole('complementary', { name: 'Veiledning og regelverk' });
    const atDecision = guide.getByRole('region', { name: 'Veiledning fra helseforetaket' });
    await atDecision.getByText('Send kopi av vedtaket til apoteket.').waitFor();
    await expectAccessible(director);
    await director.context().close();

    // Another trust's doctor does not get it.
    const elsewhere = await signIn('Eirik Tjelta');
    await elsewhere.goto(
      `${app.url}${await startDraftOverHttp(elsewhere.request, app.url)}/rediger`,
    );
    await elsewhere.getByRole('heading', { level: 1 }).waitFor();
    expect(await elsewhere.getByText('Veiledning fra helseforetaket').count()).toBe(0);
    await elsewhere.context().close();
  });
});
