import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCHEMES, type Scheme } from '../app/features/cases/domain/application';
import { completeAnswersFor } from '../app/test/actors';
import { sameOrigin } from './harness';

/** Fills the questionnaire form through its labels, as a person would. */
export async function fillApplication(page: Page, patientId: string) {
  const fill = (label: string, value: string) =>
    page.getByLabel(label, { exact: true }).fill(value);
  await fill('Pasientens fødselsnummer', patientId);
  await page.getByRole('checkbox', { name: 'Ja' }).check();
  // The diagnosis picker, by keyboard: type, wait for the suggestion, choose it with Enter.
  const diagnoses = page.locator('[id="q.diagnoses"][type="search"]'); // the picker, once hydrated
  await diagnoses.click();
  await diagnoses.pressSequentially('N04.2', { delay: 30 });
  await page.getByRole('option', { name: /^N04\.2 Nefrotisk syndrom/ }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page
    .locator('input[type="hidden"][name="q.diagnoses"][value="ICD10:N04.2"]')
    .waitFor({ state: 'attached' });
  await page.keyboard.press('Escape');
  await fill('Indikasjon', 'Membranøs nefropati, terapiresistent');
  await fill('Alvorlighet', 'Høy risiko for nyresvikt');
  const drug = page.locator('[id="q.drug"][type="search"]'); // the FEST combobox, once hydrated
  await drug.click();
  await drug.pressSequentially('Rituximab 500 mg', { delay: 10 });
  await page.keyboard.press('Escape');
  await fill('Dose', '1000 mg dag 1 og 15');
  await fill('Administrasjonsvei', 'Intravenøst');
  await fill('Behandlingsvarighet', '6 måneder');
  await fill('Godkjent indikasjon', 'Non-Hodgkin lymfom, KLL, revmatoid artritt');
  await fill('Hvordan avviker bruken fra godkjenningen?', 'Annen indikasjon: membranøs nefropati');
  await fill('Alternativer som er prøvd', 'Ciklosporin i 6 måneder');
  await fill('Hvorfor er alternativene ikke tilstrekkelige?', 'Ingen remisjon');
  await fill('Forventet nytte', 'Remisjon hos om lag 60 prosent');
  await fill('Evaluering', 'Proteinuri etter 6 måneder');
  await fill('Anslått kostnad (kr)', '45000');
  await fill('Kunnskapsgrunnlag', 'MENTOR-studien (NEJM 2019)');
}

/** Waits until the autosave status says everything is saved. */
export async function waitUntilSaved(page: Page) {
  await page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
}

/**
 * Starts a draft over HTTP as the signed-in doctor (the request «Ny søknad» makes): off-label for
 * one patient unless `choice` says otherwise. Its page's path, `/saker/<id>`.
 */
export async function startDraftOverHttp(
  request: APIRequestContext,
  baseUrl: string,
  choice: { scheme?: string; patientScope?: string } = {},
): Promise<string> {
  const started = await request.post(`${baseUrl}/saker/ny`, {
    headers: sameOrigin(baseUrl),
    form: {
      'q.scheme': choice.scheme ?? 'offLabel',
      'q.scheme.present': '1',
      'q.patientScope': choice.patientScope ?? 'single',
      'q.patientScope.present': '1',
    },
    maxRedirects: 0,
  });
  const edit = started.headers().location ?? '';
  expect(edit).toMatch(/^\/saker\/[0-9a-f-]{36}\/rediger$/);
  return edit.replace(/\/rediger$/, '');
}

/**
 * Autosaves `answers` into the draft at `caseUrl` (its page's path) as the editor does, each as a
 * new value; the draft's version after.
 */
export async function saveAnswersOverHttp(
  request: APIRequestContext,
  baseUrl: string,
  caseUrl: string,
  answers: Record<string, unknown>,
): Promise<number> {
  const changes = Object.fromEntries(
    Object.entries(answers).map(([id, value]) => [id, { base: null, value }]),
  );
  const saved = await request.post(`${baseUrl}${caseUrl}/lagre`, {
    data: { changes },
    headers: sameOrigin(baseUrl),
  });
  expect(saved.status()).toBe(200);
  return ((await saved.json()) as { version: number }).version;
}

const isScheme = (value: unknown): value is Scheme =>
  (SCHEMES as readonly unknown[]).includes(value);

/**
 * A draft with a complete application (`completeAnswersFor` the scheme in `overrides`, off-label
 * without one, with `overrides`) over HTTP as the signed-in doctor (the requests the pages make:
 * start, autosave every answer): its page's path and version.
 */
export async function completeDraftOverHttp(
  request: APIRequestContext,
  baseUrl: string,
  overrides: Record<string, unknown> = {},
): Promise<{ caseUrl: string; version: number }> {
  const complete = completeAnswersFor(isScheme(overrides.scheme) ? overrides.scheme : 'offLabel');
  const { scheme, patientScope, ...rest } = { ...complete, ...overrides };
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const caseUrl = await startDraftOverHttp(request, baseUrl, {
    scheme: text(scheme),
    patientScope: text(patientScope),
  });
  return { caseUrl, version: await saveAnswersOverHttp(request, baseUrl, caseUrl, rest) };
}

/**
 * Creates a complete, submitted application over HTTP as the signed-in doctor (the same
 * requests the pages make): start, autosave every answer, submit from the summary.
 */
export async function submitOverHttp(
  request: APIRequestContext,
  baseUrl: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const { caseUrl, version } = await completeDraftOverHttp(request, baseUrl, overrides);
  const submitted = await request.post(`${baseUrl}${caseUrl}/oppsummering`, {
    headers: sameOrigin(baseUrl),
    form: { event: 'submit', version: String(version) },
    maxRedirects: 0,
  });
  expect(submitted.headers().location).toBe(`${caseUrl}?utfort=submit`);
  return caseUrl;
}

/** The ratings a leader or committee member gives in the tests: a group's legend and the level. */
const TEST_RATINGS = [
  ['Alvorlighet', '4 – Svært høy', 'Livstruende uten behandling.'],
  ['Nytte', '3 – Stor', 'God respons i fase II-studier.'],
  ['Ressursbruk', '2 – Moderat', 'Moderat kostnad.'],
] as const;

/** Fills the priority-criteria fields (scale and text) inside a form. */
export async function rateCriteria(form: Locator) {
  for (const [group, level, text] of TEST_RATINGS) {
    await form.getByRole('group', { name: group }).getByLabel(level).check();
    await form.getByLabel(`Begrunnelse for ${group.toLowerCase()}`).fill(text);
  }
}

/** The leader's endorsement form on the case page: optionally rate, choose the verdict, justify, send. */
export async function endorseInBrowser(
  page: Page,
  verdict: 'Forankre søknaden' | 'Returner til søker med et spørsmål' | 'Ikke forankre søknaden',
  reason: string,
) {
  const form = page.getByRole('form', { name: 'Forankring' });
  if (verdict !== 'Returner til søker med et spørsmål') await rateCriteria(form);
  await form.getByLabel(verdict, { exact: true }).check();
  await form.getByLabel(/Begrunnelse eller spørsmål til søker/).fill(reason);
  await form.getByRole('button', { name: 'Send forankringen' }).click();
}
