import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import { expectAccessible, expectAccessibleWithoutJs, useAppAndBrowser } from './harness';

/**
 * The trust administrator gives a new person access (BRIEF §2): adds a department, then a person
 * with the applicant role in it; that person logs in at once and opens «Ny søknad», and the login
 * shows on their person page («Innlogginger»). A role the administrator gives themselves shows in
 * the access log's unusual access. Axe checks every page on the way.
 */
describe.each(TEST_DATABASES)('user administration in Chromium on %s', (kind) => {
  const e2e = useAppAndBrowser(kind);

  it('the administrator adds a department and an applicant, who then starts an application', async () => {
    const admin: Page = await e2e.signIn('Geir Berge');
    await admin.getByRole('link', { name: 'Administrasjon' }).first().click();
    await admin.getByRole('heading', { level: 1, name: 'Administrasjon' }).waitFor();
    await expectAccessible(admin);

    // A department: an empty name is refused with a Norwegian message, then it is added.
    await admin.getByRole('link', { name: 'Avdelinger' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Avdelinger' }).waitFor();
    await expectAccessible(admin);
    await admin.getByRole('button', { name: 'Legg til avdeling' }).click();
    await admin.getByText('Skriv navnet.').first().waitFor();
    await expectAccessible(admin);
    await admin.getByLabel('Navn på avdelingen', { exact: true }).fill('Revmatologisk avdeling');
    await admin.getByRole('button', { name: 'Legg til avdeling' }).click();
    await admin.getByText('Avdelingen er lagt til.').waitFor();
    await expect
      .poll(() => admin.getByRole('cell', { name: 'Revmatologisk avdeling', exact: true }).count())
      .toBe(1);
    await expectAccessible(admin);

    // A person with the applicant role in it: a bad number first, then a valid HPR number.
    await admin.getByRole('link', { name: 'Tilbake til administrasjon' }).click();
    await admin.getByRole('link', { name: 'Brukere og roller' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Brukere og roller' }).waitFor();
    await expectAccessible(admin);
    await admin.getByLabel('Navn', { exact: true }).fill('Siri Vestbø');
    await admin.getByLabel('Stilling (valgfritt)').fill('Overlege');
    await admin.getByLabel('E-post').fill('siri.vestbo@example.test');
    await admin.getByLabel('HPR-nummer eller fødselsnummer').fill('12a45');
    await admin.getByLabel('Rolle', { exact: true }).selectOption('applicant');
    await admin.getByLabel('Avdeling').selectOption({ label: 'Revmatologisk avdeling' });
    await admin.getByRole('button', { name: 'Legg til person' }).click();
    await admin
      .getByText(
        'Skriv et HPR-nummer (4 til 9 sifre) eller et fødselsnummer (11 sifre), bare sifre.',
      )
      .first()
      .waitFor();
    await expectAccessible(admin);
    // Nothing typed is lost.
    expect(await admin.getByLabel('E-post').inputValue()).toBe('siri.vestbo@example.test');
    await admin.getByLabel('HPR-nummer eller fødselsnummer').fill('5512345');
    await admin.getByRole('button', { name: 'Legg til person' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Roller for Siri Vestbø' }).waitFor();
    await admin.getByText('Personen er lagt til med rollen.').waitFor();
    await admin
      .getByText('Fikk rollen Søker (behandlende lege) (Revmatologisk avdeling)')
      .waitFor();
    await expectAccessible(admin);

    // The new person logs in (the development login lists them) and opens «Ny søknad».
    const doctor = await e2e.signIn('Siri Vestbø');
    await expectAccessible(doctor);
    await doctor.getByRole('link', { name: 'Ny søknad' }).first().click();
    await doctor.getByRole('heading', { level: 1, name: 'Ny søknad' }).waitFor();
    await expectAccessible(doctor);

    // The login is on record after the fact: the person page's «Innlogginger» lists it, with
    // the method (the development login here); the admin's page was empty of it before.
    await admin.reload();
    const logins = admin.getByRole('table', { name: 'Innlogginger' });
    const login = logins.getByRole('row').filter({ hasText: 'Logget inn' });
    await expect.poll(() => login.count()).toBe(1);
    expect(await login.getByRole('cell', { name: 'Utviklingsinnlogging' }).count()).toBe(1);
    await expectAccessible(admin);

    // Logging in again in the same browser ends the session the request carried (against
    // fixation): on record too, with the first login's session reference.
    const firstSession = await login.getByRole('cell').nth(3).textContent();
    await doctor.goto(`${e2e.app.url}/logg-inn`);
    await doctor.getByRole('button', { name: 'Logg inn som Siri Vestbø' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    await admin.reload();
    const replaced = logins.getByRole('row').filter({ hasText: 'Økt erstattet ved ny innlogging' });
    await expect.poll(() => replaced.count()).toBe(1);
    expect(firstSession).toMatch(/^[0-9a-f]{12}$/);
    expect(await replaced.getByRole('cell', { name: firstSession ?? '' }).count()).toBe(1);
    await expectAccessible(admin);

    // Revoked, the role stops working at the next request.
    await admin.getByRole('button', { name: /^Fjern rollen Søker/ }).click();
    await admin.getByText('Rollen er fjernet.').waitFor();
    await admin.getByText('Personen har ingen roller i helseforetaket nå.').waitFor();
    await expectAccessible(admin);
    const refused = await doctor.goto(`${e2e.app.url}/saker/ny`);
    expect(refused?.status()).toBe(403);

    // The trust's last administrator role is not revoked: a clear message, nothing changes.
    await admin.getByRole('link', { name: 'Brukere og roller' }).click();
    await admin.getByRole('link', { name: 'Geir Berge' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Roller for Geir Berge' }).waitFor();
    await admin.getByRole('button', { name: 'Fjern rollen Administrator' }).click();
    await admin
      .getByText('Dette er helseforetakets siste administrator.', { exact: false })
      .first()
      .waitFor();
    await expectAccessible(admin);

    // Giving themselves the medical director's role works, and the access log's unusual access
    // shows it to whoever controls the log (BRIEF §7: access control and after-the-fact control).
    const grant = admin.getByRole('form', { name: 'Gi en rolle' });
    await grant.getByLabel('Rolle').selectOption('decisionMaker');
    await grant.getByRole('button', { name: 'Gi rollen' }).click();
    await admin.getByText('Rollen er gitt.').waitFor();
    await admin.goto(`${e2e.app.url}/admin/tilgangslogg`);
    await admin.getByRole('heading', { level: 1, name: 'Tilgangslogg' }).waitFor();
    const unusual = admin.getByRole('table', { name: 'Uvanlig tilgang siste 30 dager' });
    const selfGrant = unusual
      .getByRole('row')
      .filter({ hasText: 'Ga seg selv rollen Fagdirektør' });
    await expect.poll(() => selfGrant.count()).toBe(1);
    expect(await selfGrant.getByRole('cell', { name: 'Geir Berge' }).count()).toBe(1);
    await expectAccessible(admin);
    for (const path of ['/admin/brukere', '/admin/avdelinger']) {
      await expectAccessibleWithoutJs(e2e.browser, admin.context(), `${e2e.app.url}${path}`);
    }
  });
});
