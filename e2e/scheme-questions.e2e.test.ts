import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { transition } from '../app/features/cases/cases.server';
import { msg } from '../app/i18n';
import {
  COMMON_ANSWERS,
  completeAnswersFor,
  demoActors,
  TEST_PATIENT_IDS,
} from '../app/test/actors';
import { sentAndEndorsed } from '../app/test/case-states';
import { TEST_DATABASES } from '../app/test/databases';
import { CERTICAN } from '../app/test/fest-changes';
import {
  fillApplication,
  saveAnswersOverHttp,
  startDraftOverHttp,
  submitOverHttp,
  waitUntilSaved,
} from './application';
import { expectAccessible, expectAccessibleWithoutJsAsShown, useAppAndBrowser } from './harness';

const { sections, questions } = msg.questionnaire;

/**
 * BRIEF §4.2: the questions depend on the scheme. An off-label application asks what the drug is
 * approved for and how the use differs; one without Norwegian marketing authorisation asks about
 * the godkjenningsfritak (and why, when none is needed); each with its help text, in the summary,
 * on the case page and in the committee's section view.
 */
describe.each(TEST_DATABASES)('the schemes’ own questions in Chromium on %s', (kind) => {
  let underAssessment = '';

  const e2e = useAppAndBrowser(kind, {
    prepare: async (db) => {
      const hbe = await demoActors(db, 'HBE');
      const { caseId, version } = await sentAndEndorsed(
        db,
        hbe,
        completeAnswersFor('noMarketingAuthorisation'),
      );
      await transition(db, hbe.decisionMaker, { caseId, version, event: 'startAssessment' });
      underAssessment = caseId;
    },
  });
  const sectionHeading = (page: Page, title: string) =>
    page.getByRole('heading', { level: 2, name: title, exact: true });
  const shown = (page: Page, text: string) => page.getByText(text, { exact: true }).count();

  /** From the edit page through the summary to the case page. */
  async function sendFromEditPage(page: Page) {
    await waitUntilSaved(page);
    await page.getByRole('button', { name: 'Se over og send inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Oppsummering' }).waitFor();
    await expect.poll(() => page.getByText('Alt er fylt ut.').count()).toBe(1);
    await expectAccessible(page);
  }

  it('asks an off-label application what the drug is approved for and how the use differs', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const caseUrl = await startDraftOverHttp(doctor.request, e2e.app.url);
    await doctor.goto(`${e2e.app.url}${caseUrl}/rediger`);
    await sectionHeading(doctor, sections.offLabel.title).waitFor();
    expect(await shown(doctor, msg.questionHelp.sections.offLabel)).toBe(1);
    expect(await shown(doctor, msg.questionHelp.questions.approvedIndication)).toBe(1);
    expect(await shown(doctor, msg.questionHelp.questions.deviationFromApproval)).toBe(1);
    // No other scheme's questions.
    for (const other of [sections.noMarketingAuthorisation, sections.nyeMetoder]) {
      expect(await sectionHeading(doctor, other.title).count()).toBe(0);
    }
    await expectAccessible(doctor);
    await fillApplication(doctor, TEST_PATIENT_IDS[2]);
    await sendFromEditPage(doctor);
    expect(await sectionHeading(doctor, sections.offLabel.title).count()).toBe(1);
    expect(await shown(doctor, 'Annen indikasjon: membranøs nefropati')).toBe(1);
    await doctor.getByRole('button', { name: 'Send inn søknaden' }).click();
    await doctor.getByRole('heading', { level: 1, name: /^Sak [A-Z]{3}-\d{4}-\d{5}$/ }).waitFor();
    await doctor.getByText(questions.approvedIndication.label, { exact: true }).first().waitFor();
    expect(await shown(doctor, 'Non-Hodgkin lymfom, KLL, revmatoid artritt')).toBe(1);
    await expectAccessible(doctor);
    await doctor.context().close();
  });

  it('asks an application without Norwegian MT about godkjenningsfritak, and why none is needed', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const caseUrl = await startDraftOverHttp(doctor.request, e2e.app.url, {
      scheme: 'noMarketingAuthorisation',
    });
    const { drug: _drug, ...common } = COMMON_ANSWERS;
    await saveAnswersOverHttp(doctor.request, e2e.app.url, caseUrl, {
      ...common,
      patientId: TEST_PATIENT_IDS[3],
    });
    await doctor.goto(`${e2e.app.url}${caseUrl}/rediger`);
    // A NAF preparation from FEST: made by a Norwegian pharmacy, it needs no godkjenningsfritak.
    const drug = doctor.locator('[id="q.drug"][type="search"]'); // the FEST combobox, hydrated
    await drug.click();
    await drug.pressSequentially('Kolkisin NAF', { delay: 10 });
    await doctor.getByRole('option', { name: /^Kolkisin NAF Tab 0,5 mg/ }).waitFor();
    await doctor.keyboard.press('ArrowDown');
    await doctor.keyboard.press('Enter');
    await waitUntilSaved(doctor);
    await doctor.reload();
    await sectionHeading(doctor, sections.noMarketingAuthorisation.title).waitFor();
    expect(await sectionHeading(doctor, sections.offLabel.title).count()).toBe(0);
    const exemption = doctor.getByRole('group', { name: questions.exemptionApplication.label });
    expect(await exemption.getByRole('radio').count()).toBe(3);
    expect(await shown(doctor, msg.questionHelp.questions.exemptionApplication)).toBe(1);
    expect(await shown(doctor, msg.router.codes.pharmacyPreparation)).toBe(1);
    const why = doctor.getByLabel(questions.exemptionNotNeededReason.label, { exact: true });
    expect(await why.count()).toBe(0);
    await expectAccessible(doctor);

    // «Not needed» asks why, with its help, at once.
    await exemption.getByLabel(msg.questionnaire.exemptionApplications.notNeeded).check();
    await why.waitFor();
    expect(await shown(doctor, msg.questionHelp.questions.exemptionNotNeededReason)).toBe(1);
    await why.fill('NAF-preparat, laget av norsk apotek');
    await doctor.getByLabel(questions.approvedAbroad.label, { exact: true }).fill('EU (EMA), 2022');
    await doctor
      .getByLabel(questions.norwegianAlternativesUnsuitable.label, { exact: true })
      .fill('Ingen med norsk MT for denne indikasjonen');
    await expectAccessible(doctor);
    await sendFromEditPage(doctor);
    expect(await shown(doctor, msg.questionnaire.exemptionApplications.notNeeded)).toBe(1);
    expect(await shown(doctor, 'NAF-preparat, laget av norsk apotek')).toBe(1);
    await doctor.getByRole('button', { name: 'Send inn søknaden' }).click();
    await doctor.getByRole('heading', { level: 1, name: /^Sak [A-Z]{3}-\d{4}-\d{5}$/ }).waitFor();
    expect(await shown(doctor, 'EU (EMA), 2022')).toBe(1);
    await expectAccessible(doctor);
    await doctor.context().close();
  });

  it('asks why no godkjenningsfritak is needed after «Lagre», without JavaScript', async () => {
    const page = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
    const caseUrl = await startDraftOverHttp(page.request, e2e.app.url, {
      scheme: 'noMarketingAuthorisation',
    });
    await page.goto(`${e2e.app.url}${caseUrl}/rediger`);
    const why = page.getByLabel(questions.exemptionNotNeededReason.label, { exact: true });
    expect(await why.count()).toBe(0);
    await page.getByLabel(msg.questionnaire.exemptionApplications.notNeeded).check();
    await page.getByLabel(questions.approvedAbroad.label, { exact: true }).fill('Ikke godkjent');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByText('Endringene er lagret.').waitFor();
    expect(await why.count()).toBe(1);
    expect(
      await page.getByLabel(msg.questionnaire.exemptionApplications.notNeeded).isChecked(),
    ).toBe(true);
    expect(
      await page.getByLabel(questions.approvedAbroad.label, { exact: true }).inputValue(),
    ).toBe('Ikke godkjent');
    await expectAccessibleWithoutJsAsShown(e2e.browser, page);
    await page.context().close();
  });

  it('shows a Nye Metoder id written the wrong way at its field, and how to write it', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const caseUrl = await startDraftOverHttp(doctor.request, e2e.app.url, {
      scheme: 'unntaksordningen',
    });
    await doctor.goto(`${e2e.app.url}${caseUrl}/rediger`);
    await sectionHeading(doctor, sections.nyeMetoder.title).waitFor();
    expect(await shown(doctor, msg.questionHelp.questions.nyeMetoderId)).toBe(1);
    await doctor.getByLabel(questions.nyeMetoderId.label, { exact: true }).fill('id2023-45');
    await expect.poll(() => shown(doctor, msg.errors.nyeMetoderIdFormat)).toBe(1);
    await expectAccessible(doctor);
    await doctor.getByLabel(questions.nyeMetoderId.label, { exact: true }).fill('id2023_045');
    await expect.poll(() => shown(doctor, msg.errors.nyeMetoderIdFormat)).toBe(0);
    await waitUntilSaved(doctor);
    // Stored in capitals, as Nye Metoder writes it.
    await doctor.reload();
    expect(
      await doctor.getByLabel(questions.nyeMetoderId.label, { exact: true }).inputValue(),
    ).toBe('ID2023_045');
    await doctor.context().close();
  });

  it('shows the committee the questions without Norwegian MT with their help, section by section', async () => {
    const director = await e2e.signIn('Per Vik');
    await director.goto(`${e2e.app.url}/saker/${underAssessment}/vurdering`);
    await director
      .getByRole('heading', { name: sections.noMarketingAuthorisation.title, exact: true })
      .waitFor();
    for (const id of [
      'exemptionApplication',
      'approvedAbroad',
      'norwegianAlternativesUnsuitable',
    ] as const) {
      expect(await shown(director, msg.questionHelp.questions[id])).toBe(1);
    }
    expect(await shown(director, msg.questionnaire.exemptionApplications.sent)).toBe(1);
    await expectAccessible(director);
    await director.context().close();
  });

  it('warns, without JavaScript, that a drug FEST lists with Norwegian MT may not belong under «Uten norsk markedsføringstillatelse»', async () => {
    const warning = msg.fest.schemeWarning;
    const doctor = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
    // Certican is marketed in Norway with MT in the bundled FEST extract.
    const answers = {
      ...completeAnswersFor('noMarketingAuthorisation'),
      drug: CERTICAN,
      patientId: TEST_PATIENT_IDS[1],
    };
    const { scheme: _scheme, patientScope: _scope, ...rest } = answers;
    const caseUrl = await startDraftOverHttp(doctor.request, e2e.app.url, {
      scheme: 'noMarketingAuthorisation',
    });
    await saveAnswersOverHttp(doctor.request, e2e.app.url, caseUrl, rest);
    await doctor.goto(`${e2e.app.url}${caseUrl}/rediger`);
    // Beside the drug, under its FEST facts: a warning, and the form is still sent as it is.
    const drugSection = doctor.getByRole('region', { name: sections.drug.title, exact: true });
    const alert = drugSection.getByRole('heading', { name: warning.title, exact: true });
    await alert.waitFor();
    const body = await drugSection.getByText(/^Ifølge FEST har /).innerText();
    expect(body).toMatch(
      /^Ifølge FEST har Certican .+ norsk markedsføringstillatelse og markedsføres i Norge, men søknaden gjelder ordningen «Uten norsk markedsføringstillatelse»\.$/,
    );
    expect(await shown(doctor, warning.applicant(msg.schemes.offLabel, sections.basis.title))).toBe(
      1,
    );
    await expectAccessibleWithoutJsAsShown(e2e.browser, doctor);
    // And before it is sent, on the summary.
    await doctor.goto(`${e2e.app.url}${caseUrl}/oppsummering`);
    await doctor.getByRole('heading', { level: 2, name: warning.title, exact: true }).waitFor();
    await expectAccessibleWithoutJsAsShown(e2e.browser, doctor);

    // Under «off-label» the same drug raises nothing.
    await doctor.goto(`${e2e.app.url}${caseUrl}/rediger`);
    await doctor.getByRole('radio', { name: msg.schemes.offLabel }).check();
    await doctor.getByRole('button', { name: 'Lagre', exact: true }).click();
    await doctor.getByText('Endringene er lagret.').waitFor();
    expect(await doctor.getByRole('heading', { name: warning.title }).count()).toBe(0);
    await doctor.context().close();
  });

  it('warns the leader and the medical director on the case page that FEST lists the drug with Norwegian MT', async () => {
    const warning = msg.fest.schemeWarning;
    const doctor = await e2e.signIn('Ingrid Haugland');
    // Certican is marketed in Norway with MT in the bundled FEST extract.
    const caseUrl = await submitOverHttp(doctor.request, e2e.app.url, {
      scheme: 'noMarketingAuthorisation',
      drug: CERTICAN,
    });
    await doctor.context().close();
    const leader = await e2e.signIn('Kari Nordtveit');
    const director = await e2e.signIn('Per Vik');
    for (const reader of [leader, director]) {
      await reader.goto(`${e2e.app.url}${caseUrl}`);
      // As on the summary, with what someone reading the case can do about it.
      await reader.getByRole('heading', { level: 2, name: warning.title, exact: true }).waitFor();
      expect(await reader.getByText(/^Ifølge FEST har /).innerText()).toMatch(
        /^Ifølge FEST har Certican .+ norsk markedsføringstillatelse og markedsføres i Norge, men søknaden gjelder ordningen «Uten norsk markedsføringstillatelse»\.$/,
      );
      expect(await shown(reader, warning.reader(msg.schemes.offLabel))).toBe(1);
      expect(
        await shown(reader, warning.applicant(msg.schemes.offLabel, sections.basis.title)),
      ).toBe(0);
      await expectAccessible(reader);
    }
    // A drug FEST does not list fits the scheme: nothing to warn about.
    await director.goto(`${e2e.app.url}/saker/${underAssessment}`);
    await director
      .getByRole('heading', { level: 2, name: msg.case.summary, exact: true })
      .waitFor();
    expect(await director.getByRole('heading', { name: warning.title }).count()).toBe(0);
    await leader.context().close();
    await director.context().close();
  });
});
