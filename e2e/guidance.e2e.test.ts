import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import { endorseInBrowser, startDraftOverHttp, submitOverHttp } from './application';
import { expectAccessible, expectAccessibleWithoutJs, useAppAndBrowser } from './harness';

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
  const e2e = useAppAndBrowser(kind);

  it("an administrator writes guidance; the trust's doctor, leader and director see it in place", async () => {
    const admin = await e2e.signIn('Geir Berge');
    await admin
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Administrasjon' })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Administrasjon' }).waitFor();
    await admin.getByRole('link', { name: 'Veiledning', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Veiledning' }).waitFor();
    await expectAccessible(admin);
    await expectAccessibleWithoutJs(e2e.browser, admin.context(), admin.url());
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
      e2e.app.url,
      'forankring',
      'Forankring',
      'Sjekk kostnaden mot budsjettet.',
    );
    await writeGuidance(
      admin,
      e2e.app.url,
      'vedtak',
      'Vedtak',
      'Send kopi av vedtaket til apoteket.',
    );
    await admin.context().close();

    // A doctor of the trust sees it on the application form, under the form's own guidance.
    const doctor = await e2e.signIn('Ingrid Haugland');
    await doctor.goto(
      `${e2e.app.url}${await startDraftOverHttp(doctor.request, e2e.app.url)}/rediger`,
    );
    const local = doctor.getByRole('region', { name: 'Veiledning fra helseforetaket' });
    await local.waitFor();
    expect(await local.getByRole('paragraph').allInnerTexts()).toEqual([
      'Ring sykehusapoteket på 55 97 00 00 før du søker.',
      'Legg ved siste epikrise.',
    ]);
    const link = local.getByRole('link', { name: 'Sykehusapotekets rutiner' });
    expect(await link.getAttribute('href')).toBe('https://helse-bergen.no/apotek');
    await expectAccessible(doctor);
    const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
    await doctor.context().close();

    // The leader sees the endorsement's guidance in the endorsement form, under the national one.
    const leader = await e2e.signIn('Kari Nordtveit');
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
    const director = await e2e.signIn('Per Vik');
    await director.goto(caseUrl);
    const guide = director.getByRole('complementary', { name: 'Veiledning og regelverk' });
    const atDecision = guide.getByRole('region', { name: 'Veiledning fra helseforetaket' });
    await atDecision.getByText('Send kopi av vedtaket til apoteket.').waitFor();
    await expectAccessible(director);
    await director.context().close();

    // Another trust's doctor does not get it.
    const elsewhere = await e2e.signIn('Eirik Tjelta');
    await elsewhere.goto(
      `${e2e.app.url}${await startDraftOverHttp(elsewhere.request, e2e.app.url)}/rediger`,
    );
    await elsewhere.getByRole('heading', { level: 1 }).waitFor();
    expect(await elsewhere.getByText('Veiledning fra helseforetaket').count()).toBe(0);
    await elsewhere.context().close();
  });

  it('two administrators save the same guidance with JavaScript: the second keeps the text, sees the version that won and saves again', async () => {
    const url = `${e2e.app.url}/admin/veiledning/vurdering`;
    const [winner, loser] = await Promise.all([e2e.signIn('Geir Berge'), e2e.signIn('Geir Berge')]);
    await Promise.all([winner.goto(url), loser.goto(url)]);
    const form = (page: Page) => page.getByRole('form', { name: 'Veiledning: Vurdering' });
    const text = (page: Page) => form(page).getByLabel('Tekst', { exact: true });
    const save = (page: Page) =>
      form(page).getByRole('button', { name: 'Lagre veiledningen' }).click();
    const history = (page: Page) =>
      page.getByRole('table', { name: 'Tidligere versjoner' }).getByRole('row');
    // Both pages run (hydrated), so the saves below are the app's own, not a page load.
    for (const page of [winner, loser]) {
      await expect
        .poll(() =>
          form(page).evaluate((f) => Object.keys(f).some((key) => key.startsWith('__react'))),
        )
        .toBe(true);
    }

    await text(winner).fill('Komiteen møtes hver tirsdag.');
    await save(winner);
    await winner.getByText('Veiledningen er lagret.').waitFor();

    const mine = 'Send saken til komiteen innen fredag.\n\nLegg ved arbeidsskjemaet.';
    const mark = await loser.evaluate(() => {
      const w = window as unknown as { __samePage?: number };
      w.__samePage = Math.random();
      return w.__samePage;
    });
    await text(loser).fill(mine);
    await save(loser);
    await loser.getByRole('heading', { name: 'Veiledningen er endret av en annen' }).waitFor();
    expect(await text(loser).inputValue()).toBe(mine);
    await loser.getByText('Komiteen møtes hver tirsdag.').waitFor();
    // Read again after the 409, without a reload: the history has the version that won.
    await expect.poll(() => history(loser).count()).toBe(2);
    expect(await history(loser).nth(1).getByRole('cell').allInnerTexts()).toEqual([
      '1',
      expect.any(String),
      'Geir Berge',
      '28 tegn, 0 lenker',
    ]);
    expect(
      await loser.evaluate(() => (window as unknown as { __samePage?: number }).__samePage),
    ).toBe(mark);
    await expectAccessible(loser);

    // Saved again, the text is stored as version 2.
    await save(loser);
    await loser.getByText('Veiledningen er lagret.').waitFor();
    await loser.goto(url);
    expect(await text(loser).inputValue()).toBe(mine);
    await expect.poll(() => history(loser).count()).toBe(3);
    expect(await history(loser).nth(1).getByRole('cell').first().innerText()).toBe('2');
    await winner.context().close();
    await loser.context().close();
  });
});
