import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import { accessLog, attachments } from '../../db/schema';
import { demoActors } from '../../test/actors';
import {
  attachmentSettings,
  prepareCase,
  stateOf,
  type PreparedState,
} from '../../test/case-states';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { minimalPdf, minimalPng } from '../../test/files';
import { refusal } from '../../test/refusals';
import type { Actor } from '../auth/domain/roles';
import { getCase, loadVisibleCase, transition, transitionIn } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import {
  deleteAttachment,
  listAttachments,
  sendAnswer,
  uploadAttachment,
  type AttachmentListItem,
} from './attachments.server';
import { AttachmentError } from './domain/errors';
import type { AttachmentScope } from './domain/rules';

const refuse = (promise: Promise<unknown>) => refusal(promise, AttachmentError);

/**
 * Attachments added to the answer to a request for information (awaitingInformation): who may
 * add and remove them, and how the answer, once sent, lists them (derived from the times of the
 * attachment and of the case's events, nothing stored).
 */
describe.each(TEST_DATABASES)('attachments of an answer on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let ous: Awaited<ReturnType<typeof demoActors>>;
  const settings = attachmentSettings();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    ous = await demoActors(database.db, 'OUS');
  });
  afterAll(() => database.close());

  const db = () => database.db;
  const upload = (actor: Actor, caseId: string, fileName: string, scope: AttachmentScope) =>
    uploadAttachment(db(), settings, actor, { caseId, fileName, bytes: minimalPdf(), scope });
  const remove = (actor: Actor, caseId: string, id: string, scope: AttachmentScope) =>
    deleteAttachment(db(), settings.storage, actor, caseId, id, scope);
  const listed = async (actor: Actor, caseId: string) =>
    (await listAttachments(db(), actor, caseId)).attachments.map((a: AttachmentListItem) => ({
      fileName: a.fileName,
      origin: a.origin.kind,
      removable: a.removable,
    }));
  const awaiting = () => prepareCase(db(), hbe, 'awaitingInformation');
  /** The applicant sends the answer, with the files added to it (`shownIds`) as their form lists them. */
  const answer = async (caseId: string, shownIds: string[], reason = 'Seks sykluser; ECOG 1.') => {
    const { version } = await stateOf(db(), caseId);
    return sendAnswer(db(), hbe.applicant, { caseId, version, reason, shownIds });
  };
  const ask = async (caseId: string) => {
    const { version } = await stateOf(db(), caseId);
    return transition(db(), hbe.assessor, {
      caseId,
      version,
      event: 'requestInformation',
      reason: 'Har dere nyere blodprøver?',
    });
  };

  it('lets the applicant and co-authors add files to the answer, and nobody else', async () => {
    const c = await awaiting();
    await upload(hbe.applicant, c.caseId, 'laboratoriesvar.pdf', 'answer');
    await upload(hbe.coAuthor, c.caseId, 'artikkel.pdf', 'answer');
    for (const reader of [hbe.endorser, hbe.decisionMaker, hbe.assessor]) {
      expect(await refuse(upload(reader, c.caseId, 'x.pdf', 'answer'))).toBe('notEditable');
    }
    for (const outsider of [hbe.nationalReader, ous.applicant, ous.decisionMaker]) {
      expect(await refuse(upload(outsider, c.caseId, 'x.pdf', 'answer'))).toBe('notFound');
    }
    // The edit page adds to the application, which may not be changed now.
    expect(await refuse(upload(hbe.applicant, c.caseId, 'x.pdf', 'application'))).toBe(
      'notEditable',
    );

    const mine = await listAttachments(db(), hbe.applicant, c.caseId);
    expect({ editable: mine.editable, answering: mine.answering }).toEqual({
      editable: false,
      answering: true,
    });
    expect(await listed(hbe.applicant, c.caseId)).toEqual([
      { fileName: 'epikrise.pdf', origin: 'application', removable: false },
      { fileName: 'laboratoriesvar.pdf', origin: 'pendingAnswer', removable: true },
      { fileName: 'artikkel.pdf', origin: 'pendingAnswer', removable: true },
    ]);
    // The committee sees them too, marked, but changes nothing.
    const theirs = await listAttachments(db(), hbe.assessor, c.caseId);
    expect({ editable: theirs.editable, answering: theirs.answering }).toEqual({
      editable: false,
      answering: false,
    });
    expect((await listed(hbe.assessor, c.caseId)).map((a) => [a.origin, a.removable])).toEqual([
      ['application', false],
      ['pendingAnswer', false],
      ['pendingAnswer', false],
    ]);

    const uploads = await db()
      .select({ userId: accessLog.userId, role: accessLog.role })
      .from(accessLog)
      .where(and(eq(accessLog.caseId, c.caseId), eq(accessLog.action, 'attachment-upload')))
      .orderBy(accessLog.id);
    expect(uploads.map((u) => [u.userId, u.role])).toEqual([
      [hbe.applicant.userId, 'applicant'], // with the draft
      [hbe.applicant.userId, 'applicant'],
      [hbe.coAuthor.userId, 'coAuthor'],
    ]);
  });

  it.each<PreparedState>(['submitted', 'underAssessment', 'recommended', 'decided'])(
    'refuses files in %s, to the answer and to the application',
    async (state) => {
      const c = await prepareCase(db(), hbe, state);
      for (const scope of ['answer', 'application'] as const) {
        for (const writer of [hbe.applicant, hbe.coAuthor]) {
          expect(await refuse(upload(writer, c.caseId, 'x.pdf', scope))).toBe('notEditable');
          expect(await refuse(remove(writer, c.caseId, c.attachmentId, scope))).toBe('notEditable');
        }
      }
      const list = await listAttachments(db(), hbe.applicant, c.caseId);
      expect(list).toMatchObject({ editable: false, answering: false });
      expect(list.attachments.map((a) => a.removable)).toEqual([false]);
    },
  );

  it('removes only what was added to the answer, until the answer is sent', async () => {
    const c = await awaiting();
    const first = await upload(hbe.applicant, c.caseId, 'feil pasient.pdf', 'answer');
    const second = await upload(hbe.applicant, c.caseId, 'laboratoriesvar.pdf', 'answer');
    // Not the application's attachment, not by those who only read the case, not from the edit page.
    for (const writer of [hbe.applicant, hbe.coAuthor]) {
      expect(await refuse(remove(writer, c.caseId, c.attachmentId, 'answer'))).toBe('notRemovable');
    }
    expect(await refuse(remove(hbe.assessor, c.caseId, first.id, 'answer'))).toBe('notEditable');
    expect(await refuse(remove(hbe.applicant, c.caseId, first.id, 'application'))).toBe(
      'notEditable',
    );
    // A co-author removes what the applicant added to the answer, as on the edit page.
    await remove(hbe.coAuthor, c.caseId, first.id, 'answer');
    expect((await listed(hbe.applicant, c.caseId)).map((a) => a.fileName)).toEqual([
      'epikrise.pdf',
      'laboratoriesvar.pdf',
    ]);

    await answer(c.caseId, [second.id]);
    expect(await refuse(remove(hbe.applicant, c.caseId, second.id, 'answer'))).toBe('notEditable');
    expect(await listed(hbe.applicant, c.caseId)).toEqual([
      { fileName: 'epikrise.pdf', origin: 'application', removable: false },
      { fileName: 'laboratoriesvar.pdf', origin: 'answer', removable: false },
    ]);
  });

  it('lists each answer’s attachments with it, and keeps them when the case is returned', async () => {
    const c = await awaiting();
    const lab = await upload(hbe.applicant, c.caseId, 'laboratoriesvar.pdf', 'answer');
    await answer(c.caseId, [lab.id], 'Blodprøvene ligger ved.');
    await ask(c.caseId);
    const article = await uploadAttachment(db(), settings, hbe.coAuthor, {
      caseId: c.caseId,
      fileName: 'artikkel.png',
      bytes: minimalPng(),
      scope: 'answer',
    });
    await answer(c.caseId, [article.id], 'Studien ligger ved.');

    const answers = (await getCase(db(), hbe.decisionMaker, c.caseId)).history.filter(
      (h) => h.event === 'provideInformation',
    );
    expect(answers.map((h) => h.reason)).toEqual([
      'Blodprøvene ligger ved.',
      'Studien ligger ved.',
    ]);
    const { attachments } = await listAttachments(db(), hbe.decisionMaker, c.caseId);
    const answeredAt = (id: string) => {
      const origin = attachments.find((a) => a.id === id)?.origin;
      return origin?.kind === 'answer' ? origin.answeredAt.getTime() : null;
    };
    expect(answeredAt(lab.id)).toBe(answers[0]?.at.getTime());
    expect(answeredAt(article.id)).toBe(answers[1]?.at.getTime());
    expect(attachments.find((a) => a.id === c.attachmentId)?.origin).toEqual({
      kind: 'application',
    });

    // Returned to the applicant, the application may be edited again: its own attachment may go,
    // what was sent with an answer stays; a file added now is the application's.
    const { version } = await stateOf(db(), c.caseId);
    await transition(db(), hbe.decisionMaker, {
      caseId: c.caseId,
      version,
      event: 'returnToApplicant',
      reason: 'Oppdater søknaden med dosen.',
    });
    expect(await refuse(remove(hbe.applicant, c.caseId, lab.id, 'application'))).toBe(
      'notRemovable',
    );
    await upload(hbe.applicant, c.caseId, 'ny dosering.pdf', 'application');
    await remove(hbe.applicant, c.caseId, c.attachmentId, 'application');
    expect(await listed(hbe.applicant, c.caseId)).toEqual([
      { fileName: 'laboratoriesvar.pdf', origin: 'answer', removable: false },
      { fileName: 'artikkel.png', origin: 'answer', removable: false },
      { fileName: 'ny dosering.pdf', origin: 'application', removable: true },
    ]);
  });

  it('sends the answer only with the files its form listed, nothing when they changed meanwhile', async () => {
    const c = await awaiting();
    const send = (actor: Actor, shownIds: string[], version = c.version) =>
      sendAnswer(db(), actor, {
        caseId: c.caseId,
        version,
        reason: 'Prøvene ligger ved.',
        shownIds,
      });
    const lab = await upload(hbe.applicant, c.caseId, 'laboratoriesvar.pdf', 'answer');
    // A co-author adds a file the applicant's form did not list, then removes it again after
    // the form listed it: neither answer is sent.
    const article = await upload(hbe.coAuthor, c.caseId, 'artikkel.pdf', 'answer');
    expect(await refuse(send(hbe.applicant, [lab.id]))).toBe('answerChanged');
    await remove(hbe.coAuthor, c.caseId, article.id, 'answer');
    expect(await refuse(send(hbe.applicant, [lab.id, article.id]))).toBe('answerChanged');
    expect(await refuse(send(hbe.applicant, []))).toBe('answerChanged');
    expect(await stateOf(db(), c.caseId)).toEqual({
      status: 'awaitingInformation',
      version: c.version,
    });
    const history = async () =>
      (await getCase(db(), hbe.applicant, c.caseId)).history.map((h) => h.event);
    expect(await history()).not.toContain('provideInformation');
    expect(await listed(hbe.applicant, c.caseId)).toEqual([
      { fileName: 'epikrise.pdf', origin: 'application', removable: false },
      { fileName: 'laboratoriesvar.pdf', origin: 'pendingAnswer', removable: true },
    ]);

    // Who may not send it, and a stale version, get the transition's refusal, files or not.
    expect(await refusal(send(hbe.coAuthor, []), CaseError)).toBe('forbidden');
    expect(await refusal(send(hbe.applicant, [lab.id], c.version - 1), CaseError)).toBe('conflict');

    // The files as stored: the answer is sent with them.
    await send(hbe.applicant, [lab.id]);
    expect((await stateOf(db(), c.caseId)).status).toBe('underAssessment');
    expect(await history()).toContain('provideInformation');
    expect(await listed(hbe.applicant, c.caseId)).toEqual([
      { fileName: 'epikrise.pdf', origin: 'application', removable: false },
      { fileName: 'laboratoriesvar.pdf', origin: 'answer', removable: false },
    ]);
  });

  it('marks what was added to an answer never sent, when the application is withdrawn', async () => {
    const c = await awaiting();
    await upload(hbe.applicant, c.caseId, 'laboratoriesvar.pdf', 'answer');
    const { version } = await stateOf(db(), c.caseId);
    await transition(db(), hbe.applicant, {
      caseId: c.caseId,
      version,
      event: 'withdraw',
      reason: 'Pasienten ønsker ikke behandlingen.',
    });
    expect(await listed(hbe.applicant, c.caseId)).toEqual([
      { fileName: 'epikrise.pdf', origin: 'application', removable: false },
      { fileName: 'laboratoriesvar.pdf', origin: 'unsentAnswer', removable: false },
    ]);
  });

  it.runIf(kind === 'postgres')(
    'orders uploads and the answer by the case’s row: none lands after the answer, each before it belongs to it',
    async () => {
      // An upload while the answer is being sent waits for it, and is then refused.
      const c = await awaiting();
      let late: Promise<string> | undefined;
      await inTenant(db(), hbe.applicant, async (tx) => {
        await transitionIn(tx, hbe.applicant, {
          caseId: c.caseId,
          version: c.version,
          event: 'provideInformation',
          reason: 'Seks sykluser.',
        });
        late = refuse(upload(hbe.coAuthor, c.caseId, 'for sent.pdf', 'answer'));
        await new Promise((resolve) => setTimeout(resolve, 200));
      });
      expect(await late).toBe('notEditable');

      // An answer whose transaction began before an upload still lists it: its time is taken
      // when it is recorded, not when its transaction began.
      const d = await awaiting();
      await inTenant(db(), hbe.applicant, async (tx) => {
        await tx.execute(sql`select 1`);
        await upload(hbe.coAuthor, d.caseId, 'i siste liten.pdf', 'answer');
        await transitionIn(tx, hbe.applicant, {
          caseId: d.caseId,
          version: d.version,
          event: 'provideInformation',
          reason: 'Seks sykluser.',
        });
      });
      expect((await listed(hbe.applicant, d.caseId)).map((a) => [a.fileName, a.origin])).toEqual([
        ['epikrise.pdf', 'application'],
        ['i siste liten.pdf', 'answer'],
      ]);
    },
  );

  it.runIf(kind === 'postgres')(
    'compares the answer’s files under the case’s row lock: a removal on its way is waited for',
    async () => {
      const c = await awaiting();
      const lab = await upload(hbe.applicant, c.caseId, 'laboratoriesvar.pdf', 'answer');
      const article = await upload(hbe.coAuthor, c.caseId, 'artikkel.pdf', 'answer');
      let sending: Promise<string> | undefined;
      // The co-author's removal as `deleteAttachment` makes it: the case locked, the row deleted.
      await inTenant(db(), hbe.coAuthor, async (tx) => {
        await loadVisibleCase(tx, hbe.coAuthor, c.caseId, true);
        sending = refuse(
          sendAnswer(db(), hbe.applicant, {
            caseId: c.caseId,
            version: c.version,
            reason: 'Begge ligger ved.',
            shownIds: [lab.id, article.id],
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
        await tx.delete(attachments).where(eq(attachments.id, article.id));
      });
      expect(await sending).toBe('answerChanged');
      expect(await stateOf(db(), c.caseId)).toEqual({
        status: 'awaitingInformation',
        version: c.version,
      });
    },
  );
});
