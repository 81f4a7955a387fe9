import { describe, expect, it } from 'vitest';
import { addDays, dateInNorway } from '../app/features/cases/domain/dates';
import { TEST_PATIENT_IDS } from '../app/test/actors';
import { TEST_DATABASES } from '../app/test/databases';
import { submitOverHttp } from './application';
import { expectAccessible, expectAccessibleWithoutJs, useAppAndBrowser } from './harness';

/**
 * Issue 6: the patient id is masked on the case page and shown in full only on request (logged),
 * and the trust's log controller finds that showing in the access log.
 */
describe.each(TEST_DATABASES)('masked patient id and the access log in Chromium on %s', (kind) => {
  const e2e = useAppAndBrowser(kind);

  it(
    'masks, reveals on request, and logs the reveal for the log controller',
    { timeout: 600_000 },
    async () => {
      const patientId = TEST_PATIENT_IDS[0];
      const doctor = await e2e.signIn('Ingrid Haugland');
      const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
      await doctor.context().close();

      // The decision maker sees the case with the number masked: not even in the page's data.
      const director = await e2e.signIn('Per Vik');
      await director.goto(caseUrl);
      await director.getByRole('heading', { level: 1, name: /^Sak / }).waitFor();
      expect(await director.getByText('158385 *****').count()).toBeGreaterThan(0);
      expect(await director.content()).not.toContain(patientId);
      await expectAccessible(director);
      await expectAccessibleWithoutJs(e2e.browser, director.context(), caseUrl);

      // "Vis fødselsnummer" (a form POST) shows it, and says the showing is logged.
      await director.getByRole('button', { name: 'Vis fødselsnummer' }).click();
      await director.getByRole('heading', { level: 1, name: /^Fødselsnummer i sak / }).waitFor();
      await expect.poll(() => director.getByText(patientId).count()).toBeGreaterThan(0);
      await expectAccessible(director);
      await director.getByRole('link', { name: 'Tilbake til saken' }).click();
      await director.getByRole('heading', { level: 1, name: /^Sak / }).waitFor();
      expect(await director.content()).not.toContain(patientId);
      await director.context().close();

      // The administrator (log controller) finds the reveal in the access log.
      const admin = await e2e.signIn('Geir Berge');
      await admin.goto(`${e2e.app.url}/admin`);
      await expectAccessible(admin);
      await admin.getByRole('link', { name: 'Tilgangslogg' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Tilgangslogg' }).waitFor();
      const log = admin.getByRole('table', { name: 'Loggen' });
      await expect
        .poll(() => log.getByRole('row').filter({ hasText: 'Vist fødselsnummer' }).count())
        .toBe(1);
      const revealRow = log.getByRole('row').filter({ hasText: 'Vist fødselsnummer' });
      expect(await revealRow.textContent()).toContain('Per Vik');
      expect(await revealRow.textContent()).toContain('Vis fødselsnummer');
      // A workflow event reads as done («Sendt inn»), not as the button that did it («Send inn»).
      const submitRow = log.getByRole('row').filter({ hasText: 'Sendt inn' }).first();
      expect(await submitRow.textContent()).toContain('Ingrid Haugland');
      await expectAccessible(admin);

      // Filter by user: only Per Vik's rows.
      await admin.getByLabel('Bruker').selectOption({ label: 'Per Vik' });
      await admin.getByRole('button', { name: 'Vis', exact: true }).click();
      await admin.waitForURL(/bruker=/);
      const users = await log
        .getByRole('row')
        .evaluateAll((rows) =>
          rows.slice(1).map((r) => r.querySelectorAll('td')[2]?.textContent ?? ''),
        );
      expect(users.length).toBeGreaterThan(0);
      expect(new Set(users)).toEqual(new Set(['Per Vik']));
      await expectAccessible(admin);

      // The dates are date fields (the form sends YYYY-MM-DD); today finds the reveal.
      const today = dateInNorway(new Date());
      const from = admin.getByLabel('Fra dato', { exact: true });
      const to = admin.getByLabel('Til dato', { exact: true });
      expect([await from.getAttribute('type'), await to.getAttribute('type')]).toEqual([
        'date',
        'date',
      ]);
      await from.fill(today);
      await to.fill(today);
      await admin.getByRole('button', { name: 'Vis', exact: true }).click();
      await admin.waitForURL(new RegExp(`fra=${today}&til=${today}`));
      await expect
        .poll(() => log.getByRole('row').filter({ hasText: 'Vist fødselsnummer' }).count())
        .toBe(1);

      // Yesterday typed into the address as dd.mm.åååå: the fields show it, nothing was read then.
      const [year, month, day] = addDays(today, -1).split('-');
      await admin.goto(
        `${e2e.app.url}/admin/tilgangslogg?fra=${day}.${month}.${year}&til=${day}.${month}.${year}`,
      );
      expect(await from.inputValue()).toBe(`${year}-${month}-${day}`);
      await admin.getByText('Ingen oppføringer passer til filteret.').waitFor();
      await expectAccessible(admin);

      // A date that does not exist is reported in Norwegian, and kept as sent.
      await admin.goto(`${e2e.app.url}/admin/tilgangslogg?fra=31.02.2026`);
      await admin.getByText('Skriv datoen som dd.mm.åååå, for eksempel 31.01.2025.').waitFor();
      expect(await from.getAttribute('value')).toBe('31.02.2026');
      expect(await from.getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(admin);
      await expectAccessibleWithoutJs(
        e2e.browser,
        admin.context(),
        `${e2e.app.url}/admin/tilgangslogg?fra=31.02.2026`,
      );
      await admin.context().close();
    },
  );
});
