import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { msg } from '../app/i18n';
import { minimalPdf } from '../app/test/files';
import { rateCriteria, submitOverHttp } from './application';
import {
  expectAccessible,
  expectAccessibleWithoutJsAsShown,
  sameOrigin,
  useAppAndBrowser,
} from './harness';

const t = msg.loggedOut;

/**
 * A casework form posted after the session ended keeps what was typed (ADR 0036): the answer is
 * 401 with a page made from the post alone, the user logs in in another tab and sends it again with
 * one click. Without JavaScript (a dialog message, an endorsement's justification, an answer with a
 * file) and with it. PGlite only: nothing here is about SQL.
 */
describe('a form posted after the session ended', () => {
  const e2e = useAppAndBrowser('pglite');

  const signIn = (name: string, javaScriptEnabled = false): Promise<Page> =>
    e2e.signIn(name, { javaScriptEnabled });

  /** The session ends on the server (as at a timeout) while the browser still sends its cookie. */
  async function endSession(page: Page) {
    const cookies = await page.context().cookies();
    const ended = await page.request.post(`${e2e.app.url}/logg-ut`, {
      headers: sameOrigin(e2e.app.url),
      maxRedirects: 0,
    });
    expect(ended.status()).toBe(302);
    await page.context().addCookies(cookies);
  }

  /** Submits the form with `click` and expects the logged-out page, 401; returns the address posted to. */
  async function postLoggedOut(page: Page, click: () => Promise<void>): Promise<string> {
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      click(),
    ]);
    expect(answer.status()).toBe(401);
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await page.getByText(t.body).waitFor();
    return answer.url();
  }

  /** The typed text under «Dette skrev du», by its label (line breaks as a form sends them: CRLF). */
  const typed = async (page: Page, label: string) => {
    const text = await page
      .getByRole('region', { name: t.typed })
      .locator('div')
      .filter({ has: page.getByRole('term').getByText(label, { exact: true }) })
      .getByRole('definition')
      .textContent();
    return text?.replace(/\r\n/g, '\n');
  };

  /** Logs in as `name` in a new tab from the page's login link; the tab lands on `returnTo`. */
  async function logInInNewTab(page: Page, name: string, returnTo: string) {
    const login = page.getByRole('link', { name: t.logIn });
    expect(await login.getAttribute('target')).toBe('_blank');
    expect(await login.getAttribute('href')).toBe(
      `/logg-inn?tilbake=${encodeURIComponent(returnTo)}`,
    );
    const [tab] = await Promise.all([page.context().waitForEvent('page'), login.click()]);
    await tab.getByRole('button', { name: `Logg inn som ${name}` }).click();
    await tab.waitForURL(`${e2e.app.url}${returnTo}`);
    await tab.close();
  }

  /** Kari Nordtveit endorses the case with `reason` after her session ended: the 401 page. */
  async function endorseLoggedOut(caseUrl: string, reason: string): Promise<Page> {
    const leader = await signIn('Kari Nordtveit');
    await leader.goto(`${e2e.app.url}${caseUrl}`);
    await endSession(leader);
    const form = leader.getByRole('form', { name: 'Forankring' });
    await rateCriteria(form);
    await form.getByLabel('Forankre søknaden', { exact: true }).check();
    await form.getByLabel(/Begrunnelse eller spørsmål til søker/).fill(reason);
    await postLoggedOut(leader, () =>
      form.getByRole('button', { name: 'Send forankringen' }).click(),
    );
    return leader;
  }

  it('without JavaScript: a dialog message comes back, and «Send på nytt» sends it after a login', async () => {
    const doctor = await signIn('Ingrid Haugland');
    const caseUrl = await submitOverHttp(doctor.request, e2e.app.url);
    await doctor.goto(`${e2e.app.url}${caseUrl}`);
    await endSession(doctor);

    const text = 'Skrevet etter at økten var slutt.\nAndre linje.';
    await doctor.getByLabel('Melding', { exact: true }).fill(text);
    await postLoggedOut(doctor, () =>
      doctor.getByRole('button', { name: msg.dialog.send }).click(),
    );
    expect(await typed(doctor, t.fields.body)).toBe(text);
    await expectAccessibleWithoutJsAsShown(e2e.browser, doctor);

    // Nothing was stored, and nothing stored is on the page (the case number, say).
    expect(await doctor.getByText(/HBE-\d{4}-\d{5}/).count()).toBe(0);

    await logInInNewTab(doctor, 'Ingrid Haugland', `${caseUrl}/meldinger`);
    await doctor.getByRole('button', { name: t.sendAgain }).click();
    await doctor.getByText(msg.dialog.sent).waitFor();
    expect(new URL(doctor.url()).pathname).toBe(caseUrl);
    await doctor
      .locator('section#dialog')
      .getByText(/^Skrevet etter at økten var slutt\./)
      .waitFor();
    await doctor.context().close();
  });

  it('without JavaScript: a form with no free text (a new department) comes back too, and is sent again', async () => {
    const admin = await signIn('Geir Berge');
    await admin.goto(`${e2e.app.url}/admin/avdelinger`);
    await endSession(admin);
    await admin.getByLabel('Navn på avdelingen', { exact: true }).fill('Hudavdelingen');
    await postLoggedOut(admin, () =>
      admin.getByRole('button', { name: 'Legg til avdeling' }).click(),
    );
    // Nothing to list under «Dette skrev du» (a name, not a text), but it is kept to send again.
    expect(await admin.getByRole('region', { name: t.typed }).count()).toBe(0);
    await logInInNewTab(admin, 'Geir Berge', '/admin/avdelinger');
    await admin.getByRole('button', { name: t.sendAgain }).click();
    await admin.getByText('Avdelingen er lagt til.').waitFor();
    await admin.getByRole('cell', { name: 'Hudavdelingen', exact: true }).waitFor();
    await admin.context().close();
  });

  it('without JavaScript: an endorsement’s justification and ratings come back and are sent again; an answer with a file says to choose the file again', async () => {
    const doctor = await signIn('Ingrid Haugland');
    const caseUrl = await submitOverHttp(doctor.request, e2e.app.url);
    await doctor.context().close();

    const reason = 'Forankret utlogget: behandlingen er godt begrunnet.';
    const leader = await endorseLoggedOut(caseUrl, reason);
    expect(await typed(leader, t.fields.reason)).toBe(reason);
    expect(await typed(leader, t.fields['severity.text'])).toBe('Livstruende uten behandling.');
    await expectAccessibleWithoutJsAsShown(e2e.browser, leader);
    await logInInNewTab(leader, 'Kari Nordtveit', caseUrl);
    await leader.getByRole('button', { name: t.sendAgain }).click();
    await leader.getByText(msg.confirmations.endorse).waitFor();
    await leader.getByText(reason).first().waitFor();
    await leader.context().close();

    // The medical director asks for more information; the doctor answers with a file after her
    // session ended: the text comes back, the file cannot, and nothing is offered to send.
    const asker = await signIn('Per Vik');
    await asker.goto(`${e2e.app.url}${caseUrl}`);
    await asker
      .getByRole('form', { name: 'Start vurdering' })
      .getByRole('button', { name: 'Start vurdering' })
      .click();
    await asker.getByText(msg.confirmations.startAssessment).waitFor();
    const ask = asker.getByRole('form', { name: 'Be om flere opplysninger' });
    await ask.getByLabel(/^Hvilke opplysninger trengs\?/).fill('Har dere nyere blodprøver?');
    await ask.getByRole('button', { name: 'Be om flere opplysninger' }).click();
    await asker.getByText(msg.confirmations.requestInformation).waitFor();
    await asker.context().close();

    const answering = await signIn('Ingrid Haugland');
    await answering.goto(`${e2e.app.url}${caseUrl}`);
    await endSession(answering);
    const answerForm = answering.getByRole('form', { name: 'Send opplysninger' });
    const answer = 'Blodprøvene fra forrige uke ligger ved.';
    await answerForm.getByLabel(/^Opplysninger/).fill(answer);
    await answerForm.getByLabel('Legg til vedlegg').setInputFiles({
      name: 'Blodprøver.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(minimalPdf()),
    });
    await postLoggedOut(answering, () =>
      answerForm.getByRole('button', { name: 'Send opplysninger' }).click(),
    );
    expect(await typed(answering, t.fields.reason)).toBe(answer);
    await answering.getByText(t.filesAgain).waitFor();
    expect(await answering.getByRole('button', { name: t.sendAgain }).count()).toBe(0);
    await expectAccessibleWithoutJsAsShown(e2e.browser, answering);
    await answering.context().close();
  });

  it('without JavaScript: a resend the case has moved past meanwhile is refused as a conflict, its text kept', async () => {
    const doctor = await signIn('Ingrid Haugland');
    const caseUrl = await submitOverHttp(doctor.request, e2e.app.url);

    const reason = 'Forankret etter at søknaden ble trukket.';
    const leader = await endorseLoggedOut(caseUrl, reason);

    // While the leader was logged out, the doctor withdrew the application.
    await doctor.goto(`${e2e.app.url}${caseUrl}`);
    const withdraw = doctor.getByRole('form', { name: 'Trekk søknaden', exact: true });
    await withdraw.getByRole('textbox').first().fill('Pasienten ønsker ikke behandlingen likevel.');
    await withdraw.getByRole('button', { name: 'Trekk søknaden', exact: true }).click();
    await doctor.getByText(msg.confirmations.withdraw).waitFor();
    await doctor.context().close();

    // The resend goes through the route's own compare-and-set: refused, nothing stored, the text
    // still on the page.
    await logInInNewTab(leader, 'Kari Nordtveit', caseUrl);
    const [resent] = await Promise.all([
      leader.waitForResponse((response) => response.request().method() === 'POST'),
      leader.getByRole('button', { name: t.sendAgain }).click(),
    ]);
    expect(resent.status()).toBe(409);
    await leader.getByText(msg.problems.conflict).first().waitFor();
    await leader.getByText(reason).first().waitFor();
    expect(await leader.getByText(msg.confirmations.endorse).count()).toBe(0);
    await expectAccessibleWithoutJsAsShown(e2e.browser, leader);
    await leader.goto(`${e2e.app.url}${caseUrl}`);
    await leader.getByText('Trukket', { exact: true }).first().waitFor();
    await leader.context().close();
  });

  it('with JavaScript: the same page, and «Send på nytt» sends the message', async () => {
    const doctor = await signIn('Ingrid Haugland', true);
    const caseUrl = await submitOverHttp(doctor.request, e2e.app.url);
    await doctor.goto(`${e2e.app.url}${caseUrl}`, { waitUntil: 'networkidle' });
    await endSession(doctor);

    const text = 'Skrevet med JavaScript etter at økten var slutt.';
    await doctor.getByLabel('Melding', { exact: true }).fill(text);
    const posted = await postLoggedOut(doctor, () =>
      doctor.getByRole('button', { name: msg.dialog.send }).click(),
    );
    // Posted by React Router (its data request), not as a document.
    expect(new URL(posted).pathname).toBe(`${caseUrl}/meldinger.data`);
    expect(await typed(doctor, t.fields.body)).toBe(text);
    await expectAccessible(doctor);

    await logInInNewTab(doctor, 'Ingrid Haugland', `${caseUrl}/meldinger`);
    await doctor.getByRole('button', { name: t.sendAgain }).click();
    await doctor.getByText(msg.dialog.sent).waitFor();
    await doctor.locator('section#dialog').getByText(text).waitFor();
    await doctor.context().close();
  });
});
