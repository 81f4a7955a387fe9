import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rowsOf } from '../../db/rows';
import { caseDecisions, notifications } from '../../db/schema';
import { caseSummaries } from '../../db/schema-summaries';
import type { Database } from '../../db/database.server';
import { msg } from '../../i18n';
import { completeAnswers, demoActors } from '../../test/actors';
import { ratings, stateOf, tilgangsordningenAnswers, trailOf } from '../../test/case-states';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { APPROVAL_TERMS } from '../../test/decisions';
import { refusal, refusalWithFields } from '../../test/refusals';
import { endorseCase } from '../assessment/assessment.server';
import type { Actor } from '../auth/domain/roles';
import { submitDecision, type DecisionSubmission } from '../decisions/decisions.server';
import { sendAnswer } from '../attachments/attachments.server';
import { createDraft, getCase, listMyCases, transition } from './cases.server';
import type { Answers } from './domain/questionnaire';
import { CaseError } from './domain/errors';
import { addDays, dateInNorway } from './domain/dates';

const refuse = (promise: Promise<unknown>) => refusal(promise, CaseError);

const tilgangsordningen = tilgangsordningenAnswers;

const ASSESSMENT =
  'Pasienten er klinisk eksepsjonell: ingen andre alternativer. Alvorlighet og nytte oppfyller prioriteringskriteriene.';

const decisionForm = (version: number): DecisionSubmission => ({
  event: 'decide',
  version,
  outcome: 'approved',
  reasonPhrase: '',
  reason: 'Det interregionale fagdirektørmøtet innvilget søknaden.',
  conditionPhrases: [],
  conditions: '',
  evaluationDate: addDays(dateInNorway(new Date()), 180),
  prescriptionNotePhrase: '',
  invoicingPhrase: '',
  ...APPROVAL_TERMS,
  revisionReason: '',
});

