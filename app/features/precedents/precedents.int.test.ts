import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import { caseSummaries } from '../../db/schema';
import { completeAnswers, demoActors } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { databaseError } from '../../test/refusals';
import { createDraft, transition } from '../cases/cases.server';
import { generateCases, GENERATED_DRUGS, type GeneratedCase } from '../national/domain/generate';
import { insertGeneratedCases } from '../national/generated.server';
import {
  casePrecedents,
  cohortSignal,
  cohortSignalIn,
  decisionWarning,
  findPrecedents,
  getCohortSettings,
  getNationalSummary,
  getVariation,
  saveCohortSettings,
} from './precedents.server';
import { endorseWithRatings } from '../../test/case-states';

const DAY_MS = 86400000;
const RITUXIMAB = GENERATED_DRUGS[0];
const NIVOLUMAB = GENERATED_DRUGS[2];
const PEMBROLIZUMAB = GENERATED_DRUGS[1];

/** A decided case of the generated history, made by hand. */
const decided = (over: Partial<GeneratedCase> & { submittedAt: Date }): GeneratedCase => ({
  trust: 0,
  scheme: 'offLabel',
  patientScope: 'single',
  drug: NIVOLUMAB,
  diagnosis: 'ICD10:C43.9',
  days: {
    submitted: 2,
    endorsed: 1,
    underAssessment: 5,
    recommended: 0,
    atInterregionalCommittee: 0,
  },
  outcome: 'approved',
  conditions: null,
  continued: null,
  ...over,
});

