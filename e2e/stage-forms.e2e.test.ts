import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import { addDays, dateInNorway } from '../app/features/cases/domain/dates';
import { endorseInBrowser, rateCriteria, submitOverHttp } from './application';
import { expectAccessible, expectAccessibleWithoutJsAsShown, useAppAndBrowser } from './harness';

const CONFLICT =
  'Saken ble endret av noen andre mens du arbeidet med den. Siden er oppdatert med siste versjon; se over og prøv igjen.';
const UNSAVED = 'Dette skrev du (det er ikke lagret, kopier det om du trenger det):';
const NO_JS = { javaScriptEnabled: false } as const;

/**
 * The later-stage forms (endorsement, assessment, decision, outcome, consultation) when two people
 * or two tabs race, and when a long page's form is refused without JavaScript: the loser is told
 * once and keeps what they typed; the refused form's errors are where the browser lands.
 */
describe.each(TEST_DATABASES)('later-stage forms under races and errors on %s', (kind) => {
  const e2e = useAppAndBrowser(kind);

  /** Signed in as `name` (without JavaScript if `noJs`); a step that cannot happen fails soon. */
  async function signIn(name: string, noJs = false): Promise<Page> {
    const page = await e2e.signIn(name, noJs ? NO_JS : {});
    page.context().setDefaultTimeout(30_000);
    return page;
  }

  /** A case of Helse Bergen's, submitted by Ingrid Haugland: its absolute URL. */
  async function submittedCase(): Promise<string> {
    const doctor = await signIn('Ingrid Haugland');
    const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
    await doctor.context().close();
    return caseUrl;
  }

  /** The same case endorsed by Kari Nordtveit. */
  async function endorsedCase(): Promise<string> {
    const caseUrl = await submittedCase();
    const leader = await signIn('Kari Nordtveit');
    await leader.goto(caseUrl);
    await endorseInBrowser(leader, 'Forankre søknaden', 'Godt begrunnet.');
    await leader
      .getByText('Søknaden er forankret og sendt til fagdirektøren for beslutning.')
      .waitFor();
    await leader.context().close();
    return caseUrl;
  }

  /** A second tab of the same signed-in person, on `url`. */
  async function secondTab(page: Page, url: string): Promise<Page> {
    const tab = await page.context().newPage();
    await tab.goto(url);
    return tab;
  }

  /** The texts of the «Dette skrev du» block (each quoted text), in order. */
  const unsavedTexts = (page: Page) => page.locator('.ds-alert blockquote').allInnerTexts();

  /**
   * Where the browser has scrolled to, without running the page's JavaScript (there is none): the
   * element's top in the viewport, and how far above it the page's heading now is.
   */
  async function landedOn(page: Page, locator: Locator) {
    const box = await locator.boundingBox();
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    const height = page.viewportSize()?.height ?? 0;
    return {
      // Scrolled to the element puts its top at 0, give or take a fraction of a pixel.
      inView: box !== null && box.y > -1 && box.y < height,
      scrolled: heading === null ? 0 : -heading.y,
    };
  }

  it.each([
    ['without JavaScript', true],
    ['with JavaScript', false],
  ] as const)(
    'the director who decides second in another tab is told once and keeps the decision (%s)',
    async (_label, noJs) => {
      const caseUrl = await endorsedCase();
      const first = await signIn('Per Vik', noJs);
      await first.goto(`${caseUrl}/vedtak`);
      const second = await secondTab(first, `${caseUrl}/vedtak`);

      const decideIn = async (page: Page, outcome: string, reason: string, conditions = '') => {
        const form = page.getByRole('form', { name: 'Fatt beslutning' });
        await form.getByLabel(outcome, { exact: true }).check();
        await form.getByLabel(/^Begrunnelse/).fill(reason);
        if (conditions) await form.getByLabel('Andre vilkår', { exact: true }).fill(conditions);
        await form.getByRole('button', { name: 'Fatt beslutning' }).click();
      };
      await decideIn(first, 'Innvilget', 'Innvilges for 6 måneder.');
      await first.getByText(/^Beslutningen er fattet/).waitFor();

      const reason = 'Dokumentasjonen av effekt er for svak.\nSøk gjerne på nytt.';
      await decideIn(second, 'Innvilget med vilkår', reason, 'Kontroll etter 3 måneder');
      await expect.poll(() => second.getByText(CONFLICT, { exact: true }).count()).toBe(1);
      expect(
        await second.getByText('Denne handlingen er ikke mulig', { exact: false }).count(),
      ).toBe(0);
      expect(await second.title()).toMatch(/^Feil: Vedtak i sak HBE-\d{4}-\d{5} – Søknadsportal$/);
      // The page shows the case as it is now, with JavaScript too (read again after the 409): the
      // decision form is gone (the case is decided), and what was given is there to copy.
      await second.getByText(UNSAVED).waitFor();
      expect(await second.getByRole('form', { name: 'Fatt beslutning' }).count()).toBe(0);
      expect(await unsavedTexts(second)).toEqual([
        'Innvilget med vilkår',
        reason,
        'Kontroll etter 3 måneder',
        // The trust's reseptmerknad and invoicing routine, chosen to begin with.
        expect.stringMatching(
          /^Behandlingen dekkes av helseforetaket, jf\. vedtak HBE-\d{4}-\d{5}\./,
        ),
        'Legemiddelet faktureres avdelingen via sykehusapoteket. Oppgi løpenummeret på rekvisisjonen.',
      ]);
      if (!noJs) {
        // The form's fragment (its error summary, not shown for a conflict) names nothing on the
        // page now: focus goes to the page's h1, not to nothing with the form gone.
        expect(new URL(second.url()).hash).toMatch(/-errors$/);
        await expect.poll(() => second.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      }
      await (noJs
        ? expectAccessibleWithoutJsAsShown(e2e.browser, second)
        : expectAccessible(second));
      await first.context().close();

      if (!noJs) return;
      // The outcome, recorded in two tabs by the doctor: the second is told the case changed
      // (once, not «ikke mulig» twice) and keeps what was typed.
      const director = await signIn('Per Vik');
      await director.goto(caseUrl);
      await director.getByRole('button', { name: 'Start oppfølging' }).click();
      await director.getByText(/^Oppfølgingen er startet/).waitFor();
      await director.context().close();
      const doctor = await signIn('Ingrid Haugland', true);
      await doctor.goto(`${caseUrl}/utfall`);
      const other = await secondTab(doctor, `${caseUrl}/utfall`);
      await doctor.getByRole('radio', { name: 'God effekt' }).check();
      await doctor.getByRole('radio', { name: 'Fortsetter' }).check();
      await doctor.getByRole('button', { name: 'Registrer utfallet' }).click();
      await doctor.getByText('Utfallet er registrert, og saken er avsluttet.').waitFor();
      await other.getByRole('radio', { name: 'Delvis effekt' }).check();
      await other.getByLabel('Bivirkninger', { exact: true }).fill('Kvalme de første ukene');
      await other.getByRole('radio', { name: 'Er avsluttet' }).check();
      await other.getByLabel(/^Hvorfor ble behandlingen avsluttet/).fill('Bivirkningene');
      await other.getByRole('button', { name: 'Registrer utfallet' }).click();
      await expect.poll(() => other.getByText(CONFLICT, { exact: true }).count()).toBe(1);
      expect(
        await other.getByText('Denne handlingen er ikke mulig', { exact: false }).count(),
      ).toBe(0);
      expect(await unsavedTexts(other)).toEqual([
        'Delvis effekt',
        'Kvalme de første ukene',
        'Er avsluttet',
        'Bivirkningene',
      ]);
      await expectAccessibleWithoutJsAsShown(e2e.browser, other);
      await doctor.context().close();
    },
  );

  it('the leader who endorses second keeps the criteria justifications; errors are in view without JavaScript', async () => {
    const caseUrl = await submittedCase();
    const leader = await signIn('Kari Nordtveit', true);
    await leader.goto(caseUrl);

    // Without JavaScript a refused endorsement lands on its error summary, far down the page,
    // and the title says the page shows errors.
    const form = leader.getByRole('form', { name: 'Forankring' });
    await form.getByRole('button', { name: 'Send forankringen' }).click();
    const summary = leader.locator('#endorsement-errors');
    await summary.waitFor();
    expect(new URL(leader.url()).hash).toBe('#endorsement-errors');
    expect(await leader.title()).toMatch(/^Feil: Sak HBE-\d{4}-\d{5} – Søknadsportal$/);
    const endorsementLanding = await landedOn(leader, summary);
    expect(endorsementLanding.inView).toBe(true);
    expect(endorsementLanding.scrolled).toBeGreaterThan(1000);
    expect(
      await summary.getByRole('link', { name: /^Ditt valg: / }).count(),
      'the summary names the verdict',
    ).toBe(1);

    // So do the delegation and the invitation, each with its own summary.
    const leaderForms = [
      ['Deleger til en annen leder', 'Deleger', 'delegate', 'Deleger til'],
      ['Inviter til samarbeid', 'Inviter lederen', 'invite', 'Leder som skal gi innspill'],
    ] as const;
    for (const [name, button, intent, label] of leaderForms) {
      await leader
        .getByRole('form', { name })
        .getByRole('button', { name: button, exact: true })
        .click();
      const errors = leader.locator(`#${intent}-errors`);
      await errors.waitFor();
      expect(new URL(leader.url()).hash).toBe(`#${intent}-errors`);
      expect(await leader.title()).toMatch(/^Feil: Sak HBE-\d{4}-\d{5} – Søknadsportal$/);
      expect((await landedOn(leader, errors)).inView).toBe(true);
      expect(await errors.getByRole('link').allInnerTexts()).toEqual([
        `${label}: Velg en leder i helseforetaket.`,
      ]);
      await expectAccessibleWithoutJsAsShown(e2e.browser, leader);
    }

    // The invited leader's input without its text lands on its summary; the ratings stay.
    const invite = leader.getByRole('form', { name: 'Inviter til samarbeid' });
    await invite
      .getByLabel('Leder som skal gi innspill')
      .selectOption({ label: 'Jon Eide, Avdelingsleder' });
    await invite.getByRole('button', { name: 'Inviter lederen' }).click();
    await leader.getByText('Lederen er invitert til å gi innspill og er varslet.').waitFor();
    const colleague = await signIn('Jon Eide', true);
    await colleague.goto(caseUrl);
    const input = colleague.getByRole('form', { name: 'Gi innspill som leder' });
    await rateCriteria(input);
    await input.getByRole('button', { name: 'Gi innspill' }).click();
    const inputErrors = colleague.locator('#leader-input-errors');
    await inputErrors.waitFor();
    expect(new URL(colleague.url()).hash).toBe('#leader-input-errors');
    expect(await colleague.title()).toMatch(/^Feil: Sak HBE-\d{4}-\d{5} – Søknadsportal$/);
    expect((await landedOn(colleague, inputErrors)).inView).toBe(true);
    expect(await inputErrors.getByRole('link').allInnerTexts()).toEqual([
      'Innspillet ditt (påkrevd): Skriv innspillet ditt til forankringen.',
    ]);
    expect(await input.getByLabel('Begrunnelse for nytte').inputValue()).toBe(
      'God respons i fase II-studier.',
    );
    expect(
      await input.getByRole('group', { name: 'Nytte' }).getByLabel('3 – Stor').isChecked(),
    ).toBe(true);
    await expectAccessibleWithoutJsAsShown(e2e.browser, colleague);
    await colleague.context().close();

    // Two tabs: the second endorsement is refused, and every text written in it is kept.
    const other = await secondTab(leader, caseUrl);
    await endorseInBrowser(leader, 'Forankre søknaden', 'Godt begrunnet.');
    await leader
      .getByText('Søknaden er forankret og sendt til fagdirektøren for beslutning.')
      .waitFor();
    await endorseInBrowser(other, 'Ikke forankre søknaden', 'Avdelingen har ikke kapasitet.');
    await expect.poll(() => other.getByText(CONFLICT, { exact: true }).count()).toBe(1);
    expect(await unsavedTexts(other)).toEqual([
      'Livstruende uten behandling.',
      'God respons i fase II-studier.',
      'Moderat kostnad.',
      'Avdelingen har ikke kapasitet.',
    ]);
    await expectAccessibleWithoutJsAsShown(e2e.browser, other);
    await leader.context().close();

    // Under assessment: a refused recommendation without JavaScript lands on its summary, some
    // thousands of pixels down the assessment page.
    const director = await signIn('Per Vik');
    await director.goto(caseUrl);
    await director
      .getByRole('form', { name: 'Start vurdering' })
      .getByRole('button', { name: 'Start vurdering' })
      .click();
    await director.getByText(/^Vurderingen er startet/).waitFor();
    await director.context().close();
    const assessor = await signIn('Solveig Aase', true);
    await assessor.goto(`${caseUrl}/vurdering`);
    const second = await secondTab(assessor, `${caseUrl}/vurdering`);
    await assessor.getByRole('button', { name: 'Gi innstilling' }).click();
    const recommendErrors = assessor.locator('#recommend-errors');
    await recommendErrors.waitFor();
    expect(new URL(assessor.url()).hash).toBe('#recommend-errors');
    expect(await assessor.title()).toMatch(
      /^Feil: Vurdering av sak HBE-\d{4}-\d{5} – Søknadsportal$/,
    );
    const recommendLanding = await landedOn(assessor, recommendErrors);
    expect(recommendLanding.inView).toBe(true);
    expect(recommendLanding.scrolled).toBeGreaterThan(2000);
    expect(await recommendErrors.getByRole('link').allInnerTexts()).toEqual([
      expect.stringMatching(/^Innstilling: /),
      expect.stringMatching(/^Begrunnelse for innstillingen \(påkrevd\): /),
    ]);
    // The worksheet's summary too.
    await assessor.getByRole('button', { name: 'Lagre skjemaet' }).click();
    const worksheetErrors = assessor.locator('#worksheet-errors');
    await worksheetErrors.waitFor();
    expect((await landedOn(assessor, worksheetErrors)).inView).toBe(true);
    await expectAccessibleWithoutJsAsShown(e2e.browser, assessor);

    // Two tabs recommend: the second keeps its recommendation to copy.
    await assessor.getByLabel('Innvilges', { exact: true }).check();
    await assessor.getByLabel(/Begrunnelse for innstillingen/).fill('Innvilges etter kriteriene.');
    await assessor.getByRole('button', { name: 'Gi innstilling' }).click();
    await assessor.getByText('Innstillingen er gitt.', { exact: true }).waitFor();
    await second.getByLabel('Avslås', { exact: true }).check();
    await second.getByLabel(/Begrunnelse for innstillingen/).fill('Kostnaden er for høy.');
    await second.getByRole('button', { name: 'Gi innstilling' }).click();
    await expect
      .poll(() => second.getByText(/^Saken ble endret av noen andre|^Denne handlingen/).count())
      .toBe(1);
    expect(await unsavedTexts(second)).toEqual(['Avslås', 'Kostnaden er for høy.']);
    await expectAccessibleWithoutJsAsShown(e2e.browser, second);
    await assessor.context().close();
  });

  it.each([
    ['with JavaScript', false],
    ['without JavaScript', true],
  ] as const)(
    'who saves the preparation notes second keeps the text beside the stored notes and saves it with one more click (%s)',
    async (_label, noJs) => {
      const caseUrl = await endorsedCase();
      const director = await signIn('Per Vik');
      await director.goto(caseUrl);
      await director
        .getByRole('form', { name: 'Start vurdering' })
        .getByRole('button', { name: 'Start vurdering' })
        .click();
      await director.getByText(/^Vurderingen er startet/).waitFor();
      await director.goto(`${caseUrl}/vurdering`);
      // The committee's assign form, sent with no one chosen: its error summary takes focus.
      await director.getByRole('button', { name: 'Tildel', exact: true }).click();
      const assignErrors = director.locator('#assign-errors');
      await assignErrors.waitFor();
      expect(await assignErrors.getByRole('link').allInnerTexts()).toEqual([
        'Komitémedlem: Velg et komitémedlem.',
      ]);
      await expect
        .poll(() => director.evaluate(() => document.activeElement?.id))
        .toBe('assign-errors');
      expect(await director.title()).toMatch(/^Feil: Vurdering av sak /);
      const assessor = await signIn('Solveig Aase', noJs);
      await assessor.goto(`${caseUrl}/vurdering`);

      const notes = (page: Page) => page.getByLabel(/^Forberedende notater/);
      const save = (page: Page) =>
        page.getByRole('button', { name: 'Lagre notatene', exact: true }).click();
      await notes(director).fill('Sjekk dokumentasjonen av effekt.');
      await save(director);
      await director.getByText('Notatene er lagret.', { exact: true }).waitFor();

      // The assessor, on the page shown before, saves other notes: refused, the text kept in the
      // field, and the stored notes beside it.
      const mine = 'Be om oppdaterte blodprøver.\nVurder dosen på nytt.';
      await notes(assessor).fill(mine);
      await save(assessor);
      await expect
        .poll(() => assessor.getByText(/^Noen andre lagret notatene mens du skrev/).count())
        .toBe(1);
      expect(await assessor.title()).toMatch(/^Feil: Vurdering av sak /);
      expect(await notes(assessor).inputValue()).toBe(mine);
      const stored = assessor.getByRole('heading', { name: 'Notatene som er lagret nå' });
      await stored.waitFor();
      const section = assessor.locator('section[aria-labelledby="preparation"]');
      expect(await section.locator('blockquote').allInnerTexts()).toEqual([
        'Sjekk dokumentasjonen av effekt.',
      ]);
      await (noJs
        ? expectAccessibleWithoutJsAsShown(e2e.browser, assessor)
        : expectAccessible(assessor));

      // Saved again, the text is stored: the form now carries the stored version.
      await save(assessor);
      await assessor.getByText('Notatene er lagret.', { exact: true }).waitFor();
      expect(await notes(assessor).inputValue()).toBe(mine);
      expect(await assessor.getByText(/^Sist lagret av Solveig Aase/).count()).toBe(1);

      // The case is returned to the applicant meanwhile: notes saved from the page shown before are
      // refused, the page (read again) has no form any more, and the text is there to copy.
      await director.goto(caseUrl);
      const returnForm = director.getByRole('form', { name: 'Returner til søker', exact: true });
      await returnForm.getByRole('textbox').first().fill('Legg ved siste blodprøver.');
      await returnForm.getByRole('button', { name: 'Returner til søker', exact: true }).click();
      await director.getByText(/^Søknaden er returnert til søker/).waitFor();
      const later = 'Avklar dosen med søker.';
      await notes(assessor).fill(later);
      await save(assessor);
      await expect
        .poll(() => assessor.getByText(/^Denne handlingen er ikke mulig/).count())
        .toBe(1);
      await assessor.getByText(UNSAVED).waitFor();
      expect(await notes(assessor).count()).toBe(0);
      expect(await unsavedTexts(assessor)).toEqual([later]);
      await director.context().close();
      await assessor.context().close();
    },
  );

  it('two of the consulted trust answer: the second is told it was answered and keeps the answer', async () => {
    const caseUrl = await endorsedCase();
    const per = await signIn('Per Vik');
    await per.goto(caseUrl);
    await per
      .getByRole('form', { name: 'Start vurdering' })
      .getByRole('button', { name: 'Start vurdering' })
      .click();
    await per.getByText(/^Vurderingen er startet/).waitFor();
    const request = per.getByRole('form', { name: 'Konsulter annet helseforetak' });
    await request
      .getByLabel('Helseforetak', { exact: true })
      .selectOption({ label: 'Oslo universitetssykehus HF' });
    await request.getByLabel(/^Spørsmål/).fill('Hvordan har dere vurdert slike saker?');
    await request.getByLabel(/^Frist/).fill(addDays(dateInNorway(new Date()), 14));
    await request.getByRole('button', { name: 'Send konsultasjon' }).click();
    await per.getByText('Konsultasjonen er sendt.').waitFor();

    // Knut Hansen (without JavaScript) and Eva Strand both open the case to answer.
    const knut = await signIn('Knut Hansen', true);
    await knut.goto(caseUrl);
    const eva = await signIn('Eva Strand');
    await eva.goto(caseUrl);
    await eva.getByLabel(/^Svaret ditt/).fill('Vi har innvilget slike saker.');
    await eva.getByRole('button', { name: 'Send svar' }).click();
    await eva.getByText('Svaret er sendt. Lesetilgangen til saken er avsluttet.').waitFor();
    await eva.context().close();

    const answer = 'Vi har avslått to slike saker i år.\nBegrunnelsen følger.';
    await knut.getByLabel(/^Svaret ditt/).fill(answer);
    await knut.getByRole('button', { name: 'Send svar' }).click();
    await knut.getByRole('heading', { level: 1, name: 'Svar på konsultasjonen' }).waitFor();
    await expect
      .poll(() =>
        knut.getByText(/^Konsultasjonen er ikke lenger åpen: noen i helseforetaket ditt/).count(),
      )
      .toBe(1);
    expect(await knut.getByText('Siden finnes ikke').count()).toBe(0);
    expect(await unsavedTexts(knut)).toEqual([answer]);
    expect(await knut.title()).toBe('Feil: Svar på konsultasjonen – Søknadsportal');
    await expectAccessibleWithoutJsAsShown(e2e.browser, knut);
    await knut.context().close();

    // The director asks again, and in another tab sends the case back to the applicant: the
    // consultation form, sent after, says why and keeps the question.
    const director = await signIn('Per Vik', true);
    await director.goto(`${caseUrl}/konsultasjon`);
    const back = await secondTab(director, caseUrl);
    const returnForm = back.getByRole('form', { name: 'Returner til søker', exact: true });
    await returnForm.getByRole('textbox').first().fill('Legg ved siste blodprøver.');
    await returnForm.getByRole('button', { name: 'Returner til søker', exact: true }).click();
    await back.getByText(/^Søknaden er returnert til søker/).waitFor();
    await director
      .getByLabel('Helseforetak', { exact: true })
      .selectOption({ label: 'Oslo universitetssykehus HF' });
    await director.getByLabel(/^Spørsmål/).fill('Et nytt spørsmål om dosering.');
    await director.getByRole('button', { name: 'Send konsultasjon' }).click();
    await director
      .getByRole('heading', { level: 1, name: 'Konsulter annet helseforetak' })
      .waitFor();
    await expect
      .poll(() => director.getByText(/^Saken ble endret av noen andre|^Denne handlingen/).count())
      .toBe(1);
    expect(await unsavedTexts(director)).toEqual(['Et nytt spørsmål om dosering.']);
    await expectAccessibleWithoutJsAsShown(e2e.browser, director);
    await director.context().close();
    await per.context().close();
  });

  it('a refused withdrawal lands on its error summary, and after a conflict keeps its reason to send again', async () => {
    const caseUrl = await submittedCase();
    const reason = 'Pasienten ønsker ikke behandlingen likevel.\nVi søker på nytt ved behov.';
    const withdrawForm = (page: Page) => page.getByRole('form', { name: 'Trekk søknaden' });
    const withdraw = (page: Page) =>
      withdrawForm(page).getByRole('button', { name: 'Trekk søknaden' }).click();
    const reasonField = (page: Page) => withdrawForm(page).getByLabel(/^Hvorfor trekkes søknaden/);
    const summaryLinks = ['Hvorfor trekkes søknaden? (påkrevd): Fyll inn en begrunnelse.'];

    // Without JavaScript, sent without a reason: the post lands on the form's error summary, whose
    // link names the field.
    const doctor = await signIn('Ingrid Haugland', true);
    await doctor.goto(caseUrl);
    await withdraw(doctor);
    const summary = doctor.locator('#action-withdraw-errors');
    await summary.waitFor();
    expect(new URL(doctor.url()).hash).toBe('#action-withdraw-errors');
    expect(await doctor.title()).toMatch(/^Feil: Sak HBE-\d{4}-\d{5} – Søknadsportal$/);
    expect((await landedOn(doctor, summary)).inView).toBe(true);
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(summaryLinks);
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#withdraw-reason');
    await expectAccessibleWithoutJsAsShown(e2e.browser, doctor);

    // With JavaScript the summary takes focus, and its link moves focus to the field.
    const tab = await signIn('Ingrid Haugland');
    await tab.goto(caseUrl);
    await expect
      .poll(() =>
        withdrawForm(tab).evaluate((form) =>
          Object.keys(form).some((k) => k.startsWith('__react')),
        ),
      )
      .toBe(true);
    await withdraw(tab);
    const tabSummary = tab.locator('#action-withdraw-errors');
    await tabSummary.waitFor();
    await expect
      .poll(() => tab.evaluate(() => document.activeElement?.id))
      .toBe('action-withdraw-errors');
    expect(await tabSummary.getByRole('link').allInnerTexts()).toEqual(summaryLinks);
    await tabSummary.getByRole('link').click();
    await expect.poll(() => tab.evaluate(() => document.activeElement?.id)).toBe('withdraw-reason');
    await expectAccessible(tab);

    // The leader returns the case meanwhile. The withdrawal, sent from the pages shown before, is
    // refused as stale; a returned case can still be withdrawn, so the form is there with the
    // reason typed, and no «Dette skrev du».
    const leader = await signIn('Kari Nordtveit');
    await leader.goto(caseUrl);
    await endorseInBrowser(leader, 'Returner til søker med et spørsmål', 'Legg ved epikrisen.');
    await leader.getByText(/^Søknaden er returnert til søker/).waitFor();
    await leader.context().close();
    await reasonField(doctor).fill(reason);
    await withdraw(doctor);
    await expect.poll(() => doctor.getByText(CONFLICT, { exact: true }).count()).toBe(1);
    expect(await doctor.title()).toMatch(/^Feil: Sak HBE-\d{4}-\d{5} – Søknadsportal$/);
    expect(await reasonField(doctor).inputValue()).toBe(reason);
    expect(await doctor.getByText(UNSAVED).count()).toBe(0);
    expect(await doctor.locator('#action-withdraw-errors').count()).toBe(0);
    await expectAccessibleWithoutJsAsShown(e2e.browser, doctor);
    await doctor.context().close();

    // With JavaScript the page is read again after the conflict: the text stays in the field, and
    // sending it again withdraws the application.
    const mark = await tab.evaluate(() => {
      const w = window as unknown as { __samePage?: number };
      w.__samePage = Math.random();
      return w.__samePage;
    });
    await reasonField(tab).fill(reason);
    await withdraw(tab);
    await expect.poll(() => tab.getByText(CONFLICT, { exact: true }).count()).toBe(1);
    // The page shows the case as it is now: returned, with the leader's question.
    await tab.getByText('Legg ved epikrisen.').first().waitFor();
    expect(await reasonField(tab).inputValue()).toBe(reason);
    expect(
      await tab.evaluate(() => (window as unknown as { __samePage?: number }).__samePage),
    ).toBe(mark);
    await expectAccessible(tab);
    await withdraw(tab);
    await tab.getByText('Søknaden er trukket, og saken er avsluttet.').waitFor();
    await tab.context().close();
  });
});
