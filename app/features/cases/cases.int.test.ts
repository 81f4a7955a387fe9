import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inApp, inTenant, type Database } from '../../db/database.server';
import {
  accessLog,
  caseCollaborators,
  caseDecisions,
  caseEndorsements,
  caseEvents,
  caseLeaders,
  caseNumberCounters,
  cases,
  notifications,
} from '../../db/schema';
import { completeAnswers, demoActors, TEST_PATIENT_IDS } from '../../test/actors';
import {
  onOneConnection,
  preparedStatements,
  openTestDatabase,
  TEST_DATABASES,
} from '../../test/databases';
import type { Actor } from '../auth/domain/roles';
import {
  caseDecisionsIn,
  caseTrailIn,
  CONCLUDED_STATUSES,
  createDraft,
  getCase,
  getCaseIn,
  inCasePage,
  inviteCoAuthor,
  LIST_PAGE_SIZE,
  listMyCases,
  coAuthorChoices,
  removeCoAuthor,
  saveAnswers,
  transition,
  type CaseListItem,
  type ListCursor,
} from './cases.server';
import { caseRoles, waitingStatuses } from './domain/access';
import { LIMITS } from './domain/application';
import { isStatus, type CaseEvent } from './domain/workflow';
import { endorseCase } from '../assessment/assessment.server';
import { revealPatientId } from '../privacy/unmask.server';
import { endorseWithRatings, ratings, trailOf } from '../../test/case-states';
import { CASE_NUMBER_PATTERN, norwegianYear } from './domain/case-number';
import { CaseError } from './domain/errors';
import { databaseError, refusal } from '../../test/refusals';
import { APPROVAL_TERMS } from '../../test/decisions';
import { minimalPdf } from '../../test/files';
import { uploadAttachment } from '../attachments/attachments.server';
import { DEFAULT_MAX_BYTES } from '../attachments/domain/kinds';
import { databaseStorage } from '../attachments/store.server';

const refuse = (promise: Promise<unknown>) => refusal(promise, CaseError);

const application = completeAnswers;

