import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import { endorseInBrowser, rateCriteria, submitOverHttp } from './application';
import { expectAccessible, expectAccessibleWithoutJs, useAppAndBrowser } from './harness';

describe.each(TEST_DATABASES)(
  'endorsement and the complete assessment in Chromium on %s',
  (kind) => {
    const e2e = useAppAndBrowser(kind);

    async function signOut(page: Page) {
      await page.getByRole('button', { name: 'Logg ut' }).click();
      await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
      await page.context().close();
    }

    it('delegates the endorsement: the delegate endorses, the delegating leader only reads', async () => {
      const doctor = await e2e.signIn('Ingrid Haugland');
      const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
      await signOut(doctor);

      const leader = await e2e.signIn('Kari Nordtveit');
      await leader.goto(caseUrl);
      const delegate = leader.getByRole('form', { name: 'Deleger til en annen leder' });
      await delegate.getByRole('button', { name: 'Deleger', exact: true }).click();
      // Nothing chosen: the error is in the form's error summary and at the field.
      await expect.poll(() => leader.getByText('Velg en leder i helseforetaket.').count()).toBe(2);
      expect(await leader.title()).toMatch(/^Feil: Sak /);
      await expectAccessible(leader);
      await delegate.getByLabel('Deleger til').selectOption({ label: 'Jon Eide, Avdelingsleder' });
      await delegate.getByRole('button', { name: 'Deleger', exact: true }).click();
      await expect
        .poll(() => leader.getByText('Forankringen er delegert, og lederen er varslet.').count())
        .toBe(1);
      expect(await leader.getByRole('form', { name: 'Forankring' }).count()).toBe(0);
      await expectAccessible(leader);
      // Taken back, the leader endorses again; delegated anew, the delegate does.
      await leader.getByRole('button', { name: 'Ta tilbake delegeringen' }).click();
      await expect.poll(() => leader.getByText(/^Delegeringen er tatt tilbake/).count()).toBe(1);
      await leader.getByRole('form', { name: 'Forankring' }).waitFor();
      await expectAccessible(leader);
      await delegate.getByLabel('Deleger til').selectOption({ label: 'Jon Eide, Avdelingsleder' });
      await delegate.getByRole('button', { name: 'Deleger', exact: true }).click();
      await leader.getByRole('button', { name: 'Ta tilbake delegeringen' }).waitFor();
      await signOut(leader);

      const delegated = await e2e.signIn('Jon Eide');
      await delegated.goto(caseUrl);
      await delegated.getByRole('form', { name: 'Forankring' }).waitFor();
      await expectAccessible(delegated);
      await endorseInBrowser(delegated, 'Forankre søknaden', 'Forankret etter delegering.');
      await expect
        .poll(() =>
          delegated
            .getByText('Søknaden er forankret og sendt til fagdirektøren for beslutning.')
            .count(),
        )
        .toBe(1);
      await signOut(delegated);
    });

    it('lets the medical director delegate the endorsement (a department whose leader cannot endorse) and take it back', async () => {
      const doctor = await e2e.signIn('Ingrid Haugland');
      const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
      await signOut(doctor);

      const director = await e2e.signIn('Per Vik');
      await director.goto(caseUrl);
      const delegate = director.getByRole('form', { name: 'Deleger forankringen til en leder' });
      await delegate.getByText(/når ingen av avdelingens ledere kan forankre søknaden/).waitFor();
      await delegate.getByLabel('Deleger til').selectOption({ label: 'Jon Eide, Avdelingsleder' });
      await delegate.getByRole('button', { name: 'Deleger', exact: true }).click();
      await expect
        .poll(() => director.getByText('Forankringen er delegert, og lederen er varslet.').count())
        .toBe(1);
      await director.getByText(/^Forankringen er delegert til Jon Eide.*\(av Per Vik/).waitFor();
      await expectAccessible(director);
      await director.getByRole('button', { name: 'Ta tilbake delegeringen' }).click();
      await expect
        .poll(() => director.getByText(/Saken venter igjen på avdelingens leder\.$/).count())
        .toBe(1);
      await expectAccessible(director);
      await delegate.getByLabel('Deleger til').selectOption({ label: 'Jon Eide, Avdelingsleder' });
      await delegate.getByRole('button', { name: 'Deleger', exact: true }).click();
      await director.getByRole('button', { name: 'Ta tilbake delegeringen' }).waitFor();
      await signOut(director);

      // The delegate endorses; the department's leader only reads and may take it back.
      const leader = await e2e.signIn('Kari Nordtveit');
      await leader.goto(caseUrl);
      await leader.getByRole('button', { name: 'Ta tilbake delegeringen' }).waitFor();
      expect(await leader.getByRole('form', { name: 'Forankring' }).count()).toBe(0);
      await signOut(leader);
      const delegated = await e2e.signIn('Jon Eide');
      await delegated.goto(caseUrl);
      await delegated.getByRole('form', { name: 'Forankring' }).waitFor();
      await signOut(delegated);
    });

    it('returns with a question, endorses with the assessment, and the committee assesses section by section before the decision', async () => {
      const doctor = await e2e.signIn('Ingrid Haugland');
      const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
      await signOut(doctor);

      // The leader returns it with a question: no assessment needed, but the question is.
      const leader = await e2e.signIn('Kari Nordtveit');
      await leader.goto(caseUrl);
      await leader.getByRole('form', { name: 'Forankring' }).waitFor();
      await expectAccessible(leader);
      await expectAccessibleWithoutJs(e2e.browser, leader.context(), caseUrl);
      await endorseInBrowser(
        leader,
        'Returner til søker med et spørsmål',
        'Hvilken dose er planlagt?',
      );
      await expect
        .poll(() =>
          leader
            .getByText(
              'Søknaden er returnert til søker, som kan rette den og sende den inn på nytt.',
            )
            .count(),
        )
        .toBe(1);
      await signOut(leader);

      // The doctor resubmits from the summary.
      const back = await e2e.signIn('Ingrid Haugland');
      await back.goto(`${caseUrl}/oppsummering`);
      await back.getByRole('button', { name: /Send inn/ }).click();
      await back.getByRole('heading', { level: 1, name: /^Sak / }).waitFor();
      // The leader's internal assessment is never on the applicant's page.
      expect(await back.getByRole('heading', { name: 'Lederens vurdering' }).count()).toBe(0);
      await signOut(back);

      // The leader invites a colleague to collaborate (ADR 0024).
      const inviting = await e2e.signIn('Kari Nordtveit');
      await inviting.goto(caseUrl);
      const invite = inviting.getByRole('form', { name: 'Inviter til samarbeid' });
      await invite
        .getByLabel('Leder som skal gi innspill')
        .selectOption({ label: 'Jon Eide, Avdelingsleder' });
      await invite.getByRole('button', { name: 'Inviter lederen' }).click();
      await expect
        .poll(() =>
          inviting.getByText('Lederen er invitert til å gi innspill og er varslet.').count(),
        )
        .toBe(1);
      await expect.poll(() => inviting.getByText('Jon Eide, Avdelingsleder').count()).toBe(1);
      await signOut(inviting);

      // The collaborator gives input (a text is required; ratings are optional), never endorses.
      const collaborator = await e2e.signIn('Jon Eide');
      await collaborator.goto(caseUrl);
      const input = collaborator.getByRole('form', { name: 'Gi innspill som leder' });
      await input.waitFor();
      expect(await collaborator.getByRole('form', { name: 'Forankring' }).count()).toBe(0);
      await expectAccessible(collaborator);
      await input.getByRole('button', { name: 'Gi innspill' }).click();
      // In the error summary and at the field.
      await expect
        .poll(() => collaborator.getByText('Skriv innspillet ditt til forankringen.').count())
        .toBe(2);
      await expectAccessible(collaborator);
      await rateCriteria(input);
      await input.getByLabel('Innspillet ditt (påkrevd)').fill('Jeg støtter søknaden faglig.');
      await input.getByRole('button', { name: 'Gi innspill' }).click();
      await expect
        .poll(() =>
          collaborator
            .getByText('Innspillet ditt er gitt. Lederen som forankrer, ser det i saken.')
            .count(),
        )
        .toBe(1);
      await signOut(collaborator);

      // The leader sees the input beside the endorsement form and endorses with the assessment.
      const leader2 = await e2e.signIn('Kari Nordtveit');
      await leader2.goto(caseUrl);
      await leader2.getByRole('heading', { name: 'Innspill fra andre ledere' }).waitFor();
      await expect.poll(() => leader2.getByText('Jeg støtter søknaden faglig.').count()).toBe(1);
      await expectAccessible(leader2);
      // She takes Jon Eide off the collaboration: his input stays, his access to the case ends.
      await leader2.getByRole('button', { name: 'Fjern Jon Eide fra samarbeidet' }).click();
      await expect
        .poll(() => leader2.getByText('Lederen er fjernet fra samarbeidet og er varslet.').count())
        .toBe(1);
      expect(
        await leader2.getByRole('button', { name: 'Fjern Jon Eide fra samarbeidet' }).count(),
      ).toBe(0);
      expect(await leader2.getByText('Jeg støtter søknaden faglig.').count()).toBe(1);
      await expectAccessible(leader2);
      await endorseInBrowser(leader2, 'Forankre søknaden', 'Godt begrunnet, alvorlig tilstand.');
      await expect
        .poll(() =>
          leader2
            .getByText('Søknaden er forankret og sendt til fagdirektøren for beslutning.')
            .count(),
        )
        .toBe(1);
      await signOut(leader2);

      // Jon Eide is told, without a link to the case, which is closed to him now.
      const removed = await e2e.signIn('Jon Eide');
      expect((await removed.goto(caseUrl))?.status()).toBe(404);
      await removed.goto(`${e2e.app.url}/varsler`);
      const notice = removed.getByRole('row').filter({
        hasText:
          'Lederen som forankrer søknaden, har avsluttet samarbeidet med deg om forankringen.',
      });
      await expect.poll(() => notice.count()).toBe(1);
      expect(await notice.getByRole('link').count()).toBe(0);
      await expectAccessible(removed);
      await signOut(removed);

      // The director starts the complete flow, assigns a committee member and writes notes.
      const director = await e2e.signIn('Per Vik');
      await director.goto(caseUrl);
      await director.getByRole('heading', { name: 'Lederens vurdering' }).waitFor();
      // The collaborating leader's input is shown to the director too.
      await expect.poll(() => director.getByText('Jeg støtter søknaden faglig.').count()).toBe(1);
      await director
        .getByRole('form', { name: 'Start vurdering' })
        .getByRole('button', { name: 'Start vurdering' })
        .click();
      await expect
        .poll(() =>
          director
            .getByText('Vurderingen er startet. Saken vurderes nå før fagdirektøren beslutter.')
            .count(),
        )
        .toBe(1);
      await director.getByRole('link', { name: 'Åpne vurderingen (komité)' }).click();
      await director.getByRole('heading', { level: 1, name: /^Vurdering av sak / }).waitFor();
      await expectAccessible(director);
      await expectAccessibleWithoutJs(e2e.browser, director.context(), director.url());
      await director
        .getByLabel('Komitémedlem')
        .selectOption({ label: 'Randi Sæther, Overlege, vurderingskomité' });
      await director.getByRole('button', { name: 'Tildel' }).click();
      await expect
        .poll(() => director.getByText('Komitémedlemmet er tildelt og varslet.').count())
        .toBe(1);
      await director.getByLabel(/Forberedende notater/).fill('Sjekk dokumentasjonen for effekt.');
      await director.getByRole('button', { name: 'Lagre notatene' }).click();
      await expect.poll(() => director.getByText('Notatene er lagret.').count()).toBe(1);
      const worksheet = director.getByRole('form', { name: 'Mitt skjema' });
      await worksheet.getByRole('button', { name: 'Lagre skjemaet' }).click();
      // Each field says it, and the form's error summary names each one.
      await expect
        .poll(() => worksheet.getByText('Velg et nivå på skalaen.', { exact: true }).count())
        .toBe(3);
      expect(
        await worksheet
          .getByRole('group', { name: 'Rett opp følgende før du går videre:' })
          .getByRole('link', { name: /Velg et nivå på skalaen\./ })
          .count(),
      ).toBe(3);
      await expectAccessible(director);
      await rateCriteria(worksheet);
      await worksheet.getByRole('button', { name: 'Lagre skjemaet' }).click();
      await expect.poll(() => director.getByText('Skjemaet er lagret.').count()).toBe(1);
      // The decision waits for the committee's recommendation: no decision form under assessment.
      await director.goto(caseUrl);
      await director.getByRole('heading', { level: 1, name: /^Sak / }).waitFor();
      expect(await director.getByRole('form', { name: 'Fatt beslutning' }).count()).toBe(0);
      await signOut(director);

      // A committee member comments on a section, fills the worksheet and recommends.
      const assessor = await e2e.signIn('Solveig Aase');
      await assessor.goto(`${caseUrl}/vurdering`);
      await assessor
        .getByLabel('Ny kommentar til «Legemiddel og dosering»')
        .fill('Dosen bør begrunnes.');
      await assessor
        .locator('#section-drug')
        .getByRole('button', { name: 'Legg til kommentar' })
        .click();
      await expect.poll(() => assessor.getByText('Kommentaren er lagt til.').count()).toBe(1);
      await expect.poll(() => assessor.getByText('Dosen bør begrunnes.').count()).toBe(1);
      await rateCriteria(assessor.getByRole('form', { name: 'Mitt skjema' }));
      await assessor.getByRole('button', { name: 'Lagre skjemaet' }).click();
      await expect.poll(() => assessor.getByText('Skjemaet er lagret.').count()).toBe(1);
      const sideBySide = assessor.getByRole('table', { name: /Skjemaene side om side/ });
      await expect
        .poll(() => sideBySide.getByRole('columnheader').allTextContents())
        .toEqual(['Kriterium', 'Per Vik, Fagdirektør', 'Solveig Aase, Vurderingskomité']);
      await assessor.getByLabel('Innvilges', { exact: true }).check();
      await assessor
        .getByLabel(/Begrunnelse for innstillingen/)
        .fill('Innvilges etter kriteriene.');
      await assessor.getByRole('button', { name: 'Gi innstilling' }).click();
      await expect.poll(() => assessor.getByText('Innstillingen er gitt.').count()).toBe(1);
      await expectAccessible(assessor);
      // Given, the recommendation cannot be given again: the case is the director's now.
      expect(await assessor.getByRole('button', { name: 'Gi innstilling' }).count()).toBe(0);
      await signOut(assessor);

      // The director sends it back to the committee once, which recommends again.
      const reopener = await e2e.signIn('Per Vik');
      await reopener.goto(caseUrl);
      const reopen = reopener.getByRole('form', { name: 'Send tilbake til komiteen' });
      await reopen.getByLabel(/Hva skal komiteen vurdere på nytt/).fill('Se på dosen igjen.');
      await reopen.getByRole('button', { name: 'Send tilbake til komiteen' }).click();
      await expect
        .poll(() =>
          reopener
            .getByText(
              'Saken er sendt tilbake til vurderingskomiteen, som vurderer den på nytt og gir en ny innstilling.',
            )
            .count(),
        )
        .toBe(1);
      await signOut(reopener);
      const again = await e2e.signIn('Solveig Aase');
      await again.goto(`${caseUrl}/vurdering`);
      await again.getByLabel('Innvilges', { exact: true }).check();
      await again.getByLabel(/Begrunnelse for innstillingen/).fill('Dosen er riktig.');
      await again.getByRole('button', { name: 'Gi innstilling' }).click();
      await expect.poll(() => again.getByText('Innstillingen er gitt.').count()).toBe(1);
      await signOut(again);

      // Now the director decides.
      const director2 = await e2e.signIn('Per Vik');
      await director2.goto(caseUrl);
      await expect
        .poll(() => director2.getByText('Vurderingskomiteens innstilling: Innvilges').count())
        .toBe(1);
      const decide2 = director2.getByRole('form', { name: 'Fatt beslutning' });
      await decide2.getByLabel('Innvilget', { exact: true }).check();
      await decide2.getByLabel(/Begrunnelse/).fill('Innvilges etter komiteens innstilling.');
      await decide2.getByRole('button', { name: 'Fatt beslutning' }).click();
      await expect
        .poll(() =>
          director2
            .getByText(
              'Beslutningen er fattet, og vedtaket er tilgjengelig for søkeren. Neste steg er å starte oppfølging eller avslutte saken.',
            )
            .count(),
        )
        .toBe(1);
      await signOut(director2);

      // The applicant never reaches the assessment.
      const applicant = await e2e.signIn('Ingrid Haugland');
      const response = await applicant.goto(`${caseUrl}/vurdering`);
      expect(response?.status()).toBe(403);
      await signOut(applicant);
    });
  },
);
