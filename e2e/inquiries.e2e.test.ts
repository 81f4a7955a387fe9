import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import { submitOverHttp } from './application';
import { expectAccessible, expectAccessibleWithoutJsAsShown, useAppAndBrowser } from './harness';

const QUESTION = 'Hvilken dose ble innvilget, og ble det satt krav om evaluering?';
const ANSWER = 'Standarddose etter preparatomtalen, med evaluering etter tre måneder.';
const LATE = 'Vi innvilget standarddosen.';
const WITHDRAWN_TEXT = 'Spørsmålet er trukket tilbake. Fagdirektøren har fått et varsel.';

/**
 * «Be om tilleggsopplysninger» (seed 001): someone of another trust asks about a case of the
 * national overview by its løpenummer, the responsible trust's medical director answers, and the
 * asker reads the answer; with and without JavaScript.
 */
describe.each(TEST_DATABASES)('inquiries about national cases in Chromium on %s', (kind) => {
  const e2e = useAppAndBrowser(kind);

  /** A case submitted by Ingrid Haugland (Helse Bergen): its løpenummer. */
  async function submittedCase(): Promise<string> {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
    await doctor.goto(caseUrl);
    const heading = doctor.getByRole('heading', { level: 1, name: /^Sak / });
    const caseNumber = ((await heading.textContent()) ?? '').replace('Sak ', '').trim();
    await doctor.context().close();
    expect(caseNumber).toMatch(/^HBE-\d{4}-\d{5}$/);
    return caseNumber;
  }

  const summaryUrl = (caseNumber: string) => `${e2e.app.url}/nasjonalt/saker/${caseNumber}`;

  it('a national reader asks, the responsible director answers, the reader reads the answer', async () => {
    const caseNumber = await submittedCase();

    // Aksel Moe (OUS, national reader) on the case's national summary.
    const aksel = await e2e.signIn('Aksel Moe');
    await aksel.goto(summaryUrl(caseNumber));
    const form = aksel.getByRole('form', { name: 'Be om tilleggsopplysninger' });
    await form.waitFor();
    expect(await aksel.getByText('Ikke skriv pasientopplysninger.', { exact: false }).count()).toBe(
      1,
    );
    await expectAccessible(aksel);
    // Nothing typed: refused in Norwegian, nothing sent.
    await form.getByRole('button', { name: 'Send spørsmålet' }).click();
    await expect
      .poll(() =>
        aksel
          .getByRole('group', { name: 'Rett opp følgende før du går videre:' })
          .getByRole('link')
          .allInnerTexts(),
      )
      .toEqual(['Spørsmål: Skriv spørsmålet før du sender.']);
    expect(await aksel.title()).toBe(`Feil: Nasjonalt sammendrag: ${caseNumber} – Søknadsportal`);
    await expectAccessible(aksel);
    await aksel.getByLabel(/^Spørsmål/).fill(QUESTION);
    await aksel.getByRole('button', { name: 'Send spørsmålet' }).click();
    await expect
      .poll(() =>
        aksel
          .getByText('Spørsmålet er sendt. Du får et varsel når helseforetaket har svart.')
          .count(),
      )
      .toBe(1);
    const mine = aksel.getByRole('region', { name: 'Dine spørsmål om saken', exact: true });
    await expect.poll(() => mine.getByText(QUESTION).count()).toBe(1);
    expect(await mine.getByText('Venter på svar').count()).toBe(1);
    // The field is empty again: the question went, it is not waiting to be sent twice.
    expect(await aksel.getByLabel(/^Spørsmål/).inputValue()).toBe('');
    await expectAccessible(aksel);

    // His list of sent inquiries.
    await aksel
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Henvendelser' })
      .click();
    await aksel.getByRole('heading', { level: 1, name: 'Henvendelser' }).waitFor();
    const sent = aksel.getByRole('region', { name: 'Sendt av deg', exact: true });
    await expect
      .poll(() =>
        sent.getByRole('link', { name: `Åpne henvendelsen om sak ${caseNumber}` }).count(),
      )
      .toBe(1);
    expect(
      await aksel.getByRole('region', { name: 'Til helseforetaket ditt', exact: true }).count(),
    ).toBe(0);
    await expectAccessible(aksel);

    // Per Vik (HBE's director) finds it waiting on his start page, one click from the question…
    const per = await e2e.signIn('Per Vik');
    await per.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    const waiting = per.getByRole('region', { name: /^Henvendelser som venter på svar/ });
    const waitingLink = waiting.getByRole('link', {
      name: `Åpne henvendelsen om sak ${caseNumber}`,
    });
    expect(await waitingLink.count()).toBe(1);
    await expectAccessible(per);
    await waitingLink.click();
    await per
      .getByRole('heading', { level: 1, name: `Henvendelse om sak ${caseNumber}` })
      .waitFor();
    // …and is notified and finds it among the inquiries to his trust.
    await per.getByRole('link', { name: /^Varsler \(\d+ uleste\)$/ }).click();
    await per.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
    await expect
      .poll(() =>
        per
          .getByText('Et annet helseforetak ber om tilleggsopplysninger om en av sakene deres.', {
            exact: false,
          })
          .count(),
      )
      .toBe(1);
    await per.getByRole('link', { name: `Henvendelser om sak ${caseNumber}` }).click();
    await per.getByRole('heading', { level: 1, name: 'Henvendelser' }).waitFor();
    const received = per.getByRole('region', { name: 'Til helseforetaket ditt', exact: true });
    const row = received.getByRole('row').filter({ hasText: caseNumber });
    await expect
      .poll(() => row.getByText('Aksel Moe, Oslo universitetssykehus HF').count())
      .toBe(1);
    expect(await row.getByText('Venter på svar').count()).toBe(1);
    await expectAccessible(per);
    await row.getByRole('link', { name: `Åpne henvendelsen om sak ${caseNumber}` }).click();
    await per
      .getByRole('heading', { level: 1, name: `Henvendelse om sak ${caseNumber}` })
      .waitFor();
    await expect.poll(() => per.getByText(QUESTION).count()).toBe(1);
    const answerForm = per.getByRole('form', { name: 'Svar på henvendelsen' });
    expect(
      await answerForm.getByText('Svaret sendes ut av helseforetaket', { exact: false }).count(),
    ).toBe(1);
    await expectAccessible(per);
    await answerForm.getByRole('button', { name: 'Send svaret' }).click();
    await expect
      .poll(() => per.getByText('Skriv svaret før du sender.').count())
      .toBeGreaterThan(0);
    await expectAccessible(per);
    await per.getByLabel(/^Svaret ditt/).fill(ANSWER);
    await per.getByRole('button', { name: 'Send svaret' }).click();
    await expect
      .poll(() => per.getByText('Svaret er sendt. Den som spurte, har fått et varsel.').count())
      .toBe(1);
    expect(await per.getByRole('form', { name: 'Svar på henvendelsen' }).count()).toBe(0);
    await expect.poll(() => per.getByText(ANSWER).count()).toBe(1);
    await expectAccessible(per);
    // Answered, it no longer waits on his start page.
    await per.goto(`${e2e.app.url}/`);
    await per.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    expect(
      await per.getByRole('link', { name: `Åpne henvendelsen om sak ${caseNumber}` }).count(),
    ).toBe(0);
    await per.context().close();

    // Aksel is told, and reads the answer in his list and on the case's summary.
    await aksel.goto(`${e2e.app.url}/varsler`);
    await expect
      .poll(() => aksel.getByText('Helseforetaket har svart på spørsmålet ditt om en sak.').count())
      .toBe(1);
    await aksel.getByRole('link', { name: `Henvendelser om sak ${caseNumber}` }).click();
    await aksel.getByRole('heading', { level: 1, name: 'Henvendelser' }).waitFor();
    await aksel.getByRole('link', { name: `Åpne henvendelsen om sak ${caseNumber}` }).click();
    await aksel
      .getByRole('heading', { level: 1, name: `Henvendelse om sak ${caseNumber}` })
      .waitFor();
    await expect.poll(() => aksel.getByText(ANSWER).count()).toBe(1);
    expect(await aksel.getByText('Per Vik').count()).toBe(1);
    expect(await aksel.getByRole('form', { name: 'Svar på henvendelsen' }).count()).toBe(0);
    await expectAccessible(aksel);
    await aksel.goto(summaryUrl(caseNumber));
    await expect.poll(() => mine.getByText(ANSWER).count()).toBe(1);
    expect(await mine.getByText('Besvart', { exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(aksel);
    await aksel.context().close();
  });

  it('works without JavaScript, and a second answer sent late is refused with its text kept', async () => {
    const caseNumber = await submittedCase();

    // Olav Hetland (HST, national reader) asks with plain form posts.
    const olav = await e2e.signIn('Olav Hetland', { javaScriptEnabled: false });
    await olav.goto(summaryUrl(caseNumber));
    await olav.getByRole('button', { name: 'Send spørsmålet' }).click();
    await olav.getByText('Skriv spørsmålet før du sender.').first().waitFor();
    expect(await olav.title()).toBe(`Feil: Nasjonalt sammendrag: ${caseNumber} – Søknadsportal`);
    await expectAccessibleWithoutJsAsShown(e2e.browser, olav);
    await olav.getByLabel(/^Spørsmål/).fill(QUESTION);
    await olav.getByRole('button', { name: 'Send spørsmålet' }).click();
    await olav
      .getByText('Spørsmålet er sendt. Du får et varsel når helseforetaket har svart.')
      .waitFor();
    expect(olav.url()).toContain('?sendt');
    await expectAccessibleWithoutJsAsShown(e2e.browser, olav);
    // A second question before the answer is refused, what was typed kept.
    await olav.getByLabel(/^Spørsmål/).fill('Et spørsmål til?');
    await olav.getByRole('button', { name: 'Send spørsmålet' }).click();
    await olav
      .getByText('Du har allerede et ubesvart spørsmål om denne saken.', { exact: false })
      .waitFor();
    expect(await olav.getByLabel(/^Spørsmål/).inputValue()).toBe('Et spørsmål til?');
    await expectAccessibleWithoutJsAsShown(e2e.browser, olav);

    // Per Vik has the inquiry open in two windows and answers in both, one after the other.
    const first = await e2e.signIn('Per Vik', { javaScriptEnabled: false });
    await first.goto(`${e2e.app.url}/henvendelser`);
    await first.getByRole('link', { name: `Åpne henvendelsen om sak ${caseNumber}` }).click();
    await first
      .getByRole('heading', { level: 1, name: `Henvendelse om sak ${caseNumber}` })
      .waitFor();
    await expectAccessibleWithoutJsAsShown(e2e.browser, first);
    const second = await first.context().newPage();
    await second.goto(first.url());
    await first.getByLabel(/^Svaret ditt/).fill(ANSWER);
    await first.getByRole('button', { name: 'Send svaret' }).click();
    await first.getByText('Svaret er sendt. Den som spurte, har fått et varsel.').waitFor();
    await expectAccessibleWithoutJsAsShown(e2e.browser, first);
    await second.getByLabel(/^Svaret ditt/).fill(LATE);
    const late = second.waitForResponse((r) => r.request().method() === 'POST');
    await second.getByRole('button', { name: 'Send svaret' }).click();
    expect((await late).status()).toBe(409);
    await second
      .getByText('Henvendelsen er besvart av en annen, eller endret etter at du åpnet den.', {
        exact: false,
      })
      .waitFor();
    // The late text is kept to copy, the stored answer is the first one.
    expect(await second.locator('blockquote').filter({ hasText: LATE }).count()).toBe(1);
    expect(await second.getByText(ANSWER).count()).toBe(1);
    await expectAccessibleWithoutJsAsShown(e2e.browser, second);
    await first.context().close();

    await olav.goto(`${e2e.app.url}/henvendelser`);
    await olav.getByRole('link', { name: `Åpne henvendelsen om sak ${caseNumber}` }).click();
    await olav.getByText(ANSWER).waitFor();
    expect(await olav.getByText(LATE).count()).toBe(0);
    await expectAccessibleWithoutJsAsShown(e2e.browser, olav);
    await olav.context().close();
  });

  it('the asker withdraws with JavaScript; an answer sent after it is refused, its text kept', async () => {
    // Ingrid Haugland's case, and its internal id, which the summary page must not carry.
    const doctor = await e2e.signIn('Ingrid Haugland');
    const casePath = await submitOverHttp(doctor.request, e2e.app.url);
    const caseId = casePath.split('/').pop() ?? '';
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    await doctor.goto(`${e2e.app.url}${casePath}`);
    const caseNumber = (
      (await doctor.getByRole('heading', { level: 1, name: /^Sak / }).textContent()) ?? ''
    )
      .replace('Sak ', '')
      .trim();
    await doctor.context().close();

    // Aksel Moe (OUS) asks; the summary page's document and data name the case by number only.
    const aksel = await e2e.signIn('Aksel Moe');
    await aksel.goto(summaryUrl(caseNumber));
    await aksel.getByLabel(/^Spørsmål/).fill(QUESTION);
    await aksel.getByRole('button', { name: 'Send spørsmålet' }).click();
    await aksel
      .getByText('Spørsmålet er sendt. Du får et varsel når helseforetaket har svart.')
      .waitFor();
    for (const url of [summaryUrl(caseNumber), `${summaryUrl(caseNumber)}.data`]) {
      const body = await (await aksel.request.get(url)).text();
      expect(body).toContain(caseNumber);
      expect(body).not.toContain(caseId);
    }

    // Per Vik (HBE) opens the question and starts typing his answer.
    const per = await e2e.signIn('Per Vik');
    await per.goto(`${e2e.app.url}/henvendelser`);
    await per
      .getByRole('region', { name: 'Til helseforetaket ditt', exact: true })
      .getByRole('link', { name: `Åpne henvendelsen om sak ${caseNumber}` })
      .click();
    await per
      .getByRole('heading', { level: 1, name: `Henvendelse om sak ${caseNumber}` })
      .waitFor();
    // The directors answer; they do not withdraw another trust's question.
    expect(await per.getByRole('form', { name: 'Trekk tilbake spørsmålet' }).count()).toBe(0);
    await per.getByLabel(/^Svaret ditt/).fill(ANSWER);

    // Meanwhile Aksel withdraws it from his list.
    await aksel.goto(`${e2e.app.url}/henvendelser`);
    await aksel.getByRole('link', { name: `Åpne henvendelsen om sak ${caseNumber}` }).click();
    await aksel
      .getByRole('heading', { level: 1, name: `Henvendelse om sak ${caseNumber}` })
      .waitFor();
    const withdraw = aksel.getByRole('form', { name: 'Trekk tilbake spørsmålet' });
    await withdraw.waitFor();
    await expectAccessible(aksel);
    await withdraw.getByRole('button', { name: 'Trekk tilbake spørsmålet' }).click();
    await aksel.getByText(WITHDRAWN_TEXT).waitFor();
    expect(await aksel.getByText('Trukket tilbake', { exact: true }).count()).toBeGreaterThan(0);
    expect(await aksel.getByRole('form', { name: 'Trekk tilbake spørsmålet' }).count()).toBe(0);
    await expectAccessible(aksel);

    // Per's answer is refused: the question was withdrawn; his text is kept to copy.
    const refused = per.waitForResponse((r) => r.request().method() === 'POST');
    await per.getByRole('button', { name: 'Send svaret' }).click();
    expect((await refused).status()).toBe(409);
    await per
      .getByText('Den som spurte, har trukket tilbake spørsmålet', { exact: false })
      .waitFor();
    await expect.poll(() => per.locator('blockquote').filter({ hasText: ANSWER }).count()).toBe(1);
    await expect
      .poll(() => per.getByRole('form', { name: 'Svar på henvendelsen' }).count())
      .toBe(0);
    expect(await per.getByText('Trukket tilbake', { exact: true }).count()).toBeGreaterThan(0);
    expect(await per.title()).toBe(`Feil: Henvendelse om sak ${caseNumber} – Søknadsportal`);
    await expectAccessible(per);

    // He was told, and his list shows it withdrawn.
    await per.goto(`${e2e.app.url}/varsler`);
    await expect
      .poll(() =>
        per
          .getByRole('row')
          .filter({ hasText: 'har trukket tilbake spørsmålet sitt' })
          .filter({ has: per.getByRole('link', { name: `Henvendelser om sak ${caseNumber}` }) })
          .count(),
      )
      .toBe(1);
    await per.goto(`${e2e.app.url}/henvendelser`);
    const row = per
      .getByRole('region', { name: 'Til helseforetaket ditt', exact: true })
      .getByRole('row')
      .filter({ hasText: caseNumber });
    await expect.poll(() => row.getByText('Trukket tilbake', { exact: true }).count()).toBe(1);
    await expectAccessible(per);
    await per.context().close();

    // Withdrawn, it no longer holds Aksel back: he may ask about the case again.
    await aksel.goto(summaryUrl(caseNumber));
    const mine = aksel.getByRole('region', { name: 'Dine spørsmål om saken', exact: true });
    await expect.poll(() => mine.getByText('Trukket tilbake', { exact: true }).count()).toBe(1);
    await aksel.getByLabel(/^Spørsmål/).fill('Et nytt spørsmål om saken.');
    await aksel.getByRole('button', { name: 'Send spørsmålet' }).click();
    await expect.poll(() => mine.getByText('Venter på svar', { exact: true }).count()).toBe(1);
    await expectAccessible(aksel);
    await aksel.context().close();
  });

  it('the asker withdraws without JavaScript; a second withdrawal from a stale page is refused', async () => {
    const caseNumber = await submittedCase();

    // Olav Hetland (HST) asks, then withdraws with plain form posts.
    const olav = await e2e.signIn('Olav Hetland', { javaScriptEnabled: false });
    await olav.goto(summaryUrl(caseNumber));
    await olav.getByLabel(/^Spørsmål/).fill(QUESTION);
    await olav.getByRole('button', { name: 'Send spørsmålet' }).click();
    await olav
      .getByText('Spørsmålet er sendt. Du får et varsel når helseforetaket har svart.')
      .waitFor();
    await olav.goto(`${e2e.app.url}/henvendelser`);
    await olav.getByRole('link', { name: `Åpne henvendelsen om sak ${caseNumber}` }).click();
    await olav
      .getByRole('heading', { level: 1, name: `Henvendelse om sak ${caseNumber}` })
      .waitFor();
    await expectAccessibleWithoutJsAsShown(e2e.browser, olav);
    // The same page in a second tab, loaded before the withdrawal.
    const stale = await olav.context().newPage();
    await stale.goto(olav.url());
    await olav.getByRole('button', { name: 'Trekk tilbake spørsmålet' }).click();
    await olav.getByText(WITHDRAWN_TEXT).waitFor();
    expect(olav.url()).toContain('?trukket');
    expect(await olav.getByRole('button', { name: 'Trekk tilbake spørsmålet' }).count()).toBe(0);
    await expectAccessibleWithoutJsAsShown(e2e.browser, olav);
    const late = stale.waitForResponse((r) => r.request().method() === 'POST');
    await stale.getByRole('button', { name: 'Trekk tilbake spørsmålet' }).click();
    expect((await late).status()).toBe(409);
    await stale
      .getByText('Spørsmålet er besvart eller trukket tilbake etter at du åpnet siden', {
        exact: false,
      })
      .waitFor();
    expect(await stale.title()).toBe(`Feil: Henvendelse om sak ${caseNumber} – Søknadsportal`);
    await expectAccessibleWithoutJsAsShown(e2e.browser, stale);
    await olav.context().close();

    // Per Vik finds it withdrawn, with nothing to answer.
    const per = await e2e.signIn('Per Vik', { javaScriptEnabled: false });
    await per.goto(`${e2e.app.url}/henvendelser`);
    const row = per
      .getByRole('region', { name: 'Til helseforetaket ditt', exact: true })
      .getByRole('row')
      .filter({ hasText: caseNumber });
    expect(await row.getByText('Trukket tilbake', { exact: true }).count()).toBe(1);
    await expectAccessibleWithoutJsAsShown(e2e.browser, per);
    await row.getByRole('link', { name: `Åpne henvendelsen om sak ${caseNumber}` }).click();
    await per
      .getByRole('heading', { level: 1, name: `Henvendelse om sak ${caseNumber}` })
      .waitFor();
    expect(await per.getByRole('form', { name: 'Svar på henvendelsen' }).count()).toBe(0);
    expect(await per.getByText(QUESTION).count()).toBe(1);
    await expectAccessibleWithoutJsAsShown(e2e.browser, per);
    await per.context().close();
  });
});
