import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitUntilSaved } from './application';
import { expectAccessible, useAppAndBrowser } from './harness';

/**
 * Keyboard-only use (BRIEF §8, WCAG 2.1.1, 2.4.3, 2.4.7): whole journeys with `page.keyboard`
 * alone (Tab, Shift+Tab, Enter, Space, arrows, typing), never a click or a fill. Every Tab stop is
 * checked for a visible focus indicator and against focus loss to <body>.
 */

const PATIENT_ID = '15838510075'; // synthetic Test-Norge number

type Role = Parameters<Page['getByRole']>[0];

/**
 * Checks where focus is now: on an element (not lost to <body>) with a visible focus indicator
 * (an outline or a box-shadow). Returns a short description of it for failure messages.
 */
async function checkFocus(page: Page): Promise<string> {
  const focused = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const ringed = (e: Element | null) => {
      if (!e) return false;
      const style = getComputedStyle(e);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return outlined || style.boxShadow !== 'none';
    };
    // Designsystemet draws a radio's or checkbox's focus ring on its field (label included).
    const choice =
      element instanceof HTMLInputElement &&
      (element.type === 'radio' || element.type === 'checkbox');
    // Past a date input's day, month and year, Tab stops on Chromium's calendar button inside it,
    // drawn with Chromium's own focus ring, which no computed style of the page shows.
    const calendarButton =
      element instanceof HTMLInputElement && element.type === 'date' && !element.matches(':focus');
    // Designsystemet's skip link is hidden until focused: appearing is its focus indicator.
    const shownSkipLink =
      element.classList.contains('ds-skip-link') && element.getBoundingClientRect().width > 1;
    const label =
      element.getAttribute('aria-label') ??
      (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
        ? element.labels?.[0]?.textContent
        : element.textContent) ??
      '';
    return {
      visible:
        ringed(element) ||
        (choice && ringed(element.closest('.ds-field'))) ||
        shownSkipLink ||
        calendarButton,
      description: `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}> «${label.trim().slice(0, 60)}»`,
    };
  });
  if (!focused) throw new Error(`Focus was lost to <body> on ${page.url()}`);
  expect(focused.visible, `no visible focus indicator on ${focused.description}`).toBe(true);
  return focused.description;
}

/** Whether one of the elements the locator matches has focus. */
function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluateAll((elements) => elements.some((e) => e === document.activeElement));
}

interface TabOptions {
  /** Shift+Tab instead of Tab. */
  back?: boolean;
  /** How many presses before failing. */
  limit?: number;
}

/**
 * Presses Tab (or Shift+Tab) until the target has focus, checking every stop on the way (visible
 * focus, no focus loss); fails with the path taken.
 */
async function tabToTarget(
  page: Page,
  target: Locator,
  what: string,
  { back = false, limit = 60 }: TabOptions = {},
): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    path.push(
      await checkFocus(page).catch((error: unknown) => {
        throw new Error(`On the way to ${what}: ${path.join(' → ')}`, { cause: error });
      }),
    );
    if (await hasFocus(target)) return;
  }
  throw new Error(
    `${back ? 'Shift+Tab' : 'Tab'} did not reach ${what} in ${limit} presses: ${path.join(' → ')}`,
  );
}

/** Tabs to the element with this role and accessible name (exact when a string). */
function tabTo(page: Page, role: Role, name: string | RegExp, options?: TabOptions) {
  const target = page.getByRole(role, { name, exact: typeof name === 'string' });
  return tabToTarget(page, target, `${role} «${String(name)}»`, options);
}

/**
 * Tabs into the radio group (fieldset) with this legend, unless focus is in it already, and
 * chooses an option with the arrow keys, as a keyboard user does: Tab reaches one radio of the
 * group, arrows move and check.
 */
