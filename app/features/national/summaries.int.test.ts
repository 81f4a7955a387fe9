import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import { caseDecisions, caseEvents, cases, caseSummaries } from '../../db/schema';
import { completeAnswers, demoActors, TEST_PATIENT_IDS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { databaseError } from '../../test/refusals';
import { createDraft, transition } from '../cases/cases.server';
import { illegalStep } from '../../test/replay';
import { generateCases, GENERATED_DRUGS, type GeneratedCase } from './domain/generate';
import { insertGeneratedCases } from './generated.server';
import { endorseWithRatings } from '../../test/case-states';
import { APPROVAL_TERMS } from '../../test/decisions';

describe.each(TEST_DATABASES)('national case summaries on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let ous: Awaited<ReturnType<typeof demoActors>>;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    ous = await demoActors(database.db, 'OUS');
  });
  afterAll(() => database.close());

  const summaryOf = async (caseId: string) =>
    (await db().select().from(caseSummaries).where(eq(caseSummaries.caseId, caseId)))[0];

  it('follows a case from submission to decision, in the same transactions, without personal data', async () => {
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    expect(await summaryOf(draft.id)).toBeUndefined();

    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    expect(await summaryOf(draft.id)).toMatchObject({
      trustId: hbe.applicant.trustId,
      caseNumber: submitted.caseNumber,
      status: 'submitted',
      scheme: 'offLabel',
      patientScope: 'single',
      drugLabel: 'Rituximab 500 mg infusjonsvæske',
      diagnosisCodes: ['ICD10:N04.2'],
      primaryDiagnosis: 'ICD10:N04.2',
      retrospective: false,
      outcome: null,
      decidedAt: null,
      processingSeconds: null,
    });

    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: draft.id,
      version: submitted.version,
      reason: 'Godt begrunnet.',
    });
    await transition(db(), hbe.decisionMaker, {
      caseId: draft.id,
      version: endorsed.version,
      event: 'decide',
      outcome: 'approvedWithConditions',
      reason: 'Faglig godt begrunnet.',
      conditions: 'Evaluering etter seks måneder.',
      evaluationDate: '2027-06-01',
      ...APPROVAL_TERMS,
    });
    const decided = await summaryOf(draft.id);
    expect(decided).toMatchObject({
      status: 'decided',
      outcome: 'approvedWithConditions',
      conditions: 'Evaluering etter seks måneder.',
      evaluationDate: '2027-06-01',
    });
    expect(decided?.decidedAt).toBeInstanceOf(Date);
    expect(decided?.processingSeconds).toBeGreaterThanOrEqual(0);
    expect(Object.keys(decided?.stageSeconds ?? {}).sort()).toEqual([
      'draft',
      'endorsed',
      'submitted',
    ]);

    const raw = JSON.stringify(await summaryOf(draft.id));
    expect(raw).not.toContain(TEST_PATIENT_IDS[0]);
    expect(raw).not.toContain(completeAnswers.indication as string);
  });

  it('is read by every trust and written by none: the application role cannot change it', async () => {
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    const seenFromOus = await inTenant(db(), ous.nationalReader, (tx) =>
      tx.select().from(caseSummaries).where(eq(caseSummaries.caseId, draft.id)),
    );
    expect(seenFromOus).toHaveLength(1);

    expect(
      await databaseError(
        inTenant(db(), hbe.applicant, (tx) =>
          tx
            .update(caseSummaries)
            .set({ outcome: 'approved' })
            .where(eq(caseSummaries.caseId, draft.id)),
        ),
      ),
    ).toMatch(/permission denied/);
    expect(
      await databaseError(
        inTenant(db(), hbe.applicant, (tx) =>
          tx.execute(sql`select refresh_case_summary(${draft.id})`),
        ),
      ),
    ).toMatch(/permission denied/);
  });

  it('generated history becomes real cases with summaries, numbered per trust and year', async () => {
    const generated = generateCases({
      seed: 7,
      count: 40,
      trusts: 3,
      from: new Date('2023-01-01T00:00:00Z'),
      to: new Date('2025-12-31T00:00:00Z'),
    });
    expect(await insertGeneratedCases(db(), ['HFO', 'HFD', 'STO'], generated)).toBe(40);
    const rows = await db()
      .select()
      .from(caseSummaries)
      .where(sql`${caseSummaries.caseNumber} ~ '^(HFO|HFD|STO)-'`);
    expect(rows).toHaveLength(40);
    for (const row of rows) {
      expect(row.outcome).not.toBeNull();
      expect(row.atcCode).toMatch(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/);
      expect(row.substance).toBeTruthy();
      expect(row.processingSeconds).toBeGreaterThanOrEqual(0);
      expect(row.stageSeconds).toHaveProperty('underAssessment');
    }
    const numbers = rows.map((r) => r.caseNumber);
    expect(new Set(numbers).size).toBe(40);
  });

  it('generated Tilgangsordningen cases go to the interregional committee, which decides; one still waits there', async () => {
    const DAY = 86_400;
    const now = new Date('2026-06-01T10:00:00Z');
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY * 1000);
    const made = (
      scheme: GeneratedCase['scheme'],
      submittedAt: Date,
      committeeDays: number,
    ): GeneratedCase => ({
      trust: 0,
      scheme,
      patientScope: 'single',
      drug: GENERATED_DRUGS[1],
      diagnosis: 'ICD10:C43.9',
      submittedAt,
      days: {
        submitted: 2,
        endorsed: 1,
        underAssessment: 5,
        recommended: 1,
        atInterregionalCommittee: committeeDays,
      },
      outcome: 'approved',
      conditions: null,
      continued: null,
    });
    const generated = [
      made('tilgangsordningen', at(200), 20),
      made('offLabel', at(150), 0),
      // Forwarded five days ago (9 days after it was sent); the committee meets in 15 days.
      made('tilgangsordningen', at(14), 20),
    ];
    expect(await insertGeneratedCases(db(), ['SIV'], generated, { now })).toBe(3);
    const rows = await db()
      .select({
        id: cases.id,
        scheme: sql<string>`${cases.answers}->>'scheme'`,
        status: cases.status,
        version: cases.version,
        stages: caseSummaries.stageSeconds,
        processing: caseSummaries.processingSeconds,
        summaryStatus: caseSummaries.status,
      })
      .from(cases)
      .innerJoin(caseSummaries, eq(caseSummaries.caseId, cases.id))
      .where(sql`${cases.caseNumber} like 'SIV-%'`)
      .orderBy(asc(cases.submittedAt));
    expect(rows.map((r) => [r.scheme, r.status, r.summaryStatus])).toEqual([
      ['tilgangsordningen', 'decided', 'decided'],
      ['offLabel', 'decided', 'decided'],
      ['tilgangsordningen', 'atInterregionalCommittee', 'atInterregionalCommittee'],
    ]);
    const [committee, trust, waiting] = rows;
    expect(committee?.stages).toMatchObject({
      recommended: DAY,
      atInterregionalCommittee: 20 * DAY,
    });
    expect(committee?.processing).toBe(29 * DAY);
    expect(trust?.stages).not.toHaveProperty('atInterregionalCommittee');
    expect(trust?.processing).toBe(9 * DAY);
    expect(waiting?.stages).toMatchObject({ recommended: DAY });
    expect(waiting?.stages).not.toHaveProperty('atInterregionalCommittee');
    expect(waiting?.processing).toBeNull();

    for (const row of rows) {
      const trail = await db()
        .select({
          event: caseEvents.event,
          from: caseEvents.fromStatus,
          to: caseEvents.toStatus,
          role: caseEvents.actorRole,
        })
        .from(caseEvents)
        .where(eq(caseEvents.caseId, row.id))
        .orderBy(asc(caseEvents.id));
      expect(
        illegalStep(row.scheme === 'offLabel' ? 'offLabel' : 'tilgangsordningen', trail),
      ).toBeNull();
      expect(trail).toHaveLength(row.version);
      expect(trail.at(-1)?.to).toBe(row.status);
      const decisions = await db()
        .select({ committee: caseDecisions.interregionalCommittee })
        .from(caseDecisions)
        .where(eq(caseDecisions.caseId, row.id));
      expect(decisions).toEqual(
        row === waiting ? [] : [{ committee: row.scheme === 'tilgangsordningen' }],
      );
    }
  });
});
