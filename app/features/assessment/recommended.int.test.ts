import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import {
  accessLog,
  caseEvents,
  caseRecommendations,
  cases,
  notifications,
  stageAlerts,
} from '../../db/schema';
import { caseSummaries } from '../../db/schema-summaries';
import { demoActors } from '../../test/actors';
import {
  prepareCase,
  stateOf,
  tilgangsordningenAnswers,
  trailOf,
  type TrustActors,
} from '../../test/case-states';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { refusal, refusalWithFields } from '../../test/refusals';
import { sendAnswer } from '../attachments/attachments.server';
import { getCase, listMyCases, transition } from '../cases/cases.server';
import { runStageAlerts } from '../clocks/clocks.server';
import { addDays, dateInNorway } from '../cases/domain/dates';
import { CaseError } from '../cases/domain/errors';
import {
  getDecisionPanel,
  submitDecision,
  type DecisionSubmission,
} from '../decisions/decisions.server';
import { getAssessment, recommend } from './assessment.server';
import { APPROVAL_TERMS } from '../../test/decisions';

/**
 * The committee's recommendation is the workflow event `recommend` (underAssessment →
 * recommended, ADR 0028): a compare-and-set with its audit row and the recommendation in one
 * transaction; the medical director decides from `recommended` only, or reopens the assessment.
 */

const refuse = (promise: Promise<unknown>) => refusal(promise, CaseError);

const TEXT = 'Innvilges med evaluering etter tre måneder.';

const decisionForm = (version: number): DecisionSubmission => ({
  event: 'decide',
  version,
  outcome: 'approved',
  reasonPhrase: '',
  reason: 'Innvilget etter komiteens innstilling.',
  conditionPhrases: [],
  conditions: '',
  evaluationDate: addDays(dateInNorway(new Date()), 180),
  prescriptionNotePhrase: '',
  invoicingPhrase: '',
  ...APPROVAL_TERMS,
  revisionReason: '',
});

/** The statistics aggregate tables (ADR 0015), each read whole in key order. */
const AGGREGATES = [
  'statistics_volumes',
  'statistics_scheme_volumes',
  'statistics_atc_volumes',
  'statistics_submissions',
  'statistics_stage_histograms',
  'statistics_scheme_stage_histograms',
  'statistics_atc_stage_histograms',
  'statistics_atc_group_stage_histograms',
] as const;

