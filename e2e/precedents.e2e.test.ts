import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { festProducts } from '../app/db/schema';
import { GENERATED_DRUGS, type GeneratedCase } from '../app/features/national/domain/generate';
import { insertGeneratedCases } from '../app/features/national/generated.server';
import { TEST_DATABASES } from '../app/test/databases';
import { endorseInBrowser, submitOverHttp } from './application';
import { expectAccessible, expectAccessibleWithoutJs, useAppAndBrowser } from './harness';

const TRASTUZUMAB = { label: 'Herceptin', atc: 'L01XC03', substance: 'Trastuzumab' };
const DIAGNOSIS = 'ICD10:C50.9';

/** National history on trastuzumab for C50.9: 14 decisions in three trusts, 12 approved. */
function history(): GeneratedCase[] {
  return Array.from({ length: 14 }, (_, i) => ({
    trust: i < 6 ? 0 : i < 12 ? 1 : 2,
    scheme: 'offLabel',
    patientScope: 'single',
    drug: TRASTUZUMAB,
    diagnosis: DIAGNOSIS,
    submittedAt: new Date(Date.UTC(2025, 0, 1 + 7 * i)),
    days: {
      submitted: 1 + (i % 3),
      endorsed: 1,
      underAssessment: 4 + i,
      recommended: 0,
      atInterregionalCommittee: 0,
    },
    outcome: i === 7 || i === 13 ? 'rejected' : i % 4 === 0 ? 'approvedWithConditions' : 'approved',
    conditions: i % 4 === 0 && i !== 12 ? 'Evaluering etter tre måneder.' : null,
    continued: null,
  }));
}

/**
 * Cohorts at ten times national volume, in HBE on nusinersen in the last 90 days: 12 single-patient
 * applications for G12.0, more than the signal links (COHORT_LINKS = 10), and five more cohorts of
 * three for other G12 codes, more cohorts than one page (COHORTS_PER_PAGE = 5).
 */
function cohorts(): GeneratedCase[] {
  const now = Date.now();
  const diagnoses = [
    ...Array.from({ length: 12 }, () => 'ICD10:G12.0'),
    ...['G12.1', 'G12.2', 'G12.8', 'G12.9', 'G12.3'].flatMap((code) =>
      Array.from({ length: 3 }, () => `ICD10:${code}`),
    ),
  ];
  return diagnoses.map((diagnosis, i) => ({
    trust: 0,
    scheme: 'offLabel',
    patientScope: 'single',
    drug: GENERATED_DRUGS[4],
    diagnosis,
    submittedAt: new Date(now - (5 + 3 * i) * 24 * 60 * 60 * 1000),
    days: {
      submitted: 1,
      endorsed: 1,
      underAssessment: 2,
      recommended: 0,
      atInterregionalCommittee: 0,
    },
    outcome: 'approved',
    conditions: null,
    continued: null,
  }));
}

/**
 * Precedents and the variation warning while deciding: a director opens a decision with national
 * history on the same drug and indication, sees the precedents, chooses to reject against
 * practice, is warned and confirms; the national summary and variation pages.
 */