async function chooseRadio(
  page: Page,
  group: RegExp,
  option: string,
  options?: TabOptions,
): Promise<void> {
  const fieldset = page.getByRole('group', { name: group });
  const radios = fieldset.getByRole('radio');
  if (!(await hasFocus(radios))) {
    await tabToTarget(page, radios, `a radio in «${String(group)}»`, options);
  }
  const radio = fieldset.getByRole('radio', { name: option, exact: true });
  for (let i = 0; i < 8 && !(await hasFocus(radio)); i++) {
    await page.keyboard.press('ArrowDown');
    await checkFocus(page);
  }
  if (!(await radio.isChecked())) await page.keyboard.press('Space');
  expect(await radio.isChecked(), `«${option}» chosen in «${String(group)}»`).toBe(true);
}

/**
 * Waits until focus is on the target (say the h1 or the error summary after a submit). A target
 * focused by script is not a Tab stop and need not show a focus ring.
 */
async function expectFocusOn(target: Locator, what: string): Promise<void> {
  const where = () =>
    target.page().evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing');
  await expect
    .poll(() => hasFocus(target), { message: `focus on ${what}`, timeout: 5000 })
    .toBe(true)
    .catch(async (error: unknown) => {
      throw new Error(`Focus is not on ${what} but on ${await where()}`, { cause: error });
    });
}

/** Tabs to a text field, types into it (replacing what it held) and checks the value. */
async function typeInto(
  page: Page,
  label: string | RegExp,
  text: string,
  options?: TabOptions,
): Promise<void> {
  await tabTo(page, 'textbox', label, options);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  expect(await page.locator(':focus').inputValue()).toBe(text);
}

/**
 * Types an ISO date into the focused date input, whose day, month and year come in the order of
 * the browser's locale: tries each order, going back to the first field with Shift+Tab.
 */
async function typeDate(page: Page, iso: string): Promise<void> {
  const [year = '', month = '', day = ''] = iso.split('-');
  const input = page.locator('input[type="date"]:focus');
  for (const order of [
    [day, month, year],
    [month, day, year],
    [year, month, day],
  ]) {
    await page.keyboard.type(order.join(''));
    if ((await input.inputValue()) === iso) return;
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`Could not type ${iso} into the date input`);
}

/**
 * Tabs once round the whole page (past the end, where focus leaves the document, and on from the
 * top back to where it started), checking every stop, and fails if a visible, enabled control was
 * never reached (a radio group is one Tab stop: one of its radios).
 */
async function expectEveryControlReachable(page: Page): Promise<void> {
  type Walk = { __tabbed: Set<Element>; __start: Element | null };
  await page.evaluate(() => {
    const walk = window as unknown as Walk;
    walk.__tabbed = new Set();
    walk.__start = document.activeElement === document.body ? null : document.activeElement;
  });
  let wrapped = false;
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const walk = window as unknown as Walk;
      const element = document.activeElement;
      if (!element || element === document.body) return 'outside';
      if (element === walk.__start) return 'back';
      walk.__tabbed.add(element);
      return 'inside';
    });
    if (where === 'back' || (where === 'outside' && wrapped)) break;
    if (where === 'outside') wrapped = true;
    else await checkFocus(page);
  }
  const missed = await page.evaluate(() => {
    const tabbed = (window as unknown as Walk).__tabbed;
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex="0"]',
    );
    const reachedGroups = new Set(
      [...tabbed]
        .filter((e): e is HTMLInputElement => e instanceof HTMLInputElement && e.type === 'radio')
        .map((e) => e.name),
    );
    return [...controls]
      .filter((e) => e.checkVisibility() && !e.matches(':disabled'))
      .filter((e) => !tabbed.has(e) && e !== (window as unknown as Walk).__start)
      .filter(
        (e) => !(e instanceof HTMLInputElement && e.type === 'radio' && reachedGroups.has(e.name)),
      )
      .map(
        (e) =>
          `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}> «${e.textContent.trim().slice(0, 40)}»`,
      );
  });
  expect(missed, `controls Tab never reached on ${page.url()}`).toEqual([]);
}

