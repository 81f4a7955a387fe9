import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import { caseSummaries } from '../../db/schema';
import { completeAnswers, demoActors, TEST_PATIENT_IDS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { databaseError } from '../../test/refusals';
import { createDraft, transition } from '../cases/cases.server';

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

    const endorsed = await transition(db(), hbe.endorser, {
      caseId: draft.id,
      version: submitted.version,
      event: 'endorse',
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
});