/** The custom migration that moves recommended cases (its SQL, statement by statement). */
function migrationStatements(): string[] {
  const folder = fileURLToPath(new URL('../../../drizzle', import.meta.url));
  const file = readdirSync(folder).find((f) => f.endsWith('_committee_recommended_stage.sql'));
  if (!file) throw new Error('The committee_recommended_stage migration is missing');
  return readFileSync(`${folder}/${file}`, 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

describe.each(TEST_DATABASES)('the committee’s recommendation as a status on %s', (kind) => {
  let database: Database;
  let hbe: TrustActors;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
  }, 240_000);
  afterAll(() => database.close());

  const db = () => database.db;

  async function recommendationsOf(caseId: string) {
    return db()
      .select({
        outcome: caseRecommendations.outcome,
        text: caseRecommendations.text,
        authorId: caseRecommendations.authorId,
        authorRole: caseRecommendations.authorRole,
      })
      .from(caseRecommendations)
      .where(eq(caseRecommendations.caseId, caseId))
      .orderBy(asc(caseRecommendations.id));
  }

  it('moves the case to recommended with its audit row and the recommendation, in one transaction', async () => {
    const c = await prepareCase(db(), hbe, 'underAssessment');
    const shown = await getAssessment(db(), hbe.assessor, c.caseId);
    expect(shown).toMatchObject({ status: 'underAssessment', version: c.version });
    expect(shown.canRecommend).toBe(true);

    // Bad input: Norwegian field errors, nothing changes.
    expect(
      await refusalWithFields(
        recommend(db(), hbe.assessor, {
          caseId: c.caseId,
          version: c.version,
          outcome: '',
          text: ' ',
        }),
      ),
    ).toEqual({
      code: 'invalid',
      fields: { outcome: 'recommendationRequired', text: 'reasonRequired' },
    });
    // Only the committee (and the director) recommend.
    for (const actor of [hbe.applicant, hbe.endorser]) {
      expect(
        await refuse(
          recommend(db(), actor, {
            caseId: c.caseId,
            version: c.version,
            outcome: 'approved',
            text: TEXT,
          }),
        ),
      ).toMatch(/^(forbidden|ownCase|notFound)$/);
    }
    // The bare event is not a way round the form.
    expect(
      await refuse(
        transition(db(), hbe.assessor, {
          caseId: c.caseId,
          version: c.version,
          event: 'recommend',
          reason: TEXT,
        }),
      ),
    ).toBe('invalidTransition');
    expect(await stateOf(db(), c.caseId)).toEqual({
      status: 'underAssessment',
      version: c.version,
    });
    expect(await recommendationsOf(c.caseId)).toEqual([]);

    const result = await recommend(db(), hbe.assessor, {
      caseId: c.caseId,
      version: c.version,
      outcome: 'approvedWithConditions',
      text: TEXT,
    });
    expect(result).toMatchObject({ version: c.version + 1, role: 'assessor' });
    expect(await stateOf(db(), c.caseId)).toEqual({
      status: 'recommended',
      version: c.version + 1,
    });
    expect((await trailOf(db(), c.caseId)).at(-1)).toEqual({
      event: 'recommend',
      from: 'underAssessment',
      to: 'recommended',
      role: 'assessor',
      actor: hbe.assessor.userId,
      reason: TEXT,
    });
    expect(await recommendationsOf(c.caseId)).toEqual([
      {
        outcome: 'approvedWithConditions',
        text: TEXT,
        authorId: hbe.assessor.userId,
        authorRole: 'assessor',
      },
    ]);
    const logged = await db()
      .select({ action: accessLog.action, role: accessLog.role })
      .from(accessLog)
      .where(and(eq(accessLog.caseId, c.caseId), eq(accessLog.userId, hbe.assessor.userId)));
    expect(logged).toContainEqual({ action: 'recommend', role: 'assessor' });
    // The medical directors are told that the case waits for them.
    const told = await db()
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.caseId, c.caseId), eq(notifications.kind, 'caseRecommended')));
    expect(told.map((n) => n.userId)).toContain(hbe.decisionMaker.userId);
    expect(told.map((n) => n.userId)).not.toContain(hbe.assessor.userId);

    // Recommended: the director's stage. «Mine saker» follows the table.
    expect((await listMyCases(db(), hbe.decisionMaker)).waiting.items.map((i) => i.id)).toContain(
      c.caseId,
    );
    expect((await listMyCases(db(), hbe.assessor)).waiting.items.map((i) => i.id)).not.toContain(
      c.caseId,
    );
    expect((await getCase(db(), hbe.decisionMaker, c.caseId)).events).toEqual([
      'decide',
      'returnToApplicant',
      'requestInformation',
      'reopenAssessment',
    ]);
    expect((await getCase(db(), hbe.assessor, c.caseId)).events).toEqual([]);
    expect((await getAssessment(db(), hbe.assessor, c.caseId)).canRecommend).toBe(false);
    // The assessment's time ends at the recommendation: a published stage of its own.
    const [summary] = await db()
      .select({ status: caseSummaries.status, stages: caseSummaries.stageSeconds })
      .from(caseSummaries)
      .where(eq(caseSummaries.caseId, c.caseId));
    expect(summary?.status).toBe('recommended');
    expect(Object.keys(summary?.stages ?? {})).toContain('underAssessment');

    // A second recommendation in the same state is not possible.
    expect(
      await refuse(
        recommend(db(), hbe.decisionMaker, {
          caseId: c.caseId,
          version: c.version + 1,
          outcome: 'rejected',
          text: 'Avslås.',
        }),
      ),
    ).toBe('invalidTransition');
    expect(await recommendationsOf(c.caseId)).toHaveLength(1);
  });

  it('lets one of two recommendations at once win; the other gets the conflict and changes nothing', async () => {
    const c = await prepareCase(db(), hbe, 'underAssessment');
    const give = (actor: typeof hbe.assessor, outcome: string, text: string) =>
      recommend(db(), actor, { caseId: c.caseId, version: c.version, outcome, text });
    const results = await Promise.allSettled([
      give(hbe.assessor, 'approved', 'Innvilges etter kriteriene.'),
      give(hbe.decisionMaker, 'rejected', 'Avslås: nytten er usikker.'),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r): unknown[] => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(CaseError);
    expect(lost[0]).toMatchObject({ code: 'conflict' });

    expect(await stateOf(db(), c.caseId)).toEqual({
      status: 'recommended',
      version: c.version + 1,
    });
    expect(await recommendationsOf(c.caseId)).toHaveLength(1);
    expect((await trailOf(db(), c.caseId)).filter((e) => e.event === 'recommend')).toHaveLength(1);
    // A stale form (the version it was shown with) is the same conflict.
    expect(
      await refuse(
        recommend(db(), hbe.assessor, {
          caseId: c.caseId,
          version: c.version,
          outcome: 'approved',
          text: 'Igjen.',
        }),
      ),
    ).toBe('conflict');
    expect(await recommendationsOf(c.caseId)).toHaveLength(1);
  });

  it('refuses a decision straight from the assessment; decides from recommended', async () => {
    const c = await prepareCase(db(), hbe, 'underAssessment');
    expect(
      await refuse(
        transition(db(), hbe.decisionMaker, {
          caseId: c.caseId,
          version: c.version,
          event: 'decide',
          outcome: 'approved',
          reason: 'Innvilget.',
        }),
      ),
    ).toBe('invalidTransition');
    expect(
      await refuse(submitDecision(db(), hbe.decisionMaker, c.caseId, decisionForm(c.version))),
    ).toBe('invalidTransition');
    expect(await stateOf(db(), c.caseId)).toEqual({
      status: 'underAssessment',
      version: c.version,
    });
    expect((await getCase(db(), hbe.decisionMaker, c.caseId)).events).not.toContain('decide');

    const recommended = await recommend(db(), hbe.assessor, {
      caseId: c.caseId,
      version: c.version,
      outcome: 'approved',
      text: TEXT,
    });
    // The director decides beside the committee's recommendation; no one else sees it there.
    const panel = await getDecisionPanel(db(), hbe.decisionMaker, c.caseId, null);
    expect(panel.events).toEqual(['decide']);
    expect(panel.recommendation).toMatchObject({
      outcome: 'approved',
      text: TEXT,
      authorName: 'Solveig Aase',
    });
    expect((await getDecisionPanel(db(), hbe.applicant, c.caseId, null)).recommendation).toBeNull();
    await submitDecision(db(), hbe.decisionMaker, c.caseId, decisionForm(recommended.version));
    expect((await stateOf(db(), c.caseId)).status).toBe('decided');
    expect((await trailOf(db(), c.caseId)).at(-1)).toMatchObject({
      event: 'decide',
      from: 'recommended',
      to: 'decided',
    });
    const [summary] = await db()
      .select({ stages: caseSummaries.stageSeconds })
      .from(caseSummaries)
      .where(eq(caseSummaries.caseId, c.caseId));
    expect(Object.keys(summary?.stages ?? {})).toEqual(
      expect.arrayContaining(['underAssessment', 'recommended']),
    );
  });

  it('lets the medical director reopen the assessment (with a reason), and the committee recommend again', async () => {
    const c = await prepareCase(db(), hbe, 'recommended');
    const reopen = (actor: typeof hbe.assessor, reason: string) =>
      transition(db(), actor, {
        caseId: c.caseId,
        version: c.version,
        event: 'reopenAssessment',
        reason,
      });
    expect(await refusalWithFields(reopen(hbe.decisionMaker, '  '))).toEqual({
      code: 'invalid',
      fields: { reason: 'reasonRequired' },
    });
    expect(await refuse(reopen(hbe.assessor, 'Se på dosen.'))).toBe('forbidden');
    expect(await stateOf(db(), c.caseId)).toEqual({ status: 'recommended', version: c.version });

    const reopened = await reopen(hbe.decisionMaker, 'Vurder dosen på nytt.');
    expect(await stateOf(db(), c.caseId)).toEqual({
      status: 'underAssessment',
      version: reopened.version,
    });
    expect((await trailOf(db(), c.caseId)).at(-1)).toMatchObject({
      event: 'reopenAssessment',
      from: 'recommended',
      to: 'underAssessment',
      role: 'decisionMaker',
      reason: 'Vurder dosen på nytt.',
    });
    expect((await getAssessment(db(), hbe.assessor, c.caseId)).canRecommend).toBe(true);
    await recommend(db(), hbe.assessor, {
      caseId: c.caseId,
      version: reopened.version,
      outcome: 'approvedWithConditions',
      text: 'Innvilges med lavere dose.',
    });
    expect((await stateOf(db(), c.caseId)).status).toBe('recommended');
    expect(await recommendationsOf(c.caseId)).toHaveLength(2);
  });

  it('shows the recommendation and the reopening note in the case history to the caseworkers only', async () => {
    const c = await prepareCase(db(), hbe, 'underAssessment');
    const recommended = await recommend(db(), hbe.assessor, {
      caseId: c.caseId,
      version: c.version,
      outcome: 'approved',
      text: TEXT,
    });
    await transition(db(), hbe.decisionMaker, {
      caseId: c.caseId,
      version: recommended.version,
      event: 'reopenAssessment',
      reason: 'Vurder dosen på nytt.',
    });
    const reasonsFor = async (actor: typeof hbe.assessor) =>
      (await getCase(db(), actor, c.caseId)).history
        .filter((h) => h.event === 'recommend' || h.event === 'reopenAssessment')
        .map((h) => [h.event, h.reason, h.reasonHidden]);
    for (const actor of [hbe.decisionMaker, hbe.assessor, hbe.endorser]) {
      expect(await reasonsFor(actor)).toEqual([
        ['recommend', TEXT, false],
        ['reopenAssessment', 'Vurder dosen på nytt.', false],
      ]);
    }
    // The applicant sees that it happened, not what the committee and the director wrote.
    expect(await reasonsFor(hbe.applicant)).toEqual([
      ['recommend', null, true],
      ['reopenAssessment', null, true],
    ]);
    // Their own questions and the justifications stay theirs to read.
    const applicantView = await getCase(db(), hbe.applicant, c.caseId);
    expect(applicantView.history.find((h) => h.event === 'endorse')?.reason).toBeTruthy();
  });

  it('sends the applicant’s answer to a question from recommended back to the committee', async () => {
    const c = await prepareCase(db(), hbe, 'recommended');
    expect(
      await refuse(
        transition(db(), hbe.assessor, {
          caseId: c.caseId,
          version: c.version,
          event: 'requestInformation',
          reason: 'Hvilken dose?',
        }),
      ),
    ).toBe('forbidden');
    const asked = await transition(db(), hbe.decisionMaker, {
      caseId: c.caseId,
      version: c.version,
      event: 'requestInformation',
      reason: 'Hvilken dose er planlagt?',
    });
    await sendAnswer(db(), hbe.applicant, {
      caseId: c.caseId,
      version: asked.version,
      reason: '1000 mg hver sjette måned.',
      shownIds: [],
    });
    expect((await stateOf(db(), c.caseId)).status).toBe('underAssessment');
  });

  it('forwards a recommended Tilgangsordningen case to the interregional committee', async () => {
    const c = await prepareCase(db(), hbe, 'recommended');
    await db()
      .update(cases)
      .set({ answers: tilgangsordningenAnswers })
      .where(eq(cases.id, c.caseId));
    expect(
      await refuse(submitDecision(db(), hbe.decisionMaker, c.caseId, decisionForm(c.version))),
    ).toBe('notForScheme');
    await transition(db(), hbe.decisionMaker, {
      caseId: c.caseId,
      version: c.version,
      event: 'forwardToInterregional',
      reason: 'Klinisk eksepsjonell; prioriteringskriteriene er oppfylt.',
    });
    expect((await stateOf(db(), c.caseId)).status).toBe('atInterregionalCommittee');
  });

  it('migration: moves a case recommended since it entered the assessment, keeping the aggregates right', async () => {
    // As before this change: the recommendation was a note and the case stayed under assessment.
    const moved = await prepareCase(db(), hbe, 'underAssessment');
    const stays = await prepareCase(db(), hbe, 'underAssessment');
    const hour = 60 * 60 * 1000;
    await db()
      .insert(caseRecommendations)
      .values([
        {
          caseId: moved.caseId,
          trustId: hbe.assessor.trustId,
          outcome: 'rejected',
          text: 'Eldre innstilling.',
          authorId: hbe.decisionMaker.userId,
          authorRole: 'decisionMaker',
          createdAt: new Date(Date.now() - 2 * hour),
        },
        {
          caseId: moved.caseId,
          trustId: hbe.assessor.trustId,
          outcome: 'approved',
          text: TEXT,
          authorId: hbe.assessor.userId,
          authorRole: 'assessor',
          createdAt: new Date(Date.now() + hour),
        },
        // Given before the case last entered the assessment: the committee must look again.
        {
          caseId: stays.caseId,
          trustId: hbe.assessor.trustId,
          outcome: 'approved',
          text: 'Før nye opplysninger.',
          authorId: hbe.assessor.userId,
          authorRole: 'assessor',
          createdAt: new Date(Date.now() - hour),
        },
      ]);
    await db()
      .insert(caseEvents)
      .values({
        caseId: moved.caseId,
        trustId: hbe.assessor.trustId,
        event: 'recommend',
        fromStatus: 'underAssessment',
        toStatus: 'underAssessment',
        actorId: hbe.assessor.userId,
        actorRole: 'assessor',
        createdAt: new Date(Date.now() + hour),
      });

    for (const statement of migrationStatements()) await db().execute(sql.raw(statement));

    expect(await stateOf(db(), moved.caseId)).toEqual({
      status: 'recommended',
      version: moved.version + 1,
    });
    expect(await stateOf(db(), stays.caseId)).toEqual({
      status: 'underAssessment',
      version: stays.version,
    });
    expect((await trailOf(db(), moved.caseId)).at(-1)).toEqual({
      event: 'recommend',
      from: 'underAssessment',
      to: 'recommended',
      role: 'assessor',
      actor: hbe.assessor.userId,
      reason: TEXT,
    });
    const [entered] = await db()
      .select({ at: caseEvents.createdAt })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, moved.caseId), eq(caseEvents.toStatus, 'recommended')));
    expect(entered?.at.getTime()).toBeGreaterThan(Date.now());
    const [summary] = await db()
      .select({ status: caseSummaries.status, stages: caseSummaries.stageSeconds })
      .from(caseSummaries)
      .where(eq(caseSummaries.caseId, moved.caseId));
    expect(summary?.status).toBe('recommended');
    expect(Object.keys(summary?.stages ?? {})).toContain('underAssessment');

    // Run again, it moves nothing more.
    for (const statement of migrationStatements()) await db().execute(sql.raw(statement));
    expect((await trailOf(db(), moved.caseId)).filter((e) => e.to === 'recommended')).toHaveLength(
      1,
    );

    // The aggregates the triggers kept are the ones a set-based rebuild gives.
    const read = () =>
      Promise.all(
        AGGREGATES.map(async (table) =>
          rowsOf(
            await db().execute(sql.raw(`select * from ${table}`)),
            z.record(z.string(), z.unknown()),
          )
            .map((row) => JSON.stringify(row))
            .sort(),
        ),
      );
    const kept = await read();
    expect(kept.some((rows) => rows.length > 0)).toBe(true);
    await db().execute(sql`select rebuild_statistics()`);
    expect(await read()).toEqual(kept);
  });

  it('reminds the medical directors, not the committee, when a week after the recommendation has passed', async () => {
    const c = await prepareCase(db(), hbe, 'recommended');
    const [entered] = await db()
      .select({ at: caseEvents.createdAt })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.caseId), eq(caseEvents.toStatus, 'recommended')));
    if (!entered) throw new Error('No recommend event');
    const minute = 60 * 1000;
    const week = 7 * 24 * 60 * minute;
    const reminded = async () =>
      (
        await db()
          .select({ userId: notifications.userId })
          .from(notifications)
          .where(and(eq(notifications.caseId, c.caseId), eq(notifications.kind, 'stageReminder')))
      ).map((n) => n.userId);
    await runStageAlerts(db(), new Date(entered.at.getTime() + week - minute));
    expect(await reminded()).toEqual([]);
    await runStageAlerts(db(), new Date(entered.at.getTime() + week + minute));
    expect(await reminded()).toContain(hbe.decisionMaker.userId);
    expect(await reminded()).not.toContain(hbe.assessor.userId);
    const alerts = await db()
      .select({ status: stageAlerts.status, kind: stageAlerts.kind })
      .from(stageAlerts)
      .where(eq(stageAlerts.caseId, c.caseId));
    expect(alerts).toEqual([{ status: 'recommended', kind: 'reminder' }]);
  });
});