describe('keyboard-only use in Chromium', () => {
  let caseNumber = '';

  const e2e = useAppAndBrowser('pglite');

  /** Signs in through the development login by keyboard; the page ends on «Mine saker». */
  async function signIn(name: string): Promise<Page> {
    const context = await e2e.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${e2e.app.url}/logg-inn`);
    await tabTo(page, 'button', `Logg inn som ${name}`);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: 'Mine saker' });
    await heading.waitFor();
    await expectFocusOn(heading, 'the h1 of «Mine saker»');
    return page;
  }

  /** On a fresh load of `path`: the first Tab reaches the skip link, which moves focus into main. */
  async function expectSkipLinkFirst(page: Page, path: string): Promise<void> {
    await page.goto(`${e2e.app.url}${path}`);
    await page.keyboard.press('Tab');
    await checkFocus(page);
    const skipLink = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
    expect(await hasFocus(skipLink), `the skip link first on ${path}`).toBe(true);
    await page.keyboard.press('Enter');
    await expectFocusOn(page.getByRole('main'), `the main content of ${path}`);
    // The next Tab goes on inside the main content, not back to the header.
    await page.keyboard.press('Tab');
    await checkFocus(page);
    const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
    expect(inMain, `the Tab after the skip link inside main on ${path}`).toBe(true);
  }

  it('makes the skip link the first Tab stop, and it moves focus to the main content', async () => {
    const visitor = await (await e2e.browser.newContext({ locale: 'nb-NO' })).newPage();
    await expectSkipLinkFirst(visitor, '/logg-inn');
    await visitor.context().close();
    const doctor = await signIn('Ingrid Haugland');
    for (const path of ['/', '/saker/ny', '/statistikk']) await expectSkipLinkFirst(doctor, path);
    await doctor.context().close();
  });

  it('lets an applicant create and send an application with the keyboard alone', async () => {
    const doctor = await signIn('Ingrid Haugland');
    await tabTo(doctor, 'link', 'Ny søknad');
    await doctor.keyboard.press('Enter');
    const newHeading = doctor.getByRole('heading', { level: 1, name: 'Ny søknad' });
    await newHeading.waitFor();
    await expectAccessible(doctor);
    await expectEveryControlReachable(doctor);

    // Started without answers: the error summary takes focus; its link moves focus to the field.
    await tabTo(doctor, 'button', 'Start søknaden');
    await doctor.keyboard.press('Enter');
    const errors = doctor.getByRole('group', { name: 'Rett opp følgende før du går videre:' });
    await errors.waitFor();
    await expectFocusOn(errors, 'the error summary');
    await expectAccessible(doctor);
    await tabTo(doctor, 'link', /^Søknaden gjelder: /);
    await doctor.keyboard.press('Enter');
    const scope = doctor.getByRole('group', { name: /^Søknaden gjelder/ });
    await expectFocusOn(scope.getByRole('radio'), 'a radio of «Søknaden gjelder»');

    // The drug in the router's combobox, back up the page: type, arrow down, Enter.
    await tabTo(doctor, 'combobox', /Legemiddel/, { back: true });
    await doctor.keyboard.type('Herceptin Inj', { delay: 30 });
    await doctor.getByRole('option', { name: /^Herceptin Inj væske 600 mg/ }).waitFor();
    await doctor.keyboard.press('ArrowDown');
    await doctor.keyboard.press('Enter');
    await doctor.keyboard.press('Escape');
    // The approval question: Tab into the radio group, arrows move and choose.
    await chooseRadio(
      doctor,
      /^Er indikasjonen godkjent i preparatomtalen\?/,
      'Nei, bruken er utenfor godkjent indikasjon',
    );
    await tabTo(doctor, 'button', 'Foreslå ordning');
    await doctor.keyboard.press('Enter');
    const suggestion = doctor.getByRole('heading', {
      name: 'Forslag: Utenfor godkjent indikasjon (off-label)',
    });
    await suggestion.waitFor();
    await expectFocusOn(doctor.locator('#route-suggestion'), 'the suggestion');
    // The suggested scheme is chosen: Tab lands on the checked radio of the group.
    await tabTo(doctor, 'radio', 'Utenfor godkjent indikasjon (off-label)');
    expect(
      await doctor
        .getByRole('radio', { name: 'Utenfor godkjent indikasjon (off-label)' })
        .isChecked(),
    ).toBe(true);
    await chooseRadio(doctor, /^Søknaden gjelder/, 'Enkeltpasient');
    await tabTo(doctor, 'button', 'Start søknaden');
    await doctor.keyboard.press('Enter');
    const editHeading = doctor.getByRole('heading', { level: 1, name: 'Rediger søknad' });
    await editHeading.waitFor();
    await expectFocusOn(editHeading, 'the h1 of «Rediger søknad»');
    await expectAccessible(doctor);
    await expectEveryControlReachable(doctor);

    // The questionnaire, field by field in Tab order.
    await typeInto(doctor, 'Pasientens fødselsnummer', PATIENT_ID);
    await tabTo(doctor, 'checkbox', 'Ja');
    await doctor.keyboard.press('Space');
    expect(await doctor.getByRole('checkbox', { name: 'Ja' }).isChecked()).toBe(true);
    // The diagnosis picker: type, arrow down to the suggestion, Enter, Escape.
    await tabTo(doctor, 'combobox', /^Diagnoser/);
    await doctor.keyboard.type('N04.2', { delay: 30 });
    await doctor.getByRole('option', { name: /^N04\.2 Nefrotisk syndrom/ }).waitFor();
    await doctor.keyboard.press('ArrowDown');
    await doctor.keyboard.press('Enter');
    await doctor
      .locator('input[type="hidden"][name="q.diagnoses"][value="ICD10:N04.2"]')
      .waitFor({ state: 'attached' });
    await doctor.keyboard.press('Escape');
    await typeInto(doctor, 'Indikasjon', 'Membranøs nefropati, terapiresistent');
    await typeInto(doctor, 'Alvorlighet', 'Høy risiko for nyresvikt');
    await typeInto(doctor, 'Dose', '600 mg hver tredje uke');
    await typeInto(doctor, 'Administrasjonsvei', 'Subkutant');
    await typeInto(doctor, 'Behandlingsvarighet', '6 måneder');
    await typeInto(doctor, 'Godkjent indikasjon', 'Brystkreft og ventrikkelkreft, HER2-positiv');
    await typeInto(doctor, 'Hvordan avviker bruken fra godkjenningen?', 'Annen indikasjon');
    await typeInto(doctor, 'Alternativer som er prøvd', 'Ciklosporin i 6 måneder');
    await typeInto(doctor, 'Hvorfor er alternativene ikke tilstrekkelige?', 'Ingen remisjon');
    await typeInto(doctor, 'Forventet nytte', 'Remisjon hos om lag 60 prosent');
    await typeInto(doctor, 'Evaluering', 'Proteinuri etter 6 måneder');
    await typeInto(doctor, 'Anslått kostnad (kr)', '45000');
    await typeInto(doctor, 'Kunnskapsgrunnlag', 'MENTOR-studien (NEJM 2019)');
    await waitUntilSaved(doctor);

    // The summary, then send.
    await tabTo(doctor, 'button', 'Se over og send inn');
    await doctor.keyboard.press('Enter');
    const summary = doctor.getByRole('heading', { level: 1, name: 'Oppsummering' });
    await summary.waitFor();
    await expectFocusOn(summary, 'the h1 of «Oppsummering»');
    await expect.poll(() => doctor.getByText('Alt er fylt ut.').count()).toBe(1);
    await expectAccessible(doctor);
    await tabTo(doctor, 'button', 'Send inn søknaden');
    await doctor.keyboard.press('Enter');
    const caseHeading = doctor.getByRole('heading', {
      level: 1,
      name: /^Sak [A-Z]{3}-\d{4}-\d{5}$/,
    });
    await caseHeading.waitFor();
    await expectFocusOn(caseHeading, 'the h1 of the case');
    caseNumber = (await caseHeading.textContent())?.replace('Sak ', '') ?? '';
    await expect.poll(() => doctor.getByText('Til forankring').count()).toBeGreaterThan(0);
    await expectAccessible(doctor);
    await doctor.context().close();
  });

  it('shows a failed endorsement in an error summary that takes focus and links to the field', async () => {
    expect(caseNumber).not.toBe('');
    const leader = await signIn('Kari Nordtveit');
    await tabTo(leader, 'link', `Åpne sak ${caseNumber}`);
    await leader.keyboard.press('Enter');
    const heading = leader.getByRole('heading', { level: 1, name: `Sak ${caseNumber}` });
    await heading.waitFor();
    await expectFocusOn(heading, 'the h1 of the case');
    await expectEveryControlReachable(leader);

    // Sent without anything: the error summary takes focus; its link moves focus to the field.
    await tabTo(leader, 'button', 'Send forankringen');
    await leader.keyboard.press('Enter');
    const errors = leader.getByRole('group', { name: 'Rett opp følgende før du går videre:' });
    await errors.waitFor();
    await expectFocusOn(errors, 'the error summary');
    await expectAccessible(leader);
    const justification = /^Begrunnelse eller spørsmål til søker/;
    await tabTo(leader, 'link', /^Begrunnelse eller spørsmål til søker \(påkrevd\): /);
    await leader.keyboard.press('Enter');
    await expectFocusOn(leader.getByRole('textbox', { name: justification }), 'the justification');
    await leader.keyboard.type('Godt begrunnet, alvorlig tilstand.');

    // The rest backwards with Shift+Tab: the verdict, then the priority criteria.
    await chooseRadio(leader, /^Ditt valg/, 'Forankre søknaden', { back: true });
    const ratings = [
      ['Ressursbruk', '2 – Moderat', 'Moderat kostnad.'],
      ['Nytte', '3 – Stor', 'God respons i fase II-studier.'],
      ['Alvorlighet', '4 – Svært høy', 'Livstruende uten behandling.'],
    ] as const;
    for (const [criterion, level, text] of ratings) {
      await typeInto(leader, `Begrunnelse for ${criterion.toLowerCase()}`, text, { back: true });
      await chooseRadio(leader, new RegExp(`^${criterion}`), level, { back: true });
    }
    await tabTo(leader, 'button', 'Send forankringen');
    await leader.keyboard.press('Enter');
    const done = leader.getByText(
      'Søknaden er forankret og sendt til fagdirektøren for beslutning.',
    );
    await done.waitFor();
    await expectFocusOn(heading, 'the h1 of the case');
    await expectAccessible(leader);
    await leader.context().close();
  });

  it('lets the medical director decide, approved with a condition, by keyboard', async () => {
    expect(caseNumber).not.toBe('');
    const director = await signIn('Per Vik');
    await tabTo(director, 'link', `Åpne sak ${caseNumber}`);
    await director.keyboard.press('Enter');
    const heading = director.getByRole('heading', { level: 1, name: `Sak ${caseNumber}` });
    await heading.waitFor();
    await expectFocusOn(heading, 'the h1 of the case');
    await expectEveryControlReachable(director);

    // Sent without an outcome or a justification: the error summary takes focus; its link moves
    // focus to the outcome.
    await tabTo(director, 'button', 'Fatt beslutning', { limit: 150 });
    await director.keyboard.press('Enter');
    const errors = director.getByRole('group', { name: 'Rett opp følgende før du går videre:' });
    await errors.waitFor();
    await expectFocusOn(errors, 'the error summary');
    await expectAccessible(director);
    await tabTo(director, 'link', /^Utfall: /);
    await director.keyboard.press('Enter');
    const outcome = director.getByRole('group', { name: /^Utfall/ });
    await expectFocusOn(outcome.getByRole('radio'), 'a radio of «Utfall»');
    await chooseRadio(director, /^Utfall/, 'Innvilget med vilkår');
    await typeInto(
      director,
      /^Begrunnelse \(påkrevd\)/,
      'Innvilges etter prioriteringskriteriene.',
    );
    await typeInto(director, /^Andre vilkår/, 'Evaluering etter 6 måneder.');
    await tabTo(director, 'textbox', /^Evalueringsdato/);
    await typeDate(director, '2099-06-30');
    await tabTo(director, 'button', 'Fatt beslutning');
    await director.keyboard.press('Enter');
    await director
      .getByText(/^Beslutningen er fattet, og vedtaket er tilgjengelig for søkeren\./)
      .waitFor();
    await expectFocusOn(heading, 'the h1 of the case');
    await director.getByRole('heading', { name: 'Beslutning: Innvilget med vilkår' }).waitFor();
    await expectAccessible(director);
    await director.context().close();
  });
});