describe.each(TEST_DATABASES)('cases on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let ous: Awaited<ReturnType<typeof demoActors>>;
  const year = norwegianYear(new Date());

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    ous = await demoActors(database.db, 'OUS');
  });
  afterAll(() => database.close());

  const db = () => database.db;

  async function submittedCase(actor: Actor = hbe.applicant, input = application) {
    const draft = await createDraft(db(), actor, input);
    const submitted = await transition(db(), actor, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    return { id: draft.id, ...submitted };
  }

  it('runs the whole journey: draft → submitted → endorsed → decided, seen by the applicant', async () => {
    const { drug, ...withoutDrug } = application;
    const draft = await createDraft(db(), hbe.applicant, withoutDrug);
    const edited = await saveAnswers(db(), hbe.applicant, draft.id, {
      drug: { base: null, value: drug ?? null },
    });
    expect(edited).toMatchObject({ version: draft.version + 1, applied: ['drug'], conflicts: {} });

    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: edited.version,
      event: 'submit',
    });
    expect(submitted.caseNumber).toMatch(CASE_NUMBER_PATTERN);
    expect(submitted.caseNumber?.startsWith(`HBE-${year}-`)).toBe(true);

    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: draft.id,
      version: submitted.version,
      reason: 'Faglig godt begrunnet; i tråd med prioriteringskriteriene.',
    });
    await transition(db(), hbe.decisionMaker, {
      caseId: draft.id,
      version: endorsed.version,
      event: 'decide',
      outcome: 'approvedWithConditions',
      reason: 'Innvilges for 6 måneder.',
      conditions: 'Evaluering etter 6 måneder.',
      evaluationDate: '2099-06-30',
      ...APPROVAL_TERMS,
    });

    const view = await getCase(db(), hbe.applicant, draft.id);
    expect(view.status).toBe('decided');
    expect(view.caseNumber).toBe(submitted.caseNumber);
    expect(view.decision).toMatchObject({
      version: 1,
      outcome: 'approvedWithConditions',
      reason: 'Innvilges for 6 måneder.',
      conditions: 'Evaluering etter 6 måneder.',
      decidedByName: hbe.decisionMaker.name,
    });
    expect(view.history.map((h) => [h.event, h.fromStatus, h.toStatus, h.actorRole])).toEqual([
      ['create', null, 'draft', 'applicant'],
      ['submit', 'draft', 'submitted', 'applicant'],
      ['endorse', 'submitted', 'endorsed', 'endorser'],
      ['decide', 'endorsed', 'decided', 'decisionMaker'],
    ]);
    expect(view.history[2]).toMatchObject({
      actorName: hbe.endorser.name,
      reason: 'Faglig godt begrunnet; i tråd med prioriteringskriteriene.',
    });
    expect(view.history.every((h) => h.at instanceof Date)).toBe(true);
  });

  it('reads the audit trail and the decisions once per page, shared by its sections', async () => {
    const c = await submittedCase();
    await inCasePage(db(), hbe.decisionMaker, async (tx) => {
      const trail = await caseTrailIn(tx, c.id);
      expect(trail.map((e) => e.event)).toEqual(['create', 'submit']);
      expect(await caseTrailIn(tx, c.id)).toBe(trail);
      expect(await caseDecisionsIn(tx, c.id)).toBe(await caseDecisionsIn(tx, c.id));
    });
    // The case view reads the trail and the decisions with its details and keeps them for the page.
    await inCasePage(db(), hbe.decisionMaker, async (tx) => {
      const view = await getCaseIn(tx, hbe.decisionMaker, c.id);
      const trail = await caseTrailIn(tx, c.id);
      expect(trail.map((e) => [e.event, e.actorName, e.at.getTime()])).toEqual(
        view.history.map((h) => [h.event, h.actorName, h.at.getTime()]),
      );
      expect(await caseTrailIn(tx, c.id)).toBe(trail);
      expect(await caseDecisionsIn(tx, c.id)).toEqual([]);
    });
    // Outside a page's transaction, every call reads again.
    await inTenant(db(), hbe.decisionMaker, async (tx) => {
      expect(await caseTrailIn(tx, c.id)).not.toBe(await caseTrailIn(tx, c.id));
    });
  });

  it('answers a stale version with a conflict and changes nothing', async () => {
    const c = await submittedCase();
    await transition(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      event: 'returnToApplicant',
      reason: 'Hvilke alternativer er prøvd?',
    });
    const code = await refuse(
      endorseWithRatings(db(), hbe.endorser, {
        caseId: c.id,
        version: c.version,
        reason: 'OK',
      }),
    );
    expect(code).toBe('conflict');
    const view = await getCase(db(), hbe.applicant, c.id);
    expect(view.status).toBe('returned');
    expect(view.history.filter((h) => h.event === 'endorse')).toHaveLength(0);
  });

  it('lets exactly one of two simultaneous decisions win; the other is a conflict', async () => {
    const c = await submittedCase();
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      reason: 'OK',
    });
    const decide = (outcome: string) =>
      transition(db(), hbe.decisionMaker, {
        caseId: c.id,
        version: endorsed.version,
        event: 'decide',
        outcome,
        reason: `Beslutning ${outcome}`,
        ...APPROVAL_TERMS,
      });
    const results = await Promise.allSettled([decide('approved'), decide('rejected')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    const view = await getCase(db(), hbe.decisionMaker, c.id);
    expect(view.history.filter((h) => h.event === 'decide')).toHaveLength(1);
    expect(view.decision?.version).toBe(1);
  });

  it('gives concurrent submissions unique, gap-free løpenumre', async () => {
    const before = await inTenant(db(), hbe.applicant, (tx) =>
      tx
        .select({ value: caseNumberCounters.lastValue })
        .from(caseNumberCounters)
        .where(eq(caseNumberCounters.year, year)),
    );
    const start = before[0]?.value ?? 0;
    const drafts = await Promise.all(
      Array.from({ length: 16 }, () => createDraft(db(), hbe.applicant, application)),
    );
    const numbers = await Promise.all(
      drafts.map((d) =>
        transition(db(), hbe.applicant, { caseId: d.id, version: d.version, event: 'submit' }),
      ),
    );
    const sequence = numbers.map((n) => Number(n.caseNumber?.slice(-5))).sort((a, b) => a - b);
    expect(sequence).toEqual(Array.from({ length: 16 }, (_, i) => start + i + 1));
  });

  it('numbers each trust on its own and uses no number for a refused submission', async () => {
    const first = await submittedCase(ous.applicant);
    expect(first.caseNumber).toBe(`OUS-${year}-00001`);
    const { evidence: _evidence, ...incompleteAnswers } = application;
    const incomplete = await createDraft(db(), ous.applicant, incompleteAnswers);
    expect(
      await refuse(
        transition(db(), ous.applicant, {
          caseId: incomplete.id,
          version: incomplete.version,
          event: 'submit',
        }),
      ),
    ).toBe('invalid');
    const second = await submittedCase(ous.applicant);
    expect(second.caseNumber).toBe(`OUS-${year}-00002`);
  });

  it('keeps the løpenummer when a returned application is resubmitted', async () => {
    const c = await submittedCase();
    const returned = await transition(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      event: 'returnToApplicant',
      reason: 'Legg ved dosering.',
    });
    const edited = await saveAnswers(db(), hbe.applicant, c.id, {
      dose: { base: application.dose ?? null, value: '500 mg' },
    });
    expect(edited.version).toBe(returned.version + 1);
    const again = await transition(db(), hbe.applicant, {
      caseId: c.id,
      version: edited.version,
      event: 'resubmit',
    });
    expect(again.caseNumber).toBe(c.caseNumber);
  });

  it('answers 404 (notFound) to another trust, and the database hides the row as well', async () => {
    const c = await submittedCase();
    expect(await refuse(getCase(db(), ous.decisionMaker, c.id))).toBe('notFound');
    expect(
      await refuse(
        transition(db(), ous.decisionMaker, {
          caseId: c.id,
          version: c.version,
          event: 'decide',
          outcome: 'approved',
          reason: 'x',
        }),
      ),
    ).toBe('notFound');
    // Row-level security, not only the use case: bound to OUS, the row does not exist.
    const seenByOus = await inTenant(db(), ous.decisionMaker, (tx) =>
      tx.select().from(cases).where(eq(cases.id, c.id)),
    );
    expect(seenByOus).toHaveLength(0);
    const updated = await inTenant(db(), ous.decisionMaker, (tx) =>
      tx.update(cases).set({ status: 'closed' }).where(eq(cases.id, c.id)).returning(),
    );
    expect(updated).toHaveLength(0);
    const unbound = await inApp(db(), (tx) => tx.select({ n: count() }).from(cases));
    expect(unbound[0]?.n).toBe(0);
    // The owner connection sees it (so the checks above could have failed).
    const owner = await db().select().from(cases).where(eq(cases.id, c.id));
    expect(owner).toHaveLength(1);
  });

  it('refuses to write a row into another trust', async () => {
    const c = await submittedCase();
    expect(
      await databaseError(
        inTenant(db(), ous.applicant, (tx) =>
          tx.insert(caseEvents).values({
            caseId: c.id,
            trustId: hbe.applicant.trustId,
            event: 'close',
            toStatus: 'closed',
            actorId: ous.applicant.userId,
            actorRole: 'applicant',
          }),
        ),
      ),
    ).toMatch(/row-level security/);
  });

  it('shows a draft to its applicant only', async () => {
    const draft = await createDraft(db(), hbe.applicant, application);
    for (const who of [
      hbe.endorser,
      hbe.decisionMaker,
      hbe.assessor,
      hbe.coAuthor,
      hbe.trustAdmin,
    ]) {
      expect(await refuse(getCase(db(), who, draft.id))).toBe('notFound');
    }
    expect((await getCase(db(), hbe.applicant, draft.id)).status).toBe('draft');
  });

  it('treats a malformed case id as not found', async () => {
    expect(await refuse(getCase(db(), hbe.applicant, 'not-a-uuid'))).toBe('notFound');
  });

  it('refuses events the role may not fire and events the status does not allow', async () => {
    const c = await submittedCase();
    const fire = (actor: Actor, event: 'returnToApplicant' | 'decide' | 'submit') =>
      refuse(
        transition(db(), actor, {
          caseId: c.id,
          version: c.version,
          event,
          reason: 'x',
          outcome: 'approved',
        }),
      );
    expect(await fire(hbe.applicant, 'returnToApplicant')).toBe('forbidden');
    expect(
      await refuse(
        endorseWithRatings(db(), hbe.applicant, { caseId: c.id, version: c.version, reason: 'x' }),
      ),
    ).toBe('forbidden');
    expect(await fire(hbe.decisionMaker, 'decide')).toBe('invalidTransition');
    expect(await fire(hbe.applicant, 'submit')).toBe('invalidTransition');
    expect((await getCase(db(), hbe.applicant, c.id)).status).toBe('submitted');
  });

  it('refuses endorse and notEndorse as bare events: only the endorsement form records them', async () => {
    const c = await submittedCase();
    const endorsementsOf = (caseId: string) =>
      inTenant(db(), hbe.endorser, (tx) =>
        tx
          .select({ verdict: caseEndorsements.verdict })
          .from(caseEndorsements)
          .where(eq(caseEndorsements.caseId, caseId)),
      );
    for (const event of ['endorse', 'notEndorse'] as const) {
      expect(
        await refuse(
          transition(db(), hbe.endorser, {
            caseId: c.id,
            version: c.version,
            event,
            reason: 'Bare en begrunnelse.',
          }),
        ),
      ).toBe('invalidTransition');
    }
    expect(await getCase(db(), hbe.endorser, c.id)).toMatchObject({
      status: 'submitted',
      version: c.version,
    });
    expect((await trailOf(db(), c.id)).map((e) => e.event)).toEqual(['create', 'submit']);
    expect(await endorsementsOf(c.id)).toEqual([]);
    // The endorsement form's use case still endorses, with its assessment of the criteria.
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      reason: 'Godt begrunnet.',
    });
    expect(endorsed).toMatchObject({ version: c.version + 1, role: 'endorser' });
    expect(await getCase(db(), hbe.endorser, c.id)).toMatchObject({
      status: 'endorsed',
      version: c.version + 1,
    });
    expect(await endorsementsOf(c.id)).toEqual([{ verdict: 'endorse' }]);
    // And the refusal, likewise.
    const other = await submittedCase();
    await endorseWithRatings(db(), hbe.endorser, {
      caseId: other.id,
      version: other.version,
      verdict: 'notEndorse',
      reason: 'Ikke i tråd med prioriteringene.',
    });
    expect((await getCase(db(), hbe.endorser, other.id)).status).toBe('notEndorsed');
    expect(await endorsementsOf(other.id)).toEqual([{ verdict: 'notEndorse' }]);
  });

  it('requires a reason where the table says so, and a valid decision', async () => {
    const c = await submittedCase();
    const error = await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      reason: '   ',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid', fieldErrors: { reason: 'reasonRequired' } });
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      reason: 'OK',
    });
    const decision = await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: endorsed.version,
      event: 'decide',
      outcome: 'approvedWithConditions',
      reason: 'Innvilget',
      conditions: '',
    }).catch((e: unknown) => e);
    expect(decision).toMatchObject({
      code: 'invalid',
      fieldErrors: { conditions: 'conditionsRequired' },
    });
    expect((await getCase(db(), hbe.applicant, c.id)).status).toBe('endorsed');
    // A reason the event takes without requiring it is held to the same length.
    const long = 'x'.repeat(LIMITS.long + 1);
    const started = await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: endorsed.version,
      event: 'startAssessment',
      reason: long,
    }).catch((e: unknown) => e);
    expect(started).toMatchObject({ code: 'invalid', fieldErrors: { reason: 'tooLong' } });
    expect((await getCase(db(), hbe.applicant, c.id)).status).toBe('endorsed');
    await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: endorsed.version,
      event: 'startAssessment',
      reason: '  ',
    });
    expect((await getCase(db(), hbe.applicant, c.id)).status).toBe('underAssessment');
  });

  it('refuses to submit an incomplete application and keeps it as a draft', async () => {
    const { severity: _severity, ...rest } = application;
    const draft = await createDraft(db(), hbe.applicant, {
      ...rest,
      patientId: TEST_PATIENT_IDS[1].slice(0, 10),
    });
    const error = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'invalid',
      fieldErrors: { patientId: 'patientIdFormat', severity: 'answerRequired' },
    });
    const view = await getCase(db(), hbe.applicant, draft.id);
    expect(view).toMatchObject({ status: 'draft', caseNumber: null });
    expect(view.answers.patientId).toBe(TEST_PATIENT_IDS[1].slice(0, 10));
  });

  it('drops answers that no longer apply when submitting (no patient id on a group)', async () => {
    const c = await submittedCase(hbe.applicant, {
      ...application,
      patientScope: 'group',
      population: 'Voksne med membranøs nefropati',
      expectedPatients: '8',
      inclusionCriteria: 'Terapiresistent',
      exclusionCriteria: 'Graviditet',
    });
    const view = await getCase(db(), hbe.applicant, c.id);
    expect(view.answers.patientId).toBeUndefined();
    expect(view.answers.consent).toBeUndefined();
    expect(view.answers.population).toBe('Voksne med membranøs nefropati');
  });

  it('merges co-authors per field and reports a conflict instead of overwriting', async () => {
    const draft = await createDraft(db(), hbe.applicant, application);
    await inviteCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId);
    // Both loaded the same answers; each changes a different field.
    const first = await saveAnswers(db(), hbe.applicant, draft.id, {
      dose: { base: application.dose ?? null, value: '750 mg' },
    });
    const second = await saveAnswers(db(), hbe.coAuthor, draft.id, {
      route: { base: application.route ?? null, value: 'Subkutant' },
    });
    expect(first.applied).toEqual(['dose']);
    expect(second).toMatchObject({ applied: ['route'], conflicts: {} });
    expect(second.answers).toMatchObject({ dose: '750 mg', route: 'Subkutant' });
    // The co-author, still on the old dose, changes it too: a conflict, nothing overwritten.
    const clash = await saveAnswers(db(), hbe.coAuthor, draft.id, {
      dose: { base: application.dose ?? null, value: '2 g' },
    });
    expect(clash).toMatchObject({ applied: [], conflicts: { dose: '750 mg' } });
    expect(clash.version).toBe(second.version);
    const view = await getCase(db(), hbe.applicant, draft.id);
    expect(view.answers.dose).toBe('750 mg');
    // Who changed what.
    expect(view.changes.slice(-2).map((c) => [c.questionId, c.actorName])).toEqual([
      ['dose', hbe.applicant.name],
      ['route', hbe.coAuthor.name],
    ]);
    expect(view.coAuthors.map((p) => p.name)).toEqual([hbe.coAuthor.name]);
  });

  it('refuses answers that cannot be stored, and keeps the rest', async () => {
    expect(await refuse(createDraft(db(), hbe.applicant, { scheme: 'offLabel' }))).toBe('invalid');
    const draft = await createDraft(db(), hbe.applicant, {
      scheme: 'offLabel',
      patientScope: 'group',
    });
    const result = await saveAnswers(db(), hbe.applicant, draft.id, {
      dose: { base: null, value: 'x'.repeat(201) },
      scheme: { base: null, value: 'homeopathy' },
      route: { base: null, value: 'Intravenøst' },
    });
    expect(result).toMatchObject({
      applied: ['route'],
      errors: { dose: 'tooLong', scheme: 'invalidValue' },
    });
  });

  it('keeps Unntaksordningen and Tilgangsordningen to one patient: start, save and submit', async () => {
    const start = await createDraft(db(), hbe.applicant, {
      scheme: 'unntaksordningen',
      patientScope: 'group',
    }).catch((e: unknown) => e);
    expect(start).toMatchObject({
      code: 'invalid',
      fieldErrors: { patientScope: 'groupNotUnntaksordningen' },
    });
    const group = {
      ...application,
      patientScope: 'group',
      population: 'Voksne med membranøs nefropati',
      expectedPatients: '8',
      inclusionCriteria: 'Terapiresistent',
      exclusionCriteria: 'Graviditet',
    };
    const draft = await createDraft(db(), hbe.applicant, group);
    // The scheme changed on a group is refused (kept as the editor's to correct); the rest saves.
    const saved = await saveAnswers(db(), hbe.applicant, draft.id, {
      scheme: { base: 'offLabel', value: 'tilgangsordningen' },
      route: { base: application.route ?? null, value: 'Subkutant' },
    });
    expect(saved).toMatchObject({
      applied: ['route'],
      errors: { scheme: 'groupNotTilgangsordningen' },
      answers: { scheme: 'offLabel', patientScope: 'group', route: 'Subkutant' },
    });
    // Both changed at once (a form sent without JavaScript): both refused, nothing stored.
    const both = await saveAnswers(db(), hbe.applicant, draft.id, {
      scheme: { base: 'offLabel', value: 'unntaksordningen' },
      patientScope: { base: 'group', value: 'group' },
    });
    expect(both).toMatchObject({
      applied: [],
      errors: { scheme: 'groupNotUnntaksordningen' },
      version: saved.version,
    });
    // A group stored under Unntaksordningen before the rule is not submitted.
    await db()
      .update(cases)
      .set({ answers: { ...group, scheme: 'unntaksordningen', differenceFromAssessedGroup: 'x' } })
      .where(eq(cases.id, draft.id));
    const submit = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: saved.version,
      event: 'submit',
    }).catch((e: unknown) => e);
    expect(submit).toMatchObject({
      code: 'invalid',
      fieldErrors: { patientScope: 'groupNotUnntaksordningen' },
    });
    // Choosing one patient is stored.
    const single = await saveAnswers(db(), hbe.applicant, draft.id, {
      patientScope: { base: 'group', value: 'single' },
    });
    expect(single).toMatchObject({ applied: ['patientScope'], errors: {} });
  });

  it('lets the applicant invite a doctor of the same trust, and only that', async () => {
    const draft = await createDraft(db(), hbe.applicant, application);
    const { colleagues } = await coAuthorChoices(db(), hbe.applicant, draft.id);
    expect(colleagues.map((c) => c.id)).toEqual([hbe.coAuthor.userId]);
    expect(await refuse(inviteCoAuthor(db(), hbe.applicant, draft.id, hbe.endorser.userId))).toBe(
      'invalid',
    );
    expect(await refuse(inviteCoAuthor(db(), hbe.applicant, draft.id, ous.applicant.userId))).toBe(
      'invalid',
    );
    await inviteCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId);
    expect(await refuse(inviteCoAuthor(db(), hbe.coAuthor, draft.id, hbe.coAuthor.userId))).toBe(
      'forbidden',
    );
    // The co-author sees the draft and edits it, but does not submit it.
    const mine = await allListed(hbe.coAuthor);
    expect(mine.waiting.map((i) => i.id)).toContain(draft.id);
    const view = await getCase(db(), hbe.coAuthor, draft.id);
    expect(view).toMatchObject({ roles: ['coAuthor'], editable: true, events: [] });
    expect(
      await refuse(
        transition(db(), hbe.coAuthor, {
          caseId: draft.id,
          version: view.version,
          event: 'submit',
        }),
      ),
    ).toBe('forbidden');
    const applicantView = await getCase(db(), hbe.applicant, draft.id);
    expect(applicantView.history.at(-1)).toMatchObject({
      event: 'inviteCoAuthor',
      reason: hbe.coAuthor.name,
    });
  });

  it('lets the applicant take a co-author off the application, which ends their access at once', async () => {
    const draft = await createDraft(db(), hbe.applicant, application);
    await inviteCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId);
    // Only the applicant removes a co-author; naming anyone else (or nothing valid) changes nothing.
    expect(await refuse(removeCoAuthor(db(), hbe.coAuthor, draft.id, hbe.coAuthor.userId))).toBe(
      'forbidden',
    );
    expect(await removeCoAuthor(db(), hbe.applicant, draft.id, hbe.endorser.userId)).toBe(false);
    expect(await removeCoAuthor(db(), hbe.applicant, draft.id, 'not-a-uuid')).toBe(false);
    expect((await getCase(db(), hbe.coAuthor, draft.id)).roles).toEqual(['coAuthor']);
    const told = () =>
      db()
        .select({ userId: notifications.userId, caseNumber: notifications.caseNumber })
        .from(notifications)
        .where(and(eq(notifications.caseId, draft.id), eq(notifications.kind, 'coAuthorRemoved')));
    expect(await told()).toEqual([]);

    expect(await removeCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId)).toBe(true);
    // A second click finds no co-author to remove: nothing more is written.
    expect(await removeCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId)).toBe(false);
    // The former co-author can no longer read, edit or list the draft.
    expect(await refuse(getCase(db(), hbe.coAuthor, draft.id))).toBe('notFound');
    expect(
      await refuse(
        saveAnswers(db(), hbe.coAuthor, draft.id, {
          dose: { base: application.dose ?? null, value: '2 g' },
        }),
      ),
    ).toBe('notFound');
    const listed = await allListed(hbe.coAuthor);
    expect([...listed.active, ...listed.pages.flat()].map((i) => i.id)).not.toContain(draft.id);
    // The applicant's case: no co-author, the removal in the history once, by name; the colleague
    // told once (a draft has no case number to keep), and free to be invited again.
    const view = await getCase(db(), hbe.applicant, draft.id);
    expect(view.coAuthors).toEqual([]);
    expect(view.history.filter((e) => e.event === 'removeCoAuthor')).toMatchObject([
      { reason: hbe.coAuthor.name, actorRole: 'applicant' },
    ]);
    expect(await told()).toEqual([{ userId: hbe.coAuthor.userId, caseNumber: null }]);
    expect(
      (await coAuthorChoices(db(), hbe.applicant, draft.id)).colleagues.map((c) => c.id),
    ).toEqual([hbe.coAuthor.userId]);
  });

  it('keeps a co-author who has written in the application (an answer or an attachment) on it', async () => {
    const settings = { storage: databaseStorage(), maxBytes: DEFAULT_MAX_BYTES };
    const wroteAnswer = await createDraft(db(), hbe.applicant, application);
    const wroteFile = await createDraft(db(), hbe.applicant, application);
    for (const draft of [wroteAnswer, wroteFile]) {
      await inviteCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId);
      expect((await coAuthorChoices(db(), hbe.applicant, draft.id)).wrote).toEqual([]);
    }
    await saveAnswers(db(), hbe.coAuthor, wroteAnswer.id, {
      dose: { base: application.dose ?? null, value: '750 mg' },
    });
    await uploadAttachment(db(), settings, hbe.coAuthor, {
      caseId: wroteFile.id,
      fileName: 'notat.pdf',
      bytes: minimalPdf(),
    });
    for (const draft of [wroteAnswer, wroteFile]) {
      expect((await coAuthorChoices(db(), hbe.applicant, draft.id)).wrote).toEqual([
        hbe.coAuthor.userId,
      ]);
      expect(await refuse(removeCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId))).toBe(
        'coAuthorWrote',
      );
      // Nothing changed: still a co-author (so still kept from judging it), nothing noted or told.
      const view = await getCase(db(), hbe.applicant, draft.id);
      expect(view.coAuthors.map((p) => p.id)).toEqual([hbe.coAuthor.userId]);
      expect(view.history.map((e) => e.event)).not.toContain('removeCoAuthor');
      expect(
        await db()
          .select()
          .from(notifications)
          .where(
            and(eq(notifications.caseId, draft.id), eq(notifications.kind, 'coAuthorRemoved')),
          ),
      ).toEqual([]);
    }
  });

  it('takes a co-author off only while the application may be edited', async () => {
    const draft = await createDraft(db(), hbe.applicant, application);
    await inviteCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId);
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    expect(await refuse(removeCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId))).toBe(
      'invalidTransition',
    );
    expect((await getCase(db(), hbe.coAuthor, draft.id)).roles).toEqual(['coAuthor']);
  });

  it('logs an autosave that stores nothing, since it answers with the stored answers', async () => {
    const draft = await createDraft(db(), hbe.applicant, application);
    await inviteCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId);
    const logged = async () =>
      (
        await db()
          .select({ userId: accessLog.userId, role: accessLog.role, action: accessLog.action })
          .from(accessLog)
          .where(eq(accessLog.caseId, draft.id))
          .orderBy(accessLog.id)
      ).slice(1);
    await saveAnswers(db(), hbe.applicant, draft.id, {
      dose: { base: application.dose ?? null, value: '750 mg' },
    });
    // A conflict (the co-author's base is stale) and a refused value: nothing stored, but the
    // stored answers, with the patient id, come back.
    const clash = await saveAnswers(db(), hbe.coAuthor, draft.id, {
      dose: { base: application.dose ?? null, value: '2 g' },
    });
    const refused = await saveAnswers(db(), hbe.applicant, draft.id, {
      dose: { base: '750 mg', value: 'x'.repeat(201) },
    });
    for (const result of [clash, refused]) {
      expect(result.applied).toEqual([]);
      expect(result.answers.patientId).toBe(application.patientId);
    }
    expect(await logged()).toEqual([
      { userId: hbe.applicant.userId, role: 'applicant', action: 'saveAnswers' },
      { userId: hbe.coAuthor.userId, role: 'coAuthor', action: 'view' },
      { userId: hbe.applicant.userId, role: 'applicant', action: 'view' },
    ]);
  });

  it('lets only the applicant and co-authors edit, and only a draft or returned application', async () => {
    const c = await submittedCase();
    const change = { dose: { base: application.dose ?? null, value: '1 g' } };
    expect(await refuse(saveAnswers(db(), hbe.endorser, c.id, change))).toBe('forbidden');
    expect(await refuse(saveAnswers(db(), hbe.applicant, c.id, change))).toBe('invalidTransition');
    expect(await refuse(createDraft(db(), hbe.endorser, application))).toBe('forbidden');
    // Opening it for editing shows nothing (the page sends them to the case): not logged as an edit.
    expect((await getCase(db(), hbe.applicant, c.id, 'edit')).editable).toBe(false);
    expect(
      await db()
        .select({ action: accessLog.action })
        .from(accessLog)
        .where(and(eq(accessLog.caseId, c.id), eq(accessLog.action, 'edit'))),
    ).toEqual([]);
  });

  it('logs every read of a case (who, role, what) in the access log', async () => {
    const c = await submittedCase();
    await getCase(db(), hbe.endorser, c.id);
    await getCase(db(), hbe.decisionMaker, c.id);
    const rows = await db()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.caseId, c.id), eq(accessLog.action, 'view')))
      .orderBy(accessLog.id);
    expect(rows.map((r) => [r.userId, r.role, r.action])).toEqual([
      [hbe.endorser.userId, 'endorser', 'view'],
      [hbe.decisionMaker.userId, 'decisionMaker', 'view'],
    ]);
  });

  it('logs the role the access is made in: the stage’s role of someone holding several', async () => {
    // A leader of the department who is also director and committee member.
    const both: Actor = {
      ...hbe.endorser,
      grants: [...hbe.endorser.grants, ...hbe.decisionMaker.grants, ...hbe.assessor.grants],
    };
    const c = await submittedCase();
    const logged = async () =>
      (
        await db()
          .select({ role: accessLog.role, action: accessLog.action, purpose: accessLog.purpose })
          .from(accessLog)
          .where(and(eq(accessLog.caseId, c.id), eq(accessLog.userId, both.userId)))
          .orderBy(accessLog.id)
      ).map((r) => [r.action, r.role, r.purpose]);
    // Awaiting endorsement: they read it as its leader.
    await getCase(db(), both, c.id);
    await revealPatientId(db(), both, c.id);
    const endorsed = await endorseWithRatings(db(), both, {
      caseId: c.id,
      version: c.version,
      reason: 'Forankret.',
    });
    // Endorsed, then under assessment: the director's stage.
    await getCase(db(), both, c.id);
    await transition(db(), both, {
      caseId: c.id,
      version: endorsed.version,
      event: 'startAssessment',
    });
    await getCase(db(), both, c.id, 'export');
    await revealPatientId(db(), both, c.id);
    expect(await logged()).toEqual([
      ['view', 'endorser', 'casework'],
      ['revealPatientId', 'endorser', 'unmask'],
      ['endorse', 'endorser', 'casework'],
      ['view', 'decisionMaker', 'casework'],
      ['startAssessment', 'decisionMaker', 'casework'],
      ['export', 'decisionMaker', 'export'],
      ['revealPatientId', 'decisionMaker', 'unmask'],
    ]);
  });

  it('keeps audit records append-only for the application role', async () => {
    const c = await submittedCase();
    expect(
      await databaseError(
        inTenant(db(), hbe.decisionMaker, (tx) =>
          tx.update(caseEvents).set({ reason: 'rewritten' }).where(eq(caseEvents.caseId, c.id)),
        ),
      ),
    ).toMatch(/permission denied/);
    expect(
      await databaseError(
        inTenant(db(), hbe.decisionMaker, (tx) => tx.execute(sql`delete from access_log`)),
      ),
    ).toMatch(/permission denied/);
  });

  it('puts what waits for each role first in "my cases"', async () => {
    const c = await submittedCase();
    const endorserView = await allListed(hbe.endorser);
    expect(endorserView.waiting.map((i) => i.id)).toContain(c.id);
    const directorView = await allListed(hbe.decisionMaker);
    expect(directorView.others.map((i) => i.id)).toContain(c.id);
    expect(directorView.waiting.map((i) => i.id)).not.toContain(c.id);
    const applicantView = await allListed(hbe.applicant);
    expect(applicantView.others.map((i) => i.id)).toContain(c.id);
    const foreign = await allListed(ous.decisionMaker);
    expect(foreign.active.map((i) => i.id)).not.toContain(c.id);
    const reader = await listMyCases(db(), hbe.nationalReader);
    expect(reader).toEqual({
      waiting: { items: [], next: null, total: 0 },
      others: { items: [], next: null },
      finished: { items: [], next: null },
    });
  });

  it('lists the drug and the main diagnosis in "my cases", never the free-text indication', async () => {
    const c = await submittedCase();
    for (const actor of [hbe.applicant, hbe.endorser, hbe.decisionMaker, hbe.assessor]) {
      const listed = await allListed(actor);
      expect(listed.active.find((i) => i.id === c.id)).toMatchObject({
        drug: 'Rituximab 500 mg infusjonsvæske',
        diagnosisCode: 'N04.2',
        diagnosisName: expect.stringMatching(/\S/) as unknown,
      });
      const shown = JSON.stringify([listed.active, listed.pages]);
      expect(shown).not.toContain('Membranøs nefropati, terapiresistent');
      expect(shown).not.toContain(TEST_PATIENT_IDS[0]);
    }
  });

  it('leaves a follow-up waiting for the applicant, not for the director', async () => {
    const c = await submittedCase();
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      reason: 'Faglig godt begrunnet; i tråd med prioriteringskriteriene.',
    });
    expect((await allListed(hbe.decisionMaker)).waiting.map((i) => i.id)).toContain(c.id);
    const decided = await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: endorsed.version,
      event: 'decide',
      outcome: 'approvedWithConditions',
      reason: 'Innvilges for 6 måneder.',
      conditions: 'Evaluering etter 6 måneder.',
      evaluationDate: '2099-06-30',
      ...APPROVAL_TERMS,
    });
    await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: decided.version,
      event: 'beginFollowUp',
    });
    // The director may still correct or close it, but it waits for the outcome report.
    const director = await allListed(hbe.decisionMaker);
    expect(director.waiting.map((i) => i.id)).not.toContain(c.id);
    expect(director.others.map((i) => i.id)).toContain(c.id);
    const applicant = await allListed(hbe.applicant);
    expect(applicant.waiting.find((i) => i.id === c.id)).toMatchObject({ status: 'followUp' });
  });

  it('shows the outcome of each case\'s latest decision in "my cases", and none before a decision', async () => {
    const decidedCase = async (outcome: 'approved' | 'rejected') => {
      const c = await submittedCase();
      const endorsed = await endorseWithRatings(db(), hbe.endorser, {
        caseId: c.id,
        version: c.version,
        reason: 'Faglig godt begrunnet; i tråd med prioriteringskriteriene.',
      });
      const decided = await transition(db(), hbe.decisionMaker, {
        caseId: c.id,
        version: endorsed.version,
        event: 'decide',
        outcome,
        reason: outcome === 'approved' ? 'Innvilges.' : 'Dokumentasjonen er for svak.',
        ...APPROVAL_TERMS,
      });
      return { id: c.id, version: decided.version };
    };
    const pending = await submittedCase();
    const approved = await decidedCase('approved');
    // Revised from approved to rejected: the latest version (2) is the one shown.
    const revised = await decidedCase('approved');
    await transition(db(), hbe.decisionMaker, {
      caseId: revised.id,
      version: revised.version,
      event: 'reviseDecision',
      outcome: 'rejected',
      reason: 'Ny vurdering: dokumentasjonen er for svak.',
      revisionReason: 'Feil utfall registrert.',
    });
    // Follow-up (an active status) and closed keep the decision's outcome.
    const followUp = await decidedCase('approved');
    await transition(db(), hbe.decisionMaker, {
      caseId: followUp.id,
      version: followUp.version,
      event: 'beginFollowUp',
    });
    const closed = await decidedCase('rejected');
    await transition(db(), hbe.decisionMaker, {
      caseId: closed.id,
      version: closed.version,
      event: 'close',
    });
    // Each case's latest decision, read as the owner.
    const latest = new Map<string, string>();
    for (const d of await db()
      .select({ caseId: caseDecisions.caseId, outcome: caseDecisions.outcome })
      .from(caseDecisions)
      .orderBy(asc(caseDecisions.version)))
      latest.set(d.caseId, d.outcome);
    for (const actor of [hbe.applicant, hbe.decisionMaker]) {
      const listed = await allListed(actor);
      const items = [...listed.active, ...listed.pages.flat()];
      const shown = (id: string) => items.find((i) => i.id === id);
      expect(shown(pending.id)).toMatchObject({ status: 'submitted', outcome: null });
      expect(shown(approved.id)).toMatchObject({ status: 'decided', outcome: 'approved' });
      expect(shown(revised.id)).toMatchObject({ status: 'decided', outcome: 'rejected' });
      expect(shown(followUp.id)).toMatchObject({ status: 'followUp', outcome: 'approved' });
      expect(shown(closed.id)).toMatchObject({ status: 'closed', outcome: 'rejected' });
      // Every listed case, these and the other tests' alike: its latest decision's outcome or null.
      expect(new Map(items.map((i) => [i.id, i.outcome]))).toEqual(
        new Map(items.map((i) => [i.id, latest.get(i.id) ?? null])),
      );
    }
  });

  it('"My cases" runs as a statement named by its text: the same lists on one connection, run after run', async () => {
    // Each role's statement is prepared on one connection and run eight times, past the five runs
    // after which PostgreSQL may plan it generically, each time equal to the main pool's. The
    // judging roles' lists are planned on every run (no generic plan), the writers' may not be.
    await submittedCase();
    const runs = (roles: readonly (keyof typeof hbe)[]) =>
      onOneConnection(database, async (one) => {
        for (let run = 0; run < 8; run += 1) {
          for (const role of roles) {
            const [named, expected] = await Promise.all([
              listMyCases(one.db, hbe[role]),
              listMyCases(db(), hbe[role]),
            ]);
            expect(named, `${role}, run ${String(run)}`).toEqual(expected);
          }
        }
        return preparedStatements(one, 'sp\\_h\\_%');
      });
    const judging = await runs(['endorser', 'decisionMaker', 'assessor']);
    const writing = await runs(['applicant', 'coAuthor']);
    if (database.kind === 'postgres') {
      expect(judging).toMatchObject({ names: 3, texts: 3, generic: 0, custom: 24 });
      expect(writing).toMatchObject({ names: 2, texts: 2 });
    }
  });

  /**
   * Every case on "My cases": every page of what waits, of the other active cases and of the
   * concluded ones, each walked to its end; paging one list leaves the others on their first page,
   * and the count of what waits is the same on every page and counts every case that waits.
   */
  async function allListed(actor: Actor) {
    const first = await listMyCases(db(), actor);
    const walk = async (list: 'waiting' | 'others' | 'finished') => {
      const pages: CaseListItem[][] = [first[list].items];
      let next: ListCursor | null = first[list].next;
      while (next) {
        const page = await listMyCases(db(), actor, { [list]: next });
        for (const other of ['waiting', 'others', 'finished'] as const) {
          if (other !== list) expect(page[other]).toEqual(first[other]);
        }
        expect(page.waiting.total).toBe(first.waiting.total);
        pages.push(page[list].items);
        next = page[list].next;
      }
      return pages;
    };
    const waitingPages = await walk('waiting');
    const otherPages = await walk('others');
    const pages = await walk('finished');
    const waiting = waitingPages.flat();
    const others = otherPages.flat();
    expect(first.waiting.total).toBe(waiting.length);
    // The SQL grouping agrees with the pure rule, item by item.
    expect(waiting.every((i) => i.waitingForMe)).toBe(true);
    expect(others.every((i) => !i.waitingForMe)).toBe(true);
    return {
      waiting,
      waitingPages,
      others,
      otherPages,
      active: [...waiting, ...others],
      pages,
    };
  }

  it('lets no one endorse, assess or decide their own application (applicant + leader + director)', async () => {
    // One person holding three roles (BRIEF §2): the director is also a doctor and a leader of
    // the applicant's department.
    const judge: Actor = {
      ...hbe.decisionMaker,
      grants: [...hbe.decisionMaker.grants, ...hbe.applicant.grants, ...hbe.endorser.grants],
    };
    const own = await submittedCase(judge);
    const colleagues = await submittedCase();
    expect((await getCase(db(), judge, own.id)).roles).toEqual(['applicant']);
    expect((await getCase(db(), judge, own.id)).events).toEqual(['withdraw']);
    expect((await getCase(db(), judge, colleagues.id)).roles).toEqual([
      'endorser',
      'decisionMaker',
    ]);
    const unchanged = async (id: string, status: string, version: number) =>
      expect(await getCase(db(), hbe.endorser, id)).toMatchObject({ status, version });

    const tryEvent = (event: CaseEvent, version: number) =>
      refuse(transition(db(), judge, { caseId: own.id, version, event, reason: 'Begrunnet.' }));
    expect(await tryEvent('returnToApplicant', own.version)).toBe('ownCase');
    expect(
      await refuse(
        endorseCase(db(), judge, {
          caseId: own.id,
          version: own.version,
          verdict: 'endorse',
          reason: 'Forankret.',
          ratings: ratings(),
        }),
      ),
    ).toBe('ownCase');
    await unchanged(own.id, 'submitted', own.version);
    // "My cases": the own case waits for the leader, not for them.
    const listed = await allListed(judge);
    expect(listed.waiting.map((i) => i.id)).toContain(colleagues.id);
    expect(listed.waiting.map((i) => i.id)).not.toContain(own.id);
    expect(listed.others.map((i) => i.id)).toContain(own.id);

    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: own.id,
      version: own.version,
      reason: 'Forankret.',
    });
    expect(await tryEvent('startAssessment', endorsed.version)).toBe('ownCase');
    expect(await tryEvent('decide', endorsed.version)).toBe('ownCase');
    await unchanged(own.id, 'endorsed', endorsed.version);
    expect((await allListed(judge)).waiting.map((i) => i.id)).not.toContain(own.id);
    // The applicant's own action stays theirs.
    await transition(db(), judge, {
      caseId: own.id,
      version: endorsed.version,
      event: 'withdraw',
      reason: 'Trekker søknaden.',
    });
    expect((await getCase(db(), judge, own.id)).status).toBe('withdrawn');
    // On a colleague's case the same person still endorses.
    await endorseWithRatings(db(), judge, {
      caseId: colleagues.id,
      version: colleagues.version,
      reason: 'Forankret.',
    });
    expect((await getCase(db(), judge, colleagues.id)).status).toBe('endorsed');
  });

  it('lists every active case and pages the concluded ones by keyset, newest first', async () => {
    const hst = await demoActors(db(), 'HST');
    // Active cases that were last changed long before the concluded ones are never cut off.
    const drafts = [];
    for (let i = 0; i < 3; i++) drafts.push(await createDraft(db(), hst.applicant, application));
    const submitted = await submittedCase(hst.applicant);
    const withdrawn: string[] = [];
    for (let i = 0; i < 2 * LIST_PAGE_SIZE + 3; i++) {
      const draft = await createDraft(db(), hst.applicant, application);
      await transition(db(), hst.applicant, {
        caseId: draft.id,
        version: draft.version,
        event: 'withdraw',
      });
      withdrawn.unshift(draft.id);
    }
    const applicant = await allListed(hst.applicant);
    expect(applicant.active.map((i) => i.id)).toEqual(
      expect.arrayContaining([...drafts.map((d) => d.id), submitted.id]),
    );
    expect(applicant.pages.map((p) => p.length)).toEqual([LIST_PAGE_SIZE, LIST_PAGE_SIZE, 3]);
    // Newest first, no case twice, none left out.
    expect(applicant.pages.flat().map((i) => i.id)).toEqual(withdrawn);
    const director = await allListed(hst.decisionMaker);
    expect(director.active.map((i) => i.id)).toContain(submitted.id);
    expect(director.active.map((i) => i.id)).not.toContain(drafts[0]?.id);
    expect(director.pages.flat().map((i) => i.id)).toEqual(withdrawn);
    expect(director.pages.flat().every((i) => !i.waitingForMe && i.dueAt === null)).toBe(true);
  });

  it('pages the other active cases by keyset: ties, the last page, cases moving to what waits', async () => {
    const ours: { id: string; version: number }[] = [];
    for (let i = 0; i < 2 * LIST_PAGE_SIZE + 3; i++) ours.push(await submittedCase(ous.applicant));
    // Ties: 25 cases changed at the same microsecond, so a page ends inside the tie (then by id).
    const tied = new Set(ours.slice(0, LIST_PAGE_SIZE + 5).map((c) => c.id));
    await db()
      .update(cases)
      .set({ updatedAt: sql`'2026-06-01 10:00:00.123456+00'::timestamptz` })
      .where(inArray(cases.id, [...tied]));
    /** The director's other active cases in OUS, as the database orders them. */
    const othersInOrder = async () => {
      const rows = await inTenant(db(), ous.decisionMaker, (tx) =>
        tx
          .select({ id: cases.id, status: cases.status })
          .from(cases)
          .orderBy(desc(cases.updatedAt), desc(cases.id)),
      );
      const skip: readonly string[] = [
        'draft',
        ...CONCLUDED_STATUSES,
        ...waitingStatuses(['decisionMaker']),
      ];
      return rows.filter((r) => !skip.includes(r.status)).map((r) => r.id);
    };
    const pageLengths = (n: number) =>
      Array.from({ length: Math.ceil(n / LIST_PAGE_SIZE) }, (_, i) =>
        Math.min(LIST_PAGE_SIZE, n - i * LIST_PAGE_SIZE),
      );

    const before = await allListed(ous.decisionMaker);
    const expected = await othersInOrder();
    expect(before.others.map((i) => i.id)).toEqual(expected);
    expect(before.otherPages.map((p) => p.length)).toEqual(pageLengths(expected.length));
    expect(before.otherPages.filter((p) => p.some((i) => tied.has(i.id))).length).toBeGreaterThan(
      1,
    );
    // What waits for the leader: every one of them, a page at a time.
    const leader = await allListed(ous.endorser);
    expect(leader.waiting.map((i) => i.id)).toEqual(expect.arrayContaining(ours.map((c) => c.id)));
    expect(leader.waitingPages.length).toBeGreaterThan(1);

    const endorse = (c: { id: string; version: number }) =>
      endorseWithRatings(db(), ous.endorser, {
        caseId: c.id,
        version: c.version,
        reason: 'Faglig godt begrunnet; i tråd med prioriteringskriteriene.',
      });
    // A case on page 2 moves to what waits for the director while they read page 1: page 2 from
    // the same cursor lists the rest in order, nothing twice and nothing lost.
    const first = await listMyCases(db(), ous.decisionMaker);
    const secondBefore = before.otherPages[1]?.map((i) => i.id) ?? [];
    const moved = ours.find((c) => c.id === secondBefore[3]);
    if (!moved || !first.others.next) throw new Error('expected a second page');
    await endorse(moved);
    const second = await listMyCases(db(), ous.decisionMaker, { others: first.others.next });
    expect(second.waiting.total).toBe(first.waiting.total + 1);
    expect(second.others.items.map((i) => i.id)).toEqual(
      [...secondBefore.filter((id) => id !== moved.id), before.otherPages[2]?.[0]?.id].slice(
        0,
        LIST_PAGE_SIZE,
      ),
    );

    // The last page: with a multiple of the page size left, the last page is full and has no
    // "show more" (no empty page after it).
    const left = (await othersInOrder()).length;
    const toMove = ours.filter((c) => c.id !== moved.id).slice(-(left % LIST_PAGE_SIZE || 1));
    if (left % LIST_PAGE_SIZE !== 0) for (const c of toMove) await endorse(c);
    const after = await allListed(ous.decisionMaker);
    const remaining = await othersInOrder();
    expect(remaining.length % LIST_PAGE_SIZE).toBe(0);
    expect(after.others.map((i) => i.id)).toEqual(remaining);
    expect(after.otherPages.map((p) => p.length)).toEqual(pageLengths(remaining.length));
    expect(after.waiting.map((i) => i.id)).toEqual(expect.arrayContaining([moved.id]));
  });

  it('pages what waits by keyset, oldest first, counts it, and leaves it out of the other cases', async () => {
    const hst = await demoActors(db(), 'HST');
    const endorsed: { id: string; version: number }[] = [];
    for (let i = 0; i < 2 * LIST_PAGE_SIZE + 3; i++) {
      const c = await submittedCase(hst.applicant);
      const done = await endorseWithRatings(db(), hst.endorser, {
        caseId: c.id,
        version: c.version,
        reason: 'Faglig godt begrunnet; i tråd med prioriteringskriteriene.',
      });
      endorsed.push({ id: c.id, version: done.version });
    }
    // Ties: 25 cases changed at the same microsecond, so a page ends inside the tie (then by id).
    const tied = new Set(endorsed.slice(-(LIST_PAGE_SIZE + 5)).map((c) => c.id));
    await db()
      .update(cases)
      .set({ updatedAt: sql`'2026-06-01 10:00:00.123456+00'::timestamptz` })
      .where(inArray(cases.id, [...tied]));
    /** What waits for the director in HST, as the database orders it (oldest first). */
    const waitingInOrder = async () => {
      const rows = await inTenant(db(), hst.decisionMaker, (tx) =>
        tx
          .select({ id: cases.id, status: cases.status })
          .from(cases)
          .orderBy(asc(cases.updatedAt), asc(cases.id)),
      );
      const waits: readonly string[] = waitingStatuses(['decisionMaker']).filter(
        (s) => !CONCLUDED_STATUSES.includes(s),
      );
      return rows.filter((r) => waits.includes(r.status)).map((r) => r.id);
    };
    const expected = await waitingInOrder();
    const director = await allListed(hst.decisionMaker);
    expect(director.waiting.map((i) => i.id)).toEqual(expected);
    expect(director.waitingPages.map((p) => p.length)).toEqual(
      Array.from({ length: Math.ceil(expected.length / LIST_PAGE_SIZE) }, (_, i) =>
        Math.min(LIST_PAGE_SIZE, expected.length - i * LIST_PAGE_SIZE),
      ),
    );
    expect(
      director.waitingPages.filter((p) => p.some((i) => tied.has(i.id))).length,
    ).toBeGreaterThan(1);

    // Returned to the applicant: one of the director's other cases …
    const returned = endorsed[0];
    if (!returned) throw new Error('no case');
    await transition(db(), hst.decisionMaker, {
      caseId: returned.id,
      version: returned.version,
      event: 'returnToApplicant',
      reason: 'Legg ved siste prøvesvar.',
    });
    const before = await allListed(hst.decisionMaker);
    expect(before.waiting.length).toBe(expected.length - 1);
    expect(before.others.map((i) => i.id)).toContain(returned.id);
    // … until the director co-authors it: then it waits for them (to write), and only there.
    await db().insert(caseCollaborators).values({
      caseId: returned.id,
      trustId: hst.decisionMaker.trustId,
      userId: hst.decisionMaker.userId,
      invitedBy: hst.applicant.userId,
    });
    const after = await allListed(hst.decisionMaker);
    expect(after.waiting.length).toBe(expected.length);
    expect(after.waiting.filter((i) => i.id === returned.id)).toHaveLength(1);
    expect(after.others.map((i) => i.id)).not.toContain(returned.id);
  });

  it('lists exactly the cases the access rules let each person see, each once', async () => {
    await submittedCase();
    const draft = await createDraft(db(), hbe.applicant, application);
    await inviteCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId);
    const everything = await inTenant(db(), hbe.decisionMaker, async (tx) => ({
      rows: await tx.select().from(cases),
      coAuthors: await tx.select().from(caseCollaborators),
      leaders: await tx.select().from(caseLeaders),
    }));
    for (const actor of Object.values(hbe)) {
      const expected = everything.rows
        .filter((row) => {
          if (!isStatus(row.status)) return false;
          const of = (list: { caseId: string; userId: string }[]) =>
            list.filter((m) => m.caseId === row.id).map((m) => m.userId);
          const active = (kind: 'delegate' | 'collaborator') =>
            everything.leaders.filter((l) => l.kind === kind && l.revokedAt === null);
          return (
            caseRoles(actor, {
              ...row,
              status: row.status,
              coAuthorIds: of(everything.coAuthors),
              delegateId: of(active('delegate'))[0] ?? null,
              collaboratorIds: of(active('collaborator')),
            }).length > 0
          );
        })
        .map((row) => row.id)
        .sort();
      const listed = await allListed(actor);
      const ids = [...listed.active, ...listed.pages.flat()].map((i) => i.id).sort();
      expect(ids).toEqual(expected);
      const concluded: readonly string[] = CONCLUDED_STATUSES;
      expect(listed.active.some((i) => concluded.includes(i.status))).toBe(false);
      expect(listed.pages.flat().every((i) => concluded.includes(i.status))).toBe(true);
    }
  });
});