describe.each(TEST_DATABASES)('Tilgangsordningen on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
  });
  afterAll(() => database.close());

  const db = () => database.db;

  /** A case submitted by the applicant and endorsed by the leader. */
  async function endorsedCase(answers: Answers) {
    const draft = await createDraft(db(), hbe.applicant, answers);
    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    await endorseCase(db(), hbe.endorser, {
      caseId: draft.id,
      version: submitted.version,
      verdict: 'endorse',
      reason: 'Forankret.',
      ratings: ratings(),
    });
    return draft.id;
  }

  const forward = (actor: Actor, caseId: string, version: number, reason: string) =>
    transition(db(), actor, { caseId, version, event: 'forwardToInterregional', reason });

  it('goes submit → endorse → forward → the committee’s decision, recorded by the director', async () => {
    const caseId = await endorsedCase(tilgangsordningen);

    const atEndorsed = await getCase(db(), hbe.decisionMaker, caseId);
    expect(atEndorsed.events).toContain('forwardToInterregional');
    expect(atEndorsed.events).not.toContain('decide');

    // A direct decision is refused, with a Norwegian explanation, and changes nothing.
    const before = await stateOf(db(), caseId);
    expect(
      await refuse(submitDecision(db(), hbe.decisionMaker, caseId, decisionForm(before.version))),
    ).toBe('notForScheme');
    expect(msg.problems.notForScheme).toContain('interregionale fagdirektørmøtet');
    expect(await stateOf(db(), caseId)).toEqual(before);

    // The medical director's assessment is required.
    const empty = await forward(hbe.decisionMaker, caseId, before.version, '  ').catch(
      (e: unknown) => e,
    );
    expect(empty).toBeInstanceOf(CaseError);
    expect(empty).toMatchObject({ code: 'invalid', fieldErrors: { reason: 'reasonRequired' } });
    // Only the medical director forwards.
    expect(await refuse(forward(hbe.assessor, caseId, before.version, ASSESSMENT))).toBe(
      'forbidden',
    );
    expect(await stateOf(db(), caseId)).toEqual(before);

    const forwarded = await forward(hbe.decisionMaker, caseId, before.version, ASSESSMENT);
    expect((await stateOf(db(), caseId)).status).toBe('atInterregionalCommittee');
    expect((await trailOf(db(), caseId)).at(-1)).toMatchObject({
      event: 'forwardToInterregional',
      reason: ASSESSMENT,
      role: 'decisionMaker',
    });

    // The applicant and the leader are told.
    const told = await db()
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(
        and(eq(notifications.caseId, caseId), eq(notifications.kind, 'caseForwardedInterregional')),
      );
    expect(told.map((n) => n.userId).sort()).toEqual(
      [hbe.applicant.userId, hbe.endorser.userId].sort(),
    );

    // At the committee the case waits for the medical director; the applicant may withdraw.
    const mine = await listMyCases(db(), hbe.decisionMaker);
    expect(mine.waiting.items.map((i) => i.id)).toContain(caseId);
    expect((await getCase(db(), hbe.decisionMaker, caseId)).events).toEqual([
      'decide',
      'requestInformation',
    ]);
    expect((await getCase(db(), hbe.applicant, caseId)).events).toEqual(['withdraw']);
    expect((await getCase(db(), hbe.endorser, caseId)).events).toEqual([]);

    // The committee's approval is recorded with its reseptmerknad and invoicing routine too.
    const atCommittee = await stateOf(db(), caseId);
    expect(
      await refusalWithFields(
        submitDecision(db(), hbe.decisionMaker, caseId, {
          ...decisionForm(forwarded.version),
          prescriptionNote: '',
          invoicing: '',
        }),
      ),
    ).toEqual({
      code: 'invalid',
      fields: { prescriptionNote: 'prescriptionNoteRequired', invoicing: 'invoicingRequired' },
    });
    expect(await stateOf(db(), caseId)).toEqual(atCommittee);
    await submitDecision(db(), hbe.decisionMaker, caseId, decisionForm(forwarded.version));
    expect((await stateOf(db(), caseId)).status).toBe('decided');
    const [decision] = await db()
      .select({ committee: caseDecisions.interregionalCommittee, text: caseDecisions.text })
      .from(caseDecisions)
      .where(eq(caseDecisions.caseId, caseId));
    expect(decision?.committee).toBe(true);
    expect(decision?.text).toContain(msg.decisionModule.text.interregionalCommittee);

    // A revision stays the committee's decision.
    await submitDecision(db(), hbe.decisionMaker, caseId, {
      ...decisionForm((await stateOf(db(), caseId)).version),
      event: 'reviseDecision',
      revisionReason: 'Rettet evalueringsdato.',
    });
    const versions = await db()
      .select({ version: caseDecisions.version, committee: caseDecisions.interregionalCommittee })
      .from(caseDecisions)
      .where(eq(caseDecisions.caseId, caseId))
      .orderBy(caseDecisions.version);
    expect(versions).toEqual([
      { version: 1, committee: true },
      { version: 2, committee: true },
    ]);

    // The national summary has the time at the committee as its own stage.
    const [summary] = await db()
      .select({ stages: caseSummaries.stageSeconds })
      .from(caseSummaries)
      .where(eq(caseSummaries.caseId, caseId));
    expect(Object.keys(summary?.stages ?? {})).toContain('atInterregionalCommittee');
    const published = rowsOf(
      await db().execute(
        sql`select stage from statistics_stage_tenths(${JSON.stringify(summary?.stages ?? {})}::jsonb, null)`,
      ),
      z.object({ stage: z.string() }),
    );
    expect(published.map((r) => r.stage)).toContain('atInterregionalCommittee');
  });

  it('forwards from under assessment too, and lets the applicant withdraw at the committee', async () => {
    const caseId = await endorsedCase(tilgangsordningen);
    const started = await transition(db(), hbe.decisionMaker, {
      caseId,
      version: (await stateOf(db(), caseId)).version,
      event: 'startAssessment',
    });
    expect((await getCase(db(), hbe.decisionMaker, caseId)).events).not.toContain('decide');
    const forwarded = await forward(hbe.decisionMaker, caseId, started.version, ASSESSMENT);
    await transition(db(), hbe.applicant, {
      caseId,
      version: forwarded.version,
      event: 'withdraw',
      reason: 'Pasienten har fått behandling i studie.',
    });
    expect((await stateOf(db(), caseId)).status).toBe('withdrawn');
  });

  it('passes the committee’s request for information to the applicant, whose answer goes back to the assessment', async () => {
    const caseId = await endorsedCase(tilgangsordningen);
    const forwarded = await forward(
      hbe.decisionMaker,
      caseId,
      (await stateOf(db(), caseId)).version,
      ASSESSMENT,
    );
    // What the committee asks for is required; only the medical director passes it on.
    const empty = await transition(db(), hbe.decisionMaker, {
      caseId,
      version: forwarded.version,
      event: 'requestInformation',
      reason: '',
    }).catch((e: unknown) => e);
    expect(empty).toMatchObject({ code: 'invalid', fieldErrors: { reason: 'reasonRequired' } });
    const question = 'Fagdirektørmøtet ber om siste CT-svar.';
    expect(
      await refuse(
        transition(db(), hbe.assessor, {
          caseId,
          version: forwarded.version,
          event: 'requestInformation',
          reason: question,
        }),
      ),
    ).toBe('forbidden');
    expect(await stateOf(db(), caseId)).toEqual({
      version: forwarded.version,
      status: 'atInterregionalCommittee',
    });

    const asked = await transition(db(), hbe.decisionMaker, {
      caseId,
      version: forwarded.version,
      event: 'requestInformation',
      reason: question,
    });
    expect((await stateOf(db(), caseId)).status).toBe('awaitingInformation');
    const told = await db()
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.caseId, caseId), eq(notifications.kind, 'informationRequested')));
    expect(told.map((n) => n.userId)).toEqual([hbe.applicant.userId]);

    const answered = await sendAnswer(db(), hbe.applicant, {
      caseId,
      version: asked.version,
      reason: 'CT 1. desember: stabil sykdom.',
      shownIds: [],
    });
    expect((await stateOf(db(), caseId)).status).toBe('underAssessment');
    // Back at the trust, the director forwards the case again with the new information.
    await forward(hbe.decisionMaker, caseId, answered.version, `${ASSESSMENT} Nytt CT-svar.`);
    expect((await stateOf(db(), caseId)).status).toBe('atInterregionalCommittee');
  });

  it('keeps the direct decision for an off-label case, which cannot be forwarded', async () => {
    const caseId = await endorsedCase(completeAnswers);
    const { version } = await stateOf(db(), caseId);
    expect((await getCase(db(), hbe.decisionMaker, caseId)).events).toContain('decide');
    expect(await refuse(forward(hbe.decisionMaker, caseId, version, ASSESSMENT))).toBe(
      'notForScheme',
    );
    await submitDecision(db(), hbe.decisionMaker, caseId, decisionForm(version));
    const [decision] = await db()
      .select({ committee: caseDecisions.interregionalCommittee, text: caseDecisions.text })
      .from(caseDecisions)
      .where(eq(caseDecisions.caseId, caseId));
    expect(decision?.committee).toBe(false);
    expect(decision?.text).not.toContain(msg.decisionModule.text.interregionalCommittee);
  });
});
