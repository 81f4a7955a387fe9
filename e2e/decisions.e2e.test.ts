import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import { pdfTextLines } from '../app/test/pdf-text';
import { endorseInBrowser, submitOverHttp } from './application';
import {
  expectAccessible,
  expectAccessibleWithoutJs,
  expectAccessibleWithoutJsAsShown,
  useAppAndBrowser,
} from './harness';

const EVALUATION = '2099-06-30';

describe.each(TEST_DATABASES)('the decision module in Chromium on %s', (kind) => {
  const e2e = useAppAndBrowser(kind);

  const signIn = (name: string): Promise<Page> => e2e.signIn(name, { acceptDownloads: true });

  it('admin configures a phrase; the director decides with it, revises, and gets the letter', async () => {
    // The trust administrator adds a standard condition; a bad form first, kept with messages.
    const admin = await signIn('Geir Berge');
    await admin
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Administrasjon' })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Administrasjon' }).waitFor();
    await expectAccessible(admin);
    await admin.getByRole('link', { name: 'Vedtakstekster' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Vedtakstekster' }).waitFor();
    await expectAccessible(admin);
    await expectAccessibleWithoutJs(e2e.browser, admin.context(), admin.url());
    const add = admin.getByRole('form', { name: 'Ny tekst' });
    await add.getByLabel('Tittel').fill('Nyreprøver');
    await add.getByLabel('Rekkefølge').fill('først');
    await add.getByRole('button', { name: 'Legg til tekst' }).click();
    // The summary names every error; its links move focus to the field; each field says it too.
    const summary = add.getByRole('group', { name: 'Rett opp følgende før du går videre:' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Type tekst: Velg hvilken type tekst dette er.',
      'Tekst: Fyll inn teksten.',
      'Rekkefølge: Skriv rekkefølgen som et helt tall fra 0 til 9999.',
    ]);
    await summary.getByRole('link', { name: /^Tekst: / }).click();
    const text = add.getByLabel('Tekst', { exact: true });
    await expect.poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => add.getByText('Fyll inn teksten.', { exact: true }).count()).toBe(1);
    await expect
      .poll(() => add.getByText('Velg hvilken type tekst dette er.', { exact: true }).count())
      .toBe(1);
    expect(await add.getByLabel('Tittel').inputValue()).toBe('Nyreprøver');
    await expectAccessible(admin);
    await add.getByLabel('Type tekst').selectOption('condition');
    await add.getByLabel('Tekst', { exact: true }).fill('Nyrefunksjonen kontrolleres hver måned');
    await add.getByLabel('Rekkefølge').fill('5');
    await add.getByRole('button', { name: 'Legg til tekst' }).click();
    await expect.poll(() => admin.getByText('Teksten er lagt til.').count()).toBe(1);

    // Open in two tabs and saved in both: the second save is refused with what is stored now,
    // and keeps what was typed in it.
    const editLink = admin.getByRole('link', { name: 'Rediger «Nyreprøver»' });
    const editUrl = new URL((await editLink.getAttribute('href')) ?? '', e2e.app.url).href;
    const other = await admin.context().newPage();
    await other.goto(editUrl);
    await other.getByRole('heading', { level: 1, name: 'Rediger tekst' }).waitFor();
    await editLink.click();
    await admin.getByRole('heading', { level: 1, name: 'Rediger tekst' }).waitFor();
    await admin.getByLabel('Tittel').fill('Nyreprøver hver måned');
    await admin.getByRole('button', { name: 'Lagre endringene' }).click();
    await expect.poll(() => admin.getByText('Endringene er lagret.').count()).toBe(1);
    expect(await other.title()).toBe('Rediger tekst – Søknadsportal');
    await other.getByLabel('Tittel').fill('Nyreprøver ukentlig');
    await other.getByRole('button', { name: 'Lagre endringene' }).click();
    await other.getByRole('heading', { level: 2, name: 'Teksten er endret av en annen' }).waitFor();
    expect(await other.title()).toBe('Feil: Rediger tekst – Søknadsportal');
    // The stored title in the conflict's message (the page, read again, lists it in its table too).
    await other
      .getByRole('strong')
      .filter({ hasText: /^Nyreprøver hver måned$/ })
      .waitFor();
    expect(await other.getByLabel('Tittel').inputValue()).toBe('Nyreprøver ukentlig');
    await expectAccessible(other);
    // Its history: version 2 by the administrator, version 1 when it was added.
    await other.goto(editUrl);
    const versions = other.getByRole('table', { name: 'Tidligere versjoner' }).getByRole('row');
    await expect.poll(() => versions.count()).toBe(3);
    expect(await versions.nth(1).getByRole('cell').first().innerText()).toBe('2');
    await expectAccessible(other);
    await other.close();
    await admin.goto(`${e2e.app.url}/admin/vedtakstekster`);
    await admin.getByRole('button', { name: 'Deaktiver: Rapportering av utfall' }).click();
    await expect
      .poll(() => admin.getByText('Teksten er deaktivert.', { exact: false }).count())
      .toBe(1);
    await expectAccessible(admin);
    await admin.context().close();

    // A decision maker may read the phrases, not change them.
    const reader = await signIn('Per Vik');
    await reader.goto(`${e2e.app.url}/admin/vedtakstekster`);
    await expect
      .poll(() =>
        reader.getByText('Du kan se tekstene, men bare administrator kan endre dem.').count(),
      )
      .toBe(1);
    expect(await reader.getByRole('form', { name: 'Ny tekst' }).count()).toBe(0);
    await reader.context().close();

    // An application, submitted over HTTP and endorsed by the leader.
    const doctor = await signIn('Ingrid Haugland');
    const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
    await doctor.context().close();
    const leader = await signIn('Kari Nordtveit');
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

    // The director decides with phrases; a past evaluation date is refused, the rest kept.
    const director = await signIn('Per Vik');
    await director.goto(caseUrl);
    const caseNumber =
      (await director.getByRole('heading', { level: 1 }).textContent())?.replace('Sak ', '') ?? '';
    expect(caseNumber).toMatch(/^HBE-\d{4}-\d{5}$/);
    await expectAccessible(director);
    let form = director.getByRole('form', { name: 'Fatt beslutning' });
    expect(await form.getByLabel(/Rapportering av utfall/).count()).toBe(0); // deactivated
    await form.getByLabel('Innvilget med vilkår').check();
    await form.getByLabel(/^Prioriteringskriteriene er oppfylt:/).check();
    await form.getByLabel(/Begrunnelse/).fill('Ung pasient uten andre alternativer.');
    await form.getByLabel('Nyrefunksjonen kontrolleres hver måned').check();
    await form.getByLabel('Effekten evalueres ved kontroll etter 3 måneder').check();
    await form.getByLabel('Evalueringsdato', { exact: true }).fill('2020-01-01');
    await form.getByLabel(/^Sykehusfinansiert, med løpenummer:/).check();
    await form.getByLabel(/^Via sykehusapoteket:/).check();
    await form.getByRole('button', { name: 'Fatt beslutning' }).click();
    // The error summary takes focus and names the field.
    await director
      .getByRole('link', { name: 'Evalueringsdato: Evalueringsdatoen må være etter dagens dato.' })
      .waitFor();
    await expect
      .poll(() => director.evaluate(() => document.activeElement?.tagName.toLowerCase()))
      .toBe('ds-error-summary');
    await expectAccessible(director);
    form = director.getByRole('form', { name: 'Fatt beslutning' });
    expect(await form.getByLabel(/Begrunnelse/).inputValue()).toBe(
      'Ung pasient uten andre alternativer.',
    );
    expect(await form.getByLabel('Nyrefunksjonen kontrolleres hver måned').isChecked()).toBe(true);
    await form.getByLabel('Evalueringsdato', { exact: true }).fill(EVALUATION);
    await form.getByRole('button', { name: 'Fatt beslutning' }).click();
    await expect
      .poll(() =>
        director
          .getByText(
            'Beslutningen er fattet, og vedtaket er tilgjengelig for søkeren. Neste steg er å starte oppfølging eller avslutte saken.',
          )
          .count(),
      )
      .toBe(1);
    await director.getByRole('heading', { name: 'Beslutning: Innvilget med vilkår' }).waitFor();
    const note = `Behandlingen dekkes av helseforetaket, jf. vedtak ${caseNumber}. Resepten merkes med løpenummer.`;
    await expect.poll(() => director.locator('dd', { hasText: note }).count()).toBe(1);
    await expectAccessible(director);

    // The letter: a download, with the parts of the decision in its text.
    const [download] = await Promise.all([
      director.waitForEvent('download'),
      director.getByRole('link', { name: 'Last ned vedtaksbrev (PDF), versjon 1' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`vedtak-${caseNumber}-v1.pdf`);
    const lines = pdfTextLines(readFileSync(await download.path()));
    for (const expected of [
      'Vedtak om sykehusfinansiert legemiddelbehandling',
      caseNumber,
      '15838510075',
      'Innvilget med vilkår',
      '– Nyrefunksjonen kontrolleres hver måned',
      '– Effekten evalueres ved kontroll etter 3 måneder',
      '30.06.2099',
      'Per Vik, Fagdirektør',
      'Versjon 1 av vedtaket',
      // What was approved, as applied for, and the leader's endorsement it stands on.
      'Innvilget behandling',
      'Rituximab 500 mg infusjonsvæske',
      '1000 mg dag 1 og 15',
      'Intravenøst',
      '6 måneder',
      'Forankring hos leder',
      'Godt begrunnet.',
    ]) {
      expect(lines).toContain(expected);
    }
    expect(lines.join(' ')).toMatch(/Forankret av Kari Nordtveit, \d{2}\.\d{2}\.\d{4}/);
    expect(lines.join(' ')).toContain(`jf. vedtak ${caseNumber}`);
    expect(lines.join(' ')).toContain('Ung pasient uten andre alternativer.');
    const letterUrl = `${caseUrl}/vedtak/1/brev.pdf`;
    const response = await director.request.get(letterUrl);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toBe(
      `attachment; filename="vedtak-${caseNumber}-v1.pdf"`,
    );
    expect(response.headers()['cache-control']).toBe('no-store');

    // A new version of the decision, behind «Endre vedtaket»; the first is kept, marked as replaced.
    const revise = director.getByRole('form', { name: 'Revider vedtaket' });
    expect(await revise.isVisible()).toBe(false);
    await director.getByText('Endre vedtaket', { exact: true }).click();
    expect(await revise.getByLabel(/Begrunnelse/).inputValue()).toContain('Ung pasient');
    await revise.getByLabel('Hvorfor revideres vedtaket?', { exact: false }).fill('Ny vurdering.');
    await revise.getByLabel('Evalueringsdato', { exact: true }).fill('2099-09-30');
    await revise.getByRole('button', { name: 'Lagre ny versjon av vedtaket' }).click();
    await expect
      .poll(() =>
        director
          .getByText('Vedtaket er revidert. Den nye versjonen gjelder, og søkeren ser den i saken.')
          .count(),
      )
      .toBe(1);
    await expect.poll(() => director.getByText('Gjeldende vedtak (versjon 2)').count()).toBe(1);
    await expect.poll(() => director.getByText(/Erstattet av versjon 2/).count()).toBe(1);
    await expectAccessible(director);
    await expectAccessibleWithoutJs(e2e.browser, director.context(), `${caseUrl}/vedtak`);
    // The decision page has the application's essentials above its forms.
    await director.goto(`${caseUrl}/vedtak`);
    const essentials = director.getByRole('region', { name: 'Søknaden i korte trekk' });
    await essentials.waitFor();
    expect(await essentials.textContent()).toMatch(/Legemiddel.*Rituximab/);
    await director.context().close();

    // The new version is communicated as the first was: the applicant is told it changed.
    const applicant = await signIn('Ingrid Haugland');
    await applicant.goto(`${e2e.app.url}/varsler`);
    await expect
      .poll(() => applicant.getByText('Beslutningen i saken er endret', { exact: false }).count())
      .toBe(1);
    await expectAccessible(applicant);
    await applicant.context().close();

    // Another trust's director gets a 404 for the letter.
    const foreign = await signIn('Knut Hansen');
    expect((await foreign.request.get(letterUrl)).status()).toBe(404);
    await foreign.context().close();
  });

  it('refuses an approval without reseptmerknad and invoicing routine without JavaScript, keeping what was given; then decides', async () => {
    const doctor = await signIn('Ingrid Haugland');
    const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
    await doctor.context().close();
    const leader = await signIn('Kari Nordtveit');
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

    const director = await e2e.signIn('Per Vik', { javaScriptEnabled: false });
    await director.goto(`${caseUrl}/vedtak`);
    const caseNumber =
      (await director.getByRole('heading', { level: 1 }).textContent())?.replace(
        'Vedtak i sak ',
        '',
      ) ?? '';
    expect(caseNumber).toMatch(/^HBE-\d{4}-\d{5}$/);
    let form = director.getByRole('form', { name: 'Fatt beslutning' });
    const noteGroup = () => form.getByRole('group', { name: /^Reseptmerknad \(påkrevd/ });
    const invoicingGroup = () => form.getByRole('group', { name: /^Faktureringsrutine \(påkrevd/ });
    // The trust's first standard texts are chosen to begin with; the director unchooses them.
    expect(
      await noteGroup()
        .getByLabel(/^Sykehusfinansiert, med løpenummer:/)
        .isChecked(),
    ).toBe(true);
    await form.getByLabel('Innvilget', { exact: true }).check();
    await form.getByLabel(/Begrunnelse/).fill('Godt dokumentert nytte.');
    await noteGroup().getByLabel('Ingen', { exact: true }).check();
    await invoicingGroup().getByLabel('Ingen', { exact: true }).check();
    await form.getByRole('button', { name: 'Fatt beslutning' }).click();
    await director
      .getByRole('link', { name: /^Reseptmerknad, egen tekst: Velg en reseptmerknad/ })
      .waitFor();
    await director
      .getByRole('link', { name: /^Faktureringsrutine, egen tekst: Velg en faktureringsrutine/ })
      .waitFor();
    form = director.getByRole('form', { name: 'Fatt beslutning' });
    expect(await form.getByLabel(/Begrunnelse/).inputValue()).toBe('Godt dokumentert nytte.');
    expect(await form.getByLabel('Innvilget', { exact: true }).isChecked()).toBe(true);
    expect(await noteGroup().getByLabel('Ingen', { exact: true }).isChecked()).toBe(true);
    await expectAccessibleWithoutJsAsShown(e2e.browser, director);

    // A reseptmerknad of its own without the løpenummer: refused too, what was given kept.
    await form.getByLabel('Reseptmerknad, egen tekst').fill('Sykehusfinansiert behandling.');
    await invoicingGroup()
      .getByLabel(/^Via sykehusapoteket:/)
      .check();
    await form.getByRole('button', { name: 'Fatt beslutning' }).click();
    await director
      .getByRole('link', {
        name: /^Reseptmerknad, egen tekst: Reseptmerknaden må inneholde sakens løpenummer/,
      })
      .waitFor();
    form = director.getByRole('form', { name: 'Fatt beslutning' });
    expect(await director.getByRole('link', { name: /^Faktureringsrutine/ }).count()).toBe(0);
    expect(await form.getByLabel('Reseptmerknad, egen tekst').inputValue()).toBe(
      'Sykehusfinansiert behandling.',
    );
    expect(
      await invoicingGroup()
        .getByLabel(/^Via sykehusapoteket:/)
        .isChecked(),
    ).toBe(true);

    await form
      .getByLabel('Reseptmerknad, egen tekst')
      .fill('Sykehusfinansiert behandling, jf. vedtak {løpenummer}.');
    await form.getByRole('button', { name: 'Fatt beslutning' }).click();
    await director.getByRole('heading', { name: 'Beslutning: Innvilget' }).waitFor();
    const decision = director.getByRole('region', { name: 'Vedtak', exact: true });
    await decision.getByRole('heading', { level: 4, name: 'Innvilget behandling' }).waitFor();
    for (const shown of [
      'Rituximab 500 mg infusjonsvæske',
      '1000 mg dag 1 og 15',
      'Intravenøst',
      '6 måneder',
      `Sykehusfinansiert behandling, jf. vedtak ${caseNumber}.`,
    ]) {
      expect(await decision.locator('dd', { hasText: shown }).count()).toBeGreaterThan(0);
    }
    await expectAccessibleWithoutJsAsShown(e2e.browser, director);
    await director.context().close();
  });
});
