import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import {
  accessLog,
  attachments,
  caseConsultations,
  caseEvents,
  cases,
  notifications,
  users,
} from '../../db/schema';
import { msg } from '../../i18n';
import { completeAnswers, demoActors, TEST_PATIENT_IDS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { minimalPdf } from '../../test/files';
import { databaseError, refusal } from '../../test/refusals';
import {
  downloadAttachment,
  listAttachments,
  uploadAttachment,
} from '../attachments/attachments.server';
import { AttachmentError } from '../attachments/domain/errors';
import { DEFAULT_MAX_BYTES } from '../attachments/domain/kinds';
import { databaseStorage } from '../attachments/store.server';
import type { Actor } from '../auth/domain/roles';
import { createDraft, getCase, listMyCases, saveAnswers, transition } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import {
  answerConsultation,
  ConsultationInputError,
  consultationSection,
  consultationSectionIn,
  getConsultationPanel,
  listConsultationsToUs,
  requestConsultation,
  revokeConsultation,
} from './consultations.server';
import { addDays, dateInNorway, startOfNorwegianDay } from '../cases/domain/dates';
import { getCaseClocks, runStageAlerts } from '../clocks/clocks.server';
import { getDecisionLetter, getDecisionPanel } from '../decisions/decisions.server';
import { listNotifications } from '../notifications/notifications.server';
import type { OutgoingMail } from '../notifications/mail.server';
import { composeMail, deliverOutbox } from '../notifications/outbox.server';
import { revealPatientId } from '../privacy/unmask.server';
import { endorseWithRatings } from '../../test/case-states';

const refuse = (promise: Promise<unknown>) => refusal(promise, CaseError);

async function inputErrors(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConsultationInputError) return error.fieldErrors;
    throw error;
  }
  throw new Error('Expected the input to be refused');
}

