import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import { DEMO_PHRASES } from '../../db/seed.server';
import { accessLog, caseDecisions, decisionPhrases, decisionPhraseVersions } from '../../db/schema';
import { completeAnswers, demoActors } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { databaseError, refusal, refusalWithFields } from '../../test/refusals';
import type { Actor } from '../auth/domain/roles';
import { createDraft, getCase, transition } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import {
  createPhrase,
  getDecisionLetter,
  getDecisionPanel,
  getPhrase,
  listPhrases,
  setPhraseActive,
  submitDecision,
  updatePhrase,
  type DecisionSubmission,
} from './decisions.server';
import type { Phrase, PhraseKind } from './domain/phrases';
import { endorseWithRatings } from '../../test/case-states';
import { APPROVAL_TERMS } from '../../test/decisions';

const refuse = (promise: Promise<unknown>) => refusal(promise, CaseError);
const EVALUATION = '2099-06-30';

describe.each(TEST_DATABASES)('decisions on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let ous: Awaited<ReturnType<typeof demoActors>>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    ous = await demoActors(database.db, 'OUS');
  });
  afterAll(() => database.close());

  const db = () => database.db;

  /** A submitted and endorsed HBE case, ready for a decision. */
  async function endorsedCase() {
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: draft.id,
      version: submitted.version,
      reason: 'Godt begrunnet.',
    });
    return { id: draft.id, caseNumber: submitted.caseNumber ?? '', version: endorsed.version };
  }

  async function phrasesOf(actor: Actor): Promise<Record<PhraseKind, Phrase[]>> {
    const { phrases } = await listPhrases(db(), actor);
    const by = (k: PhraseKind) => phrases.filter((p) => p.kind === k && p.active);
    return {
      reason: by('reason'),
      condition: by('condition'),
      prescriptionNote: by('prescriptionNote'),
      invoicing: by('invoicing'),
    };
  }

  const submission = (change: Partial<DecisionSubmission>): DecisionSubmission => ({
    event: 'decide',
    version: 0,
    outcome: 'approvedWithConditions',
    reasonPhrase: '',
    reason: '',
    conditionPhrases: [],
    conditions: '',
    evaluationDate: EVALUATION,
    prescriptionNotePhrase: '',
    invoicingPhrase: '',
    ...APPROVAL_TERMS,
    revisionReason: '',
    ...change,
  });

  it('seeds the demo phrases per trust; administrators edit, decision makers read, others not', async () => {
    const admin = await listPhrases(db(), hbe.trustAdmin);
    expect(admin.canEdit).toBe(true);
    expect(admin.phrases.map((p) => p.text).sort()).toEqual(DEMO_PHRASES.map((p) => p.text).sort());
    const reader = await listPhrases(db(), hbe.decisionMaker);
    expect(reader.canEdit).toBe(false);
    expect(reader.phrases).toHaveLength(DEMO_PHRASES.length);
    expect(await refuse(listPhrases(db(), hbe.applicant))).toBe('forbidden');
    expect(await refuse(listPhrases(db(), hbe.assessor))).toBe('forbidden');
    const values = { kind: 'condition', title: 'Nytt', text: 'Nytt vilkår', sortOrder: '5' };
    expect(await refuse(createPhrase(db(), hbe.decisionMaker, values))).toBe('forbidden');
  });

  it('adds, edits, deactivates and reactivates a phrase; bad input changes nothing', async () => {
    const before = (await listPhrases(db(), hbe.trustAdmin)).phrases.length;
    const bad = await createPhrase(db(), hbe.trustAdmin, {
      kind: 'invoicing',
      title: ' ',
      text: 'Se {løpenummer}',
      sortOrder: 'først',
    });
    expect(bad).toEqual({
      ok: false,
      errors: {
        title: 'titleRequired',
        text: 'placeholderOnlyInNote',
        sortOrder: 'sortOrderInvalid',
      },
    });
    expect((await listPhrases(db(), hbe.trustAdmin)).phrases).toHaveLength(before);

    const created = await createPhrase(db(), hbe.trustAdmin, {
      kind: 'condition',
      title: 'Blodprøver',
      text: 'Blodprøver tas hver måned',
      sortOrder: '40',
    });
    if (!created.ok) throw new Error('not created');
    const edit = {
      kind: 'condition',
      title: 'Blodprøver',
      text: 'Blodprøver tas hver fjerde uke',
      sortOrder: '45',
    };
    const edited = await updatePhrase(db(), hbe.trustAdmin, created.id, { ...edit, version: '1' });
    expect(edited).toEqual({ ok: true, id: created.id });
    expect((await getPhrase(db(), hbe.decisionMaker, created.id)).phrase).toMatchObject({
      text: 'Blodprøver tas hver fjerde uke',
      sortOrder: 45,
      active: true,
      version: 2,
    });
    await setPhraseActive(db(), hbe.trustAdmin, created.id, false);
    expect((await getPhrase(db(), hbe.trustAdmin, created.id)).phrase.active).toBe(false);
    // Pressed twice: the second changes nothing (no new version).
    await setPhraseActive(db(), hbe.trustAdmin, created.id, false);
    await setPhraseActive(db(), hbe.trustAdmin, created.id, true);
    const { phrase, versions } = await getPhrase(db(), hbe.trustAdmin, created.id);
    expect(phrase).toMatchObject({ active: true, version: 4 });
    // Every version on record, newest first, with who saved it.
    expect(versions.map((v) => [v.version, v.active, v.changedByName])).toEqual([
      [4, true, hbe.trustAdmin.name],
      [3, false, hbe.trustAdmin.name],
      [2, true, hbe.trustAdmin.name],
      [1, true, hbe.trustAdmin.name],
    ]);
    expect(versions.map((v) => v.title)).toEqual(Array(4).fill('Blodprøver'));
    expect(await refuse(setPhraseActive(db(), hbe.decisionMaker, created.id, false))).toBe(
      'forbidden',
    );
  });

  it('refuses an edit made from a stale version: nothing changes, and the answer says what is stored and who changed it', async () => {
    const created = await createPhrase(db(), hbe.trustAdmin, {
      kind: 'reason',
      title: 'Samtidig',
      text: 'Første tekst',
      sortOrder: '50',
    });
    if (!created.ok) throw new Error('not created');
    const values = { kind: 'reason', title: 'Samtidig', sortOrder: '50' };
    // Version 1 open in two tabs; both saved at once: exactly one wins.
    const [a, b] = await Promise.all([
      updatePhrase(db(), hbe.trustAdmin, created.id, { ...values, text: 'Tekst A', version: '1' }),
      updatePhrase(db(), hbe.trustAdmin, created.id, { ...values, text: 'Tekst B', version: '1' }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok);
    if (!lost || !('conflict' in lost)) throw new Error('expected a conflict');
    const { phrase } = await getPhrase(db(), hbe.trustAdmin, created.id);
    expect(phrase.version).toBe(2);
    expect(lost.conflict.phrase).toEqual(phrase);
    expect(lost.conflict.changedByName).toBe(hbe.trustAdmin.name);
    expect((await getPhrase(db(), hbe.trustAdmin, created.id)).versions).toHaveLength(2);
    // A version that is no number at all matches none: nothing changes.
    for (const version of ['', 'x', '0', '-1']) {
      const stale = await updatePhrase(db(), hbe.trustAdmin, created.id, {
        ...values,
        text: 'Tekst C',
        version,
      });
      expect(stale.ok).toBe(false);
    }
    expect((await getPhrase(db(), hbe.trustAdmin, created.id)).phrase).toEqual(phrase);
    // Saved again from the version stored now: it replaces it knowingly.
    expect(
      await updatePhrase(db(), hbe.trustAdmin, created.id, {
        ...values,
        text: 'Tekst C',
        version: '2',
      }),
    ).toEqual({ ok: true, id: created.id });
  });

  it("keeps the phrases' versions append-only for the application role, and had version 1 of every seeded phrase", async () => {
    expect(
      await databaseError(
        inTenant(db(), hbe.trustAdmin, (tx) =>
          tx.update(decisionPhraseVersions).set({ text: 'Omskrevet' }),
        ),
      ),
    ).toMatch(/permission denied/);
    expect(
      await databaseError(
        inTenant(db(), hbe.trustAdmin, (tx) => tx.delete(decisionPhraseVersions)),
      ),
    ).toMatch(/permission denied/);
    const [seeded] = (await listPhrases(db(), ous.trustAdmin)).phrases;
    if (!seeded) throw new Error('no phrase');
    expect((await getPhrase(db(), ous.trustAdmin, seeded.id)).versions).toEqual([
      expect.objectContaining({ version: 1, title: seeded.title, changedByName: null }),
    ]);
  });

  it("hides a trust's phrases from another trust, in the use cases and in the database", async () => {
    const [phrase] = (await listPhrases(db(), hbe.trustAdmin)).phrases;
    if (!phrase) throw new Error('no phrase');
    expect(await refuse(getPhrase(db(), ous.trustAdmin, phrase.id))).toBe('notFound');
    const values = {
      kind: phrase.kind,
      title: 'Kapret',
      text: 'Kapret',
      sortOrder: '1',
      version: String(phrase.version),
    };
    expect(await refuse(updatePhrase(db(), ous.trustAdmin, phrase.id, values))).toBe('notFound');
    expect(await refuse(setPhraseActive(db(), ous.trustAdmin, phrase.id, false))).toBe('notFound');
    expect((await getPhrase(db(), hbe.trustAdmin, phrase.id)).phrase.title).toBe(phrase.title);
    const seen = await inTenant(db(), ous.trustAdmin, (tx) =>
      tx.select().from(decisionPhrases).where(eq(decisionPhrases.id, phrase.id)),
    );
    expect(seen).toHaveLength(0);
    expect(
      await databaseError(
        inTenant(db(), ous.trustAdmin, (tx) =>
          tx.insert(decisionPhrases).values({
            trustId: hbe.trustAdmin.trustId,
            kind: 'reason',
            title: 'Inn i HBE',
            text: 'x',
          }),
        ),
      ),
    ).toMatch(/row-level security/);
    expect(
      await databaseError(
        inTenant(db(), hbe.trustAdmin, (tx) =>
          tx.delete(decisionPhrases).where(eq(decisionPhrases.id, phrase.id)),
        ),
      ),
    ).toMatch(/permission denied/);
  });

  it('decides with phrases: the text is built from them, with the løpenummer', async () => {
    const c = await endorsedCase();
    const p = await phrasesOf(hbe.decisionMaker);
    const [reason] = p.reason;
    const [first, second] = p.condition;
    const [note] = p.prescriptionNote;
    const [invoicing] = p.invoicing;
    if (!reason || !first || !second || !note || !invoicing) throw new Error('seed phrases');
    const panelBefore = await getDecisionPanel(db(), hbe.decisionMaker, c.id, null);
    expect(panelBefore.events).toEqual(['decide']);
    expect(panelBefore.phrases.length).toBeGreaterThan(0);
    // The decision page has the application's essentials above the form; the case page has them
    // in full.
    expect(panelBefore.summary).toBeNull();
    expect((await getDecisionPanel(db(), hbe.decisionMaker, c.id, 'decision')).summary).toEqual({
      scheme: 'offLabel',
      patientScope: 'single',
      drug: 'Rituximab 500 mg infusjonsvæske',
      diagnoses: [expect.stringMatching(/^N04\.2 \S/)],
      indication: 'Membranøs nefropati, terapiresistent',
    });

    await submitDecision(
      db(),
      hbe.decisionMaker,
      c.id,
      submission({
        version: c.version,
        reasonPhrase: reason.id,
        reason: 'Ung pasient uten andre alternativer.',
        conditionPhrases: [first.id, second.id],
        conditions: 'Nyrefunksjon kontrolleres hver måned',
        prescriptionNotePhrase: note.id,
        prescriptionNote: '',
        invoicingPhrase: invoicing.id,
        invoicing: '',
      }),
    );
    const panel = await getDecisionPanel(db(), hbe.applicant, c.id, null);
    expect(panel.events).toEqual([]);
    expect(panel.phrases).toEqual([]);
    const [decision] = panel.decisions;
    expect(decision).toMatchObject({
      version: 1,
      outcome: 'approvedWithConditions',
      reason: `${reason.text}\n\nUng pasient uten andre alternativer.`,
      conditions: `${first.text}\n${second.text}\nNyrefunksjon kontrolleres hver måned`,
      evaluationDate: EVALUATION,
      prescriptionNote: note.text.replaceAll('{løpenummer}', c.caseNumber),
      invoicing: invoicing.text,
      decidedByName: hbe.decisionMaker.name,
      supersededBy: null,
    });
    expect(decision?.prescriptionNote).toContain(c.caseNumber);
    expect(decision?.text).toContain('Vedtak: Innvilget med vilkår');
    expect(decision?.text).toContain(`– ${first.text}`);
    expect(decision?.text).toContain('Evalueringsdato: 30.06.2099');
    expect(decision?.text).toContain(c.caseNumber);
    const view = await getCase(db(), hbe.applicant, c.id);
    expect(view.status).toBe('decided');
    expect(view.history.at(-1)).toMatchObject({
      event: 'decide',
      reason: decision?.reason,
    });
  });

  it("refuses another trust's, a deactivated or a wrong-kind phrase, and keeps the case as it was", async () => {
    const c = await endorsedCase();
    const ousNote = (await phrasesOf(ous.decisionMaker)).prescriptionNote[0];
    const hbeCondition = (await phrasesOf(hbe.decisionMaker)).condition[0];
    if (!ousNote || !hbeCondition) throw new Error('seed phrases');
    const decide = (change: Partial<DecisionSubmission>) =>
      submitDecision(
        db(),
        hbe.decisionMaker,
        c.id,
        submission({ version: c.version, reason: 'Begrunnet', conditions: 'Vilkår', ...change }),
      ).catch((e: unknown) => e);
    expect(await decide({ prescriptionNotePhrase: ousNote.id })).toMatchObject({
      code: 'invalid',
      fieldErrors: { prescriptionNote: 'phraseUnknown' },
    });
    expect(await decide({ invoicingPhrase: hbeCondition.id })).toMatchObject({
      fieldErrors: { invoicing: 'phraseUnknown' },
    });
    const created = await createPhrase(db(), hbe.trustAdmin, {
      kind: 'reason',
      title: 'Utgått',
      text: 'Utgått begrunnelse',
      sortOrder: '99',
    });
    if (!created.ok) throw new Error('not created');
    await setPhraseActive(db(), hbe.trustAdmin, created.id, false);
    expect(await decide({ reasonPhrase: created.id })).toMatchObject({
      fieldErrors: { reason: 'phraseUnknown' },
    });
    expect(await decide({ evaluationDate: '2020-01-01' })).toMatchObject({
      fieldErrors: { evaluationDate: 'evaluationDateNotFuture' },
    });
    expect(await decide({ outcome: 'rejected', conditions: '' })).toMatchObject({
      fieldErrors: { evaluationDate: 'evaluationDateNotAllowed' },
    });
    const view = await getCase(db(), hbe.applicant, c.id);
    expect(view.status).toBe('endorsed');
    expect(view.decision).toBeNull();
  });

  it('revises a decision as a new frozen version; version 1 stays as it was', async () => {
    const c = await endorsedCase();
    await submitDecision(
      db(),
      hbe.decisionMaker,
      c.id,
      submission({
        version: c.version,
        outcome: 'approved',
        reason: 'Innvilget.',
        evaluationDate: '',
      }),
    );
    const owner = () =>
      db()
        .select()
        .from(caseDecisions)
        .where(eq(caseDecisions.caseId, c.id))
        .orderBy(asc(caseDecisions.version));
    const [v1Before] = await owner();
    const panel = await getDecisionPanel(db(), hbe.decisionMaker, c.id, null);
    expect(panel.events).toEqual(['reviseDecision']);

    const revise = (change: Partial<DecisionSubmission>) =>
      submitDecision(
        db(),
        hbe.decisionMaker,
        c.id,
        submission({
          event: 'reviseDecision',
          version: panel.version,
          reason: 'Innvilget med vilkår etter ny vurdering.',
          conditions: 'Evaluering etter 3 måneder',
          ...change,
        }),
      );
    expect(await revise({}).catch((e: unknown) => e)).toMatchObject({
      code: 'invalid',
      fieldErrors: { revisionReason: 'reasonRequired' },
    });
    expect(
      await refuse(
        submitDecision(
          db(),
          hbe.applicant,
          c.id,
          submission({ event: 'reviseDecision', version: panel.version, revisionReason: 'x' }),
        ),
      ),
    ).toBe('forbidden');
    await revise({ revisionReason: 'Ny informasjon om bivirkninger.' });

    const rows = await owner();
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(rows[0]).toEqual(v1Before);
    expect(rows[1]).toMatchObject({
      outcome: 'approvedWithConditions',
      conditions: 'Evaluering etter 3 måneder',
      evaluationDate: EVALUATION,
    });
    const after = await getDecisionPanel(db(), hbe.applicant, c.id, null);
    expect(after.decisions.map((d) => [d.version, d.supersededBy])).toEqual([
      [2, null],
      [1, 2],
    ]);
    const view = await getCase(db(), hbe.applicant, c.id);
    expect(view.status).toBe('decided');
    expect(view.decision?.version).toBe(2);
    expect(view.history.at(-1)).toMatchObject({
      event: 'reviseDecision',
      fromStatus: 'decided',
      toStatus: 'decided',
      reason: 'Ny informasjon om bivirkninger.',
    });
    // Frozen in the database too: the application role may not change a decision.
    expect(
      await databaseError(
        inTenant(db(), hbe.decisionMaker, (tx) =>
          tx
            .update(caseDecisions)
            .set({ reason: 'Omskrevet' })
            .where(eq(caseDecisions.caseId, c.id)),
        ),
      ),
    ).toMatch(/permission denied/);
  });

  it('refuses an approval without its reseptmerknad and invoicing routine, or a reseptmerknad without the løpenummer; changes nothing', async () => {
    const c = await endorsedCase();
    const decide = (change: Partial<DecisionSubmission>) =>
      refusalWithFields(
        submitDecision(
          db(),
          hbe.decisionMaker,
          c.id,
          submission({ version: c.version, reason: 'Begrunnet', conditions: 'Vilkår', ...change }),
        ),
      );
    for (const [change, fields] of [
      [
        { prescriptionNote: '', invoicing: ' ' },
        { prescriptionNote: 'prescriptionNoteRequired', invoicing: 'invoicingRequired' },
      ],
      [
        { outcome: 'approved', conditions: '', prescriptionNote: '' },
        { prescriptionNote: 'prescriptionNoteRequired' },
      ],
      [{ invoicing: '' }, { invoicing: 'invoicingRequired' }],
      [
        { prescriptionNote: 'Sykehusfinansiert, jf. vedtak HBE-2001-00001.' },
        { prescriptionNote: 'prescriptionNoteCaseNumber' },
      ],
    ] as [Partial<DecisionSubmission>, Record<string, string>][]) {
      expect(await decide(change)).toEqual({ code: 'invalid', fields });
    }
    const view = await getCase(db(), hbe.applicant, c.id);
    expect(view.status).toBe('endorsed');
    expect(view.decision).toBeNull();
    expect(await db().select().from(caseDecisions).where(eq(caseDecisions.caseId, c.id))).toEqual(
      [],
    );
  });

  it('stores an approval’s terms with the løpenummer and the treatment approved; a rejection keeps none', async () => {
    const c = await endorsedCase();
    await submitDecision(
      db(),
      hbe.decisionMaker,
      c.id,
      submission({
        version: c.version,
        reason: 'Begrunnet',
        conditions: 'Vilkår',
        prescriptionNote: 'Merknad: {løpenummer}',
        invoicing: 'Fakturaen merkes med løpenummeret.',
      }),
    );
    const treatment = {
      drug: 'Rituximab 500 mg infusjonsvæske',
      dose: '1000 mg dag 1 og 15',
      route: 'Intravenøst',
      duration: '6 måneder',
    };
    const panel = await getDecisionPanel(db(), hbe.applicant, c.id, null);
    expect(panel.treatment).toEqual(treatment);
    expect(panel.decisions[0]).toMatchObject({
      outcome: 'approvedWithConditions',
      prescriptionNote: `Merknad: ${c.caseNumber}`,
      invoicing: 'Fakturaen merkes med løpenummeret.',
    });
    expect(panel.decisions[0]?.text).toContain(
      [
        'Innvilget behandling:',
        'Legemiddel: Rituximab 500 mg infusjonsvæske',
        'Dose: 1000 mg dag 1 og 15',
        'Administrasjonsvei: Intravenøst',
        'Behandlingsvarighet: 6 måneder',
      ].join('\n'),
    );
    expect(panel.decisions[0]?.text).toContain(`Reseptmerknad:\nMerknad: ${c.caseNumber}`);

    // Revised to a rejection with the form's terms still filled in: they are not kept.
    await submitDecision(
      db(),
      hbe.decisionMaker,
      c.id,
      submission({
        event: 'reviseDecision',
        version: panel.version,
        outcome: 'rejected',
        reason: 'Avslått etter ny vurdering.',
        evaluationDate: '',
        revisionReason: 'Ny informasjon.',
      }),
    );
    const [rejected] = (await getDecisionPanel(db(), hbe.applicant, c.id, null)).decisions;
    expect(rejected).toMatchObject({
      version: 2,
      outcome: 'rejected',
      prescriptionNote: null,
      invoicing: null,
    });
    expect(rejected?.text).toContain('Behandlingen det er søkt om:\nLegemiddel: Rituximab');
    expect(rejected?.text).not.toContain('Reseptmerknad');
  });

  it('gives the letter to those with a role for the case, logged; 404 to another trust', async () => {
    const c = await endorsedCase();
    await submitDecision(
      db(),
      hbe.decisionMaker,
      c.id,
      submission({ version: c.version, reason: 'Begrunnet', conditions: 'Vilkår' }),
    );
    const letter = await getDecisionLetter(db(), hbe.applicant, c.id, 1);
    expect(letter).toMatchObject({
      caseNumber: c.caseNumber,
      trustName: hbe.applicant.trustName,
      applicantName: hbe.applicant.name,
      scheme: 'offLabel',
      answers: { patientId: completeAnswers.patientId },
      decision: { version: 1, outcome: 'approvedWithConditions' },
      treatment: { drug: 'Rituximab 500 mg infusjonsvæske', duration: '6 måneder' },
      // The leader's endorsement the decision stands on.
      endorsement: {
        verdict: 'endorse',
        justification: 'Godt begrunnet.',
        authorName: hbe.endorser.name,
      },
    });
    expect(letter.endorsement?.at.getTime()).toBeLessThanOrEqual(
      letter.decision.decidedAt.getTime(),
    );
    expect(letter.diagnoses.map((d) => d.code)).toEqual(['N04.2']);
    const logged = await db()
      .select({ userId: accessLog.userId, role: accessLog.role })
      .from(accessLog)
      .where(and(eq(accessLog.caseId, c.id), eq(accessLog.action, 'decisionLetter')));
    expect(logged).toEqual([{ userId: hbe.applicant.userId, role: 'applicant' }]);

    expect(await refuse(getDecisionLetter(db(), ous.decisionMaker, c.id, 1))).toBe('notFound');
    expect(await refuse(getDecisionLetter(db(), hbe.nationalReader, c.id, 1))).toBe('notFound');
    expect(await refuse(getDecisionLetter(db(), hbe.decisionMaker, c.id, 2))).toBe('notFound');
    expect(await refuse(getDecisionPanel(db(), ous.decisionMaker, c.id, null))).toBe('notFound');
  });
});
