import { describe, expect, it } from 'vitest';
import { completeAnswers } from '../app/test/actors';
import { TEST_DATABASES } from '../app/test/databases';
import { completeDraftOverHttp, endorseInBrowser } from './application';
import {
  expectAccessible,
  expectAccessibleWithoutJs,
  sameOrigin,
  useAppAndBrowser,
} from './harness';

/**
 * Stage clocks, urgency, follow-up and re-application in the browser. The alert job itself
 * (runStageAlerts with a chosen time) is covered by the integration tests: the app's PGlite
 * belongs to its own process, so here overdue cases are made by setting a deadline of 0 days on
 * the administrator's page.
 */
describe.each(TEST_DATABASES)('clocks and follow-up in Chromium on %s', (kind) => {
  let caseUrl = '';

  const e2e = useAppAndBrowser(kind);

  it('the doctor marks the application urgent with a justification and sends it', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    caseUrl = (await completeDraftOverHttp(doctor.request, e2e.app.url)).caseUrl;
    await doctor.goto(`${e2e.app.url}${caseUrl}`);
    await doctor.getByRole('heading', { level: 2, name: 'Frister og oppfølging' }).waitFor();
    // A draft has no case number yet; what its writer came for comes first, above «Om saken».
    await doctor.getByRole('heading', { level: 1, name: 'Søknadsutkast' }).waitFor();
    const order = await doctor
      .locator('main')
      .getByText(/^(Se over og send inn|Om saken)$/)
      .allTextContents();
    expect(order).toEqual(['Se over og send inn', 'Om saken']);
    await expect.poll(() => doctor.getByText('Saken er ikke merket som hastesak.').count()).toBe(1);
    await expectAccessible(doctor);

    // Without a justification: refused with a message, on the urgency form's own page.
    await doctor.getByRole('button', { name: 'Merk som hastesak' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Hastesak' }).waitFor();
    await expect.poll(() => doctor.getByText('Skriv hvorfor saken haster.').count()).toBe(1);
    await expectAccessible(doctor);

    await doctor
      .getByLabel('Hvorfor haster saken?')
      .fill('Rask progresjon; behandling må starte nå.');
    await doctor.getByRole('button', { name: 'Merk som hastesak' }).click();
    await doctor.getByText('Saken er merket som hastesak.').waitFor();
    expect(await doctor.getByText('Haster', { exact: true }).count()).toBeGreaterThan(0);
    await expect
      .poll(() => doctor.getByText('Rask progresjon; behandling må starte nå.').count())
      .toBe(1);
    await expectAccessible(doctor);

    await doctor.getByRole('link', { name: 'Se over og send inn' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Oppsummering' }).waitFor();
    await doctor.getByRole('button', { name: 'Send inn søknaden' }).click();
    await doctor.getByText('Søknaden er sendt til forankring hos leder.').waitFor();
    await expect
      .poll(() =>
        doctor.getByText(/Fasen «Til forankring» har frist .* \(2 dager for hastesaker\)/).count(),
      )
      .toBe(1);
    const stages = doctor.getByRole('table', { name: 'Tid per trinn' });
    await expect
      .poll(() => stages.getByRole('rowheader').allInnerTexts())
      .toEqual(['Utkast', 'Til forankring']);
    await expectAccessible(doctor);
  });

  it('keeps the urgency reason typed when the case was sent in meanwhile (the form is gone)', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const draft = await completeDraftOverHttp(doctor.request, e2e.app.url);
    await doctor.goto(`${e2e.app.url}${draft.caseUrl}`);
    await doctor.getByLabel('Hvorfor haster saken?').fill('Rask progresjon siste uke.');
    // Sent in from another tab while the reason was typed: the applicant marks urgency no more.
    const sent = await doctor.request.post(`${e2e.app.url}${draft.caseUrl}/oppsummering`, {
      headers: sameOrigin(e2e.app.url),
      form: { event: 'submit', version: String(draft.version) },
      maxRedirects: 0,
    });
    expect(sent.status()).toBe(302);
    await doctor.getByRole('button', { name: 'Merk som hastesak' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Hastesak' }).waitFor();
    await doctor.getByText('Denne handlingen er ikke mulig i sakens nåværende status.').waitFor();
    await doctor.getByText('Rask progresjon siste uke.').waitFor();
    expect(await doctor.getByLabel('Hvorfor haster saken?').count()).toBe(0);
    await expectAccessible(doctor);
  });

  it('the administrator sets deadlines (refused when wrong), and the leader sees the case overdue', async () => {
    const admin = await e2e.signIn('Geir Berge');
    await admin.goto(`${e2e.app.url}/admin/frister`);
    await admin.getByRole('heading', { level: 1, name: 'Frister for saksbehandlingen' }).waitFor();
    await expectAccessible(admin);
    await expectAccessibleWithoutJs(e2e.browser, admin.context(), `${e2e.app.url}/admin/frister`);
    const group = admin.getByRole('group', { name: 'Til forankring' });
    const normal = group.getByLabel('Frist (dager)', { exact: true });
    const urgent = group.getByLabel('Frist for hastesaker (dager)');
    expect(await normal.inputValue()).toBe('7');
    expect(await urgent.inputValue()).toBe('2');

    expect(await admin.title()).toBe('Frister for saksbehandlingen – Søknadsportal');

    await normal.fill('sju');
    await urgent.fill('0');
    await admin.getByRole('button', { name: 'Lagre fristene' }).click();
    await expect
      .poll(() => admin.getByText('Skriv et helt antall dager fra 0 til 365.').count())
      .toBeGreaterThan(0);
    expect(await admin.title()).toBe('Feil: Frister for saksbehandlingen – Søknadsportal');
    expect(
      await admin
        .getByRole('group', { name: 'Til forankring' })
        .getByLabel('Frist (dager)', { exact: true })
        .inputValue(),
    ).toBe('sju');
    await expectAccessible(admin);
    // The summary's link moves focus to the field it names (WCAG 2.4.3).
    await admin
      .getByRole('group', { name: 'Rett opp følgende før du går videre:' })
      .getByRole('link', { name: /^Til forankring: Frist \(dager\): / })
      .click();
    await expect.poll(() => normal.evaluate((el) => el === document.activeElement)).toBe(true);

    const again = admin.getByRole('group', { name: 'Til forankring' });
    await again.getByLabel('Frist (dager)', { exact: true }).fill('0');
    await again.getByLabel('Frist for hastesaker (dager)').fill('0');
    await admin.getByRole('button', { name: 'Lagre fristene' }).click();
    await admin.getByText('Fristene er lagret.').waitFor();
    await expectAccessible(admin);

    // Only the trust administrator reaches the page.
    const doctor = await e2e.signIn('Ingrid Haugland');
    expect((await doctor.request.get(`${e2e.app.url}/admin/frister`)).status()).toBe(403);

    const leader = await e2e.signIn('Kari Nordtveit');
    const waiting = leader.getByRole('table', { name: 'Venter på deg' });
    await waiting.waitFor();
    const row = waiting.getByRole('row').nth(1);
    await expect.poll(() => row.innerText()).toMatch(/Forfalt/);
    expect(await row.innerText()).toMatch(/Haster/);
    await expectAccessible(leader);
    await leader.goto(`${e2e.app.url}${caseUrl}`);
    await leader.getByText('Fristen er passert.', { exact: false }).waitFor();
    await expectAccessible(leader);
  });

  it('in follow-up the doctor applies for an extension, then records the outcome', async () => {
    const leader = await e2e.signIn('Kari Nordtveit');
    await leader.goto(`${e2e.app.url}${caseUrl}`);
    await endorseInBrowser(leader, 'Forankre søknaden', 'Godt begrunnet.');
    await leader
      .getByText('Søknaden er forankret og sendt til fagdirektøren for beslutning.')
      .waitFor();

    const director = await e2e.signIn('Per Vik');
    await director.goto(`${e2e.app.url}${caseUrl}`);
    const decide = director.getByRole('form', { name: 'Fatt beslutning' });
    await decide.getByLabel('Innvilget', { exact: true }).check();
    await decide.getByLabel(/Begrunnelse/).fill('Innvilges for 6 måneder.');
    await decide.getByRole('button', { name: 'Fatt beslutning' }).click();
    await director
      .getByText(
        'Beslutningen er fattet, og vedtaket er tilgjengelig for søkeren. Neste steg er å starte oppfølging eller avslutte saken.',
      )
      .waitFor();
    await director.getByRole('button', { name: 'Start oppfølging' }).click();
    await director
      .getByText('Oppfølgingen er startet. Søkeren registrerer utfallet av behandlingen.')
      .waitFor();

    const doctor = await e2e.signIn('Ingrid Haugland');
    await doctor.goto(`${e2e.app.url}${caseUrl}`);
    await doctor.getByRole('heading', { name: 'Registrer utfallet av behandlingen' }).waitFor();
    // The actions point to the outcome form in the stage clocks above; not «Ingen handlinger …».
    const actions = doctor.getByRole('region', { name: 'Handlinger' });
    expect(
      await actions
        .getByRole('link', { name: 'Registrer utfallet av behandlingen' })
        .getAttribute('href'),
    ).toBe('#outcome-form-title');
    expect(await actions.getByText(/Ingen handlinger/).count()).toBe(0);
    // The form says what recording does, and where an extension is applied for.
    await doctor
      .getByText(/Saken avsluttes når utfallet er registrert, også når behandlingen fortsetter\./)
      .waitFor();
    await doctor.getByText(/^Skal behandlingen fortsette, søker du om forlengelse/).waitFor();
    await expectAccessible(doctor);
    await expectAccessibleWithoutJs(e2e.browser, doctor.context(), `${e2e.app.url}${caseUrl}`);

    // The treatment continues: an extension from the case in follow-up, a draft with the answers
    // copied, linked both ways.
    await doctor.getByRole('button', { name: 'Start ny søknad fra denne' }).click();
    await expect.poll(() => doctor.url()).toMatch(/\/saker\/[0-9a-f-]{36}\/rediger$/);
    const newUrl = new URL(doctor.url()).pathname.replace(/\/rediger$/, '');
    expect(newUrl).not.toBe(caseUrl);
    await doctor.getByLabel('Indikasjon', { exact: true }).waitFor();
    expect(await doctor.getByLabel('Indikasjon', { exact: true }).inputValue()).toBe(
      completeAnswers.indication,
    );
    await doctor.goto(`${e2e.app.url}${newUrl}`);
    await doctor.getByText('Tidligere søknad').waitFor();
    await expectAccessible(doctor);

    // Back on the earlier case, still in follow-up: the outcome is recorded there.
    await doctor.goto(`${e2e.app.url}${caseUrl}`);
    await doctor.getByText('Ny søknad', { exact: true }).last().waitFor();
    const link = doctor.getByRole('link', { name: 'utkast', exact: true });
    expect(await link.getAttribute('href')).toBe(newUrl);

    // Stopped without a reason: refused, what was typed is kept.
    await doctor.getByRole('radio', { name: 'Delvis effekt' }).check();
    await doctor.getByLabel('Bivirkninger', { exact: true }).fill('Lett kvalme første uke');
    await doctor.getByRole('radio', { name: 'Er avsluttet' }).check();
    await doctor.getByRole('button', { name: 'Registrer utfallet' }).click();
    await doctor.getByText('Skriv hvorfor behandlingen ble avsluttet.', { exact: true }).waitFor();
    // The outcome page's error summary names it; its link leads to the field.
    await doctor
      .getByRole('link', {
        name: 'Hvorfor ble behandlingen avsluttet? (påkrevd når den er avsluttet): Skriv hvorfor behandlingen ble avsluttet.',
      })
      .waitFor();
    expect(await doctor.getByLabel('Bivirkninger', { exact: true }).inputValue()).toBe(
      'Lett kvalme første uke',
    );
    expect(await doctor.getByRole('radio', { name: 'Delvis effekt' }).isChecked()).toBe(true);
    await expectAccessible(doctor);

    await doctor.getByRole('radio', { name: 'Fortsetter' }).check();
    await doctor.getByRole('button', { name: 'Registrer utfallet' }).click();
    await doctor.getByText('Utfallet er registrert, og saken er avsluttet.').waitFor();
    await expect.poll(() => doctor.getByText('Fortsetter', { exact: true }).count()).toBe(1);
    // The closed case keeps its link to the extension, and may be applied from again.
    expect(
      await doctor.getByRole('link', { name: 'utkast', exact: true }).getAttribute('href'),
    ).toBe(newUrl);
    await doctor.getByRole('button', { name: 'Start ny søknad fra denne' }).waitFor();
    await expectAccessible(doctor);
  });
});
