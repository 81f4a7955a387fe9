import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { msg } from '../app/i18n';
import { demoActors } from '../app/test/actors';
import { prepareCase } from '../app/test/case-states';
import { TEST_DATABASES } from '../app/test/databases';
import {
  completeDraftOverHttp,
  endorseInBrowser,
  saveAnswersOverHttp,
  startDraftOverHttp,
  submitOverHttp,
  waitUntilSaved,
} from './application';
import { expectAccessible, type RunningApp, useAppAndBrowser } from './harness';

/** Starts a draft over HTTP as the signed-in doctor, with `answers` saved; its editor's URL. */
async function draftWith(page: Page, app: RunningApp, answers: Record<string, unknown> = {}) {
  const caseUrl = await startDraftOverHttp(page.request, app.url);
  await saveAnswersOverHttp(page.request, app.url, caseUrl, answers);
  return `${app.url}${caseUrl}/rediger`;
}

/** The id of the focused element. */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Issues found by the usability walk on the applicant's side (docs/adr/0019). */
describe.each(TEST_DATABASES)("the applicant's usability in Chromium on %s", (kind) => {
  /** A case the committee has asked its applicant for more information on. */
  let awaitingInformation = '';

  const e2e = useAppAndBrowser(kind, {
    prepare: async (db) => {
      const hbe = await demoActors(db, 'HBE');
      awaitingInformation = (await prepareCase(db, hbe, 'awaitingInformation')).caseId;
    },
  });

  it('keeps focus and every keystroke while autosave refuses a text that is too long', async () => {
    const page = await e2e.signIn('Ingrid Haugland');
    await page.goto(await draftWith(page, e2e.app));
    await page.locator('[data-save-state="idle"]').waitFor();
    await page.getByLabel('Alternativer som er prøvd').fill('x'.repeat(10_001));
    const benefit = page.getByLabel('Forventet nytte', { exact: true });
    await benefit.click();
    const before = (await benefit.boundingBox())?.y ?? 0;
    // Typing goes on while the refused save comes back (800 ms after the paste).
    const typed = 'Remisjon hos om lag 60 prosent etter seks måneder med behandling';
    await benefit.pressSequentially(typed, { delay: 40 });
    await page.locator('[data-save-state="invalid"]').waitFor();
    await benefit.pressSequentially(' og mindre proteinuri.', { delay: 20 });

    expect(await benefit.inputValue()).toBe(`${typed} og mindre proteinuri.`);
    expect(await focusedId(page)).toBe('q-expectedBenefit');
    // Not scrolled away: the field stays where it was on the screen.
    expect(Math.abs(((await benefit.boundingBox())?.y ?? Infinity) - before)).toBeLessThan(4);
    expect(await page.locator('ds-error-summary').count()).toBe(0);
    await page.getByText('Teksten kan ha høyst 10 000 tegn.').waitFor();
    await page
      .getByRole('status')
      .getByText('Ikke lagret: rett feilen i «Alternativer som er prøvd».')
      .waitFor();
    await expectAccessible(page);

    // Shortened, it saves; the explicit «Se over og send inn» still gets the error summary.
    await page.getByLabel('Alternativer som er prøvd').fill('Ciklosporin i 6 måneder');
    await waitUntilSaved(page);
    await page.getByLabel('Alternativer som er prøvd').fill('x'.repeat(10_001));
    await page.getByRole('button', { name: 'Se over og send inn' }).click();
    await page.locator('ds-error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('DS-ERROR-SUMMARY');
    await page.context().close();
  });

  it('shows the leader’s question at the top of a returned case and its editor', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
    const leader = await e2e.signIn('Kari Nordtveit');
    await leader.goto(caseUrl);
    await endorseInBrowser(
      leader,
      'Returner til søker med et spørsmål',
      'Hvilken dose er planlagt?',
    );
    await expect.poll(() => leader.getByText(msg.confirmations.returnToApplicant).count()).toBe(1);
    await leader.context().close();

    for (const url of [caseUrl, `${caseUrl}/rediger`]) {
      await doctor.goto(url);
      const alert = doctor.getByText('Søknaden er returnert til deg med et spørsmål');
      await alert.waitFor();
      await doctor.getByText(/^Kari Nordtveit, Leder, spurte \d/).waitFor();
      await doctor.locator('blockquote', { hasText: 'Hvilken dose er planlagt?' }).waitFor();
      // At the top: above the first section of the page.
      const top = (await alert.boundingBox())?.y ?? Infinity;
      const next = doctor.getByRole('heading', { level: 2 }).nth(1);
      expect(top).toBeLessThan((await next.boundingBox())?.y ?? 0);
      await expectAccessible(doctor);
    }
    await doctor.getByRole('link', { name: 'Svar i dialogen' }).click();
    await doctor.waitForURL(`${caseUrl}/meldinger`);
    await doctor.getByLabel('Melding', { exact: true }).waitFor();
    // The answer in the dialog has its question above it.
    await doctor.locator('blockquote', { hasText: 'Hvilken dose er planlagt?' }).waitFor();
    await expectAccessible(doctor);
    await doctor.context().close();
  });

  it('shows the committee’s request for information at the top, and the answer before withdrawing', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    await doctor.goto(`${e2e.app.url}/saker/${awaitingInformation}`);
    const alert = doctor.getByText('Det er bedt om flere opplysninger');
    await alert.waitFor();
    await doctor.getByText(/^Solveig Aase, Vurderingskomité, spurte \d/).waitFor();
    await doctor.locator('blockquote', { hasText: 'Hvilken dose er planlagt?' }).waitFor();
    const top = (await alert.boundingBox())?.y ?? Infinity;
    expect(top).toBeLessThan(
      (await doctor.getByRole('heading', { level: 2 }).nth(1).boundingBox())?.y ?? 0,
    );
    // Its link leads to the answer's form, which comes before «Trekk søknaden».
    await doctor.getByRole('link', { name: 'Gå til «Send opplysninger»' }).click();
    await expect.poll(() => new URL(doctor.url()).hash).toBe('#action-provideInformation');
    const actions = await doctor
      .locator('[id^="action-"]')
      .evaluateAll((headings) => headings.map((h) => h.id));
    expect(actions.indexOf('action-provideInformation')).toBeGreaterThanOrEqual(0);
    expect(actions.indexOf('action-provideInformation')).toBeLessThan(
      actions.indexOf('action-withdraw'),
    );
    await expectAccessible(doctor);
    await doctor.context().close();
  });

  it('scrolls a field focused by Tab clear of the sticky save bar', async () => {
    const page = await e2e.signIn('Ingrid Haugland', {
      viewport: { width: 1280, height: 900 },
    });
    await page.goto(await draftWith(page, e2e.app));
    await page.locator('[data-save-state="idle"]').waitFor();
    // «Behandlingsvarighet» just under the top edge of the bar, «Administrasjonsvei» focused.
    await page.evaluate(() => {
      const bar = document.querySelector('.sp-savebar')?.getBoundingClientRect();
      const field = document.getElementById('q-duration')?.getBoundingClientRect();
      if (!bar || !field) throw new Error('no bar or field');
      window.scrollBy(0, field.top - (bar.top + 8));
      document.getElementById('q-route')?.focus({ preventScroll: true });
    });
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('q-duration');
    const bar = await page.locator('.sp-savebar').boundingBox();
    const field = await page.locator('#q-duration').boundingBox();
    expect((field?.y ?? Infinity) + (field?.height ?? 0)).toBeLessThanOrEqual(bar?.y ?? 0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('asks for a drug before suggesting a scheme, and focuses the suggestion', async () => {
    const page = await e2e.signIn('Ingrid Haugland');
    await page.goto(`${e2e.app.url}/saker/ny`);
    await page.locator('[id="q.drug"][type="search"]').waitFor();
    await page.getByRole('button', { name: 'Foreslå ordning' }).click();
    await page
      .getByText('Velg legemiddelet fra listen, eller skriv navnet, så kan vi foreslå en ordning.')
      .first()
      .waitFor();
    expect(await page.getByText(/finnes ikke i FEST/).count()).toBe(0);
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    await expectAccessible(page);

    const drug = page.locator('[id="q.drug"][type="search"]');
    await drug.click();
    await drug.pressSequentially('Rituximab 500 mg', { delay: 10 });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Foreslå ordning' }).click();
    await page.getByText(/^Forslag: /).waitFor();
    await expect.poll(() => focusedId(page)).toBe('route-suggestion');
    await expectAccessible(page);
    await page.context().close();
  });

  it('finds the drug by the name typed without JavaScript, and suggests its scheme from FEST', async () => {
    const page = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
    await page.goto(`${e2e.app.url}/saker/ny`);
    // FEST's name, typed (there is no list without JavaScript).
    await page.locator('[id="q.drug"]').fill('certican disperg tab 0,1 mg');
    await page.getByLabel('Nei, bruken er utenfor godkjent indikasjon').check();
    await page.getByRole('button', { name: 'Foreslå ordning' }).click();
    const suggestion = page.getByText(/^Forslag: /);
    await suggestion.waitFor();
    expect(await suggestion.innerText()).toBe('Forslag: Utenfor godkjent indikasjon (off-label)');
    expect(await page.getByText(/finnes ikke i FEST/).count()).toBe(0);
    // The product goes with the form, as if picked from the list.
    expect(await page.locator('input[type="hidden"][name="q.drug"]').inputValue()).toMatch(/^ID_/);
    // Started without saying who it is for: refused, and the router's answer stays as chosen.
    await page.getByRole('button', { name: 'Start søknaden' }).click();
    await page.getByText('Dette spørsmålet må besvares før søknaden sendes inn.').first().waitFor();
    expect(await page.getByLabel('Nei, bruken er utenfor godkjent indikasjon').isChecked()).toBe(
      true,
    );
    await page.context().close();
  });

  it('shows an invalid value at its field once saved, and the summary’s link focuses the field', async () => {
    const page = await e2e.signIn('Ingrid Haugland');
    await page.goto(await draftWith(page, e2e.app));
    await page.locator('[data-save-state="idle"]').waitFor();
    await page.getByLabel('Pasientens fødselsnummer').fill('1234');
    await page.getByLabel('Pakninger per måned').fill('tre');
    await page.getByLabel('Anslått kostnad (kr)').fill('12.03.2025');
    await waitUntilSaved(page);
    await page.getByText('Fødselsnummeret må være 11 siffer.').waitFor();
    await expect.poll(() => page.getByText('Skriv et tall (null eller større).').count()).toBe(2);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Se over og send inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Oppsummering' }).waitFor();
    await page
      .getByRole('link', { name: 'Pasientens fødselsnummer: Fødselsnummeret må være 11 siffer.' })
      .click();
    await expect.poll(() => focusedId(page)).toBe('q-patientId');
    const label = await page.locator('label[for="q-patientId"]').boundingBox();
    expect(label?.y ?? -1).toBeGreaterThanOrEqual(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows diagnoses by name and the cost as an amount on the summary', async () => {
    const page = await e2e.signIn('Ingrid Haugland');
    const { caseUrl } = await completeDraftOverHttp(page.request, e2e.app.url, {
      costEstimate: '154008',
    });
    await page.goto(`${e2e.app.url}${caseUrl}/oppsummering`);
    await page.locator('dd', { hasText: /^N04\.2 Nefrotisk syndrom .+ \(ICD-10\)\s*$/ }).waitFor();
    await page.getByText('154\u00a0008', { exact: true }).waitFor();
    expect(await page.getByText('ICD10:N04.2').count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });
});
