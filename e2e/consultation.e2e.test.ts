import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';

import { endorseInBrowser, submitOverHttp } from './application';
import {
  expectAccessible,
  expectAccessibleWithoutJs,
  sameOrigin,
  useAppAndBrowser,
} from './harness';
import { TEST_PATIENT_IDS } from '../app/test/actors';
import { addDays, dateInNorway } from '../app/features/cases/domain/dates';

const QUESTION = 'Har dere erfaring med rituksimab ved membranøs nefropati?';
const ANSWER = 'Ja: 1000 mg dag 1 og 15 har gitt remisjon hos 3 av 4 pasienter hos oss.';

describe.each(TEST_DATABASES)('cross-trust consultation in Chromium on %s', (kind) => {
  const e2e = useAppAndBrowser(kind);

  /** Fires a workflow event from the case page's own form. */
  async function fire(page: Page, event: string, confirmation: string, reason?: string) {
    const form = page.getByRole('form', { name: event, exact: true });
    if (reason) await form.getByRole('textbox').first().fill(reason);
    await form.getByRole('button', { name: event, exact: true }).click();
    await expect.poll(() => page.getByText(confirmation).count()).toBe(1);
  }

  /** HBE's director (on the case page) asks OUS the question, with a deadline in 14 days. */
  async function consultOus(per: Page) {
    const request = per.getByRole('form', { name: 'Konsulter annet helseforetak' });
    await request
      .getByLabel('Helseforetak', { exact: true })
      .selectOption({ label: 'Oslo universitetssykehus HF' });
    await request.getByLabel(/^Spørsmål/).fill(QUESTION);
    await request.getByLabel(/^Frist/).fill(addDays(dateInNorway(new Date()), 14));
    await request.getByRole('button', { name: 'Send konsultasjon' }).click();
  }

  /**
   * Knut Hansen (OUS), who was asked, is told (`notice`) which case it was, by the number the
   * notice kept, without a link; the case is closed to him, and nothing waits for his answer.
   */
  async function expectKnutTold(notice: string, caseUrl: string, caseNumber: string) {
    expect(caseNumber).toMatch(/^HBE-\d{4}-\d{5}$/);
    const knut = await e2e.signIn('Knut Hansen');
    await knut.goto(`${e2e.app.url}/varsler`);
    const row = knut.getByRole('row').filter({ hasText: notice });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByText(`Sak ${caseNumber} i et annet helseforetak`).count()).toBe(1);
    expect(await row.getByRole('link').count()).toBe(0);
    await expectAccessible(knut);
    expect((await knut.goto(caseUrl))?.status()).toBe(404);
    await knut.goto(`${e2e.app.url}/`);
    const toUs = knut.getByRole('region', { name: /Konsultasjoner til oss/ });
    await expect
      .poll(() => toUs.getByText('Ingen andre helseforetak venter på svar fra dere.').count())
      .toBe(1);
    await knut.context().close();
  }

  /**
   * A case of Helse Bergen's, submitted by Ingrid Haugland, endorsed and taken to assessment by
   * Per Vik, whose page is returned on it.
   */
  async function caseUnderAssessment() {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
    await doctor.context().close();
    const leader = await e2e.signIn('Kari Nordtveit');
    await leader.goto(caseUrl);
    await endorseInBrowser(leader, 'Forankre søknaden', 'Godt begrunnet.');
    await expect
      .poll(() =>
        leader
          .getByText('Søknaden er forankret og sendt til fagdirektøren for beslutning.')
          .count(),
      )
      .toBe(1);
    await leader.context().close();

    const per = await e2e.signIn('Per Vik');
    await per.goto(caseUrl);
    const heading = per.getByRole('heading', { level: 1, name: /^Sak / });
    const caseNumber = ((await heading.textContent()) ?? '').replace('Sak ', '');
    await fire(
      per,
      'Start vurdering',
      'Vurderingen er startet. Saken vurderes nå før fagdirektøren beslutter.',
    );
    return { caseUrl, caseNumber, per };
  }

  it('HBE’s director consults OUS, whose director reads the case and answers', async () => {
    const { caseUrl, caseNumber, per } = await caseUnderAssessment();
    await expectAccessible(per);

    // Nothing is sent while the form is incomplete; what was typed stays.
    const request = per.getByRole('form', { name: 'Konsulter annet helseforetak' });
    await request.getByLabel(/^Spørsmål/).fill(QUESTION);
    await request.getByRole('button', { name: 'Send konsultasjon' }).click();
    await per.getByRole('heading', { level: 1, name: 'Konsulter annet helseforetak' }).waitFor();
    await expect
      .poll(() =>
        per.getByText('Velg helseforetaket som skal konsulteres.', { exact: true }).count(),
      )
      .toBe(1);
    await expect
      .poll(() =>
        per
          .getByText('Skriv fristen som en gyldig dato, for eksempel 24.12.2026.', { exact: true })
          .count(),
      )
      .toBe(1);
    // The error summary names both, and the title says the page shows errors.
    expect(
      await per
        .getByRole('group', { name: 'Rett opp følgende før du går videre:' })
        .getByRole('link')
        .allInnerTexts(),
    ).toEqual([
      'Helseforetak: Velg helseforetaket som skal konsulteres.',
      'Frist: Skriv fristen som en gyldig dato, for eksempel 24.12.2026.',
    ]);
    expect(await per.title()).toBe('Feil: Konsulter annet helseforetak – Søknadsportal');
    expect(await per.getByLabel(/^Spørsmål/).inputValue()).toBe(QUESTION);
    await expectAccessible(per);

    const deadline = addDays(dateInNorway(new Date()), 14);
    const [year, month, day] = deadline.split('-');
    const shownDeadline = `${day}.${month}.${year}`;
    await per
      .getByLabel('Helseforetak', { exact: true })
      .selectOption({ label: 'Oslo universitetssykehus HF' });
    await per.getByLabel(/^Frist/).fill(deadline);
    await per.getByRole('button', { name: 'Send konsultasjon' }).click();
    await expect.poll(() => per.getByText('Konsultasjonen er sendt.').count()).toBe(1);
    await expect.poll(() => per.getByText('Venter på svar').count()).toBe(1);
    expect(await per.getByText('På konsultasjon').count()).toBeGreaterThan(0);
    // The stage runs to the consultation's own deadline, not the trust's days for it.
    await per
      .getByText(
        `Fasen «På konsultasjon» har frist til og med ${shownDeadline} (svarfristen i konsultasjonen).`,
      )
      .waitFor();
    await expectAccessible(per);

    // While it waits, the committee may still work on the assessment (no event of its own): its
    // member is offered the assessment, not told there is nothing to do. The leader who endorsed
    // it has nothing left to do, and is told so.
    const solveig = await e2e.signIn('Solveig Aase');
    await solveig.goto(caseUrl);
    const solveigActions = solveig.getByRole('region', { name: 'Handlinger' });
    await solveigActions.getByRole('link', { name: 'Åpne vurderingen (komité)' }).waitFor();
    expect(await solveigActions.getByText(/Ingen handlinger/).count()).toBe(0);
    await solveig.context().close();
    const kari = await e2e.signIn('Kari Nordtveit');
    await kari.goto(caseUrl);
    await kari
      .getByRole('region', { name: 'Handlinger' })
      .getByText('Ingen handlinger tilgjengelig for deg i denne statusen.')
      .waitFor();
    await kari.context().close();

    // Knut Hansen (OUS) finds it on his start page and reads the case, read-only.
    const knut = await e2e.signIn('Knut Hansen');
    const toUs = knut.getByRole('region', { name: /Konsultasjoner til oss/ });
    await expect.poll(() => toUs.getByText('Helse Bergen HF').count()).toBe(1);
    await expectAccessible(knut);
    await expectAccessibleWithoutJs(e2e.browser, knut.context(), `${e2e.app.url}/`);
    await toUs.getByRole('link', { name: `Åpne sak ${caseNumber}` }).click();
    await knut.getByRole('heading', { level: 1, name: `Sak ${caseNumber}` }).waitFor();
    await expect
      .poll(() =>
        knut
          .getByText(`Du har lesetilgang som konsultert helseforetak til ${shownDeadline}`)
          .count(),
      )
      .toBe(1);
    await expect.poll(() => knut.getByText(QUESTION).count()).toBeGreaterThan(0);
    expect(await knut.getByRole('link', { name: 'Rediger søknaden' }).count()).toBe(0);
    expect(await knut.getByRole('button', { name: 'Fatt beslutning' }).count()).toBe(0);
    expect(await knut.getByRole('button', { name: 'Trekk tilbake' }).count()).toBe(0);
    // Its actions point to the answer at the top of the page; not «Ingen handlinger …».
    const knutActions = knut.getByRole('region', { name: 'Handlinger' });
    expect(
      await knutActions.getByRole('link', { name: 'Svar på konsultasjonen' }).getAttribute('href'),
    ).toBe('#consultation-answer');
    expect(await knutActions.getByText(/Ingen handlinger/).count()).toBe(0);
    // The patient's identity stays with the treating trust (BRIEF §7): masked, no «Vis
    // fødselsnummer», no export, not even in the page's data for hydration.
    await expect.poll(() => knut.getByText('****** *****').count()).toBeGreaterThan(0);
    expect(await knut.getByRole('button', { name: 'Vis fødselsnummer' }).count()).toBe(0);
    expect(await knut.getByRole('link', { name: /Last ned søknaden/ }).count()).toBe(0);
    // Not even its date part (the date of birth).
    const birthDate = TEST_PATIENT_IDS[0].slice(0, 6);
    expect(await knut.content()).not.toContain(birthDate);
    const html = await (await knut.request.get(caseUrl)).text();
    expect(html).toContain('****** *****');
    expect(html).not.toContain(birthDate);
    // A direct POST is refused with the reason; the export is refused too.
    const unmask = await knut.request.post(`${caseUrl}/vis-fodselsnummer`, {
      headers: sameOrigin(e2e.app.url),
      form: {},
    });
    expect(unmask.status()).toBe(403);
    const refusal = await unmask.text();
    expect(refusal).toContain('Pasientens identitet vises bare for dem som arbeider med saken');
    expect(refusal).not.toContain(TEST_PATIENT_IDS[0]);
    expect((await knut.request.get(`${caseUrl}/eksport`)).status()).toBe(403);
    await expectAccessible(knut);
    await expectAccessibleWithoutJs(e2e.browser, knut.context(), caseUrl);

    // An empty answer is refused with a message; then he answers, and the access ends.
    await knut.getByRole('button', { name: 'Send svar' }).click();
    await expect.poll(() => knut.getByText('Skriv svaret før du sender.').count()).toBe(1);
    await expectAccessible(knut);
    await knut.getByLabel(/^Svaret ditt/).fill(ANSWER);
    await knut.getByRole('button', { name: 'Send svar' }).click();
    await expect
      .poll(() => knut.getByText('Svaret er sendt. Lesetilgangen til saken er avsluttet.').count())
      .toBe(1);
    await expectAccessible(knut);
    const after = await knut.goto(caseUrl);
    expect(after?.status()).toBe(404);
    await knut.context().close();

    // Per sees the answer in the case; the case is back under assessment.
    await per.goto(caseUrl);
    const consultations = per.getByRole('region', { name: 'Konsultasjon av annet helseforetak' });
    await expect.poll(() => consultations.getByText(ANSWER).count()).toBe(1);
    await expect.poll(() => consultations.getByText('Besvart').count()).toBe(1);
    await expect.poll(() => consultations.getByText(/Knut Hansen/).count()).toBe(1);
    expect(await per.getByText('Under vurdering').count()).toBeGreaterThan(0);
    await expectAccessible(per);
    await per.context().close();

    // Helse Bergen's log controller sees Knut Hansen's reads and answer in HBE's own access log,
    // with his HPR number and his trust (ADR 0025), and the chain's head to note.
    const geir = await e2e.signIn('Geir Berge');
    await geir.goto(`${e2e.app.url}/admin/tilgangslogg`);
    await geir.getByRole('heading', { level: 1, name: 'Tilgangslogg' }).waitFor();
    await geir
      .getByLabel('Leserens helseforetak')
      .selectOption({ label: 'Oslo universitetssykehus HF' });
    await geir.getByRole('button', { name: 'Vis', exact: true }).click();
    await geir.waitForURL(/foretak=/);
    const entries = geir.getByRole('table', { name: 'Loggen' });
    const knutsRows = entries.getByRole('row').filter({ hasText: 'Knut Hansen' });
    await expect.poll(() => knutsRows.count()).toBeGreaterThan(1);
    const read = knutsRows.filter({ hasText: 'Lest saken' }).first();
    for (const text of [
      /^\d{7}$/,
      'Oslo universitetssykehus HF (konsultert)',
      'Konsultert helseforetak',
      caseNumber,
      'Konsultasjon',
    ]) {
      expect(await read.getByText(text).count()).toBeGreaterThan(0);
    }
    expect(await knutsRows.filter({ hasText: 'Konsultasjon besvart' }).count()).toBe(1);
    // Only the consulted trust's rows under that filter: none of Helse Bergen's own people.
    expect(await entries.getByRole('row').filter({ hasText: 'Per Vik' }).count()).toBe(0);
    const head = geir.getByRole('region', { name: 'Loggens siste oppføring' });
    await expect.poll(() => head.getByText(/^--anchor HBE:\d+:[0-9a-f]{64}$/).count()).toBe(1);
    await expectAccessible(geir);
    await expectAccessibleWithoutJs(
      e2e.browser,
      geir.context(),
      `${e2e.app.url}/admin/tilgangslogg?foretak=egne`,
    );
    await geir.context().close();
  });
  it('HBE’s director takes the question back: the case is assessed again, and OUS is told', async () => {
    const { caseUrl, caseNumber, per } = await caseUnderAssessment();
    await consultOus(per);
    const consultations = per.getByRole('region', { name: 'Konsultasjon av annet helseforetak' });
    await expect.poll(() => consultations.getByText('Venter på svar').count()).toBe(1);

    await consultations.getByRole('button', { name: 'Trekk tilbake' }).click();
    await expect
      .poll(() =>
        per
          .getByText(
            'Konsultasjonen er trukket tilbake. Helseforetaket dere spurte, har fått et varsel.',
          )
          .count(),
      )
      .toBe(1);
    // The state's tag, and the label of when it was taken back.
    expect(await consultations.getByText('Trukket tilbake', { exact: true }).count()).toBe(2);
    expect(await consultations.getByText('Venter på svar').count()).toBe(0);
    // The status beside the page's heading.
    const heading = per.getByRole('heading', { level: 1, name: /^Sak / }).locator('..');
    expect(await heading.getByText('Under vurdering', { exact: true }).count()).toBe(1);
    await expectAccessible(per);
    await per.context().close();

    await expectKnutTold(
      'Fagdirektøren som konsulterte dere, har trukket spørsmålet tilbake.',
      caseUrl,
      caseNumber,
    );
  });

  it('the applicant withdraws a case in consultation: it ends at HBE, and OUS is told', async () => {
    const { caseUrl, caseNumber, per } = await caseUnderAssessment();
    await consultOus(per);
    await expect.poll(() => per.getByText('Venter på svar').count()).toBe(1);

    const doctor = await e2e.signIn('Ingrid Haugland');
    await doctor.goto(caseUrl);
    await fire(
      doctor,
      'Trekk søknaden',
      'Søknaden er trukket, og saken er avsluttet.',
      'Pasienten ønsker ikke behandlingen likevel.',
    );
    await doctor.context().close();

    // Helse Bergen sees the consultation ended by the withdrawal, not taken back by Per Vik.
    await per.goto(caseUrl);
    const consultations = per.getByRole('region', { name: 'Konsultasjon av annet helseforetak' });
    await expect
      .poll(() => consultations.getByText('Avsluttet, søknaden er trukket').count())
      .toBe(1);
    expect(await consultations.getByText('Venter på svar').count()).toBe(0);
    expect(await consultations.getByText('Trukket tilbake').count()).toBe(0);
    expect(await consultations.getByRole('button', { name: 'Trekk tilbake' }).count()).toBe(0);
    await expectAccessible(per);
    await per.context().close();

    await expectKnutTold('Søker har trukket søknaden dere ble konsultert om.', caseUrl, caseNumber);
  });
});
