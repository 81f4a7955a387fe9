import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import { accessLog, caseEndorsements } from '../../db/schema';
import { completeAnswers, demoActors, signIn } from '../../test/actors';
import { stateOf } from '../../test/case-states';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { databaseError, refusal, refusalWithFields } from '../../test/refusals';
import { APPROVAL_TERMS } from '../../test/decisions';
import type { Actor } from '../auth/domain/roles';
import { createDraft, transition } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import {
  addSectionComment,
  assignCommitteeMember,
  endorseCase,
  getAssessment,
  getEndorsementPanel,
  recommend,
  savePreparation,
  saveWorksheet,
} from './assessment.server';

const refuse = (promise: Promise<unknown>) => refusal(promise, CaseError);

const RATINGS = {
  'severity.level': '4',
  'severity.text': 'Livstruende uten behandling.',
  'benefit.level': '3',
  'benefit.text': 'God dokumentert respons i fase II-studier.',
  'resourceUse.level': '2',
  'resourceUse.text': 'Moderat kostnad over seks måneder.',
};

describe.each(TEST_DATABASES)('assessment on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let ous: Awaited<ReturnType<typeof demoActors>>;
  let secondAssessor: Actor;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    ous = await demoActors(database.db, 'OUS');
    secondAssessor = (await signIn(database.db, 'HBE', 'assessor2')).actor;
  });
  afterAll(() => database.close());

  const db = () => database.db;

  async function submittedCase() {
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    return { id: draft.id, version: submitted.version };
  }

  async function endorsementCount(id: string) {
    const rows = await db()
      .select({ id: caseEndorsements.id })
      .from(caseEndorsements)
      .where(eq(caseEndorsements.caseId, id));
    return rows.length;
  }

  it('refuses an endorsement without verdict, justification or assessment, naming every field, and changes nothing', async () => {
    const c = await submittedCase();
    const refused = await refusalWithFields(
      endorseCase(db(), hbe.endorser, {
        caseId: c.id,
        version: c.version,
        verdict: '',
        reason: ' ',
        ratings: { 'severity.level': '7', 'benefit.text': 'x' },
      }),
    );
    expect(refused).toEqual({
      code: 'invalid',
      fields: {
        verdict: 'verdictRequired',
        reason: 'reasonRequired',
        'severity.level': 'levelRequired',
        'severity.text': 'ratingTextRequired',
        'benefit.level': 'levelRequired',
        'resourceUse.level': 'levelRequired',
        'resourceUse.text': 'ratingTextRequired',
      },
    });
    expect(await stateOf(db(), c.id)).toEqual({ status: 'submitted', version: c.version });
    expect(await endorsementCount(c.id)).toBe(0);
  });

  it('endorses with the structured assessment, stored with the status change and shown to the committee only', async () => {
    const c = await submittedCase();
    const result = await endorseCase(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      verdict: 'endorse',
      reason: 'Godt begrunnet.',
      ratings: RATINGS,
    });
    expect(result.version).toBe(c.version + 1);
    expect((await stateOf(db(), c.id)).status).toBe('endorsed');
    const panel = await getEndorsementPanel(db(), hbe.decisionMaker, c.id);
    expect(panel?.endorsements).toEqual([
      expect.objectContaining({
        authorName: 'Kari Nordtveit',
        verdict: 'endorse',
        justification: 'Godt begrunnet.',
        ratings: {
          severity: { level: 4, text: 'Livstruende uten behandling.' },
          benefit: { level: 3, text: 'God dokumentert respons i fase II-studier.' },
          resourceUse: { level: 2, text: 'Moderat kostnad over seks måneder.' },
        },
      }),
    ]);
    expect(await getEndorsementPanel(db(), hbe.applicant, c.id)).toBeNull();
  });

  it('returns with a question without the assessment, and refuses the applicant and other trusts', async () => {
    const c = await submittedCase();
    expect(
      await refuse(
        endorseCase(db(), hbe.applicant, {
          caseId: c.id,
          version: c.version,
          verdict: 'endorse',
          reason: 'Selvforankret',
          ratings: RATINGS,
        }),
      ),
    ).toBe('forbidden');
    expect(
      await refuse(
        endorseCase(db(), ous.endorser, {
          caseId: c.id,
          version: c.version,
          verdict: 'endorse',
          reason: 'Feil helseforetak',
          ratings: RATINGS,
        }),
      ),
    ).toBe('notFound');
    await endorseCase(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      verdict: 'returnToApplicant',
      reason: 'Hvilken dose er planlagt?',
      ratings: {},
    });
    expect((await stateOf(db(), c.id)).status).toBe('returned');
    expect(await endorsementCount(c.id)).toBe(0);
  });

  it('keeps the ratings a leader gave with a return; half a rating is refused and changes nothing', async () => {
    const c = await submittedCase();
    const half = await endorseCase(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      verdict: 'returnToApplicant',
      reason: 'Hvilken dose er planlagt?',
      ratings: { 'severity.level': '4', 'severity.text': 'Alvorlig.' },
    }).catch((e: unknown) => e);
    expect(half).toMatchObject({
      code: 'invalid',
      fieldErrors: { 'benefit.level': 'levelRequired' },
    });
    expect((await stateOf(db(), c.id)).status).toBe('submitted');
    await endorseCase(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      verdict: 'returnToApplicant',
      reason: 'Hvilken dose er planlagt?',
      ratings: RATINGS,
    });
    expect((await stateOf(db(), c.id)).status).toBe('returned');
    expect(await endorsementCount(c.id)).toBe(1);
  });

  it('a stale version is a conflict and stores no assessment', async () => {
    const c = await submittedCase();
    expect(
      await refuse(
        endorseCase(db(), hbe.endorser, {
          caseId: c.id,
          version: c.version - 1,
          verdict: 'notEndorse',
          reason: 'Ikke i tråd med kriteriene.',
          ratings: RATINGS,
        }),
      ),
    ).toBe('conflict');
    expect(await endorsementCount(c.id)).toBe(0);
  });

  it('runs the complete assessment: committee, section comments, worksheets side by side, preparation, recommendation, then the decision', async () => {
    const c = await submittedCase();
    const endorsed = await endorseCase(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      verdict: 'endorse',
      reason: 'Godt begrunnet.',
      ratings: RATINGS,
    });
    const started = await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: endorsed.version,
      event: 'startAssessment',
    });

    // Committee: only the director assigns, only assessors of the trust.
    expect(
      await refuse(
        assignCommitteeMember(db(), hbe.assessor, { caseId: c.id, userId: secondAssessor.userId }),
      ),
    ).toBe('forbidden');
    expect(
      await refuse(
        assignCommitteeMember(db(), hbe.decisionMaker, {
          caseId: c.id,
          userId: hbe.applicant.userId,
        }),
      ),
    ).toBe('invalid');
    await assignCommitteeMember(db(), hbe.decisionMaker, {
      caseId: c.id,
      userId: secondAssessor.userId,
    });

    // Section comments: the section must apply, the text must be there.
    expect(
      await refuse(
        addSectionComment(db(), hbe.assessor, { caseId: c.id, sectionId: 'nope', body: 'x' }),
      ),
    ).toBe('invalid');
    expect(
      await refuse(
        addSectionComment(db(), hbe.assessor, { caseId: c.id, sectionId: 'drug', body: ' ' }),
      ),
    ).toBe('invalid');
    expect(
      await refuse(
        addSectionComment(db(), hbe.applicant, {
          caseId: c.id,
          sectionId: 'drug',
          body: 'Hei',
        }),
      ),
    ).toBe('forbidden');
    await addSectionComment(db(), secondAssessor, {
      caseId: c.id,
      sectionId: 'drug',
      body: 'Dosen bør begrunnes bedre.',
    });

    // Worksheets: each their own (each with its own version), shown side by side.
    expect(
      await refuse(
        saveWorksheet(db(), hbe.assessor, {
          caseId: c.id,
          ratings: { 'severity.level': '2' },
          version: 0,
        }),
      ),
    ).toBe('invalid');
    await saveWorksheet(db(), hbe.assessor, { caseId: c.id, ratings: RATINGS, version: 0 });
    await saveWorksheet(db(), hbe.assessor, {
      caseId: c.id,
      ratings: { ...RATINGS, 'benefit.level': '2' },
      version: 1,
    });
    await saveWorksheet(db(), hbe.decisionMaker, { caseId: c.id, ratings: RATINGS, version: 0 });

    // Preparation notes: a compare-and-set, so a stale writer never overwrites.
    expect(
      await savePreparation(db(), hbe.assessor, {
        caseId: c.id,
        notes: 'Første utkast',
        version: 0,
      }),
    ).toEqual({
      version: 1,
    });
    expect(
      await refuse(
        savePreparation(db(), hbe.decisionMaker, { caseId: c.id, notes: 'Mitt', version: 0 }),
      ),
    ).toBe('conflict');
    await savePreparation(db(), hbe.decisionMaker, {
      caseId: c.id,
      notes: 'Andre utkast',
      version: 1,
    });
    // Each save is on the access log, in the writer's role; the refused one is not.
    expect(
      await db()
        .select({ userId: accessLog.userId, role: accessLog.role })
        .from(accessLog)
        .where(and(eq(accessLog.caseId, c.id), eq(accessLog.action, 'savePreparation')))
        .orderBy(accessLog.id),
    ).toEqual([
      { userId: hbe.assessor.userId, role: 'assessor' },
      { userId: hbe.decisionMaker.userId, role: 'decisionMaker' },
    ]);

    // The decision waits for the recommendation (the table has no decision from the assessment).
    expect(
      await refuse(
        transition(db(), hbe.decisionMaker, {
          caseId: c.id,
          version: started.version,
          event: 'decide',
          outcome: 'approved',
          reason: 'Innvilget.',
        }),
      ),
    ).toBe('invalidTransition');
    expect(
      await refuse(
        recommend(db(), hbe.assessor, {
          caseId: c.id,
          version: started.version,
          outcome: '',
          text: '',
        }),
      ),
    ).toBe('invalid');
    const recommended = await recommend(db(), hbe.assessor, {
      caseId: c.id,
      version: started.version,
      outcome: 'approvedWithConditions',
      text: 'Innvilges med evaluering etter tre måneder.',
    });

    const view = await getAssessment(db(), hbe.decisionMaker, c.id);
    expect(view.committee.map((m) => m.name)).toEqual(['Randi Sæther']);
    expect(view.comments).toEqual([
      expect.objectContaining({
        sectionId: 'drug',
        authorName: 'Randi Sæther',
        authorRole: 'assessor',
        body: 'Dosen bør begrunnes bedre.',
      }),
    ]);
    expect(
      view.worksheets.map((w) => [w.authorName, w.authorRole, w.ratings.benefit.level]),
    ).toEqual([
      ['Per Vik', 'decisionMaker', 3],
      ['Solveig Aase', 'assessor', 2],
    ]);
    expect(view.preparation).toMatchObject({
      notes: 'Andre utkast',
      version: 2,
      updatedByName: 'Per Vik',
    });
    expect(view.recommendations).toEqual([
      expect.objectContaining({ outcome: 'approvedWithConditions', authorName: 'Solveig Aase' }),
    ]);
    expect(view.endorsements).toHaveLength(1);
    const logged = await db()
      .select({ action: accessLog.action })
      .from(accessLog)
      .where(and(eq(accessLog.caseId, c.id), eq(accessLog.userId, hbe.decisionMaker.userId)));
    expect(logged.map((l) => l.action)).toContain('assessment');

    // The applicant and other trusts never reach the assessment.
    expect(await refuse(getAssessment(db(), hbe.applicant, c.id))).toBe('forbidden');
    expect(await refuse(getAssessment(db(), ous.decisionMaker, c.id))).toBe('notFound');

    await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: recommended.version,
      event: 'decide',
      outcome: 'approved',
      reason: 'Innvilget etter komiteens innstilling.',
      ...APPROVAL_TERMS,
    });
    // Once decided, the assessment is read-only.
    expect(
      await refuse(
        addSectionComment(db(), hbe.assessor, {
          caseId: c.id,
          sectionId: 'drug',
          body: 'Sent',
        }),
      ),
    ).toBe('invalidTransition');
    expect((await getAssessment(db(), hbe.assessor, c.id)).open).toBe(false);
  });

  it("saves a worksheet as a compare-and-set: a stale version (another tab's save in between) changes nothing", async () => {
    const c = await submittedCase();
    const endorsed = await endorseCase(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      verdict: 'endorse',
      reason: 'Godt begrunnet.',
      ratings: RATINGS,
    });
    await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: endorsed.version,
      event: 'startAssessment',
    });
    const mine = async () =>
      (await getAssessment(db(), hbe.assessor, c.id)).worksheets.find(
        (w) => w.authorId === hbe.assessor.userId,
      );
    const saves = async () =>
      (
        await db()
          .select({ id: accessLog.id })
          .from(accessLog)
          .where(and(eq(accessLog.caseId, c.id), eq(accessLog.action, 'saveWorksheet')))
      ).length;

    // Two tabs open the empty form (version 0); the first save wins, the second is refused and
    // told the stored version.
    expect(
      await saveWorksheet(db(), hbe.assessor, { caseId: c.id, ratings: RATINGS, version: 0 }),
    ).toEqual({ ok: true, version: 1 });
    const tabB = { ...RATINGS, 'severity.level': '1', 'severity.text': 'Fra fane B.' };
    expect(
      await saveWorksheet(db(), hbe.assessor, { caseId: c.id, ratings: tabB, version: 0 }),
    ).toEqual({ ok: false, version: 1 });
    expect(await mine()).toMatchObject({
      version: 1,
      ratings: { severity: { level: 4, text: 'Livstruende uten behandling.' } },
    });

    // Both tabs now hold version 1: again the first save wins.
    const tabA = { ...RATINGS, 'benefit.level': '2', 'benefit.text': 'Fra fane A.' };
    expect(
      await saveWorksheet(db(), hbe.assessor, { caseId: c.id, ratings: tabA, version: 1 }),
    ).toEqual({ ok: true, version: 2 });
    expect(
      await saveWorksheet(db(), hbe.assessor, { caseId: c.id, ratings: tabB, version: 1 }),
    ).toEqual({ ok: false, version: 2 });
    // A form without a version (not ours, or from before versions) is refused the same way.
    expect(
      await saveWorksheet(db(), hbe.assessor, { caseId: c.id, ratings: tabB, version: null }),
    ).toEqual({ ok: false, version: 2 });
    expect(await mine()).toMatchObject({
      version: 2,
      ratings: {
        severity: { level: 4, text: 'Livstruende uten behandling.' },
        benefit: { level: 2, text: 'Fra fane A.' },
      },
    });
    // Only the saves that went through are on the access log.
    expect(await saves()).toBe(2);

    // Saved again against the stored version, tab B's worksheet is the one kept.
    expect(
      await saveWorksheet(db(), hbe.assessor, { caseId: c.id, ratings: tabB, version: 2 }),
    ).toEqual({ ok: true, version: 3 });
    expect(await mine()).toMatchObject({
      version: 3,
      ratings: { severity: { level: 1, text: 'Fra fane B.' } },
    });
    // Another person's worksheet has its own version: the director starts from 0.
    expect(
      await saveWorksheet(db(), hbe.decisionMaker, { caseId: c.id, ratings: RATINGS, version: 0 }),
    ).toEqual({ ok: true, version: 1 });
    expect(await saves()).toBe(4);
  });

  it('keeps endorsements, comments and recommendations append-only for the application role', async () => {
    const error = await databaseError(
      inTenant(db(), { trustId: hbe.endorser.trustId, userId: hbe.endorser.userId }, (tx) =>
        tx.execute(sql`update case_endorsements set justification = 'endret'`),
      ),
    );
    expect(error).toMatch(/permission denied/);
  });
});