describe.each(TEST_DATABASES)('precedents, variation and cohort signal on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    // Random national history, and hand-made cases for exact ordering (other trusts).
    const generated = generateCases({
      seed: 11,
      count: 150,
      trusts: 5,
      from: new Date('2023-01-01T00:00:00Z'),
      to: new Date('2025-06-30T00:00:00Z'),
    });
    await insertGeneratedCases(db(), ['HST', 'OUS', 'HFO', 'STO', 'UNN'], generated);
    await insertGeneratedCases(
      db(),
      ['SSH', 'NLS'],
      [
        decided({ submittedAt: new Date('2025-09-01T00:00:00Z'), diagnosis: 'ICD10:C43.1' }),
        decided({ submittedAt: new Date('2025-09-02T00:00:00Z'), drug: PEMBROLIZUMAB, trust: 1 }),
        decided({
          submittedAt: new Date('2025-09-03T00:00:00Z'),
          outcome: 'rejected',
          trust: 1,
          drug: { label: 'Nivolumab (uten FEST)', atc: 'L01XX99', substance: 'Nivolumab' },
        }),
      ],
    );
  }, 300_000);
  afterAll(() => database.close());

  const allSummaries = () =>
    db()
      .select()
      .from(caseSummaries)
      .then((rows) => rows);

  it('finds earlier decisions on the same drug and indication across trusts, most relevant first', async () => {
    const target = { atc: 'L01FF01', substance: 'Nivolumab', diagnosis: 'ICD10:C43.9' };
    const result = await findPrecedents(db(), hbe.applicant, target);
    // Expected, computed independently from every summary.
    const expected = (await allSummaries()).filter(
      (r) =>
        r.outcome !== null &&
        (r.atcCode?.startsWith('L01FF') || r.substance?.toLowerCase() === 'nivolumab') &&
        r.primaryDiagnosis?.startsWith('ICD10:C43'),
    );
    expect(result.total).toBe(expected.length);
    expect(result.precedents).toHaveLength(Math.min(10, expected.length));
    const levels = result.precedents.map((p) => p.match.drug * 2 + p.match.indication);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    const exact = result.precedents.filter((p) => p.match.drug === 0 && p.match.indication === 0);
    const dates = exact.map((p) => p.decidedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    // The newest exact match is the hand-made one without a FEST ATC (same substance).
    const newestExact = expected
      .filter(
        (r) =>
          r.primaryDiagnosis === 'ICD10:C43.9' &&
          (r.atcCode === 'L01FF01' || r.substance?.toLowerCase() === 'nivolumab'),
      )
      .sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0))[0];
    expect(result.precedents[0]?.caseNumber).toBe(newestExact?.caseNumber);
    expect(result.precedents[0]?.atcCode).toBe('L01XX99');
    // Outcome totals, suppressed under 5.
    for (const outcome of ['approved', 'approvedWithConditions', 'rejected'] as const) {
      const n = expected.filter((r) => r.outcome === outcome).length;
      expect(result.outcomes[outcome]).toBe(n < 5 ? null : n);
    }
    // Category and group matches are there when the exact ones are not.
    const wide = await findPrecedents(db(), hbe.applicant, {
      atc: 'L01FF09',
      substance: null,
      diagnosis: 'ICD10:C43.5',
    });
    expect(wide.precedents.every((p) => p.match.drug === 1 && p.match.indication === 1)).toBe(true);
    expect(wide.precedents.map((p) => p.primaryDiagnosis)).toContain('ICD10:C43.1');
    expect(wide.precedents.map((p) => p.atcCode)).toContain('L01FF02');
  });

  it('computes the variation per trust as the database does, suppressing under 5', async () => {
    // 7 decisions at one trust, 3 at another, on top of any random ones.
    const made = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) =>
      decided({
        submittedAt: new Date(Date.UTC(2024, 5, i)),
        drug: PEMBROLIZUMAB,
        diagnosis: 'ICD10:C34.1',
        trust: i <= 7 ? 0 : 1,
        outcome: i % 3 === 0 ? 'rejected' : 'approved',
        days: {
          submitted: i,
          endorsed: i % 4,
          underAssessment: 3 * i,
          recommended: 0,
          atInterregionalCommittee: 0,
        },
      }),
    );
    await insertGeneratedCases(db(), ['SOS', 'STE'], made);
    const view = await getVariation(db(), hbe.nationalReader, PEMBROLIZUMAB.atc, 'ICD10:C34.1');
    const expected = await db()
      .select({
        trustId: caseSummaries.trustId,
        n: sql<number>`count(*)::int`,
        approved: sql<number>`(count(*) filter (where ${caseSummaries.outcome} <> 'rejected'))::int`,
        median: sql<
          string | null
        >`percentile_cont(0.5) within group (order by ${caseSummaries.processingSeconds} / 86400.0)`,
        p90: sql<
          string | null
        >`percentile_cont(0.9) within group (order by ${caseSummaries.processingSeconds} / 86400.0)`,
      })
      .from(caseSummaries)
      .where(
        sql`${caseSummaries.outcome} is not null and ${caseSummaries.atcCode} = ${PEMBROLIZUMAB.atc} and ${caseSummaries.primaryDiagnosis} = 'ICD10:C34.1'`,
      )
      .groupBy(caseSummaries.trustId);
    // Trusts on both sides of the suppression limit.
    expect(expected.some((r) => r.n < 5)).toBe(true);
    expect(expected.some((r) => r.n >= 5)).toBe(true);
    expect(view.trusts).toHaveLength(expected.length);
    for (const r of expected) {
      const shown = view.trusts.find((t) => t.trustId === r.trustId);
      if (r.n < 5) {
        expect(shown).toMatchObject({ decisions: null, approvalRate: null, medianDays: null });
      } else {
        expect(shown?.decisions).toBe(r.n);
        expect(shown?.approvalRate).toBeCloseTo(r.approved / r.n, 10);
        expect(shown?.medianDays).toBeCloseTo(Number(r.median), 6);
        expect(shown?.p90Days).toBeCloseTo(Number(r.p90), 6);
      }
    }
    expect(view.national.decisions).toBe(expected.reduce((s, r) => s + r.n, 0));
  });

  it('shows the national summary of one case to any trust, 404 for an unknown number', async () => {
    const [row] = await db()
      .select()
      .from(caseSummaries)
      .where(sql`${caseSummaries.caseNumber} like 'HST-%'`)
      .limit(1);
    if (!row) throw new Error('No generated summary');
    const summary = await getNationalSummary(db(), hbe.nationalReader, row.caseNumber);
    expect(summary).toMatchObject({ caseNumber: row.caseNumber, trustCode: 'HST' });
    expect(summary.trustName).toMatch(/Stavanger/);
    const main = row.primaryDiagnosis ?? '';
    expect(summary.diagnosisNames[main]).toBeTruthy();
    await expect(getNationalSummary(db(), hbe.applicant, 'HBE-1999-99999')).rejects.toMatchObject({
      code: 'notFound',
    });
  });

  it('warns the director of a case against national practice, from that case only', async () => {
    // 12 national decisions on Soliris for D59.5 in other trusts: 10 approved.
    const soliris = GENERATED_DRUGS[3];
    const history = Array.from({ length: 12 }, (_, i) =>
      decided({
        submittedAt: new Date(Date.UTC(2024, 0, 1 + i)),
        drug: soliris,
        diagnosis: 'ICD10:D59.8',
        trust: i % 2,
        outcome: i < 10 ? 'approved' : 'rejected',
      }),
    );
    await insertGeneratedCases(db(), ['AHU', 'SIV'], history);
    const draft = await createDraft(db(), hbe.applicant, {
      ...completeAnswers,
      diagnoses: ['ICD10:D59.8'],
      drug: { id: null, label: 'Soliris', atc: soliris.atc, substance: soliris.substance },
    });
    const { practice } = await casePrecedents(db(), hbe.applicant, draft.id);
    expect(practice).toEqual({ total: 12, approved: 10, rejected: 2 });
    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    await endorseWithRatings(db(), hbe.endorser, {
      caseId: draft.id,
      version: submitted.version,
      reason: 'Godt begrunnet.',
    });
    expect(await decisionWarning(db(), hbe.decisionMaker, draft.id, 'rejected')).toMatchObject({
      kind: 'rejectingAgainstApproval',
      total: 12,
    });
    expect(await decisionWarning(db(), hbe.decisionMaker, draft.id, 'approved')).toBeNull();
    const ous = await demoActors(db(), 'OUS');
    await expect(casePrecedents(db(), ous.decisionMaker, draft.id)).rejects.toMatchObject({
      code: 'notFound',
    });
  });

  it('signals a cohort of similar single-patient applications to the director, per trust settings', async () => {
    const now = new Date();
    const hst = await demoActors(db(), 'HST');
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
    const spinraza = GENERATED_DRUGS[4];
    await insertGeneratedCases(
      db(),
      ['HST'],
      [
        decided({ submittedAt: at(60), drug: spinraza, diagnosis: 'ICD10:G12.0' }),
        decided({ submittedAt: at(40), drug: spinraza, diagnosis: 'ICD10:G12.0' }),
        decided({ submittedAt: at(20), drug: spinraza, diagnosis: 'ICD10:G12.0' }),
        decided({
          submittedAt: at(10),
          drug: spinraza,
          diagnosis: 'ICD10:G12.0',
          patientScope: 'group',
        }),
        decided({ submittedAt: at(5), drug: spinraza, diagnosis: 'ICD10:G12.8' }),
      ],
    );
    const signal = await cohortSignal(db(), hst.decisionMaker, now);
    const cohort = signal.cohorts.find((c) => c.diagnosis === 'ICD10:G12.0');
    expect(cohort?.applications).toHaveLength(3);
    expect(cohort?.count).toBe(3);
    expect(cohort?.atcCode).toBe(spinraza.atc);
    expect(signal.cohorts.some((c) => c.diagnosis === 'ICD10:G12.8')).toBe(false);
    // A case's page shows the cohort of that case alone, and nothing for a case in none.
    const caseOf = async (diagnosis: string, patientScope: string) => {
      const [row] = await db()
        .select({ caseId: caseSummaries.caseId })
        .from(caseSummaries)
        .where(
          and(
            eq(caseSummaries.trustId, hst.decisionMaker.trustId),
            eq(caseSummaries.primaryDiagnosis, diagnosis),
            eq(caseSummaries.patientScope, patientScope),
            eq(caseSummaries.atcCode, spinraza.atc),
          ),
        )
        .limit(1);
      if (!row) throw new Error(`No ${patientScope} case with ${diagnosis}`);
      return row.caseId;
    };
    const onPage = (actor: typeof hst.decisionMaker, caseId: string) =>
      inTenant(db(), actor, (tx) => cohortSignalIn(tx, actor, now, caseId));
    const member = await caseOf('ICD10:G12.0', 'single');
    expect((await onPage(hst.decisionMaker, member)).cohorts).toEqual([cohort]);
    expect(
      (await onPage(hst.decisionMaker, await caseOf('ICD10:G12.8', 'single'))).cohorts,
    ).toEqual([]);
    expect((await onPage(hst.decisionMaker, await caseOf('ICD10:G12.0', 'group'))).cohorts).toEqual(
      [],
    );
    expect((await onPage(hst.applicant, member)).cohorts).toEqual([]);
    // Other roles and other trusts see nothing of it.
    expect((await cohortSignal(db(), hst.applicant, now)).cohorts).toEqual([]);
    expect(
      (await cohortSignal(db(), hbe.decisionMaker, now)).cohorts.some(
        (c) => c.diagnosis === 'ICD10:G12.0',
      ),
    ).toBe(false);

    // The administrator narrows the window: the oldest falls out, under the threshold.
    expect(await getCohortSettings(db(), hst.trustAdmin)).toEqual({ threshold: 3, windowDays: 90 });
    await saveCohortSettings(db(), hst.trustAdmin, { threshold: 3, windowDays: 50 });
    expect(await getCohortSettings(db(), hst.trustAdmin)).toEqual({ threshold: 3, windowDays: 50 });
    expect(
      (await cohortSignal(db(), hst.decisionMaker, now)).cohorts.some(
        (c) => c.diagnosis === 'ICD10:G12.0',
      ),
    ).toBe(false);
    await saveCohortSettings(db(), hst.trustAdmin, { threshold: 2, windowDays: 50 });
    expect(
      (await cohortSignal(db(), hst.decisionMaker, now)).cohorts.find(
        (c) => c.diagnosis === 'ICD10:G12.0',
      )?.applications,
    ).toHaveLength(2);
    await expect(
      saveCohortSettings(db(), hst.decisionMaker, { threshold: 2, windowDays: 50 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // Tenant isolation in the database: HBE cannot read or write HST's settings.
    expect(await getCohortSettings(db(), hbe.trustAdmin)).toEqual({ threshold: 3, windowDays: 90 });
    expect(
      await databaseError(
        inTenant(db(), hbe.trustAdmin, (tx) =>
          tx.execute(
            sql`insert into cohort_settings (trust_id, threshold, window_days, updated_by)
                values (${hst.trustAdmin.trustId}, 5, 30, ${hbe.trustAdmin.userId})`,
          ),
        ),
      ),
    ).toMatch(/row-level security/);
  });

  it('counts a cohort over its whole window and links its newest applications, one page at a time', async () => {
    const now = new Date();
    const ous = await demoActors(db(), 'OUS');
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
    const spinraza = GENERATED_DRUGS[4];
    const foreign = { label: 'Uregistrert', atc: '', substance: 'Nusinersen-X' };
    await insertGeneratedCases(
      db(),
      ['OUS'],
      [
        // Twelve in the window, the oldest exactly at its edge (inclusive); one day outside it and
        // one after now count for nothing.
        ...[90, ...Array.from({ length: 11 }, (_, i) => 80 - i)].map((days) =>
          decided({ submittedAt: at(days), drug: spinraza, diagnosis: 'ICD10:G35' }),
        ),
        decided({ submittedAt: at(90.01), drug: spinraza, diagnosis: 'ICD10:G35' }),
        decided({ submittedAt: at(-1), drug: spinraza, diagnosis: 'ICD10:G35' }),
        // A drug without an ATC code: one cohort by substance, whatever its spelling.
        decided({ submittedAt: at(3), drug: foreign, diagnosis: 'ICD10:G35' }),
        decided({ submittedAt: at(2), drug: foreign, diagnosis: 'ICD10:G35' }),
        decided({
          submittedAt: at(1),
          drug: { ...foreign, substance: 'nusinersen-x ' },
          diagnosis: 'ICD10:G35',
        }),
      ],
    );
    const summaries = await db()
      .select({ caseNumber: caseSummaries.caseNumber, submittedAt: caseSummaries.submittedAt })
      .from(caseSummaries)
      .where(
        and(
          eq(caseSummaries.trustId, ous.decisionMaker.trustId),
          eq(caseSummaries.primaryDiagnosis, 'ICD10:G35'),
          eq(caseSummaries.atcCode, spinraza.atc),
        ),
      );
    const newestTen = summaries
      .filter((r) => r.submittedAt <= now && r.submittedAt >= at(90))
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
      .slice(-10)
      .map((r) => r.caseNumber);

    const first = await cohortSignal(db(), ous.decisionMaker, now);
    expect(first.cohorts.map((c) => [c.key, c.count])).toEqual([
      [`atc:${spinraza.atc}|ICD10:G35`, 12],
      ['sub:nusinersen-x|ICD10:G35', 3],
    ]);
    const [large, bySubstance] = first.cohorts;
    expect(large?.applications.map((a) => a.caseNumber)).toEqual(newestTen);
    expect(large).toMatchObject({ atcCode: spinraza.atc, drugLabel: spinraza.label });
    expect(bySubstance?.applications).toHaveLength(3);
    expect(bySubstance?.substance).toBe('nusinersen-x ');

    const second = await cohortSignal(db(), ous.decisionMaker, now, 1);
    expect(second).toMatchObject({ total: 2, first: 5, more: false, cohorts: [] });
    // A case's page shows its own cohort, counted the same way.
    const caseId = large?.applications[0]?.caseId ?? '';
    const onPage = await inTenant(db(), ous.decisionMaker, (tx) =>
      cohortSignalIn(tx, ous.decisionMaker, now, caseId),
    );
    expect(onPage.cohorts).toEqual([large]);
  });

  it('leaves out the case being decided and cases not yet decided', async () => {
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    const result = await findPrecedents(db(), hbe.applicant, {
      atc: RITUXIMAB.atc,
      substance: null,
      diagnosis: 'ICD10:N04.2',
    });
    expect(result.precedents.map((p) => p.caseNumber)).not.toContain(submitted.caseNumber);
  });
});
