import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readBackup } from '../app/features/cases/ui/unsaved-backup';
import { completeAnswers } from '../app/test/actors';
import { completeDraftOverHttp, waitUntilSaved } from './application';
import {
  expectAccessible,
  expectAccessibleWithoutJs,
  expectAccessibleWithoutJsAsShown,
  sameOrigin,
  useAppAndBrowser,
} from './harness';

/**
 * The edit page never loses or silently undoes what a user typed: without JavaScript (a form
 * shown again after a refused save, a co-author's save after a conflict, a save after the
 * application was sent in, a save after the session ended) and with it (the backup of unsaved
 * text, an ended session, an unresolved conflict, over a reload too). The merge is the database's compare-and-set either way: PGlite only.
 */
describe('the edit page keeps what the user typed', () => {
  const e2e = useAppAndBrowser('pglite');

  const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
  const save = (page: Page) => page.getByRole('button', { name: 'Lagre', exact: true }).click();

  /** A complete draft by Ingrid Haugland with Lars Myklebust invited: its edit page's URL. */
  async function draftWithCoAuthor(doctor: Page): Promise<{ editUrl: string; version: number }> {
    const { caseUrl, version } = await completeDraftOverHttp(doctor.request, e2e.app.url);
    const editUrl = `${e2e.app.url}${caseUrl}/rediger`;
    await doctor.goto(editUrl);
    await doctor
      .getByLabel('Kollega i samme helseforetak')
      .selectOption({ label: 'Lars Myklebust, Lege i spesialisering' });
    await doctor.getByRole('button', { name: 'Inviter som medforfatter' }).click();
    await doctor.getByText('Lars Myklebust er invitert som medforfatter.').waitFor();
    return { editUrl, version };
  }

  /** The answers as stored: the edit page loaded afresh by someone else. */
  async function storedValue(editUrl: string, label: string): Promise<string> {
    const reader = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
    await reader.goto(editUrl);
    const value = await field(reader, label).inputValue();
    await reader.context().close();
    return value;
  }

  it('without JavaScript shows the diagnosis codes as typed and names the unknown ones', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
    const { caseUrl } = await completeDraftOverHttp(doctor.request, e2e.app.url);
    const editUrl = `${e2e.app.url}${caseUrl}/rediger`;
    await doctor.goto(editUrl);
    expect(await field(doctor, 'Diagnoser').inputValue()).toBe('ICD10:N04.2');

    // A valid new code with a refused field beside it: the code is saved and still shown.
    await field(doctor, 'Diagnoser').fill('ICD10:N04.2, D45');
    await field(doctor, 'Alvorlighet').fill('y'.repeat(10_001));
    await field(doctor, 'Antall måneder').fill('seks');
    await save(doctor);
    await doctor.getByText('Noen felt ble ikke lagret. Se feilmeldingene.').waitFor();
    expect(await field(doctor, 'Diagnoser').inputValue()).toBe('ICD10:N04.2, D45');
    // The summary lists every error the fields show, the stored number that is not one too.
    await doctor
      .getByRole('link', { name: 'Antall måneder: Skriv et tall (null eller større).' })
      .waitFor();
    expect(await field(doctor, 'Alvorlighet').inputValue()).toHaveLength(10_001);
    await doctor
      .getByRole('link', { name: 'Alvorlighet: Teksten kan ha høyst 10 000 tegn.' })
      .waitFor();
    expect(await storedValue(editUrl, 'Diagnoser')).toBe('ICD10:N04.2, ICD10:D45');

    // Saving again once the text is fixed keeps the code (it used to remove it without a word).
    await field(doctor, 'Alvorlighet').fill('Kortere');
    await field(doctor, 'Antall måneder').fill('6');
    await save(doctor);
    await doctor.getByText('Endringene er lagret.').waitFor();
    expect(await field(doctor, 'Diagnoser').inputValue()).toBe('ICD10:N04.2, ICD10:D45');

    // An unknown code: the field comes back as typed, valid code included, and says which.
    await field(doctor, 'Diagnoser').fill('N04.2, XYZ99');
    await save(doctor);
    await doctor.getByText('Noen felt ble ikke lagret. Se feilmeldingene.').waitFor();
    expect(await field(doctor, 'Diagnoser').inputValue()).toBe('N04.2, XYZ99');
    const error = doctor.getByText(/^Finner ikke diagnosekoden XYZ99 i ICD-10 eller ICPC-2/);
    expect(await error.count()).toBeGreaterThan(0);
    expect(await doctor.getByText(/Velg fra listen/i).count()).toBe(0);
    expect(await storedValue(editUrl, 'Diagnoser')).toBe('ICD10:N04.2, ICD10:D45');
    await doctor.context().close();
  });

  it('without JavaScript saving again after a conflict keeps the co-author’s other changes', async () => {
    const ingrid = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
    const { editUrl } = await draftWithCoAuthor(ingrid);
    const lars = await e2e.signIn('Lars Myklebust', { javaScriptEnabled: false });
    await lars.goto(editUrl);

    await field(ingrid, 'Indikasjon').fill('Ingrids indikasjon');
    await field(ingrid, 'Dose').fill('Ingrids dose');
    await save(ingrid);
    await ingrid.getByText('Endringene er lagret.').waitFor();

    // Lars's page still shows the old dose; he changes the indication and the route.
    await field(lars, 'Indikasjon').fill('Lars sin indikasjon');
    await field(lars, 'Administrasjonsvei').fill('Subkutant');
    await save(lars);
    await lars.getByText(/Noen felt ble endret av en medforfatter samtidig/).waitFor();
    expect(await field(lars, 'Indikasjon').inputValue()).toBe('Lars sin indikasjon');
    expect(await field(lars, 'Administrasjonsvei').inputValue()).toBe('Subkutant');
    // The field only Ingrid changed shows her value, not the one Lars's page started from.
    expect(await field(lars, 'Dose').inputValue()).toBe('Ingrids dose');
    // What Ingrid wrote is shown beside his, without buttons that need JavaScript.
    await lars.getByText('«Indikasjon» ble endret av en medforfatter mens du skrev.').waitFor();
    await lars.getByText('Ingrids indikasjon').waitFor();
    expect(await lars.getByRole('button', { name: 'Behold min' }).count()).toBe(0);

    await save(lars);
    await lars.getByText('Endringene er lagret.').waitFor();
    expect(await storedValue(editUrl, 'Dose')).toBe('Ingrids dose');
    expect(await storedValue(editUrl, 'Indikasjon')).toBe('Lars sin indikasjon');
    expect(await storedValue(editUrl, 'Administrasjonsvei')).toBe('Subkutant');
    await ingrid.context().close();
    await lars.context().close();
  });

  it('without JavaScript shows a co-author what they typed when the application was sent in meanwhile', async () => {
    const ingrid = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
    const { editUrl, version } = await draftWithCoAuthor(ingrid);
    const lars = await e2e.signIn('Lars Myklebust', { javaScriptEnabled: false });
    await lars.goto(editUrl);
    await field(lars, 'Indikasjon').fill('Lars skrev dette før innsendingen');

    const caseUrl = editUrl.replace(/\/rediger$/, '');
    const submitted = await ingrid.request.post(`${caseUrl}/oppsummering`, {
      headers: sameOrigin(e2e.app.url),
      // The invitation is an event, not a change of the answers: the version is the draft's.
      form: { event: 'submit', version: String(version) },
      maxRedirects: 0,
    });
    expect(submitted.status()).toBe(302);

    await save(lars);
    await lars
      .getByRole('heading', { level: 1, name: 'Søknaden kan ikke lenger endres' })
      .waitFor();
    expect(new URL(lars.url()).pathname).toBe(new URL(editUrl).pathname);
    await lars
      .getByText('Dette skrev du (det er ikke lagret, kopier det om du trenger det):')
      .waitFor();
    await lars.getByText('Lars skrev dette før innsendingen').waitFor();
    await lars.getByRole('link', { name: 'Gå til saken' }).waitFor();
    // The page as a browser without JavaScript got it, checked with axe.
    const checker = await e2e.browser.newContext();
    const copy = await checker.newPage();
    await copy.setContent(
      (await lars.content())
        .replace(/<script\b[\s\S]*?<\/script>/gi, '')
        .replace('<head>', `<head><base href="${e2e.app.url}/">`),
    );
    await expectAccessible(copy);
    await checker.close();
    await ingrid.context().close();
    await lars.context().close();
  });

  it('without JavaScript shows what was typed when the session has ended, and saves it again after a new login', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
    const { caseUrl } = await completeDraftOverHttp(doctor.request, e2e.app.url);
    const editPath = `${caseUrl}/rediger`;
    const editUrl = `${e2e.app.url}${editPath}`;
    await doctor.goto(editUrl);

    // The session ends on the server (as at a timeout) while the browser still sends its cookie.
    const cookies = await doctor.context().cookies();
    const ended = await doctor.request.post(`${e2e.app.url}/logg-ut`, {
      headers: sameOrigin(e2e.app.url),
      maxRedirects: 0,
    });
    expect(ended.status()).toBe(302);
    await doctor.context().addCookies(cookies);

    await field(doctor, 'Dose').fill('Skrevet etter at økten var slutt');
    await field(doctor, 'Administrasjonsvei').fill('Subkutant, skrevet utlogget');
    const [answer] = await Promise.all([
      doctor.waitForResponse((response) => response.request().method() === 'POST'),
      save(doctor),
    ]);
    expect(answer.status()).toBe(401);
    await doctor.getByRole('heading', { level: 1, name: 'Du er logget ut' }).waitFor();
    expect(new URL(doctor.url()).pathname).toBe(editPath);
    await doctor
      .getByText('Skjemaet ble ikke lagret, fordi du ikke lenger er logget inn.')
      .waitFor();
    await doctor
      .getByText('Dette skrev du (det er ikke lagret, kopier det om du trenger det):')
      .waitFor();
    await doctor.getByText('Skrevet etter at økten var slutt').waitFor();
    await doctor.getByText('Subkutant, skrevet utlogget').waitFor();
    // What the user changed, not the fields they left as stored.
    expect(await doctor.getByText('Membranøs nefropati, terapiresistent').count()).toBe(0);
    const login = doctor.getByRole('link', { name: 'Logg inn igjen (åpnes i ny fane)' });
    expect(await login.getAttribute('target')).toBe('_blank');
    expect(await login.getAttribute('href')).toBe(
      `/logg-inn?tilbake=${encodeURIComponent(editPath)}`,
    );
    await expectAccessibleWithoutJsAsShown(e2e.browser, doctor);
    expect(await storedValue(editUrl, 'Dose')).toBe('1000 mg dag 1 og 15');

    // Logged in again in a new tab of the same browser, one click here saves what was typed.
    const [tab] = await Promise.all([doctor.context().waitForEvent('page'), login.click()]);
    await tab.getByRole('button', { name: 'Logg inn som Ingrid Haugland' }).click();
    await tab.waitForURL(editUrl);
    await doctor.getByRole('button', { name: 'Lagre på nytt' }).click();
    await doctor.getByText('Endringene er lagret.').waitFor();
    expect(await field(doctor, 'Dose').inputValue()).toBe('Skrevet etter at økten var slutt');
    expect(await storedValue(editUrl, 'Dose')).toBe('Skrevet etter at økten var slutt');
    expect(await storedValue(editUrl, 'Administrasjonsvei')).toBe('Subkutant, skrevet utlogget');

    // Without a session the answer holds the post's own body and nothing stored.
    const stranger = await e2e.browser.newContext();
    const refused = await stranger.request.post(editUrl, {
      headers: sameOrigin(e2e.app.url),
      form: { intent: 'save', 'q.dose': 'Bare dette', 'q.dose.present': '1' },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(401);
    const page = await refused.text();
    expect(page).toContain('Bare dette');
    expect(page).not.toContain('Skrevet etter at økten var slutt');
    expect(page).not.toContain('Membranøs nefropati');
    await stranger.close();
    await doctor.context().close();
  });

  it('with JavaScript says autosave stopped when the application was sent in, and «Lagre» shows the text', async () => {
    const ingrid = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
    const { editUrl, version } = await draftWithCoAuthor(ingrid);
    const lars = await e2e.signIn('Lars Myklebust');
    await lars.goto(editUrl);
    await waitForAutosave(lars);
    const submitted = await ingrid.request.post(
      `${editUrl.replace(/\/rediger$/, '')}/oppsummering`,
      {
        headers: sameOrigin(e2e.app.url),
        form: { event: 'submit', version: String(version) },
        maxRedirects: 0,
      },
    );
    expect(submitted.status()).toBe(302);
    await field(lars, 'Indikasjon').fill('Lars skrev dette med JavaScript');
    await lars.locator('[data-save-state="closed"]').waitFor({ timeout: 15_000 });
    await save(lars);
    await lars
      .getByRole('heading', { level: 1, name: 'Søknaden kan ikke lenger endres' })
      .waitFor();
    await lars.getByText('Lars skrev dette med JavaScript').waitFor();
    await expectAccessible(lars);
    await ingrid.context().close();
    await lars.context().close();
  });

  it('without JavaScript does not promise autosave and says to save before the other forms', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
    const { caseUrl } = await completeDraftOverHttp(doctor.request, e2e.app.url);
    const editUrl = `${e2e.app.url}${caseUrl}/rediger`;
    await doctor.goto(editUrl);
    expect(await doctor.getByText('Endringer lagres automatisk mens du skriver.').count()).toBe(0);
    await doctor.getByText('Endringene lagres når du trykker «Lagre».').waitFor();
    await doctor
      .getByText(/^Trykk «Lagre» nederst i skjemaet før du inviterer eller fjerner en medforfatter/)
      .waitFor();
    await doctor
      .getByText(/^Trykk «Lagre» nederst i skjemaet før du laster opp eller fjerner vedlegg/)
      .waitFor();
    await expectAccessibleWithoutJs(e2e.browser, doctor.context(), editUrl);

    const withJs = await e2e.signIn('Ingrid Haugland');
    await withJs.goto(editUrl);
    await withJs.getByText('Endringer lagres automatisk mens du skriver.').waitFor();
    expect(await withJs.getByText(/^Trykk «Lagre» nederst i skjemaet/).count()).toBe(0);
    await doctor.context().close();
    await withJs.context().close();
  });

  it('with JavaScript backs up every edit while saves fail, and restores the latest text', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const { caseUrl } = await completeDraftOverHttp(doctor.request, e2e.app.url);
    const editUrl = `${e2e.app.url}${caseUrl}/rediger`;
    await doctor.goto(editUrl);
    await waitForAutosave(doctor);
    await doctor.route('**/lagre', (route) => route.abort('internetdisconnected'));
    const dose = field(doctor, 'Dose');
    await dose.click();
    await doctor.keyboard.press('End');
    for (const word of [' FØRSTE', ' ANDRE', ' TREDJE']) {
      await doctor.keyboard.type(word, { delay: 20 });
      await doctor.waitForTimeout(1500);
    }
    const expected = '1000 mg dag 1 og 15 FØRSTE ANDRE TREDJE';
    const backup = await doctor.evaluate(() => Object.values(sessionStorage).join());
    expect(backup).toContain(expected);

    await doctor.unroute('**/lagre');
    doctor.on('dialog', (dialog) => void dialog.accept());
    await doctor.reload();
    await expect.poll(() => dose.inputValue()).toBe(expected);
    await waitUntilSaved(doctor);
    expect(await storedValue(editUrl, 'Dose')).toBe(expected);
    await doctor.context().close();
  });

  it('with JavaScript never restores one user’s unsaved text for the next to sign in in the same tab', async () => {
    const ingrid = await e2e.signIn('Ingrid Haugland');
    const { editUrl } = await draftWithCoAuthor(ingrid);
    const caseId = editUrl.split('/').at(-2) ?? '';
    await ingrid.goto(editUrl);
    await waitForAutosave(ingrid);
    await ingrid.route('**/lagre', (route) => route.abort('internetdisconnected'));
    await field(ingrid, 'Dose').fill('Ingrids ulagrede dose');
    await expect.poll(() => backupIn(ingrid, caseId)).toContain('Ingrids ulagrede dose');
    await ingrid.unroute('**/lagre');

    // She signs out; Lars signs in in the same tab (a shared workstation) and opens the case.
    ingrid.on('dialog', (dialog) => void dialog.accept());
    await ingrid.getByRole('button', { name: 'Logg ut' }).click();
    await ingrid.getByRole('button', { name: 'Logg inn som Lars Myklebust' }).click();
    await ingrid.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    await ingrid.goto(editUrl);
    await waitForAutosave(ingrid);
    expect(await field(ingrid, 'Dose').inputValue()).toBe(completeAnswers.dose);
    await ingrid.waitForTimeout(1500);
    expect(await storedValue(editUrl, 'Dose')).toBe(completeAnswers.dose);
    await expectAccessible(ingrid);
    await ingrid.context().close();
  });

  it('with JavaScript says when the session has ended, keeps the text and saves after a new login', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const { caseUrl } = await completeDraftOverHttp(doctor.request, e2e.app.url);
    const editUrl = `${e2e.app.url}${caseUrl}/rediger`;
    await doctor.goto(editUrl);
    await waitForAutosave(doctor);
    await doctor.context().clearCookies();
    await field(doctor, 'Dose').fill('Skrevet etter utlogging');
    await doctor.locator('[data-save-state="loggedOut"]').waitFor({ timeout: 15_000 });
    await doctor.getByText(/^Du er logget ut, så endringene er ikke lagret/).waitFor();
    const login = doctor.getByRole('link', { name: 'Logg inn igjen (åpnes i ny fane)' });
    expect(await login.getAttribute('target')).toBe('_blank');
    await expectAccessible(doctor);
    const backup = await doctor.evaluate(() => Object.values(sessionStorage).join());
    expect(backup).toContain('Skrevet etter utlogging');

    // Logging in again in another tab of the same browser: the page saves on its next try.
    const [tab] = await Promise.all([doctor.context().waitForEvent('page'), login.click()]);
    await tab.getByRole('button', { name: 'Logg inn som Ingrid Haugland' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    await doctor.bringToFront();
    await doctor.locator('[data-save-state="saved"]').waitFor({ timeout: 40_000 });
    expect(await storedValue(editUrl, 'Dose')).toBe('Skrevet etter utlogging');
    await doctor.context().close();
  });

  it('with JavaScript never says all is saved while a conflict is unresolved', async () => {
    const ingrid = await e2e.signIn('Ingrid Haugland');
    const { editUrl } = await draftWithCoAuthor(ingrid);
    const lars = await e2e.signIn('Lars Myklebust');
    await lars.goto(editUrl);
    await waitForAutosave(lars);
    await ingrid.goto(editUrl);
    // Typed before hydration, the text could land beside the field's own (a CI run stored
    // «Ingrids indikasjonMembranøs …»): a user types into a page that is running.
    await waitForAutosave(ingrid);
    await field(ingrid, 'Indikasjon').fill('Ingrids indikasjon');
    await waitUntilSaved(ingrid);

    await field(lars, 'Indikasjon').fill('Lars sin indikasjon');
    await lars.getByRole('heading', { name: 'Endret av en annen samtidig' }).waitFor();
    const status = lars.locator('[data-save-state="conflict"]');
    await status.waitFor();
    expect(await status.innerText()).toBe(
      'Ikke lagret: en annen endret «Indikasjon» samtidig. Velg «Behold min» eller «Bruk lagret».',
    );
    expect(await lars.getByText(/^Alt er lagret/).count()).toBe(0);

    // «Lagre» takes him to the choice instead of claiming success.
    await save(lars);
    await expect
      .poll(() => lars.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('Endret av en annen samtidig');
    expect(new URL(lars.url()).pathname).toBe(new URL(editUrl).pathname);
    expect(await lars.getByText('Endringene er lagret.').count()).toBe(0);
    expect(await storedValue(editUrl, 'Indikasjon')).toBe('Ingrids indikasjon');

    await lars.getByRole('button', { name: 'Behold min' }).click();
    await waitUntilSaved(lars);
    expect(await storedValue(editUrl, 'Indikasjon')).toBe('Lars sin indikasjon');
    await ingrid.context().close();
    await lars.context().close();
  });

  it('with JavaScript keeps the value of a field in conflict over a reload and while others save', async () => {
    const ingrid = await e2e.signIn('Ingrid Haugland');
    const { editUrl } = await draftWithCoAuthor(ingrid);
    const lars = await e2e.signIn('Lars Myklebust');
    await lars.goto(editUrl);
    await waitForAutosave(lars);
    await ingrid.goto(editUrl);
    // Typed before hydration, the text could land beside the field's own (a CI run stored
    // «Ingrids indikasjonMembranøs …»): a user types into a page that is running.
    await waitForAutosave(ingrid);
    await field(ingrid, 'Indikasjon').fill('Ingrids indikasjon');
    await waitUntilSaved(ingrid);

    const indication = field(lars, 'Indikasjon');
    await indication.fill('Lars sin indikasjon');
    const conflict = lars.getByRole('heading', { name: 'Endret av en annen samtidig' });
    await conflict.waitFor();
    // Leaving asks first, and a reload brings the conflict back with his value in the field.
    const dialogs: string[] = [];
    lars.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await lars.reload();
    expect(dialogs).toEqual(['beforeunload']);
    await lars.locator('[data-save-state="conflict"]').waitFor();
    await conflict.waitFor();
    expect(await indication.inputValue()).toBe('Lars sin indikasjon');
    expect(await storedValue(editUrl, 'Indikasjon')).toBe('Ingrids indikasjon');
    await expectAccessible(lars);

    // Ingrid changes it again; Lars types on there, and another field of his is saved: the
    // stored indication that comes back with that save does not replace his.
    await field(ingrid, 'Indikasjon').fill('Ingrids andre indikasjon');
    await waitUntilSaved(ingrid);
    await indication.click();
    await lars.keyboard.press('End');
    await lars.keyboard.type(' og mer');
    const doseSaved = lars.waitForResponse((r) => r.url().endsWith('/lagre') && r.ok());
    await field(lars, 'Dose').fill('Lars sin dose');
    await doseSaved;
    const backup = () => lars.evaluate(() => Object.values(sessionStorage).join());
    await expect.poll(backup).not.toContain('Lars sin dose');
    expect(await backup()).toContain('Lars sin indikasjon og mer');
    expect(await indication.inputValue()).toBe('Lars sin indikasjon og mer');
    expect(await storedValue(editUrl, 'Dose')).toBe('Lars sin dose');

    // «Behold min» keeps what the field holds; Ingrid's second change is a conflict of its own.
    await lars.getByRole('button', { name: 'Behold min' }).click();
    await lars.getByRole('definition').filter({ hasText: 'Ingrids andre indikasjon' }).waitFor();
    expect(await storedValue(editUrl, 'Indikasjon')).toBe('Ingrids andre indikasjon');
    await lars.getByRole('button', { name: 'Behold min' }).click();
    await waitUntilSaved(lars);
    expect(await indication.inputValue()).toBe('Lars sin indikasjon og mer');
    expect(await storedValue(editUrl, 'Indikasjon')).toBe('Lars sin indikasjon og mer');
    await ingrid.context().close();
    await lars.context().close();
  });

  it('with JavaScript forgets the value of a field in conflict once «Bruk lagret» is chosen', async () => {
    const ingrid = await e2e.signIn('Ingrid Haugland');
    const { editUrl } = await draftWithCoAuthor(ingrid);
    const lars = await e2e.signIn('Lars Myklebust');
    await lars.goto(editUrl);
    await waitForAutosave(lars);
    await ingrid.goto(editUrl);
    // Typed before hydration, the text could land beside the field's own (a CI run stored
    // «Ingrids indikasjonMembranøs …»): a user types into a page that is running.
    await waitForAutosave(ingrid);
    await field(ingrid, 'Indikasjon').fill('Ingrids indikasjon');
    await waitUntilSaved(ingrid);

    await field(lars, 'Indikasjon').fill('Lars sin indikasjon');
    await lars.getByRole('button', { name: 'Bruk lagret' }).click();
    expect(await field(lars, 'Indikasjon').inputValue()).toBe('Ingrids indikasjon');
    await lars.reload();
    await waitForAutosave(lars);
    expect(await field(lars, 'Indikasjon').inputValue()).toBe('Ingrids indikasjon');
    expect(await lars.getByRole('heading', { name: 'Endret av en annen samtidig' }).count()).toBe(
      0,
    );
    await ingrid.context().close();
    await lars.context().close();
  });

  it('with JavaScript keeps the base of a field typed during a save: a co-author’s change meanwhile is a conflict', async () => {
    const ingrid = await e2e.signIn('Ingrid Haugland');
    const { editUrl } = await draftWithCoAuthor(ingrid);
    const caseUrl = editUrl.replace(/\/rediger$/, '');
    const lars = await e2e.signIn('Lars Myklebust');
    await lars.goto(editUrl);
    await waitForAutosave(lars);
    // Lars's saves wait on their way to the server until let through.
    let sent = 0;
    const waiting: (() => void)[] = [];
    await lars.route('**/saker/*/lagre', async (route) => {
      sent += 1;
      await new Promise<void>((resolve) => waiting.push(resolve));
      await route.continue();
    });
    const letThrough = () => waiting.shift()?.();

    // His dose is on its way when he changes the indication, from the stored one.
    await field(lars, 'Dose').fill('Lars sin dose');
    await expect.poll(() => sent).toBe(1);
    await field(lars, 'Indikasjon').fill('Lars sin indikasjon');
    const caseId = caseUrl.split('/').at(-1) ?? '';
    const backup = async () => readBackup(await backupIn(lars, caseId), {});
    await expect.poll(async () => (await backup()).indication?.value).toBe('Lars sin indikasjon');

    // Meanwhile Ingrid changes the indication too, from the same stored value.
    const saved = await ingrid.request.post(`${caseUrl}/lagre`, {
      headers: sameOrigin(e2e.app.url),
      data: {
        changes: { indication: { base: completeAnswers.indication, value: 'Ingrids indikasjon' } },
      },
    });
    expect(((await saved.json()) as { applied: string[] }).applied).toEqual(['indication']);

    // The dose's save comes back with her indication: his change still starts from the old one,
    // in the backup too.
    const doseSaved = lars.waitForResponse((r) => r.url().endsWith('/lagre'));
    letThrough();
    expect((await doseSaved).ok()).toBe(true);
    await expect.poll(() => sent).toBe(2);
    expect((await backup()).indication).toEqual({
      value: 'Lars sin indikasjon',
      base: completeAnswers.indication,
      conflict: false,
    });

    // Its save is a conflict: both values offered, hers stored until he chooses.
    letThrough();
    await lars.getByRole('heading', { name: 'Endret av en annen samtidig' }).waitFor();
    await lars.getByRole('definition').filter({ hasText: 'Ingrids indikasjon' }).waitFor();
    await lars.getByRole('button', { name: 'Behold min' }).waitFor();
    await lars.getByRole('button', { name: 'Bruk lagret' }).waitFor();
    expect(await field(lars, 'Indikasjon').inputValue()).toBe('Lars sin indikasjon');
    expect(await storedValue(editUrl, 'Indikasjon')).toBe('Ingrids indikasjon');
    expect(await storedValue(editUrl, 'Dose')).toBe('Lars sin dose');
    await expectAccessible(lars);
    await ingrid.context().close();
    await lars.context().close();
  });
});

/** Waits until the page's autosave runs (hydrated: its status is the autosave's). */
async function waitForAutosave(page: Page) {
  await page.locator('[data-save-state="idle"]').waitFor();
}

/** The tab's backup of a case's unsaved answers (its key names the user too), raw, or null. */
function backupIn(page: Page, caseId: string): Promise<string | null> {
  return page.evaluate((id) => {
    const key = Object.keys(sessionStorage).find((k) => k.endsWith(`:${id}`));
    return key ? sessionStorage.getItem(key) : null;
  }, caseId);
}
