import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import {
  completeDraftOverHttp,
  endorseInBrowser,
  fillApplication,
  submitOverHttp,
  waitUntilSaved,
} from './application';
import { expectAccessible, sameOrigin, useAppAndBrowser } from './harness';

const PATIENT_ID = '15838510075'; // synthetic Test-Norge number

describe.each(TEST_DATABASES)('the case lifecycle in Chromium on %s', (kind) => {
  let caseUrl = '';
  let caseNumber = '';

  const e2e = useAppAndBrowser(kind);

  /** A fresh browser session signed in as the named demo user, on "my cases". */
  async function signIn(name: string): Promise<Page> {
    const context = await e2e.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${e2e.app.url}/`);
    await expect.poll(() => page.url()).toBe(`${e2e.app.url}/logg-inn`);
    await expectAccessible(page);
    await page.getByRole('button', { name: `Logg inn som ${name}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    await expectAccessible(page);
    return page;
  }

  async function signOut(page: Page) {
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await page.context().close();
  }

  it('answers /healthz with the database kind', async () => {
    const response = await fetch(`${e2e.app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: kind });
  });

  it('doctor applies, leader endorses, director decides, doctor sees the decision', async () => {
    // The doctor starts an application: scheme and scope first, then the whole questionnaire.
    const doctor = await signIn('Ingrid Haugland');
    await doctor.getByRole('link', { name: 'Ny søknad' }).first().click();
    await doctor.getByRole('heading', { level: 1, name: 'Ny søknad' }).waitFor();
    await expectAccessible(doctor);
    await doctor.getByRole('button', { name: 'Start søknaden' }).click();
    await expect
      .poll(() => doctor.getByText('Dette spørsmålet må besvares før søknaden sendes inn.').count())
      .toBeGreaterThan(1);
    await expectAccessible(doctor);
    await doctor.getByLabel('Utenfor godkjent indikasjon (off-label)').check();
    await doctor.getByLabel('Enkeltpasient').check();
    await doctor.getByRole('button', { name: 'Start søknaden' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Rediger søknad' }).waitFor();
    await expectAccessible(doctor);

    // Autosave: typed text is saved without a click and survives a reload.
    await doctor.getByLabel('Indikasjon', { exact: true }).fill('Membranøs nefropati');
    await waitUntilSaved(doctor);
    await doctor.reload();
    expect(await doctor.getByLabel('Indikasjon', { exact: true }).inputValue()).toBe(
      'Membranøs nefropati',
    );

    // The summary lists what is missing, each linking to its question.
    await doctor.getByLabel('Pasientens fødselsnummer').fill('15838510076');
    await doctor.getByRole('button', { name: 'Se over og send inn' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Oppsummering' }).waitFor();
    await expect
      .poll(() =>
        doctor
          .getByRole('link', { name: /Pasientens fødselsnummer: Fødselsnummeret er ikke gyldig/ })
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() => doctor.getByRole('button', { name: 'Send inn søknaden' }).count())
      .toBe(0);
    await expectAccessible(doctor);
    await doctor.getByRole('link', { name: 'Alvorlighet: Ikke besvart' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Rediger søknad' }).waitFor();

    await fillApplication(doctor, PATIENT_ID);
    await waitUntilSaved(doctor);
    await doctor.getByRole('button', { name: 'Se over og send inn' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Oppsummering' }).waitFor();
    await expect.poll(() => doctor.getByText('Alt er fylt ut.').count()).toBe(1);
    await expectAccessible(doctor);
    await doctor.getByRole('button', { name: 'Send inn søknaden' }).click();
    const heading = doctor.getByRole('heading', { level: 1, name: /^Sak [A-Z]{3}-\d{4}-\d{5}$/ });
    await heading.waitFor();
    caseNumber = (await heading.textContent())?.replace('Sak ', '') ?? '';
    expect(caseNumber).toBe(`HBE-${new Date().getFullYear()}-00001`);
    caseUrl = doctor.url().split('?')[0] ?? '';
    await expect.poll(() => doctor.getByText('Til forankring').count()).toBeGreaterThan(0);
    await expect.poll(() => doctor.getByText('MENTOR-studien (NEJM 2019)').count()).toBe(1);
    await expect
      .poll(() => doctor.getByText(/N04\.2 Nefrotisk syndrom med diffus membranøs/).count())
      .toBeGreaterThan(0);
    const exported = await doctor.request.get(`${caseUrl}/eksport`);
    expect(exported.headers()['content-disposition']).toContain(`soknad-${caseNumber}.json`);
    const body = (await exported.json()) as {
      caseNumber: string;
      sections: { sectionId: string }[];
    };
    expect(body.caseNumber).toBe(caseNumber);
    expect(body.sections.map((section) => section.sectionId)).toContain('evidence');
    // The FHIR link beside it gives the case as a FHIR R4 Bundle.
    const fhirLink = doctor.getByRole('link', { name: 'Last ned som FHIR (JSON)' });
    expect(await fhirLink.getAttribute('href')).toBe(`${new URL(caseUrl).pathname}/fhir`);
    const fhir = await doctor.request.get(`${caseUrl}/fhir`);
    expect(fhir.headers()['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = (await fhir.json()) as {
      resourceType: string;
      entry: { resource: { resourceType: string; identifier?: { value: string }[] } }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry.map((e) => e.resource.resourceType)).toContain('Patient');
    expect(bundle.entry[0]?.resource.identifier?.[0]?.value).toBe(caseNumber);
    await expectAccessible(doctor);
    await signOut(doctor);

    // The department leader finds it waiting and endorses it.
    const leader = await signIn('Kari Nordtveit');
    await leader.getByRole('link', { name: `Åpne sak ${caseNumber}` }).click();
    await leader.getByRole('heading', { level: 1, name: `Sak ${caseNumber}` }).waitFor();
    await expectAccessible(leader);
    const endorsement = leader.getByRole('form', { name: 'Forankring' });
    await endorsement.getByRole('button', { name: 'Send forankringen' }).click();
    // An error summary at the top of the form takes focus and links to each field; each message
    // is shown there and at its field.
    const summary = endorsement.getByRole('group', {
      name: 'Rett opp følgende før du går videre:',
    });
    await expect
      .poll(() => leader.evaluate(() => document.activeElement?.tagName.toLowerCase()))
      .toBe('ds-error-summary');
    expect(await summary.getByRole('link', { name: /Fyll inn en begrunnelse\./ }).count()).toBe(1);
    expect(await summary.getByRole('link', { name: /Velg et nivå på skalaen\./ }).count()).toBe(3);
    await expect.poll(() => endorsement.getByText('Fyll inn en begrunnelse.').count()).toBe(2);
    await expect.poll(() => endorsement.getByText('Velg et nivå på skalaen.').count()).toBe(6);
    await expectAccessible(leader);
    await endorseInBrowser(leader, 'Forankre søknaden', 'Godt begrunnet, alvorlig tilstand.');
    await expect
      .poll(() =>
        leader
          .getByText('Søknaden er forankret og sendt til fagdirektøren for beslutning.')
          .count(),
      )
      .toBe(1);
    await signOut(leader);

    // The medical director decides: approved with conditions.
    const director = await signIn('Per Vik');
    await director.getByRole('link', { name: `Åpne sak ${caseNumber}` }).click();
    await director.getByRole('heading', { level: 1, name: `Sak ${caseNumber}` }).waitFor();
    const decide = director.getByRole('form', { name: 'Fatt beslutning' });
    await decide.getByLabel('Innvilget med vilkår').check();
    await decide.getByLabel(/Begrunnelse/).fill('Innvilges etter prioriteringskriteriene.');
    await decide.getByLabel('Andre vilkår').fill('Evaluering etter 6 måneder.');
    await decide.getByLabel('Evalueringsdato', { exact: true }).fill('2099-06-30');
    await decide.getByRole('button', { name: 'Fatt beslutning' }).click();
    await expect
      .poll(() =>
        director
          .getByText(
            'Beslutningen er fattet, og vedtaket er tilgjengelig for søkeren. Neste steg er å starte oppfølging eller avslutte saken.',
          )
          .count(),
      )
      .toBe(1);
    await expectAccessible(director);
    await signOut(director);

    // The doctor sees the decision and the whole history.
    const back = await signIn('Ingrid Haugland');
    await back.goto(caseUrl);
    await back.getByRole('heading', { name: 'Beslutning: Innvilget med vilkår' }).waitFor();
    await expect.poll(() => back.getByText('Evaluering etter 6 måneder.').count()).toBe(1);
    const history = back.getByRole('table', { name: 'Historikk' });
    await expect.poll(() => history.getByRole('row').count()).toBe(5); // header + 4 events
    await expect
      .poll(() => history.getByText('Godt begrunnet, alvorlig tilstand.').count())
      .toBe(1);
    await expectAccessible(back);
    await signOut(back);
  });

  it('shows another trust a 404 for the case', async () => {
    expect(caseUrl).not.toBe('');
    const foreign = await signIn('Knut Hansen'); // medical director, Oslo universitetssykehus
    const response = await foreign.goto(caseUrl);
    expect(response?.status()).toBe(404);
    await foreign.getByRole('heading', { level: 1, name: 'Siden finnes ikke' }).waitFor();
    await expectAccessible(foreign);
    await signOut(foreign);
  });

  it('shows a stale page a clear conflict and keeps what was typed', async () => {
    const doctor = await signIn('Ingrid Haugland');
    const location = await submitOverHttp(doctor.request, e2e.app.url, {
      scheme: 'noMarketingAuthorisation',
    });
    await signOut(doctor);

    const leader = await signIn('Kari Nordtveit');
    const url = `${e2e.app.url}${location}`;
    const stale = await leader.context().newPage();
    await Promise.all([leader.goto(url), stale.goto(url)]);
    await endorseInBrowser(leader, 'Forankre søknaden', 'Godt begrunnet.');
    await expect
      .poll(() =>
        leader
          .getByText('Søknaden er forankret og sendt til fagdirektøren for beslutning.')
          .count(),
      )
      .toBe(1);

    const ret = stale.getByRole('form', { name: 'Forankring' });
    await ret.getByLabel('Returner til søker med et spørsmål').check();
    await ret.getByLabel(/Begrunnelse eller spørsmål til søker/).fill('Hvilken dose er planlagt?');
    const [response] = await Promise.all([
      stale.waitForResponse((r) => r.request().method() === 'POST'),
      ret.getByRole('button', { name: 'Send forankringen' }).click(),
    ]);
    expect(response.status()).toBe(409);
    await expect.poll(() => stale.getByText('Saken ble endret av noen andre').count()).toBe(1);
    // The form is gone (the case has moved on), but the question typed is shown to copy.
    await expect.poll(() => stale.getByText('Hvilken dose er planlagt?').count()).toBe(1);
    await expectAccessible(stale);
    await signOut(leader);
  });

  it('gives parallel submissions over HTTP unique, consecutive løpenumre', async () => {
    const doctor = await signIn('Eirik Tjelta'); // Helse Stavanger
    // Eight complete drafts, then eight submissions at once.
    const drafts: { url: string; version: number }[] = [];
    for (let i = 0; i < 8; i++) {
      const { caseUrl, version } = await completeDraftOverHttp(doctor.request, e2e.app.url, {
        scheme: 'unntaksordningen',
        differenceFromAssessedGroup: 'Yngre enn studiepopulasjonen',
      });
      drafts.push({ url: caseUrl, version });
    }
    const responses = await Promise.all(
      drafts.map((d) =>
        doctor.request.post(`${e2e.app.url}${d.url}/oppsummering`, {
          headers: sameOrigin(e2e.app.url),
          form: { event: 'submit', version: String(d.version) },
          maxRedirects: 0,
        }),
      ),
    );
    const numbers: string[] = [];
    for (const [i, response] of responses.entries()) {
      expect(response.status()).toBe(302);
      expect(response.headers().location).toBe(`${drafts[i]?.url ?? ''}?utfort=submit`);
      await doctor.goto(`${e2e.app.url}${drafts[i]?.url ?? ''}`);
      const text = await doctor.getByRole('heading', { level: 1 }).textContent();
      numbers.push(text?.replace('Sak ', '') ?? '');
    }
    const year = new Date().getFullYear();
    expect(numbers.sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `HST-${year}-${String(i + 1).padStart(5, '0')}`),
    );
    await signOut(doctor);
  });
});
