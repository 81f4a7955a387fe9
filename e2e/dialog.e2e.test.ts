import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { submitOverHttp } from './application';
import { expectAccessible, expectAccessibleWithoutJs, useAppAndBrowser } from './harness';

const CASE_VISIBLE = 'Synlig for søker og saksbehandlere';
const INTERNAL = 'Intern – ikke synlig for søker';

/** The case dialog, internal notes, notifications and the development mailbox, on PGlite. */
describe('dialog and notifications in Chromium', () => {
  const e2e = useAppAndBrowser('pglite');

  const dialog = (page: Page) => page.locator('section#dialog');
  const notificationsLink = (page: Page) =>
    page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: /^Varsler/ });

  it('lets the applicant and leader talk, keeps internal notes internal, notifies and mails', async () => {
    // The applicant submits an application and writes in its dialog.
    const applicant = await e2e.signIn('Ingrid Haugland');
    const caseUrl = await submitOverHttp(applicant.context().request, e2e.app.url);
    await applicant.goto(`${e2e.app.url}${caseUrl}`);
    const caseNumber = /Sak (HBE-\d{4}-\d{5})/.exec(
      (await applicant.getByRole('heading', { level: 1 }).textContent()) ?? '',
    )?.[1];
    expect(caseNumber).toBeTruthy();

    // Bad input: a Norwegian message; nothing is stored.
    await dialog(applicant).getByRole('button', { name: 'Send melding' }).click();
    await applicant.getByText('Skriv en melding.').waitFor();
    await expectAccessible(applicant);

    await applicant.getByLabel('Melding', { exact: true }).fill('Trenger dere mer fra meg?');
    await applicant.getByRole('button', { name: 'Send melding' }).click();
    await applicant.getByText('Meldingen er sendt.').waitFor();
    expect(applicant.url()).toContain(`${caseUrl}?melding=sendt#dialog`);
    const applicantMessage = dialog(applicant).getByRole('listitem').filter({
      hasText: 'Trenger dere mer fra meg?',
    });
    await applicantMessage.getByText(CASE_VISIBLE).waitFor();
    await expectAccessible(applicant);

    // The leader is told: the submission and the message.
    const leader = await e2e.signIn('Kari Nordtveit');
    await expect.poll(() => notificationsLink(leader).textContent()).toBe('Varsler (2 uleste)');
    await notificationsLink(leader).click();
    await leader.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
    const rows = leader.getByRole('table', { name: 'Varsler' }).getByRole('row');
    expect(await rows.count()).toBe(3); // header + two, newest first
    await expect.poll(() => rows.nth(1).textContent()).toContain('Det er en ny melding i saken.');
    await expect.poll(() => rows.nth(2).textContent()).toContain('venter på forankring');
    await expectAccessible(leader);

    // Opening the case reads its notifications; the leader writes an internal note.
    await leader
      .getByRole('link', { name: `Åpne sak ${caseNumber}` })
      .first()
      .click();
    await dialog(leader).getByText('Trenger dere mer fra meg?').waitFor();
    await expect.poll(() => notificationsLink(leader).textContent()).toBe('Varsler');
    await leader.getByLabel('Melding', { exact: true }).fill('Internt: kostnaden må avklares.');
    await leader.getByLabel(INTERNAL, { exact: true }).check();
    await leader.getByRole('button', { name: 'Send melding' }).click();
    await leader.getByText('Meldingen er sendt.').waitFor();
    await dialog(leader)
      .getByRole('listitem')
      .filter({ hasText: 'Internt: kostnaden må avklares.' })
      .getByText(INTERNAL)
      .waitFor();
    await expectAccessible(leader);

    // The applicant never sees the note, and is not told about it.
    await applicant.reload();
    await dialog(applicant).getByText('Trenger dere mer fra meg?').waitFor();
    expect(await applicant.getByText('Internt: kostnaden må avklares.').count()).toBe(0);
    expect(await dialog(applicant).getByText(INTERNAL).count()).toBe(0);
    expect(await applicant.getByLabel(INTERNAL).count()).toBe(0);
    expect(await notificationsLink(applicant).textContent()).toBe('Varsler');

    // The medical director is told of both messages, and marks them all read.
    const director = await e2e.signIn('Per Vik');
    await expect.poll(() => notificationsLink(director).textContent()).toBe('Varsler (2 uleste)');
    await director.goto(`${e2e.app.url}/varsler`);
    await director.getByRole('button', { name: 'Merk alle som lest' }).click();
    await director.getByText('Alle varsler er merket som lest.').waitFor();
    await expect.poll(() => notificationsLink(director).textContent()).toBe('Varsler');
    await expectAccessible(director);

    // The e-mail went to the development mailbox: the case number and link, nothing more.
    const mailbox = await (await e2e.browser.newContext({ locale: 'nb-NO' })).newPage();
    await expect
      .poll(
        async () => {
          await mailbox.goto(`${e2e.app.url}/utvikling/epost`);
          return mailbox.getByRole('heading', { name: `Ny hendelse i sak ${caseNumber}` }).count();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeGreaterThanOrEqual(4); // leader ×2, director ×2 (the applicant wrote the first)
    const body = (await mailbox.locator('main').textContent()) ?? '';
    expect(body).toContain(`${e2e.app.url}${caseUrl}`);
    expect(body).toContain('endorser.hbe@demo.soknadsportal.no');
    expect(body).not.toContain('Rituximab');
    expect(body).not.toContain('Trenger dere mer fra meg?');
    await expectAccessible(mailbox);
  });

  it('works without JavaScript: posting, a refused post keeps the text, the pages pass axe', async () => {
    const applicant = await e2e.signIn('Ingrid Haugland');
    const caseUrl = await submitOverHttp(applicant.context().request, e2e.app.url);
    const page = await e2e.signIn('Kari Nordtveit', { javaScriptEnabled: false });
    await page.goto(`${e2e.app.url}${caseUrl}`);
    await expectAccessibleWithoutJs(e2e.browser, page.context(), page.url());
    await page.getByLabel('Melding', { exact: true }).fill('Uten JavaScript');
    expect(await page.title()).toMatch(/^Sak [A-Z]{3}-\d{4}-\d{5} – Søknadsportal$/);
    // No visibility chosen: refused, the text kept, and the page says why (its title too).
    await page.getByRole('button', { name: 'Send melding' }).click();
    await page.getByText('Velg hvem som skal se meldingen.').waitFor();
    expect(await page.title()).toMatch(/^Feil: Dialog i sak [A-Z]{3}-\d{4}-\d{5} – Søknadsportal$/);
    expect(await page.getByLabel('Melding', { exact: true }).inputValue()).toBe('Uten JavaScript');
    expect(page.url()).toContain(`${caseUrl}/meldinger`);
    await page.getByLabel(CASE_VISIBLE, { exact: true }).check();
    await page.getByRole('button', { name: 'Send melding' }).click();
    await page.getByText('Meldingen er sendt.').waitFor();
    await dialog(page).getByText('Uten JavaScript').waitFor();
    await expectAccessibleWithoutJs(e2e.browser, page.context(), `${e2e.app.url}/varsler`);
    await expectAccessibleWithoutJs(
      e2e.browser,
      page.context(),
      `${e2e.app.url}${caseUrl}/meldinger`,
    );
  });
});
