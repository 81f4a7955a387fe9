import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitUntilSaved } from './application';
import { expectAccessible, expectAccessibleWithoutJs, useAppAndBrowser } from './harness';

/** Co-authoring and autosave under bad conditions, on PGlite (the merge logic is DB-independent). */
describe('co-authoring and autosave in Chromium', () => {
  const e2e = useAppAndBrowser('pglite');

  const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

  /** Ingrid Haugland starts an off-label draft and invites Lars Myklebust to co-author it. */
  async function draftWithLars(scope: 'Enkeltpasient' | 'Pasientgruppe') {
    const doctor = await e2e.signIn('Ingrid Haugland');
    await doctor.goto(`${e2e.app.url}/saker/ny`);
    await doctor.getByLabel(scope, { exact: true }).check();
    await doctor.getByLabel('Utenfor godkjent indikasjon (off-label)').check();
    await doctor.getByRole('button', { name: 'Start søknaden' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Rediger søknad' }).waitFor();
    const editUrl = doctor.url();
    // Nothing chosen: the field says so, and no one is invited.
    await doctor.getByRole('button', { name: 'Inviter som medforfatter' }).click();
    await doctor.getByText('Velg en kollega fra listen for å invitere.').waitFor();
    expect(await doctor.title()).toMatch(/^Feil: /);
    await doctor
      .getByLabel('Kollega i samme helseforetak')
      .selectOption({ label: 'Lars Myklebust, Lege i spesialisering' });
    await doctor.getByRole('button', { name: 'Inviter som medforfatter' }).click();
    await expect
      .poll(() => doctor.getByText('Lars Myklebust er invitert som medforfatter.').count())
      .toBe(1);
    return { doctor, editUrl };
  }

  it('never lets two co-authors silently overwrite each other, and survives network loss', async () => {
    const { doctor, editUrl } = await draftWithLars('Pasientgruppe');
    await expectAccessible(doctor);

    // The co-author finds the draft waiting in «Mine saker» and opens it while the doctor also has
    // it open.
    const coAuthor = await e2e.signIn('Lars Myklebust');
    await coAuthor.goto(`${e2e.app.url}/`);
    const waiting = coAuthor.getByRole('region', { name: /Venter på deg/ });
    await waiting.getByRole('link', { name: 'Åpne sak Ikke sendt inn' }).waitFor();
    expect(await coAuthor.getByText('Rollen din gir ikke tilgang til enkeltsaker').count()).toBe(0);
    await expectAccessible(coAuthor);
    // The case page's actions take the co-author (no event of their own) to the edit page.
    await waiting.getByRole('link', { name: 'Åpne sak Ikke sendt inn' }).click();
    const actions = coAuthor.getByRole('region', { name: 'Handlinger' });
    await actions.waitFor();
    expect(await actions.getByText(/Ingen handlinger/).count()).toBe(0);
    await expectAccessible(coAuthor);
    await actions.getByRole('link', { name: 'Rediger søknaden' }).click();
    await coAuthor.getByRole('heading', { level: 1, name: 'Rediger søknad' }).waitFor();
    expect(new URL(coAuthor.url()).pathname).toBe(new URL(editUrl).pathname);

    // The doctor changes two fields while the co-author's page still shows the old answers.
    await field(doctor, 'Behandlingsvarighet').fill('12 måneder');
    await field(doctor, 'Dose').fill('750 mg');
    await waitUntilSaved(doctor);

    // The co-author changes the same dose from a stale start: a conflict to resolve, nothing
    // overwritten; the field only the doctor changed shows up in the co-author's form.
    await field(coAuthor, 'Dose').fill('2 g');
    await coAuthor.getByText('Endret av en annen samtidig').waitFor();
    await expect
      .poll(() => coAuthor.getByText('«Dose» ble endret av en medforfatter mens du skrev.').count())
      .toBe(1);
    await expect.poll(() => field(coAuthor, 'Behandlingsvarighet').inputValue()).toBe('12 måneder');
    await expectAccessible(coAuthor);
    await doctor.reload();
    expect(await field(doctor, 'Dose').inputValue()).toBe('750 mg');
    await coAuthor.getByRole('button', { name: 'Behold min' }).click();
    await waitUntilSaved(coAuthor);
    await doctor.reload();
    expect(await field(doctor, 'Dose').inputValue()).toBe('2 g');

    // Different fields merge without any conflict.
    await field(coAuthor, 'Administrasjonsvei').fill('Subkutant');
    await waitUntilSaved(coAuthor);
    await doctor.reload();
    expect(await field(doctor, 'Administrasjonsvei').inputValue()).toBe('Subkutant');

    // Network loss: the change is kept, retried, and saved when the connection returns.
    await doctor.context().setOffline(true);
    await field(doctor, 'Eksklusjonskriterier').fill('Graviditet');
    await doctor.locator('[data-save-state="failed"]').waitFor({ timeout: 15_000 });
    await doctor.context().setOffline(false);
    await waitUntilSaved(doctor);
    await doctor.reload();
    expect(await field(doctor, 'Eksklusjonskriterier').inputValue()).toBe('Graviditet');

    // The history says who changed what.
    await doctor.getByText('Endringer i søknaden', { exact: true }).first().click();
    const history = doctor.getByRole('table', { name: 'Endringer i søknaden' });
    await expect
      .poll(() => history.getByRole('row', { name: /Lars Myklebust Dose/ }).count())
      .toBe(1);
    await expect
      .poll(() => history.getByRole('row', { name: /Ingrid Haugland Dose/ }).count())
      .toBe(1);

    // Lars has written in the application: he stays its co-author (no «Fjern»).
    await doctor.reload();
    await expect
      .poll(() =>
        doctor.getByText('Lars Myklebust, Lege i spesialisering (har skrevet i søknaden)').count(),
      )
      .toBe(1);
    expect(
      await doctor.getByRole('button', { name: 'Fjern Lars Myklebust som medforfatter' }).count(),
    ).toBe(0);
  });

  it('lets the applicant take off a co-author who has not written in it; he is told, and it is closed to him', async () => {
    const { doctor, editUrl } = await draftWithLars('Enkeltpasient');
    const coAuthor = await e2e.signIn('Lars Myklebust');
    expect((await coAuthor.goto(editUrl))?.status()).toBe(200);

    // Ingrid takes him off: he is told, without a link to a draft that is closed to him now, and
    // cannot open it any more.
    await doctor.getByRole('button', { name: 'Fjern Lars Myklebust som medforfatter' }).click();
    await expect
      .poll(() =>
        doctor
          .getByText('Medforfatteren er fjernet og har ikke lenger tilgang til søknaden.')
          .count(),
      )
      .toBe(1);
    expect(await doctor.getByText('Ingen medforfattere ennå.').count()).toBe(1);
    await expectAccessible(doctor);
    await coAuthor.goto(`${e2e.app.url}/varsler`);
    const notice = coAuthor.getByRole('row').filter({
      hasText: 'Søkeren har fjernet deg som medforfatter på en søknad.',
    });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.getByText('Utkast', { exact: true }).count()).toBe(1);
    expect(await notice.getByRole('link').count()).toBe(0);
    await expectAccessible(coAuthor);
    expect((await coAuthor.goto(editUrl))?.status()).toBe(404);
    await doctor.context().close();
    await coAuthor.context().close();
  });

  it('works without JavaScript: labelled fields, save, summary', async () => {
    const page = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
    const context = page.context();
    await page.goto(`${e2e.app.url}/saker/ny`);
    await expectAccessibleWithoutJs(e2e.browser, context, page.url());
    // The framework and the guide the seeds cite, where the scheme is chosen.
    expect(
      await page
        .getByRole('link', { name: /^Rammeverk for legemiddelbehandling utenfor godkjent/ })
        .getAttribute('href'),
    ).toBe(
      'https://nyemetoder.no/om-systemet/rammeverk-for-legemiddelbehandling-utenfor-godkjent-indikasjon-i-spesialisthelsetjenesten',
    );
    expect(
      await page.getByRole('link', { name: /^Utprøvende behandling/ }).getAttribute('href'),
    ).toBe('https://www.helsedirektoratet.no/veiledere/utprovende-behandling');
    // Tilgangsordningen is for one patient: a group is refused, the choices kept.
    await page.getByLabel('Tilgangsordningen').check();
    await page.getByLabel('Pasientgruppe', { exact: true }).check();
    await page.getByRole('button', { name: 'Start søknaden' }).click();
    const refused =
      'Tilgangsordningen gjelder én pasient. Velg enkeltpasient, eller en annen ordning.';
    await page.getByText(refused).first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/saker/ny');
    expect(await page.getByLabel('Tilgangsordningen').isChecked()).toBe(true);
    expect(await page.getByLabel('Pasientgruppe', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Enkeltpasient').check();
    await page.getByRole('button', { name: 'Start søknaden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rediger søknad' }).waitFor();
    await expectAccessibleWithoutJs(e2e.browser, context, page.url());
    await field(page, 'Klinisk særegenhet').fill('Uvanlig genotype');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByText('Endringene er lagret.').waitFor();
    expect(await field(page, 'Klinisk særegenhet').inputValue()).toBe('Uvanlig genotype');
    await page.getByRole('button', { name: 'Se over og send inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Oppsummering' }).waitFor();
    await expect.poll(() => page.getByText('Uvanlig genotype').count()).toBe(1);
    await expectAccessibleWithoutJs(e2e.browser, context, page.url());
    await context.close();
  });

  it('suggests the scheme from the FEST drug and the situation before the doctor starts', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    await doctor.goto(`${e2e.app.url}/saker/ny`);
    const drug = doctor.locator('[id="q.drug"][type="search"]');
    await drug.click();
    await drug.pressSequentially('Herceptin Inj', { delay: 30 });
    await doctor.getByRole('option', { name: /^Herceptin Inj væske 600 mg/ }).waitFor();
    await doctor.keyboard.press('ArrowDown');
    await doctor.keyboard.press('Enter');
    await doctor.keyboard.press('Escape');
    await doctor.getByLabel('Nei, bruken er utenfor godkjent indikasjon').check();
    await doctor.getByRole('button', { name: 'Foreslå ordning' }).click();
    await doctor
      .getByRole('heading', { name: 'Forslag: Utenfor godkjent indikasjon (off-label)' })
      .waitFor();
    expect(await doctor.getByLabel('Utenfor godkjent indikasjon (off-label)').isChecked()).toBe(
      true,
    );
    await expectAccessible(doctor);
    await doctor.getByLabel('Enkeltpasient').check();
    await doctor.getByRole('button', { name: 'Start søknaden' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Rediger søknad' }).waitFor();
    // The drug chosen in the router comes along, with its FEST facts and SmPC links.
    await doctor
      .getByRole('heading', { name: /Herceptin Inj væske 600 mg/ })
      .first()
      .waitFor();
    await expect
      .poll(() => doctor.getByRole('link', { name: /Felleskatalogen/ }).count())
      .toBeGreaterThan(0);
    // The cost from the FEST price × packages per month × months, used with one click.
    await field(doctor, 'Pakninger per måned').fill('2');
    await field(doctor, 'Antall måneder').fill('6');
    await doctor.getByText(/^Beregnet fra FEST-prisen:/).waitFor();
    await expectAccessible(doctor);
    await doctor.getByRole('button', { name: 'Bruk beregnet kostnad' }).click();
    const cost = await field(doctor, 'Anslått kostnad (kr)').inputValue();
    expect(Number(cost)).toBeGreaterThan(0);
    await waitUntilSaved(doctor);
    await doctor.reload();
    expect(await field(doctor, 'Anslått kostnad (kr)').inputValue()).toBe(cost);
  });
});
