import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDraft, transition } from '../app/features/cases/cases.server';
import { submitDecision } from '../app/features/decisions/decisions.server';
import { completeAnswers, demoActors } from '../app/test/actors';
import { TEST_DATABASES } from '../app/test/databases';
import {
  expectAccessible,
  expectAccessibleWithoutJs,
  expectAccessibleWithoutJsAsShown,
  useAppAndBrowser,
} from './harness';
import { endorseWithRatings } from '../app/test/case-states';
import { APPROVAL_TERMS } from '../app/test/decisions';

/**
 * The usability walk's findings for the leader, the medical director and the national reader:
 * the leader reads the application before the endorsement form; a refused decision form gets a
 * focused error summary saying what is required; a decision stands with its revision tucked
 * away; a role without cases is shown what it can use.
 */
describe.each(TEST_DATABASES)('casework pages in Chromium on %s', (kind) => {
  const ids = { submitted: '', endorsed: '', underAssessment: '', decided: '' };

  const e2e = useAppAndBrowser(kind, {
    prepare: async (db) => {
      const hbe = await demoActors(db, 'HBE');
      const submit = async () => {
        const draft = await createDraft(db, hbe.applicant, completeAnswers);
        const sent = await transition(db, hbe.applicant, {
          caseId: draft.id,
          version: draft.version,
          event: 'submit',
        });
        return { id: draft.id, version: sent.version };
      };
      const endorse = async () => {
        const c = await submit();
        const endorsed = await endorseWithRatings(db, hbe.endorser, {
          caseId: c.id,
          version: c.version,
          reason: 'Godt begrunnet.',
        });
        return { id: c.id, version: endorsed.version };
      };
      ids.submitted = (await submit()).id;
      ids.endorsed = (await endorse()).id;
      const assessed = await endorse();
      await transition(db, hbe.decisionMaker, {
        caseId: assessed.id,
        version: assessed.version,
        event: 'startAssessment',
      });
      ids.underAssessment = assessed.id;
      const decided = await endorse();
      await submitDecision(db, hbe.decisionMaker, decided.id, {
        event: 'decide',
        version: decided.version,
        outcome: 'approvedWithConditions',
        reasonPhrase: '',
        reason: 'Ung pasient uten andre alternativer.',
        conditionPhrases: [],
        conditions: 'Nyrefunksjonen kontrolleres hver måned',
        evaluationDate: '2099-06-30',
        prescriptionNotePhrase: '',
        invoicingPhrase: '',
        ...APPROVAL_TERMS,
        revisionReason: '',
      });
      ids.decided = decided.id;
    },
  });

  /** Whether `first` comes before `second` in the document. */
  const before = async (page: Page, first: string, second: string) =>
    page.evaluate(
      ({ a, b }) => {
        const x = document.querySelector(a);
        const y = document.querySelector(b);
        return !!x && !!y && (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING) > 0;
      },
      { a: first, b: second },
    );

  it('shows the leader the application before the endorsement form; urgency is secondary', async () => {
    const leader = await e2e.signIn('Kari Nordtveit');
    await leader.goto(`${e2e.app.url}/saker/${ids.submitted}`);
    await leader.getByRole('form', { name: 'Forankring' }).waitFor();
    expect(await before(leader, '#summary', '#endorsement-heading')).toBe(true);
    const urgent = leader.getByRole('button', { name: 'Merk som hastesak' });
    expect(await urgent.getAttribute('data-variant')).toBe('secondary');
    await expectAccessible(leader);
    await leader.context().close();
  });

  it('lists the case page’s sections at its top, in page order, each a jump to its heading, without JavaScript', async () => {
    const seen: Record<string, string[]> = {};
    for (const [seenAs, name, caseId] of [
      ['Kari Nordtveit', 'Kari Nordtveit', ids.submitted],
      ['Per Vik', 'Per Vik', ids.endorsed],
      ['Per Vik (vurdering)', 'Per Vik', ids.underAssessment],
      ['Ingrid Haugland', 'Ingrid Haugland', ids.decided],
    ] as const) {
      const page = await e2e.signIn(name, { javaScriptEnabled: false });
      await page.goto(`${e2e.app.url}/saker/${caseId}`);
      const links = page.getByRole('navigation', { name: 'På denne siden:' }).getByRole('link');
      const listed = await links.evaluateAll((anchors) =>
        anchors.map((a) => ({ text: a.textContent, href: a.getAttribute('href') ?? '' })),
      );
      // Each link's target is a level-2 heading with the link's words, in the links' order.
      const targets = await page.evaluate(
        (hrefs) =>
          hrefs.map((href) => {
            const heading = document.getElementById(href.slice(1));
            return {
              tag: heading?.tagName ?? '',
              text: heading?.textContent ?? '',
              top: heading ? heading.getBoundingClientRect().top + window.scrollY : -1,
            };
          }),
        listed.map((link) => link.href),
      );
      expect(targets.map((t) => t.tag)).toEqual(listed.map(() => 'H2'));
      expect(targets.map((t) => t.text)).toEqual(listed.map((link) => link.text));
      const tops = targets.map((t) => t.top);
      expect(tops).toEqual([...tops].sort((a, b) => a - b));
      seen[seenAs] = listed.map((link) => link.text);
      // Every section below the case's facts («Om saken») is among them.
      const below = await page.evaluate(() => {
        const about = document.getElementById('about');
        return [...document.querySelectorAll('main h2')]
          .filter((h) => about?.compareDocumentPosition(h) === Node.DOCUMENT_POSITION_FOLLOWING)
          .map((h) => h.textContent);
      });
      expect(below.length).toBeGreaterThan(3);
      expect(below.filter((text) => !listed.some((link) => link.text === text))).toEqual([]);

      await links.filter({ hasText: 'Historikk' }).click();
      await page.waitForURL((url) => url.hash === '#history');
      // Scrolled down to it: the heading is in view (the last section may not reach the top).
      await expect
        .poll(() =>
          page.evaluate(() => {
            const top = document.getElementById('history')?.getBoundingClientRect().top ?? -1;
            return window.scrollY > 0 && top >= 0 && top < window.innerHeight;
          }),
        )
        .toBe(true);
      await expectAccessibleWithoutJsAsShown(e2e.browser, page);
      await page.context().close();
    }
    // The leader reads the application first; the director has the endorsement and the decision
    // form; the applicant (who is not shown the leaders' assessment) reads the decision before her
    // application.
    expect(seen['Kari Nordtveit']?.slice(0, 2)).toEqual(['Søknaden', 'Frister og oppfølging']);
    expect(seen['Per Vik']).toEqual(expect.arrayContaining(['Lederens vurdering', 'Vedtak']));
    // Under assessment the director may consult another trust: that section comes after the
    // leaders' assessment (and before the decision, once there is one), not above the case's facts.
    expect(seen['Per Vik (vurdering)']).toEqual([
      'Frister og oppfølging',
      'Handlinger',
      'Lederens vurdering',
      'Konsultasjon av annet helseforetak',
      'Søknaden',
      'Dialog',
      'Historikk',
    ]);
    expect(seen['Ingrid Haugland']).toEqual([
      'Frister og oppfølging',
      'Handlinger',
      'Vedtak',
      'Søknaden',
      'Dialog',
      'Historikk',
    ]);
  });

  it('says what «innvilget med vilkår» needs, in a focused error summary', async () => {
    const director = await e2e.signIn('Per Vik');
    await director.goto(`${e2e.app.url}/saker/${ids.endorsed}/vedtak`);
    const form = director.getByRole('form', { name: 'Fatt beslutning' });
    await form.getByLabel('Innvilget med vilkår').check();
    await form.getByLabel(/Begrunnelse/).fill('Ung pasient uten andre alternativer.');
    await form.getByLabel('Evalueringsdato', { exact: true }).fill('2099-06-30');
    await form.getByRole('button', { name: 'Fatt beslutning' }).click();
    const message =
      'Velg minst ett standardvilkår eller skriv vilkårene i «Andre vilkår» når søknaden innvilges med vilkår.';
    const summary = director.getByRole('group', { name: 'Rett opp følgende før du går videre:' });
    await summary.getByRole('link', { name: `Andre vilkår: ${message}` }).waitFor();
    await expect
      .poll(() => director.evaluate(() => document.activeElement?.tagName.toLowerCase()))
      .toBe('ds-error-summary');
    expect(await form.getByLabel('Evalueringsdato', { exact: true }).inputValue()).toBe(
      '2099-06-30',
    );
    await expectAccessible(director);
    await director.context().close();
  });

  it('keeps a decision plain: revision behind «Endre vedtaket», next steps explained', async () => {
    const director = await e2e.signIn('Per Vik');
    await director.goto(`${e2e.app.url}/saker/${ids.decided}`);
    await director.getByRole('heading', { name: 'Beslutning: Innvilget med vilkår' }).waitFor();
    const revise = director.getByRole('form', { name: 'Revider vedtaket' });
    expect(await revise.isVisible()).toBe(false);
    expect(
      await director
        .getByText('Behandlingen følges opp: søkeren blir bedt om å registrere utfallet', {
          exact: false,
        })
        .count(),
    ).toBe(1);
    expect(
      await director
        .getByText(
          'Saken avsluttes uten oppfølging. Vedtaket gjelder fortsatt og kan leses i saken.',
        )
        .count(),
    ).toBe(1);
    expect(await director.getByRole('link', { name: 'Åpne vurderingen (komité)' }).count()).toBe(0);
    expect(await director.getByRole('link', { name: 'Se vurderingen' }).count()).toBe(1);
    await expectAccessible(director);
    await director.getByText('Endre vedtaket', { exact: true }).click();
    await expect.poll(() => revise.isVisible()).toBe(true);
    await expectAccessible(director);
    await director.context().close();
  });

  it('shows a role without cases what it can use', async () => {
    const reader = await e2e.signIn('Tone Lie');
    const main = reader.getByRole('main');
    expect(await main.getByRole('link', { name: 'Nasjonal oversikt' }).count()).toBe(1);
    expect(await main.getByRole('link', { name: 'Statistikk' }).count()).toBe(1);
    expect(await main.getByRole('link', { name: 'Administrasjon' }).count()).toBe(0);
    expect(await main.getByText(/kommer i egne moduler/).count()).toBe(0);
    await expectAccessible(reader);
    await expectAccessibleWithoutJs(e2e.browser, reader.context(), reader.url());
    await main.getByRole('link', { name: 'Nasjonal oversikt' }).click();
    await reader.getByRole('heading', { level: 1, name: 'Nasjonal oversikt' }).waitFor();
    await reader.context().close();

    const admin = await e2e.signIn('Geir Berge');
    expect(
      await admin.getByRole('main').getByRole('link', { name: 'Administrasjon' }).count(),
    ).toBe(1);
    await admin.context().close();
  });

  it('keeps the app’s colour for the primary buttons in a card', async () => {
    const director = await e2e.signIn('Per Vik');
    // The case's actions and the consultation form are cards, each with its primary button.
    await director.goto(`${e2e.app.url}/saker/${ids.underAssessment}`);
    const colours = await director.evaluate(() => {
      // An uncarded primary button, for the app's own colour.
      const outside = document.createElement('button');
      outside.className = 'ds-button';
      outside.dataset.variant = 'primary';
      document.querySelector('main')?.append(outside);
      const app = getComputedStyle(outside).backgroundColor;
      outside.remove();
      return {
        app,
        carded: [...document.querySelectorAll('.ds-card .ds-button[data-variant="primary"]')].map(
          (button) => getComputedStyle(button).backgroundColor,
        ),
      };
    });
    expect(colours.carded.length).toBeGreaterThanOrEqual(2);
    expect(new Set(colours.carded)).toEqual(new Set([colours.app]));
    await director.context().close();
  });
});
