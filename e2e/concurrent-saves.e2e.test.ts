import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDepartment } from '../app/features/admin/trust-admin.server';
import { demoActors } from '../app/test/actors';
import { prepareCase } from '../app/test/case-states';
import { TEST_DATABASES } from '../app/test/databases';
import { rateCriteria } from './application';
import { expectAccessible, expectAccessibleWithoutJsAsShown, useAppAndBrowser } from './harness';

/**
 * Two windows saving the same form: the worksheet of the complete assessment, the stage deadlines
 * and a department's name. The stale save changes nothing, says so in Norwegian and keeps what was
 * typed beside what is stored now; saving again is then a choice. One window runs without
 * JavaScript, the other with it, so both ways of posting are covered.
 */
describe.each(TEST_DATABASES)('concurrent saves in Chromium on %s', (kind) => {
  let assessmentUrl = '';

  const e2e = useAppAndBrowser(kind, {
    prepare: async (db) => {
      const hbe = await demoActors(db, 'HBE');
      const assessing = await prepareCase(db, hbe, 'underAssessment');
      assessmentUrl = `/saker/${assessing.caseId}/vurdering`;
      const department = await createDepartment(db, hbe.trustAdmin, {
        name: 'Avdeling for samtidighet',
      });
      if (!department.ok) throw new Error('Department not created');
    },
  });

  /** Rates every criterion at one level with one text per criterion, marked by `tag`. */
  async function rateAs(form: Locator, level: number, tag: string) {
    for (const group of ['Alvorlighet', 'Nytte', 'Ressursbruk']) {
      await form
        .getByRole('group', { name: group })
        .getByLabel(new RegExp(`^${level} – `))
        .check();
      await form.getByLabel(`Begrunnelse for ${group.toLowerCase()}`).fill(`${tag}: ${group}.`);
    }
  }

  const severityText = (form: Locator) => form.getByLabel('Begrunnelse for alvorlighet');

  it("keeps a stale worksheet's answers beside the stored one, with and without JavaScript", async () => {
    const withJs = await e2e.signIn('Solveig Aase');
    const withoutJs = await e2e.signIn('Solveig Aase', { javaScriptEnabled: false });
    for (const page of [withJs, withoutJs]) {
      await page.goto(`${e2e.app.url}${assessmentUrl}`);
      await page.getByRole('heading', { level: 1, name: /^Vurdering av sak / }).waitFor();
    }
    const formOf = (page: Page) => page.getByRole('form', { name: 'Mitt skjema' });
    const storedNow = (page: Page) => page.getByRole('table', { name: 'Lagret nå' });
    const notice =
      'Skjemaet ditt er ikke lagret: det ble lagret i en annen fane eller et annet vindu etter at du åpnet siden. Det du fylte ut, står fortsatt under «Mitt skjema», ved siden av det som er lagret nå.';

    // The window with JavaScript saves first.
    await rateCriteria(formOf(withJs));
    await formOf(withJs).getByRole('button', { name: 'Lagre skjemaet' }).click();
    await withJs.getByText('Skjemaet er lagret.').waitFor();

    // The other window, shown the empty form, saves its own: refused, nothing overwritten.
    await rateAs(formOf(withoutJs), 1, 'Uten JavaScript');
    await formOf(withoutJs).getByRole('button', { name: 'Lagre skjemaet' }).click();
    await withoutJs.getByText(notice).waitFor();
    expect(await withoutJs.getByText('Skjemaet er lagret.').count()).toBe(0);
    await formOf(withoutJs)
      .getByRole('heading', { name: 'Skjemaet er lagret et annet sted' })
      .waitFor();
    expect(await storedNow(withoutJs).getByText('Livstruende uten behandling.').count()).toBe(1);
    expect(await severityText(formOf(withoutJs)).inputValue()).toBe(
      'Uten JavaScript: Alvorlighet.',
    );
    expect(
      await formOf(withoutJs)
        .getByRole('group', { name: 'Alvorlighet' })
        .getByLabel('1 – Lav')
        .isChecked(),
    ).toBe(true);
    await expectAccessibleWithoutJsAsShown(e2e.browser, withoutJs);

    // Saved again, against what is stored now, its answers are the worksheet.
    await formOf(withoutJs).getByRole('button', { name: 'Lagre skjemaet' }).click();
    await withoutJs.getByText('Skjemaet er lagret.').waitFor();
    expect(
      await withoutJs
        .getByRole('table', { name: /Skjemaene side om side/ })
        .getByText('Uten JavaScript: Alvorlighet.')
        .count(),
    ).toBe(1);

    // Now the window with JavaScript is the stale one: its change is refused the same way.
    await severityText(formOf(withJs)).fill('Endret med JavaScript.');
    await formOf(withJs).getByRole('button', { name: 'Lagre skjemaet' }).click();
    await withJs.getByText(notice).waitFor();
    await expect
      .poll(() => storedNow(withJs).getByText('Uten JavaScript: Alvorlighet.').count())
      .toBe(1);
    expect(await severityText(formOf(withJs)).inputValue()).toBe('Endret med JavaScript.');
    await expectAccessible(withJs);
    await formOf(withJs).getByRole('button', { name: 'Lagre skjemaet' }).click();
    await withJs.getByText('Skjemaet er lagret.').waitFor();
    await withJs.reload();
    expect(await severityText(formOf(withJs)).inputValue()).toBe('Endret med JavaScript.');
    await withJs.context().close();
    await withoutJs.context().close();
  });

  it('merges the stage deadlines per field, and refuses a field changed meanwhile', async () => {
    const first = await e2e.signIn('Geir Berge');
    const second = await e2e.signIn('Geir Berge', { javaScriptEnabled: false });
    for (const page of [first, second]) await page.goto(`${e2e.app.url}/admin/frister`);
    const days = (page: Page, stage: string) =>
      page
        .getByRole('group', { name: stage, exact: true })
        .getByLabel('Frist (dager)', { exact: true });
    const save = (page: Page) => page.getByRole('button', { name: 'Lagre fristene' }).click();

    // «Til forankring» to 10 in one window, «Forankret» to 12 in the other (shown 7): both kept.
    await days(first, 'Til forankring').fill('10');
    await save(first);
    await first.getByText('Fristene er lagret.').waitFor();
    await days(second, 'Forankret').fill('12');
    await save(second);
    await second.getByText('Fristene er lagret.').waitFor();
    expect(await days(second, 'Til forankring').inputValue()).toBe('10');
    expect(await days(second, 'Forankret').inputValue()).toBe('12');

    // The first window, still showing «Forankret» 7, changes it too: refused, nothing saved.
    expect(await days(first, 'Forankret').inputValue()).toBe('7');
    await days(first, 'Forankret').fill('9');
    await days(first, 'Innstilt, til beslutning').fill('6');
    await save(first);
    await first.getByRole('heading', { name: 'Fristene er endret av en annen' }).waitFor();
    const conflict = 'Endret av en annen til 12 dager etter at du åpnet siden.';
    await expect
      .poll(() => first.getByText(`Forankret: Frist (dager): ${conflict}`).count())
      .toBe(1);
    expect(await days(first, 'Forankret').inputValue()).toBe('9');
    expect(await days(first, 'Innstilt, til beslutning').inputValue()).toBe('6');
    expect(await days(first, 'Til forankring').inputValue()).toBe('10');
    await expectAccessible(first);
    await second.reload();
    expect(await days(second, 'Forankret').inputValue()).toBe('12');
    expect(await days(second, 'Innstilt, til beslutning').inputValue()).toBe('7');

    // Saved again, the first window's changes are written; the other stage keeps its value.
    await save(first);
    await first.getByText('Fristene er lagret.').waitFor();
    await second.reload();
    expect(await days(second, 'Forankret').inputValue()).toBe('9');
    expect(await days(second, 'Innstilt, til beslutning').inputValue()).toBe('6');
    expect(await days(second, 'Til forankring').inputValue()).toBe('10');
    await first.context().close();
    await second.context().close();
  });

  it('refuses a stale rename of a department and keeps the typed name', async () => {
    const first = await e2e.signIn('Geir Berge', { javaScriptEnabled: false });
    const second = await e2e.signIn('Geir Berge');
    for (const page of [first, second]) await page.goto(`${e2e.app.url}/admin/avdelinger`);
    const rename = async (page: Page, from: string, to: string) => {
      await page.getByLabel(`Nytt navn på ${from}`).fill(to);
      await page.getByRole('button', { name: `Gi nytt navn: ${from}` }).click();
    };

    await rename(first, 'Avdeling for samtidighet', 'Samtidighet A');
    await first.getByText('Avdelingen har fått nytt navn.').waitFor();
    await rename(second, 'Avdeling for samtidighet', 'Samtidighet B');
    await second
      .getByText(/^Navn på avdelingen: En annen ga avdelingen nytt navn etter at du åpnet siden/)
      .waitFor();
    // The page is read again after the refusal: the row shows the stored name.
    await expect
      .poll(() => second.getByRole('cell', { name: 'Samtidighet A', exact: true }).count())
      .toBe(1);
    expect(await second.getByLabel('Nytt navn på Samtidighet A').inputValue()).toBe(
      'Samtidighet B',
    );
    await expectAccessible(second);

    // Saved again with the stored name in view, the second name is the one kept.
    await second.getByRole('button', { name: 'Gi nytt navn: Samtidighet A' }).click();
    await second.getByText('Avdelingen har fått nytt navn.').waitFor();
    expect(await second.getByRole('cell', { name: 'Samtidighet B', exact: true }).count()).toBe(1);
    await first.context().close();
    await second.context().close();
  });
});
