import { describe, expect, it } from 'vitest';
import { ANSWER_INTENTS, REMOVE_FIELD } from '../app/features/attachments/domain/answer-form';
import { FILE_FIELD } from '../app/features/attachments/domain/kinds';
import { norwegianDateOf } from '../app/features/cases/domain/dates';
import { TEST_DATABASES } from '../app/test/databases';
import { htmlPage, minimalPdf } from '../app/test/files';
import { msg } from '../app/i18n';
import { endorseInBrowser, submitOverHttp } from './application';
import {
  expectAccessible,
  expectAccessibleWithoutJsAsShown,
  sameOrigin,
  useAppAndBrowser,
} from './harness';

const QUESTION = 'Har dere nyere blodprøver og ECOG-status?';
const ANSWER = 'ECOG 1. Blodprøvene fra forrige uke ligger ved.';
const FILE_NAME = 'Blodprøver uke 49.pdf';

/**
 * The committee asks the applicant for more information and the applicant answers with a
 * document, all without JavaScript: the typed answer survives a refused file, an upload and a
 * removal; the medical director then finds the file with the answer, marked as added to it.
 */
describe.each(TEST_DATABASES)('a document in the answer to a request on %s', (kind) => {
  const e2e = useAppAndBrowser(kind);

  /**
   * Ingrid Haugland's application, sent and endorsed; the medical director starts the assessment
   * and asks, without JavaScript. The case page's URL.
   */
  async function awaitingAnswer(): Promise<string> {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
    await doctor.context().close();
    const leader = await e2e.signIn('Kari Nordtveit');
    await leader.goto(caseUrl);
    await endorseInBrowser(leader, 'Forankre søknaden', 'Godt begrunnet.');
    await leader.getByText(msg.confirmations.endorse).waitFor();
    await leader.context().close();

    const asker = await e2e.signIn('Per Vik', { javaScriptEnabled: false });
    await asker.goto(caseUrl);
    await asker
      .getByRole('form', { name: 'Start vurdering' })
      .getByRole('button', { name: 'Start vurdering' })
      .click();
    await asker.getByText(msg.confirmations.startAssessment).waitFor();
    const ask = asker.getByRole('form', { name: 'Be om flere opplysninger' });
    await ask.getByLabel(/^Hvilke opplysninger trengs\?/).fill(QUESTION);
    await ask.getByRole('button', { name: 'Be om flere opplysninger' }).click();
    await asker.getByText(msg.confirmations.requestInformation).waitFor();
    await asker.context().close();
    return caseUrl;
  }

  it(
    'asks, answers with a file, and shows the file with the answer',
    { timeout: 300_000 },
    async () => {
      const caseUrl = await awaitingAnswer();

      // With JavaScript, a file added to the answer keeps the text typed, too.
      const withJs = await e2e.signIn('Ingrid Haugland');
      await withJs.goto(caseUrl);
      const jsForm = withJs.getByRole('form', { name: 'Send opplysninger' });
      await jsForm.getByLabel('Legg til vedlegg').setInputFiles({
        name: 'feil fil.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(minimalPdf()),
      });
      // Sent without its text: refused before the file is added (it stays chosen).
      await jsForm.getByRole('button', { name: 'Send opplysninger' }).click();
      await jsForm
        .locator('ds-error-summary')
        .getByText(/^Opplysninger: /)
        .waitFor();
      expect(await jsForm.getByText(msg.attachments.answer.none).count()).toBe(1);
      await jsForm.getByLabel(/^Opplysninger/).fill('Utkast.');
      await jsForm.getByRole('button', { name: 'Last opp vedlegget' }).click();
      await jsForm.getByText(msg.attachments.answer.notices.added).waitFor();
      await jsForm.getByRole('link', { name: 'feil fil.pdf' }).waitFor();
      expect(await jsForm.getByRole('link', { name: 'feil fil.pdf' }).count()).toBe(1);
      expect(await jsForm.getByLabel(/^Opplysninger/).inputValue()).toBe('Utkast.');
      await expectAccessible(withJs);
      await withJs.context().close();

      // The doctor answers without JavaScript: the text typed stays through every post.
      const page = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
      await page.goto(caseUrl);
      const form = page.getByRole('form', { name: 'Send opplysninger' });
      const answer = form.getByLabel(/^Opplysninger/);
      const file = form.getByLabel('Legg til vedlegg');
      const uploadButton = form.getByRole('button', { name: 'Last opp vedlegget' });
      await answer.fill(ANSWER);

      // A file that is not what its name says: refused in the error summary, the answer kept.
      await file.setInputFiles({
        name: 'rapport.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(htmlPage()),
      });
      await uploadButton.click();
      await page
        .locator('ds-error-summary')
        .getByText(/^Filtypen er ikke tillatt/)
        .waitFor();
      expect(await answer.inputValue()).toBe(ANSWER);
      expect(await page.title()).toMatch(/^Feil: /);
      await expectAccessibleWithoutJsAsShown(e2e.browser, page);

      // A file added, the one added by mistake taken out again: still the answer as typed.
      await file.setInputFiles({
        name: FILE_NAME,
        mimeType: 'application/pdf',
        buffer: Buffer.from(minimalPdf()),
      });
      await uploadButton.click();
      await form.getByText(msg.attachments.answer.notices.added).waitFor();
      await form.getByRole('link', { name: FILE_NAME }).waitFor();
      expect(await answer.inputValue()).toBe(ANSWER);
      await expectAccessibleWithoutJsAsShown(e2e.browser, page);
      await form.getByRole('button', { name: 'Fjern vedlegget feil fil.pdf' }).click();
      await form.getByText(msg.attachments.answer.notices.removed).waitFor();
      expect(await form.getByRole('link', { name: 'feil fil.pdf' }).count()).toBe(0);
      expect(await answer.inputValue()).toBe(ANSWER);

      await form.getByRole('button', { name: 'Send opplysninger' }).click();
      await page.getByText(msg.confirmations.provideInformation).waitFor();
      expect(await page.getByRole('form', { name: 'Send opplysninger' }).count()).toBe(0);
      await page.context().close();

      // The medical director sees the answer with its file, and the file marked as added to it.
      const director = await e2e.signIn('Per Vik');
      await director.goto(caseUrl);
      const history = director.getByRole('table', { name: 'Historikk' });
      const row = history.getByRole('row').filter({ hasText: ANSWER });
      await row.getByText(msg.attachments.answer.sentWith).waitFor();
      const link = row.getByRole('link', { name: FILE_NAME });
      expect(await link.count()).toBe(1);
      expect(await row.getByRole('link', { name: 'feil fil.pdf' }).count()).toBe(0);
      const files = director.getByRole('table', { name: 'Vedlegg til søknaden' });
      await files
        .getByRole('row', { name: new RegExp(FILE_NAME) })
        .getByText(msg.attachments.answer.addedIn(norwegianDateOf(new Date())))
        .waitFor();
      await expectAccessible(director);

      const [download] = await Promise.all([director.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(FILE_NAME);
      await director.context().close();
    },
  );

  it(
    'sends no answer whose files changed while it was written, and keeps its text',
    { timeout: 300_000 },
    async () => {
      const caseUrl = await awaitingAnswer();
      // Ingrid's other window changes the answer's files as its form would (only its writers may).
      const elsewhere = async (fields: Record<string, string>, file?: string) => {
        const other = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
        const posted = await other.request.post(caseUrl, {
          headers: sameOrigin(e2e.app.url),
          multipart: {
            reason: '',
            ...fields,
            ...(file
              ? {
                  [FILE_FIELD]: {
                    name: file,
                    mimeType: 'application/pdf',
                    buffer: Buffer.from(minimalPdf()),
                  },
                }
              : {}),
          },
        });
        expect(posted.status()).toBe(200);
        await other.context().close();
      };
      const changed = msg.attachments.problems.answerChanged;
      const added = 'Lagt til i et annet vindu.pdf';

      // With JavaScript: a file added elsewhere after the page was read is not sent unseen.
      const withJs = await e2e.signIn('Ingrid Haugland');
      // Loaded and hydrated: the send below is the page's own request, not the browser's.
      await withJs.goto(caseUrl, { waitUntil: 'networkidle' });
      const jsForm = withJs.getByRole('form', { name: 'Send opplysninger' });
      await jsForm.getByText(msg.attachments.answer.none).waitFor();
      await jsForm.getByLabel(/^Opplysninger/).fill('Skrevet med JavaScript.');
      await elsewhere({ intent: ANSWER_INTENTS.upload }, added);
      const [sent] = await Promise.all([
        withJs.waitForResponse((r) => r.request().method() === 'POST'),
        jsForm.getByRole('button', { name: 'Send opplysninger' }).click(),
      ]);
      expect([new URL(sent.url()).pathname.endsWith('.data'), sent.status()]).toEqual([true, 409]);
      await jsForm.locator('ds-error-summary').getByText(changed).waitFor();
      // The page is read again: the form lists the file, the text is as typed, nothing sent.
      await jsForm.getByRole('link', { name: added }).waitFor();
      expect(await jsForm.getByLabel(/^Opplysninger/).inputValue()).toBe('Skrevet med JavaScript.');
      expect(await withJs.getByText(msg.confirmations.provideInformation).count()).toBe(0);
      await expectAccessible(withJs);
      await withJs.context().close();

      // Without JavaScript: the file removed elsewhere after the page was read.
      const page = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
      await page.goto(caseUrl);
      const form = page.getByRole('form', { name: 'Send opplysninger' });
      const link = form.getByRole('link', { name: added });
      const addedId = (await link.getAttribute('href'))?.split('/').at(-1) ?? '';
      await form.getByLabel(/^Opplysninger/).fill(ANSWER);
      await elsewhere({ [REMOVE_FIELD]: addedId });
      await form.getByRole('button', { name: 'Send opplysninger' }).click();
      await page.locator('ds-error-summary').getByText(changed).waitFor();
      expect(await page.title()).toMatch(/^Feil: /);
      await form.getByText(msg.attachments.answer.none).waitFor();
      expect(await link.count()).toBe(0);
      expect(await form.getByLabel(/^Opplysninger/).inputValue()).toBe(ANSWER);
      await expectAccessibleWithoutJsAsShown(e2e.browser, page);

      // Sent again with the list as it is now, the answer goes, without the file.
      await form.getByRole('button', { name: 'Send opplysninger' }).click();
      await page.getByText(msg.confirmations.provideInformation).waitFor();
      const row = page
        .getByRole('table', { name: 'Historikk' })
        .getByRole('row')
        .filter({ hasText: ANSWER });
      await row.waitFor();
      expect(await row.getByText(msg.attachments.answer.sentWith).count()).toBe(0);
      await page.context().close();
    },
  );
});
