import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import { pdfTextLines } from '../app/test/pdf-text';

import { endorseInBrowser, rateCriteria, submitOverHttp } from './application';
import { expectAccessible, useAppAndBrowser } from './harness';
import { addDays, dateInNorway } from '../app/features/cases/domain/dates';

/**
 * The casework issue's whole journey on one case: submission, endorsement, a complete committee
 * assessment with comments, a consultation of another trust, the committee's recommendation, a
 * decision with the trust's phrases and its letter, notifications in the app and by e-mail, and
 * the follow-up recorded.
 */
describe.each(TEST_DATABASES)('one case through all of the casework in Chromium on %s', (kind) => {
  const e2e = useAppAndBrowser(kind);

  const done = (page: Page, text: string) =>
    expect.poll(() => page.getByText(text).count()).toBeGreaterThan(0);

  it('goes from submission to a recorded follow-up', { timeout: 600_000 }, async () => {
    // Submission.
    const doctor = await e2e.signIn('Ingrid Haugland');
    const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
    await doctor.goto(caseUrl);
    const heading = doctor.getByRole('heading', { level: 1, name: /^Sak / });
    const caseNumber = ((await heading.textContent()) ?? '').replace('Sak ', '');
    expect(caseNumber).toMatch(/^HBE-\d{4}-\d{5}$/);
    await doctor.context().close();

    // Endorsement with the structured assessment.
    const leader = await e2e.signIn('Kari Nordtveit');
    await leader.goto(caseUrl);
    await endorseInBrowser(leader, 'Forankre søknaden', 'Godt begrunnet, alvorlig tilstand.');
    await done(leader, 'Søknaden er forankret og sendt til fagdirektøren for beslutning.');
    await leader.context().close();

    // The complete assessment: committee, a section comment, the worksheet.
    const director = await e2e.signIn('Per Vik');
    await director.goto(caseUrl);
    await director
      .getByRole('form', { name: 'Start vurdering' })
      .getByRole('button', { name: 'Start vurdering' })
      .click();
    await done(director, 'Vurderingen er startet. Saken vurderes nå før fagdirektøren beslutter.');
    await director.getByRole('link', { name: 'Åpne vurderingen (komité)' }).click();
    await director.getByRole('heading', { level: 1, name: /^Vurdering av sak / }).waitFor();
    await director
      .getByLabel('Komitémedlem')
      .selectOption({ label: 'Randi Sæther, Overlege, vurderingskomité' });
    await director.getByRole('button', { name: 'Tildel' }).click();
    await done(director, 'Komitémedlemmet er tildelt og varslet.');
    await director
      .getByLabel('Ny kommentar til «Legemiddel og dosering»')
      .fill('Er dosen i tråd med studien?');
    await director
      .locator('#section-drug')
      .getByRole('button', { name: 'Legg til kommentar' })
      .click();
    await done(director, 'Kommentaren er lagt til.');
    await rateCriteria(director.getByRole('form', { name: 'Mitt skjema' }));
    await director.getByRole('button', { name: 'Lagre skjemaet' }).click();
    await done(director, 'Skjemaet er lagret.');
    await expectAccessible(director);
    await director.context().close();

    // A consultation of Oslo universitetssykehus, answered there.
    const asker = await e2e.signIn('Per Vik');
    await asker.goto(caseUrl);
    const consult = asker.getByRole('form', { name: 'Konsulter annet helseforetak' });
    await consult
      .getByLabel('Helseforetak', { exact: true })
      .selectOption({ label: 'Oslo universitetssykehus HF' });
    await consult.getByLabel(/^Spørsmål/).fill('Hvordan har dere vurdert tilsvarende saker?');
    await consult.getByLabel(/^Frist/).fill(addDays(dateInNorway(new Date()), 14));
    await consult.getByRole('button', { name: 'Send konsultasjon' }).click();
    await done(asker, 'Konsultasjonen er sendt.');
    await asker.context().close();

    const knut = await e2e.signIn('Knut Hansen');
    await knut
      .getByRole('region', { name: /Konsultasjoner til oss/ })
      .getByRole('link', { name: `Åpne sak ${caseNumber}` })
      .click();
    await knut.getByLabel(/^Svaret ditt/).fill('Vi har innvilget to tilsvarende saker.');
    await knut.getByRole('button', { name: 'Send svar' }).click();
    await done(knut, 'Svaret er sendt. Lesetilgangen til saken er avsluttet.');
    await knut.context().close();

    // With the consulted trust's answer, the assigned committee member sees the comment, fills
    // her worksheet and recommends: the case now waits for the medical director.
    const member = await e2e.signIn('Randi Sæther');
    await member.goto(`${caseUrl}/vurdering`);
    await done(member, 'Er dosen i tråd med studien?');
    await rateCriteria(member.getByRole('form', { name: 'Mitt skjema' }));
    await member.getByRole('button', { name: 'Lagre skjemaet' }).click();
    await done(member, 'Skjemaet er lagret.');
    await member.getByLabel('Innvilges med vilkår', { exact: true }).check();
    await member.getByLabel(/Begrunnelse for innstillingen/).fill('Innvilges med evaluering.');
    await member.getByRole('button', { name: 'Gi innstilling' }).click();
    await done(member, 'Innstillingen er gitt.');
    await expectAccessible(member);
    await member.goto(caseUrl);
    await done(member, 'Innstilt, til beslutning');
    await member.context().close();

    // The decision with the trust's phrases, and its letter.
    const decider = await e2e.signIn('Per Vik');
    await decider.goto(caseUrl);
    await done(decider, 'Vi har innvilget to tilsvarende saker.');
    const form = decider.getByRole('form', { name: 'Fatt beslutning' });
    await form.getByLabel('Innvilget med vilkår').check();
    await form.getByLabel(/^Prioriteringskriteriene er oppfylt:/).check();
    await form.getByLabel(/Begrunnelse/).fill('I tråd med komiteens innstilling.');
    await form.getByLabel('Effekten evalueres ved kontroll etter 3 måneder').check();
    await form.getByLabel('Evalueringsdato', { exact: true }).fill('2099-06-30');
    await form.getByLabel(/^Sykehusfinansiert, med løpenummer:/).check();
    await form.getByLabel(/^Via sykehusapoteket:/).check();
    await form.getByRole('button', { name: 'Fatt beslutning' }).click();
    await done(
      decider,
      'Beslutningen er fattet, og vedtaket er tilgjengelig for søkeren. Neste steg er å starte oppfølging eller avslutte saken.',
    );
    await expectAccessible(decider);
    const [download] = await Promise.all([
      decider.waitForEvent('download'),
      decider.getByRole('link', { name: 'Last ned vedtaksbrev (PDF), versjon 1' }).click(),
    ]);
    const lines = pdfTextLines(readFileSync(await download.path()));
    for (const expected of [
      caseNumber,
      '15838510075',
      'Innvilget med vilkår',
      '– Effekten evalueres ved kontroll etter 3 måneder',
      '30.06.2099',
      'Per Vik, Fagdirektør',
    ]) {
      expect(lines).toContain(expected);
    }
    expect(lines.join(' ')).toContain(`jf. vedtak ${caseNumber}`);

    // Follow-up starts (the evaluation job does this at the date; here the director does).
    await decider.getByRole('button', { name: 'Start oppfølging' }).click();
    await done(decider, 'Oppfølgingen er startet. Søkeren registrerer utfallet av behandlingen.');
    await decider.context().close();

    // The applicant and the leader were told in the app and by e-mail.
    for (const [name, address] of [
      ['Ingrid Haugland', 'applicant.hbe@demo.soknadsportal.no'],
      ['Kari Nordtveit', 'endorser.hbe@demo.soknadsportal.no'],
    ] as const) {
      const page = await e2e.signIn(name);
      await page.goto(`${e2e.app.url}/varsler`);
      await done(page, 'Det er fattet beslutning i saken.');
      await expectAccessible(page);
      await page.context().close();
      const mailbox = await (await e2e.browser.newContext({ locale: 'nb-NO' })).newPage();
      await expect
        .poll(
          async () => {
            await mailbox.goto(`${e2e.app.url}/utvikling/epost`);
            return (await mailbox.locator('main').textContent()) ?? '';
          },
          { timeout: 90_000, interval: 1000 },
        )
        .toContain(address);
      const body = (await mailbox.locator('main').textContent()) ?? '';
      expect(body).toContain(`Ny hendelse i sak ${caseNumber}`);
      // The link leads to this app, on the port it listens on (PORT=0, no PUBLIC_URL).
      expect(body).toContain(`${e2e.app.url}/saker/`);
      expect(body).not.toContain('15838510075');
      await mailbox.context().close();
    }

    // The applicant records the outcome; the case closes.
    const back = await e2e.signIn('Ingrid Haugland');
    await back.goto(caseUrl);
    await back.getByRole('radio', { name: 'Delvis effekt' }).check();
    await back.getByLabel('Bivirkninger', { exact: true }).fill('Lett kvalme første uke');
    await back.getByRole('radio', { name: 'Er avsluttet' }).check();
    await back.getByLabel(/Hvorfor ble behandlingen avsluttet/).fill('Bivirkninger');
    await back.getByRole('button', { name: 'Registrer utfallet' }).click();
    await done(back, 'Utfallet er registrert, og saken er avsluttet.');
    await expectAccessible(back);
    await back.context().close();
  });
});
