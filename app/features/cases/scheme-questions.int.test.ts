import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import { cases } from '../../db/schema';
import { completeAnswersFor, demoActors, SCHEME_ANSWERS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import type { Actor } from '../auth/domain/roles';
import { createDraft, getCase, saveAnswers, transition } from './cases.server';
import type { Scheme } from './domain/application';
import type { FieldChanges } from './domain/merge';
import type { Answers, AnswerValue, QuestionId } from './domain/questionnaire';

/** A complete application under `scheme` without the scheme's own answers (as stored before). */
const withoutOwnAnswers = (scheme: Scheme): Answers =>
  Object.fromEntries(
    Object.entries(completeAnswersFor(scheme)).filter(([id]) => !(id in SCHEME_ANSWERS[scheme])),
  );

/** Each scheme's own questions are checked when the application is sent, never when it is read. */
describe.each(TEST_DATABASES)('the schemes’ own questions on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
  });
  afterAll(() => database.close());

  const db = () => database.db;
  const send = (actor: Actor, caseId: string, version: number, event: 'submit' | 'resubmit') =>
    transition(db(), actor, { caseId, version, event }).catch((e: unknown) => e);
  /** Saves `answers` as the applicant's editor would, from what is stored now. */
  const save = async (caseId: string, answers: Answers) => {
    const stored = (await getCase(db(), hbe.applicant, caseId)).answers;
    const changes: FieldChanges = {};
    for (const [id, value] of Object.entries(answers) as [QuestionId, AnswerValue][]) {
      changes[id] = { base: stored[id] ?? null, value };
    }
    return saveAnswers(db(), hbe.applicant, caseId, changes);
  };

  it('asks an application without Norwegian MT about godkjenningsfritak before it is sent', async () => {
    const draft = await createDraft(
      db(),
      hbe.applicant,
      withoutOwnAnswers('noMarketingAuthorisation'),
    );
    expect(await send(hbe.applicant, draft.id, draft.version, 'submit')).toMatchObject({
      code: 'invalid',
      fieldErrors: {
        exemptionApplication: 'answerRequired',
        approvedAbroad: 'answerRequired',
        norwegianAlternativesUnsuitable: 'answerRequired',
      },
    });
    // «Not needed» asks why.
    const notNeeded = await save(draft.id, {
      ...SCHEME_ANSWERS.noMarketingAuthorisation,
      exemptionApplication: 'notNeeded',
    });
    expect(notNeeded.errors).toEqual({});
    const why = await send(hbe.applicant, draft.id, notNeeded.version, 'submit');
    expect(why).toMatchObject({ fieldErrors: { exemptionNotNeededReason: 'answerRequired' } });
    expect(Object.keys((why as { fieldErrors: object }).fieldErrors)).toEqual([
      'exemptionNotNeededReason',
    ]);
    const answered = await save(draft.id, { exemptionNotNeededReason: 'NAF-preparat' });
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: answered.version,
      event: 'submit',
    });
    const view = await getCase(db(), hbe.applicant, draft.id);
    expect(view.status).toBe('submitted');
    expect(view.answers).toMatchObject({
      exemptionApplication: 'notNeeded',
      exemptionNotNeededReason: 'NAF-preparat',
      approvedAbroad: 'USA (FDA), 2019',
    });
  });

  it('keeps a badly written Nye Metoder id in the draft and refuses it when sent', async () => {
    const draft = await createDraft(db(), hbe.applicant, completeAnswersFor('unntaksordningen'));
    const typed = await save(draft.id, { nyeMetoderId: 'ID2023-45' });
    expect(typed).toMatchObject({ applied: ['nyeMetoderId'], errors: {} });
    expect(typed.answers.nyeMetoderId).toBe('ID2023-45');
    expect(await send(hbe.applicant, draft.id, typed.version, 'submit')).toMatchObject({
      code: 'invalid',
      fieldErrors: { nyeMetoderId: 'nyeMetoderIdFormat' },
    });
    expect((await getCase(db(), hbe.applicant, draft.id)).status).toBe('draft');
    const fixed = await save(draft.id, { nyeMetoderId: 'ID2023_045' });
    const sent = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: fixed.version,
      event: 'submit',
    });
    expect(sent.caseNumber).not.toBeNull();
  });

  it('requires the Beslutningsforum decision under Tilgangsordningen, not under Unntaksordningen', async () => {
    const { beslutningsforumDecision: _d, ...tilgang } = completeAnswersFor('tilgangsordningen');
    const draft = await createDraft(db(), hbe.applicant, tilgang);
    expect(await send(hbe.applicant, draft.id, draft.version, 'submit')).toMatchObject({
      code: 'invalid',
      fieldErrors: { beslutningsforumDecision: 'answerRequired' },
    });
    const { nyeMetoderId: _id, ...unntak } = completeAnswersFor('unntaksordningen');
    const other = await createDraft(db(), hbe.applicant, unntak);
    const sent = await transition(db(), hbe.applicant, {
      caseId: other.id,
      version: other.version,
      event: 'submit',
    });
    expect(sent.caseNumber).not.toBeNull();
  });

  it('reads a case sent before the off-label questions existed, and asks them when it is sent again', async () => {
    const draft = await createDraft(db(), hbe.applicant, completeAnswersFor('offLabel'));
    const sent = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    // As stored before the questions existed.
    await db()
      .update(cases)
      .set({ answers: withoutOwnAnswers('offLabel') })
      .where(eq(cases.id, draft.id));
    const read = await getCase(db(), hbe.endorser, draft.id);
    expect(read.status).toBe('submitted');
    expect(read.answers.approvedIndication).toBeUndefined();
    const returned = await transition(db(), hbe.endorser, {
      caseId: draft.id,
      version: sent.version,
      event: 'returnToApplicant',
      reason: 'Hva er legemiddelet godkjent for?',
    });
    expect(await send(hbe.applicant, draft.id, returned.version, 'resubmit')).toMatchObject({
      code: 'invalid',
      fieldErrors: {
        approvedIndication: 'answerRequired',
        deviationFromApproval: 'answerRequired',
      },
    });
    const answered = await save(draft.id, SCHEME_ANSWERS.offLabel);
    const again = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: answered.version,
      event: 'resubmit',
    });
    expect(again.caseNumber).toBe(sent.caseNumber);
  });
});