describe.each(TEST_DATABASES)('cross-trust consultation on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let ous: Awaited<ReturnType<typeof demoActors>>;
  let hst: Awaited<ReturnType<typeof demoActors>>;
  const settings = { storage: databaseStorage(), maxBytes: DEFAULT_MAX_BYTES };
  const deadline = addDays(dateInNorway(new Date()), 14);
  let caseId = '';
  let attachmentId = '';

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    ous = await demoActors(database.db, 'OUS');
    hst = await demoActors(database.db, 'HST');
    const draft = await createDraft(database.db, hbe.applicant, completeAnswers);
    const file = await uploadAttachment(database.db, settings, hbe.applicant, {
      caseId: draft.id,
      fileName: 'epikrise.pdf',
      bytes: minimalPdf(),
    });
    attachmentId = file.id;
    let version = (
      await transition(database.db, hbe.applicant, {
        caseId: draft.id,
        version: draft.version,
        event: 'submit',
      })
    ).version;
    version = (
      await endorseWithRatings(database.db, hbe.endorser, {
        caseId: draft.id,
        version,
        reason: 'Forankret.',
      })
    ).version;
    await transition(database.db, hbe.decisionMaker, {
      caseId: draft.id,
      version,
      event: 'startAssessment',
    });
    caseId = draft.id;
  });
  afterAll(() => database.close());

  const db = () => database.db;
  const version = async () => (await getCase(db(), hbe.decisionMaker, caseId)).version;
  const ousTrust = () => ous.decisionMaker.trustId;
  /** The actor's records of the case in the case's own trust's log (ADR 0025). */
  const readsBy = (actor: Actor) =>
    inTenant(db(), hbe.trustAdmin, async (tx) => {
      const [row] = await tx
        .select({ n: count() })
        .from(accessLog)
        .where(and(eq(accessLog.caseId, caseId), eq(accessLog.userId, actor.userId)));
      return row?.n ?? 0;
    });
  /** What a trust sees of the case in plain SQL as the application role. */
  const seenBy = (actor: Actor) =>
    inTenant(db(), actor, async (tx) => ({
      cases: (await tx.select().from(cases).where(eq(cases.id, caseId))).length,
      events: (await tx.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).length,
      attachments: (await tx.select().from(attachments).where(eq(attachments.caseId, caseId)))
        .length,
      grants: (
        await tx.select().from(caseConsultations).where(eq(caseConsultations.caseId, caseId))
      ).length,
    }));

  it('hides the case from another trust before any grant', async () => {
    expect(await refuse(getCase(db(), ous.decisionMaker, caseId))).toBe('notFound');
    expect(await seenBy(ous.decisionMaker)).toEqual({
      cases: 0,
      events: 0,
      attachments: 0,
      grants: 0,
    });
    expect(await listConsultationsToUs(db(), ous.decisionMaker)).toEqual([]);
    expect(await getConsultationPanel(db(), hbe.endorser, caseId)).toBeNull();
    expect(await getConsultationPanel(db(), hbe.applicant, caseId)).toBeNull();
  });

  it('refuses a request with bad input, keeping the case as it was', async () => {
    const before = await version();
    const errors = await inputErrors(
      requestConsultation(db(), hbe.decisionMaker, caseId, {
        version: before,
        consultedTrustId: hbe.decisionMaker.trustId,
        question: '  ',
        deadline: '2020-01-01',
      }),
    );
    expect(errors).toEqual({
      consultedTrustId: 'trustRequired',
      question: 'questionRequired',
      deadline: 'deadlinePast',
    });
    expect(await version()).toBe(before);
  });

  it('lets only the director ask, and never through the generic transition', async () => {
    const current = await version();
    const input = { version: current, consultedTrustId: ousTrust(), question: 'Q?', deadline };
    expect(await refuse(requestConsultation(db(), hbe.assessor, caseId, input))).toBe('forbidden');
    expect(await refuse(requestConsultation(db(), hbe.applicant, caseId, input))).toBe('forbidden');
    expect(
      await refuse(
        transition(db(), hbe.decisionMaker, {
          caseId,
          version: current,
          event: 'requestConsultation',
          reason: 'Q?',
        }),
      ),
    ).toBe('invalidTransition');
  });

  it('grants read access to the consulted trust, logging every read, and nothing else', async () => {
    await requestConsultation(db(), hbe.decisionMaker, caseId, {
      version: await version(),
      consultedTrustId: ousTrust(),
      question: 'Har dere erfaring med rituksimab ved membranøs nefropati?',
      deadline,
    });
    const home = await getCase(db(), hbe.decisionMaker, caseId);
    expect(home.status).toBe('inConsultation');
    expect(home.events).not.toContain('cancelConsultation');

    const view = await getCase(db(), ous.decisionMaker, caseId);
    expect(view).toMatchObject({ roles: ['consultant'], events: [], editable: false });
    expect(view.answers.indication).toBe(completeAnswers.indication);
    expect(view.history.map((h) => h.event)).toContain('requestConsultation');
    await getCase(db(), ous.decisionMaker, caseId);
    expect(await readsBy(ous.decisionMaker)).toBe(2);
    // Logged in the treating trust's log (whose patient it is), with the reader's trust; the
    // consulted trust's own log holds nothing of it.
    const [logged] = await inTenant(db(), hbe.trustAdmin, (tx) =>
      tx
        .select()
        .from(accessLog)
        .where(and(eq(accessLog.caseId, caseId), eq(accessLog.userId, ous.decisionMaker.userId))),
    );
    expect(logged).toMatchObject({
      trustId: hbe.decisionMaker.trustId,
      readerTrustId: ousTrust(),
      role: 'consultant',
      purpose: 'consultation',
      action: 'view',
    });
    expect(
      await inTenant(db(), ous.decisionMaker, (tx) =>
        tx.select().from(accessLog).where(eq(accessLog.caseId, caseId)),
      ),
    ).toEqual([]);

    // The committee may read too; an applicant of the consulted trust may not.
    expect((await getCase(db(), ous.assessor, caseId)).roles).toEqual(['consultant']);
    expect(await refuse(getCase(db(), ous.applicant, caseId))).toBe('notFound');
    // In the database too: the question (the grant row) is the director's and committee's alone.
    expect(await seenBy(ous.applicant)).toMatchObject({ cases: 0, grants: 0 });
    expect(await seenBy(ous.assessor)).toMatchObject({ cases: 1, grants: 1 });

    const files = await listAttachments(db(), ous.decisionMaker, caseId);
    expect(files.attachments.map((f) => f.fileName)).toEqual(['epikrise.pdf']);
    expect(files.editable).toBe(false);
    const download = await downloadAttachment(
      db(),
      settings.storage,
      ous.decisionMaker,
      caseId,
      attachmentId,
    );
    expect(new Uint8Array(download.bytes)).toEqual(minimalPdf());

    const panel = await getConsultationPanel(db(), ous.decisionMaker, caseId);
    expect(panel).toMatchObject({ mode: 'consulted', canAnswer: true });
    // The forms' own pages (where a refused post lands) read the question and the answers
    // outside the case page: a logged read each, in the treating trust's log.
    const url = new URL('https://soknad.test/');
    const consultationReads = (actor: Actor) =>
      inTenant(db(), hbe.trustAdmin, (tx) =>
        tx
          .select({ role: accessLog.role, purpose: accessLog.purpose, trustId: accessLog.trustId })
          .from(accessLog)
          .where(
            and(
              eq(accessLog.caseId, caseId),
              eq(accessLog.userId, actor.userId),
              eq(accessLog.action, 'readConsultation'),
            ),
          ),
      );
    expect((await consultationSection(db(), ous.decisionMaker, caseId, url)).panel).toMatchObject({
      mode: 'consulted',
    });
    expect(await consultationReads(ous.decisionMaker)).toEqual([
      { role: 'consultant', purpose: 'consultation', trustId: hbe.decisionMaker.trustId },
    ]);
    expect((await consultationSection(db(), hbe.decisionMaker, caseId, url)).panel).toMatchObject({
      mode: 'home',
    });
    expect(await consultationReads(hbe.decisionMaker)).toEqual([
      { role: 'decisionMaker', purpose: 'casework', trustId: hbe.decisionMaker.trustId },
    ]);
    // The case page's own section adds nothing to the log (the case page logs its read).
    await inTenant(db(), hbe.decisionMaker, (tx) =>
      consultationSectionIn(tx, hbe.decisionMaker, caseId, url),
    );
    expect(await consultationReads(hbe.decisionMaker)).toHaveLength(1);
    const toUs = await listConsultationsToUs(db(), ous.decisionMaker);
    expect(toUs.map((c) => [c.caseId, c.deadline])).toEqual([[caseId, deadline]]);
    expect(await listConsultationsToUs(db(), hst.decisionMaker)).toEqual([]);

    const [told] = await inTenant(db(), ous.decisionMaker, (tx) =>
      tx.select().from(notifications).where(eq(notifications.caseId, caseId)),
    );
    expect(told).toMatchObject({ kind: 'consultationRequested', userId: ous.decisionMaker.userId });
  });

  it("lists the case in consultation among the asking trust's other cases: it waits for the answer", async () => {
    // The director may withdraw the consultation, but need not act: «Andre saker», with the
    // stage's due date, not «Venter på deg»; nor does it wait for the committee.
    for (const who of [hbe.decisionMaker, hbe.assessor]) {
      const mine = await listMyCases(db(), who);
      expect(mine.waiting.items.map((i) => i.id)).not.toContain(caseId);
      const listed = mine.others.items.find((i) => i.id === caseId);
      expect(listed).toMatchObject({ status: 'inConsultation', waitingForMe: false });
      expect(listed?.dueAt).not.toBeNull();
    }
  });

  it('never shows the consulted trust the patient identity: masked, no unmask, export or letter', async () => {
    const logged = (actor: Actor) =>
      inTenant(db(), hbe.trustAdmin, (tx) =>
        tx
          .select({ action: accessLog.action, purpose: accessLog.purpose })
          .from(accessLog)
          .where(and(eq(accessLog.caseId, caseId), eq(accessLog.userId, actor.userId))),
      );
    const patientId = TEST_PATIENT_IDS[0];
    for (const consultant of [ous.decisionMaker, ous.assessor]) {
      const view = await getCase(db(), consultant, caseId);
      expect(view.seesPatientIdentity).toBe(false);
      // Not even the date part (the date of birth) of it.
      expect(view.answers.patientId).toBe('****** *****');
      // Nor which kind of id it is (a D-nummer or H-nummer says something of the patient).
      expect(view.patientIdKind).toBeNull();
      expect(JSON.stringify(view)).not.toContain(patientId.slice(0, 6));
      const before = await logged(consultant);
      expect(await refuse(revealPatientId(db(), consultant, caseId))).toBe('patientIdentityHidden');
      expect(await refuse(getCase(db(), consultant, caseId, 'export'))).toBe(
        'patientIdentityHidden',
      );
      expect(await refuse(getDecisionLetter(db(), consultant, caseId, 1))).toBe(
        'patientIdentityHidden',
      );
      // Refused before anything was read: nothing logged, least of all an unmask.
      expect(await logged(consultant)).toEqual(before);
      expect(before.some((r) => r.purpose === 'unmask' || r.purpose === 'export')).toBe(false);
      expect((await getDecisionPanel(db(), consultant, caseId, null)).letter).toBe(false);
    }
    // The treating trust still sees and unmasks it.
    const home = await getCase(db(), hbe.decisionMaker, caseId);
    expect([home.seesPatientIdentity, home.answers.patientId]).toEqual([true, patientId]);
    expect(home.patientIdKind).not.toBeNull();
    expect((await revealPatientId(db(), hbe.decisionMaker, caseId)).patientId).toBe(patientId);
  });

  it('lets the consulted trust write nothing but its answer', async () => {
    const current = await version();
    // Saving takes the row lock, which row-level security grants only to the case's own trust.
    expect(
      await refuse(
        saveAnswers(db(), ous.decisionMaker, caseId, {
          indication: { base: completeAnswers.indication ?? null, value: 'Endret' },
        }),
      ),
    ).toBe('notFound');
    for (const event of ['decide', 'withdraw', 'returnToApplicant'] as const) {
      const result = await refusal(
        transition(db(), ous.decisionMaker, {
          caseId,
          version: current,
          event,
          reason: 'x',
          outcome: 'approved',
        }),
        CaseError,
      );
      expect(['forbidden', 'invalidTransition']).toContain(result);
    }
    expect(await refuse(revokeConsultation(db(), ous.decisionMaker, caseId, caseId, current))).toBe(
      'forbidden',
    );
    expect(
      await refuse(revokeConsultation(db(), hbe.decisionMaker, caseId, 'not-a-uuid', current)),
    ).toBe('notFound');
    expect(
      await refuse(
        answerConsultation(db(), ous.decisionMaker, caseId, 'x', { version: current, answer: 'a' }),
      ),
    ).toBe('notFound');
    expect(
      await refusal(
        uploadAttachment(db(), settings, ous.decisionMaker, {
          caseId,
          fileName: 'x.pdf',
          bytes: minimalPdf(),
        }),
        AttachmentError,
      ),
    ).toBe('notEditable');

    // Plain SQL as the application role: updates find no row, inserts and answers are refused.
    const changed = await inTenant(db(), ous.decisionMaker, (tx) =>
      tx
        .update(cases)
        .set({ status: 'decided' })
        .where(eq(cases.id, caseId))
        .returning({ id: cases.id }),
    );
    expect(changed).toEqual([]);
    expect(
      await databaseError(
        inTenant(db(), ous.decisionMaker, (tx) =>
          tx.insert(caseEvents).values({
            caseId,
            trustId: hbe.decisionMaker.trustId,
            event: 'decide',
            toStatus: 'decided',
            actorId: ous.decisionMaker.userId,
            actorRole: 'decisionMaker',
          }),
        ),
      ),
    ).toMatch(/row-level security/);
    expect(
      await databaseError(
        inTenant(db(), ous.decisionMaker, (tx) =>
          tx.update(caseConsultations).set({ answer: 'Snik' }),
        ),
      ),
    ).toMatch(/permission denied/);
    expect((await getCase(db(), hbe.decisionMaker, caseId)).version).toBe(current);
  });

  it('shows a third trust nothing, not even through the answer function', async () => {
    expect(await seenBy(hst.decisionMaker)).toEqual({
      cases: 0,
      events: 0,
      attachments: 0,
      grants: 0,
    });
    expect(await refuse(getCase(db(), hst.decisionMaker, caseId))).toBe('notFound');
    const [grant] = await inTenant(db(), hbe.decisionMaker, (tx) =>
      tx.select().from(caseConsultations).where(eq(caseConsultations.caseId, caseId)),
    );
    const result = await inTenant(db(), hst.decisionMaker, (tx) =>
      tx
        .select({ v: sql<number | null>`answer_consultation(${grant?.id}, ${1}, ${'Svar'})` })
        .from(sql`(select 1) as one`),
    );
    expect(result).toEqual([{ v: null }]);
  });

  it('ends the access when the director revokes', async () => {
    const panel = await getConsultationPanel(db(), hbe.decisionMaker, caseId);
    if (panel?.mode !== 'home') throw new Error('Expected the home panel');
    expect(panel.canRevoke).toBe(true);
    const [open] = panel.consultations;
    if (!open) throw new Error('Expected the consultation');
    expect(open.state).toBe('open');
    // Naming no pending grant: a conflict, and nothing changes (status, version, the open grant).
    expect(
      await refuse(
        revokeConsultation(db(), hbe.decisionMaker, caseId, randomUUID(), panel.caseVersion),
      ),
    ).toBe('conflict');
    expect(await getCase(db(), hbe.decisionMaker, caseId)).toMatchObject({
      status: 'inConsultation',
      version: panel.caseVersion,
    });
    expect((await getCase(db(), ous.decisionMaker, caseId)).roles).toEqual(['consultant']);
    const revokedNotices = () =>
      db()
        .select({ userId: notifications.userId, caseNumber: notifications.caseNumber })
        .from(notifications)
        .where(
          and(eq(notifications.caseId, caseId), eq(notifications.kind, 'consultationRevoked')),
        );
    // The refused revocation above told no one.
    expect(await revokedNotices()).toEqual([]);
    await revokeConsultation(db(), hbe.decisionMaker, caseId, open.id, panel.caseVersion);
    const { status, caseNumber } = await getCase(db(), hbe.decisionMaker, caseId);
    expect(status).toBe('underAssessment');
    expect(await refuse(getCase(db(), ous.decisionMaker, caseId))).toBe('notFound');
    expect((await seenBy(ous.decisionMaker)).cases).toBe(0);
    expect(await listConsultationsToUs(db(), ous.decisionMaker)).toEqual([]);
    const after = await getConsultationPanel(db(), hbe.decisionMaker, caseId);
    expect(after?.mode === 'home' && after.consultations[0]?.state).toBe('revoked');
    // OUS's director, who was asked, is told once that the question was taken back, by the case
    // number the notice kept (the case is closed to him now); no one else is told of this kind.
    expect(await revokedNotices()).toEqual([{ userId: ous.decisionMaker.userId, caseNumber }]);
    const [notice] = (await listNotifications(db(), ous.decisionMaker)).filter(
      (n) => n.kind === 'consultationRevoked',
    );
    expect(notice).toMatchObject({ caseId, caseNumber, caseVisible: false, read: false });
    const mail = composeMail(
      { kind: 'consultationRevoked', caseId, caseNumber, email: 'knut@ous.test' },
      'https://soknad.test',
    );
    expect(mail.text).toContain(msg.notifications.kinds.consultationRevoked);
    expect(mail.text).toContain('https://soknad.test/varsler');
    expect(mail.text).not.toContain('/saker/');
  });

  it('lands the answer in the case and ends the access', async () => {
    const { id } = await requestConsultation(db(), hbe.decisionMaker, caseId, {
      version: await version(),
      consultedTrustId: ousTrust(),
      question: 'Ny runde: hvilken dose brukte dere?',
      deadline,
    });
    const current = (await getCase(db(), ous.decisionMaker, caseId)).version;
    expect(
      await inputErrors(
        answerConsultation(db(), ous.decisionMaker, caseId, id, { version: current, answer: ' ' }),
      ),
    ).toEqual({ answer: 'answerRequired' });
    expect(
      await refuse(
        answerConsultation(db(), ous.decisionMaker, caseId, id, {
          version: current - 1,
          answer: 'Svar',
        }),
      ),
    ).toBe('conflict');
    expect(
      await refuse(
        answerConsultation(db(), hbe.decisionMaker, caseId, id, {
          version: current,
          answer: 'Svar',
        }),
      ),
    ).toBe('forbidden');

    const answer = '1000 mg dag 1 og 15, god effekt hos 3 av 4 pasienter.';
    await answerConsultation(db(), ous.assessor, caseId, id, { version: current, answer });
    // The answer is a change of the case: in the treating trust's log, with the reader's trust.
    const answered = await inTenant(db(), hbe.trustAdmin, (tx) =>
      tx
        .select()
        .from(accessLog)
        .where(and(eq(accessLog.caseId, caseId), eq(accessLog.action, 'answerConsultation'))),
    );
    expect(answered).toEqual([
      expect.objectContaining({
        userId: ous.assessor.userId,
        readerTrustId: ousTrust(),
        role: 'consultant',
        purpose: 'consultation',
      }),
    ]);

    const view = await getCase(db(), hbe.decisionMaker, caseId);
    expect(view.status).toBe('underAssessment');
    expect(view.history.at(-1)).toMatchObject({
      event: 'answerConsultation',
      actorRole: 'consultant',
      actorName: 'Eva Strand',
      reason: answer,
    });
    const panel = await getConsultationPanel(db(), hbe.decisionMaker, caseId);
    expect(panel?.mode === 'home' && panel.consultations[0]).toMatchObject({
      state: 'answered',
      answer,
      answeredByName: 'Eva Strand',
    });
    expect(await refuse(getCase(db(), ous.assessor, caseId))).toBe('notFound');
    // A colleague answers too, from the form still open in their tab: the consultation is closed
    // (409, said as such, not «fant ikke saken»), and the case is as Eva's answer left it.
    const after = await getCase(db(), hbe.decisionMaker, caseId);
    expect(
      await refuse(
        answerConsultation(db(), ous.decisionMaker, caseId, id, {
          version: current,
          answer: 'Vårt svar',
        }),
      ),
    ).toBe('consultationClosed');
    expect(await getCase(db(), hbe.decisionMaker, caseId)).toMatchObject({
      version: after.version,
      history: after.history,
    });
    // An answered (or revoked) grant is no longer readable by the consulted trust, in the database.
    expect(await seenBy(ous.assessor)).toEqual({ cases: 0, events: 0, attachments: 0, grants: 0 });
    const told = await inTenant(db(), hbe.decisionMaker, (tx) =>
      tx.select().from(notifications).where(eq(notifications.kind, 'consultationAnswered')),
    );
    expect(told.map((n) => n.caseId)).toEqual([caseId]);
  });

  it('ends the access after the deadline day', async () => {
    const { id } = await requestConsultation(db(), hbe.decisionMaker, caseId, {
      version: await version(),
      consultedTrustId: ousTrust(),
      question: 'Tredje spørsmål',
      deadline,
    });
    expect((await getCase(db(), ous.decisionMaker, caseId)).roles).toEqual(['consultant']);
    // The deadline passes (set as the owner; the application role cannot change it).
    await db()
      .update(caseConsultations)
      .set({ deadline: addDays(dateInNorway(new Date()), -1) })
      .where(eq(caseConsultations.id, id));
    expect(await refuse(getCase(db(), ous.decisionMaker, caseId))).toBe('notFound');
    const panel = await getConsultationPanel(db(), hbe.decisionMaker, caseId);
    expect(panel?.mode === 'home' && panel.consultations[0]?.state).toBe('expired');
    // Still in consultation until the director revokes the expired grant.
    if (panel?.mode !== 'home') throw new Error('Expected the home panel');
    await revokeConsultation(db(), hbe.decisionMaker, caseId, id, panel.caseVersion);
    expect((await getCase(db(), hbe.decisionMaker, caseId)).status).toBe('underAssessment');
  });

  it('an answer and a revocation at once: one of them wins, the other is refused with its message, never a database error', async () => {
    for (let round = 0; round < 6; round++) {
      const caseVersion = await version();
      const { id } = await requestConsultation(db(), hbe.decisionMaker, caseId, {
        version: caseVersion,
        consultedTrustId: ousTrust(),
        question: `Samtidig spørsmål ${round}`,
        deadline,
      });
      const asked = await version();
      const outcome = (promise: Promise<unknown>) =>
        promise.then(
          () => 'ok',
          (error: unknown) => (error instanceof CaseError ? error.code : String(error)),
        );
      const [answered, revoked] = await Promise.all([
        outcome(
          answerConsultation(db(), ous.decisionMaker, caseId, id, {
            version: asked,
            answer: 'Svar samtidig.',
          }),
        ),
        outcome(revokeConsultation(db(), hbe.decisionMaker, caseId, id, asked)),
      ]);
      expect([answered, revoked].filter((o) => o === 'ok')).toHaveLength(1);
      expect(['ok', 'conflict', 'consultationClosed', 'invalidTransition']).toContain(answered);
      expect(['ok', 'conflict', 'invalidTransition']).toContain(revoked);
      expect((await getCase(db(), hbe.decisionMaker, caseId)).status).toBe('underAssessment');
    }
  });

  it("runs the stage's clock to the consultation's own deadline, and reminds the director when it passed unanswered", async () => {
    const far = addDays(dateInNorway(new Date()), 30);
    const { id } = await requestConsultation(db(), hbe.decisionMaker, caseId, {
      version: await version(),
      consultedTrustId: ousTrust(),
      question: 'Fjerde spørsmål',
      deadline: far,
    });
    const due = startOfNorwegianDay(addDays(far, 1));
    const now = new Date();
    const clocks = await getCaseClocks(db(), hbe.decisionMaker, caseId, now);
    expect(clocks.current).toEqual({
      status: 'inConsultation',
      days: 14,
      consultationDeadline: far,
      dueAt: due,
      overdue: false,
    });
    const mine = await listMyCases(db(), hbe.decisionMaker);
    const listed = [...mine.waiting.items, ...mine.others.items].find((c) => c.id === caseId);
    expect(listed?.dueAt).toEqual(due);

    const reminders = async () =>
      (
        await db()
          .select({ userId: notifications.userId })
          .from(notifications)
          .where(and(eq(notifications.caseId, caseId), eq(notifications.kind, 'stageReminder')))
      ).map((n) => n.userId);
    // The trust's 14 days for the stage are past, the consultation's deadline is not: no reminder.
    await runStageAlerts(db(), new Date(now.getTime() + 15 * 24 * 60 * 60 * 1000));
    expect(await reminders()).toEqual([]);
    // Its last day over, unanswered: the director is reminded (to end it and go on).
    await runStageAlerts(db(), new Date(due.getTime() + 60 * 1000));
    expect(await reminders()).toEqual([hbe.decisionMaker.userId]);

    const panel = await getConsultationPanel(db(), hbe.decisionMaker, caseId);
    if (panel?.mode !== 'home') throw new Error('Expected the home panel');
    await revokeConsultation(db(), hbe.decisionMaker, caseId, id, panel.caseVersion);
  });

  /** What the consulted trust's director reads of the case through the use cases. */
  const consultedReads = async () => ({
    view: await refuse(getCase(db(), ous.decisionMaker, caseId)),
    files: await refusal(listAttachments(db(), ous.decisionMaker, caseId), AttachmentError),
    download: await refusal(
      downloadAttachment(db(), settings.storage, ous.decisionMaker, caseId, attachmentId),
      AttachmentError,
    ),
    rows: await seenBy(ous.decisionMaker).then((seen) => ({
      cases: seen.cases,
      events: seen.events,
      attachments: seen.attachments,
    })),
    toUs: await listConsultationsToUs(db(), ous.decisionMaker),
  });
  const nothingRead = {
    view: 'notFound',
    files: 'notFound',
    download: 'notFound',
    rows: { cases: 0, events: 0, attachments: 0 },
    toUs: [],
  };

  it('in the database, reads through an open grant only while the case is in consultation', async () => {
    const { id } = await requestConsultation(db(), hbe.decisionMaker, caseId, {
      version: await version(),
      consultedTrustId: ousTrust(),
      question: 'Fjerde spørsmål',
      deadline,
    });
    expect((await seenBy(ous.decisionMaker)).cases).toBe(1);
    // The case leaves consultation with the grant left open (as the owner, past the use cases):
    // the database rule alone ends the read access.
    const setStatus = (status: string) =>
      db().update(cases).set({ status }).where(eq(cases.id, caseId));
    await setStatus('underAssessment');
    expect(await consultedReads()).toEqual(nothingRead);
    await setStatus('inConsultation');
    expect((await getCase(db(), ous.decisionMaker, caseId)).roles).toEqual(['consultant']);
    await revokeConsultation(db(), hbe.decisionMaker, caseId, id, await version());
  });

  it('closes the grant when the applicant withdraws the case in consultation', async () => {
    const { id } = await requestConsultation(db(), hbe.decisionMaker, caseId, {
      version: await version(),
      consultedTrustId: ousTrust(),
      question: 'Femte spørsmål',
      deadline,
    });
    expect((await getCase(db(), ous.decisionMaker, caseId)).roles).toEqual(['consultant']);
    await transition(db(), hbe.applicant, {
      caseId,
      version: await version(),
      event: 'withdraw',
      reason: 'Pasienten ønsker ikke behandlingen likevel.',
    });
    expect(await consultedReads()).toEqual(nothingRead);
    // The grant's record says so: revoked by the applicant, in the withdrawal's transaction.
    const [grant] = await inTenant(db(), hbe.decisionMaker, (tx) =>
      tx.select().from(caseConsultations).where(eq(caseConsultations.id, id)),
    );
    expect(grant).toMatchObject({ revokedBy: hbe.applicant.userId, answeredAt: null });
    expect(grant?.revokedAt).toBeInstanceOf(Date);
    expect((await getCase(db(), hbe.decisionMaker, caseId)).status).toBe('withdrawn');
    // Shown as ended by the withdrawal, not as taken back by the director.
    const panel = await getConsultationPanel(db(), hbe.decisionMaker, caseId);
    expect(panel?.mode === 'home' && panel.consultations[0]?.state).toBe('withdrawn');
    // The earlier consultations keep their states (answered, revoked by the director).
    expect(
      panel?.mode === 'home' && panel.consultations.slice(1).map((c) => c.state),
    ).not.toContain('withdrawn');
  });

  it('tells the consulted trust that was asked of the withdrawal, and nothing about the case', async () => {
    // The case is withdrawn (the test before): the consulted trust's directors, who were asked,
    // are told once; its committee (not asked) and the home trust are not told of this kind.
    const told = await db()
      .select({ userId: notifications.userId, trustId: notifications.trustId })
      .from(notifications)
      .where(
        and(eq(notifications.caseId, caseId), eq(notifications.kind, 'consultationWithdrawn')),
      );
    expect(told).toEqual([{ userId: ous.decisionMaker.userId, trustId: hbe.applicant.trustId }]);
    // In the app: the notice with the case number it kept when sent, but not the case (the grant
    // has ended, and row-level security hides the case from the list's join).
    const { caseNumber } = await getCase(db(), hbe.decisionMaker, caseId);
    expect(caseNumber).toMatch(/^HBE-\d{4}-\d+$/);
    const [notice] = (await listNotifications(db(), ous.decisionMaker)).filter(
      (n) => n.kind === 'consultationWithdrawn',
    );
    expect(notice).toMatchObject({ caseId, caseNumber, caseVisible: false, read: false });
    // The list item names nothing else of the case.
    expect(Object.keys(notice ?? {}).sort()).toEqual(
      ['caseId', 'caseNumber', 'caseVisible', 'createdAt', 'id', 'kind', 'read'].sort(),
    );
    expect(msg.notifications.otherTrustCase(notice?.caseNumber ?? null)).toBe(
      `Sak ${caseNumber} i et annet helseforetak`,
    );
    expect(await refuse(getCase(db(), ous.decisionMaker, caseId))).toBe('notFound');
    expect(await listConsultationsToUs(db(), ous.decisionMaker)).toEqual([]);
    // The number is kept only where the recipient cannot read the case (this one, and the
    // revocations earlier in this file): no other notice has it.
    const kept = await db()
      .select({ kind: notifications.kind, caseNumber: notifications.caseNumber })
      .from(notifications)
      .where(and(eq(notifications.caseId, caseId), sql`case_number is not null`));
    expect(new Set(kept.map((k) => k.kind))).toEqual(
      new Set(['consultationRevoked', 'consultationWithdrawn']),
    );
    expect(kept.filter((k) => k.kind === 'consultationWithdrawn')).toEqual([
      { kind: 'consultationWithdrawn', caseNumber },
    ]);
    expect(kept.every((k) => k.caseNumber === caseNumber)).toBe(true);
    // The e-mail (the real outbox) names the case number they were asked about and links to the
    // notifications, not to the case they can no longer open; nothing else of the case.
    const [director] = await db()
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, ous.decisionMaker.userId));
    const sent: OutgoingMail[] = [];
    const mailer = {
      send: (m: OutgoingMail) => {
        sent.push(m);
        return Promise.resolve();
      },
    };
    await deliverOutbox(db(), mailer, 'https://soknad.test');
    const mails = sent.filter((m) => m.to === director?.email);
    expect(mails.map((m) => m.subject)).toContain(`Ny hendelse i sak ${caseNumber}`);
    const mail = mails.find((m) => m.text.includes(msg.notifications.kinds.consultationWithdrawn));
    expect(mail?.text).toContain(`Det er en ny hendelse i sak ${caseNumber}.`);
    expect(mail?.text).toContain('https://soknad.test/varsler');
    expect(mail?.text).not.toContain(`/saker/${caseId}`);
    expect(mail?.text).not.toContain(TEST_PATIENT_IDS[0]);
    expect(mail?.text).not.toMatch(/rituximab/i);
    // Composed for a row without a number, the mail names none (the text is the generic one).
    expect(
      composeMail(
        { kind: 'consultationWithdrawn', caseId, caseNumber: null, email: 'knut@ous.test' },
        'https://soknad.test',
      ).subject,
    ).toBe('Ny hendelse i Søknadsportal');
  });
});