describe.each(TEST_DATABASES)('precedents and variation in Chromium on %s', (kind) => {
  let product = { id: '', name: '' };

  const e2e = useAppAndBrowser(kind, {
    prepare: async (db) => {
      const [row] = await db
        .select({ id: festProducts.id, name: festProducts.name })
        .from(festProducts)
        .where(eq(festProducts.atcCode, TRASTUZUMAB.atc))
        .limit(1);
      if (!row) throw new Error('No trastuzumab product in the FEST fixture');
      product = row;
      await insertGeneratedCases(db, ['HST', 'OUS', 'HFO'], history());
      await insertGeneratedCases(db, ['HBE'], cohorts());
    },
  });

  it(
    'warns the director against national practice and lets them confirm',
    { timeout: 600_000 },
    async () => {
      const doctor = await e2e.signIn('Ingrid Haugland');
      const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url, {
        drug: { id: product.id, label: product.name },
        diagnoses: [DIAGNOSIS],
      })}`;
      // The applicant saw the precedents while applying (server-rendered in the editor).
      await doctor.context().close();

      const leader = await e2e.signIn('Kari Nordtveit');
      await leader.goto(caseUrl);
      await endorseInBrowser(leader, 'Forankre søknaden', 'Godt begrunnet.');
      await expect
        .poll(
          () =>
            leader
              .getByText('Søknaden er forankret og sendt til fagdirektøren for beslutning.')
              .count(),
          { timeout: 30_000 },
        )
        .toBeGreaterThan(0);
      await leader.context().close();

      const director = await e2e.signIn('Per Vik');
      await director.goto(`${caseUrl}/vedtak`);
      const panel = director.getByRole('heading', { level: 2, name: 'Tidligere vedtak' });
      await panel.waitFor();
      await expect
        .poll(() => director.getByText('Viser 10 av 14 vedtak.').count(), { timeout: 30_000 })
        .toBe(1);
      const precedentLinks = director.getByRole('link', {
        name: /^Åpne nasjonalt sammendrag for /,
      });
      expect(await precedentLinks.count()).toBe(10);
      await expectAccessible(director);
      await expectAccessibleWithoutJs(e2e.browser, director.context(), `${caseUrl}/vedtak`);

      // Rejecting where 12 of 14 approved: the warning shows as the outcome is chosen.
      const form = director.getByRole('form', { name: 'Fatt beslutning' });
      await form.getByLabel('Avslått').check();
      await form.getByLabel(/^Begrunnelse/).fill('Pasienten oppfyller ikke kriteriene.');
      const warning = director.getByRole('heading', {
        name: 'Vedtaket avviker fra nasjonal praksis',
      });
      await warning.waitFor();
      await expect
        .poll(() => director.getByText(/86\s%\sav 14 vedtak i landet/).count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      await expectAccessible(director);

      // Posting without confirming returns the form with the warning and what was typed.
      await form.getByRole('button', { name: 'Fatt beslutning' }).click();
      await expect.poll(() => director.url(), { timeout: 30_000 }).toBe(`${caseUrl}/vedtak`);
      await warning.waitFor();
      await expect(form.getByLabel(/^Begrunnelse/).inputValue()).resolves.toBe(
        'Pasienten oppfyller ikke kriteriene.',
      );
      await form.getByLabel('Bekreft vedtaket likevel').check();
      await form.getByRole('button', { name: 'Fatt beslutning' }).click();
      await expect
        .poll(
          () =>
            director
              .getByText(
                'Beslutningen er fattet, og vedtaket er tilgjengelig for søkeren. Neste steg er å starte oppfølging eller avslutte saken.',
              )
              .count(),
          { timeout: 30_000 },
        )
        .toBeGreaterThan(0);

      // The variation view from the panel, and the summary of a precedent.
      await director.goto(`${caseUrl}/vedtak`);
      await director
        .getByRole('link', { name: 'Se variasjon mellom helseforetakene' })
        .first()
        .click();
      await director
        .getByRole('heading', { level: 1, name: 'Variasjon mellom helseforetakene' })
        .waitFor();
      const table = director.getByRole('table');
      await expect
        .poll(() => table.getByRole('row').count(), { timeout: 30_000 })
        .toBeGreaterThan(3);
      const hst = table.getByRole('row', { name: /Helse Stavanger/ });
      await expect(hst.textContent()).resolves.toMatch(/6.*100/);
      expect(await table.getByText('under 5').count()).toBeGreaterThan(0);
      await expectAccessible(director);
      // The same view with the diagnosis typed as a doctor writes it, without its system.
      const typed = new URL(director.url());
      typed.searchParams.set(
        'diagnose',
        (typed.searchParams.get('diagnose') ?? '').replace(/^ICD10:/, '').toLowerCase(),
      );
      await director.goto(typed.toString());
      await expect
        .poll(() =>
          director
            .getByRole('table')
            .getByRole('row', { name: /Helse Stavanger/ })
            .count(),
        )
        .toBe(1);

      await director.goto(`${caseUrl}/vedtak`);
      const first = precedentLinks.first();
      const number = (await first.textContent()) ?? '';
      await first.click();
      await director
        .getByRole('heading', { level: 1, name: `Nasjonalt sammendrag: ${number}` })
        .waitFor();
      await expect
        .poll(() => director.getByText('Trastuzumab').count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      await expect
        .poll(() => director.getByText(/Brystkreft|Ondartet svulst i bryst/i).count(), {
          timeout: 30_000,
        })
        .toBeGreaterThan(0);
      await expectAccessible(director);

      const unknown = await director.goto(`${e2e.app.url}/nasjonalt/saker/HBE-1999-00001`);
      expect(unknown?.status()).toBe(404);
      await director.getByRole('heading', { level: 1, name: 'Fant ikke saken' }).waitFor();
      await expectAccessible(director);
      await director.context().close();
    },
  );

  it('signals a large cohort to the director with its size and its newest applications', async () => {
    const director = await e2e.signIn('Per Vik');
    const signal = director.locator('section[aria-labelledby="cohorts"]');
    await signal.getByRole('heading', { level: 2, name: 'Flere like søknader' }).waitFor();
    await expect
      .poll(() => signal.getByText('De 10 nyeste av 12 søknader').count(), { timeout: 30_000 })
      .toBe(1);
    await expect
      .poll(() => signal.getByText(/^12 søknader for enkeltpasienter/).count(), { timeout: 30_000 })
      .toBe(1);
    expect(await signal.getByRole('link', { name: /^HBE-\d{4}-\d{5}$/ }).count()).toBe(10 + 4 * 3);
    // Six cohorts, five to a page: the largest first, then the next page by its link.
    await signal.getByText('Gruppe 1–5 av 6, de største først.').waitFor();
    expect(await signal.getByRole('heading', { level: 3 }).count()).toBe(5);
    await expectAccessible(director);
    await expectAccessibleWithoutJs(e2e.browser, director.context(), `${e2e.app.url}/`);
    const pages = signal.getByRole('navigation', { name: 'Sider: Flere like søknader' });
    await pages.getByRole('link', { name: 'Vis flere grupper av like søknader' }).click();
    await signal.getByText('Gruppe 6–6 av 6, de største først.').waitFor();
    expect(await signal.getByRole('heading', { level: 3 }).count()).toBe(1);
    expect(director.url()).toBe(`${e2e.app.url}/?kohorter=2#cohorts`);
    await expectAccessible(director);
    await pages.getByRole('link', { name: 'Vis de største gruppene' }).click();
    await signal.getByText('Gruppe 1–5 av 6, de største først.').waitFor();
    await director.context().close();
  });
});
