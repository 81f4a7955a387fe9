import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import { accessLog, caseLeaders, caseMessages, notifications } from '../../db/schema';
import { completeAnswers, demoActors, signIn } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { databaseError, refusal } from '../../test/refusals';
import type { Actor } from '../auth/domain/roles';
import {
  assignCommitteeMember,
  delegateEndorsement,
  inviteCollaborator,
} from '../assessment/assessment.server';
import { createDraft, getCase, inviteCoAuthor, transition } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import { loadDialogPage, postMessage } from './dialog.server';
import { endorseWithRatings } from '../../test/case-states';

const refuse = (promise: Promise<unknown>) => refusal(promise, CaseError);

describe.each(TEST_DATABASES)('case dialog on %s', (kind) => {
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

  async function draftWithCoAuthor() {
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    await inviteCoAuthor(db(), hbe.applicant, draft.id, hbe.coAuthor.userId);
    return draft;
  }

  async function submittedCase() {
    const draft = await draftWithCoAuthor();
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    return draft.id;
  }

  /** The notifications of kind messagePosted about the case, as the owner sees them (all users). */
  async function messageNotices(caseId: string) {
    const rows = await db()
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.caseId, caseId), eq(notifications.kind, 'messagePosted')))
      .orderBy(notifications.id);
    return rows.map((r) => r.userId);
  }

  const post = (actor: Actor, caseId: string, body: string, visibility: string) =>
    postMessage(db(), actor, caseId, { body, visibility });

  it('keeps internal notes from the applicant and co-authors, and labels every message', async () => {
    const caseId = await submittedCase();
    expect(await post(hbe.applicant, caseId, 'Er det noe mer dere trenger?', 'case')).toMatchObject(
      {
        ok: true,
      },
    );
    expect(
      await post(hbe.endorser, caseId, 'Jeg støtter dette, men kostnaden er høy.', 'internal'),
    ).toMatchObject({ ok: true });
    expect(await post(hbe.decisionMaker, caseId, 'Vi ser på saken nå.', 'case')).toMatchObject({
      ok: true,
    });

    for (const reader of [hbe.applicant, hbe.coAuthor]) {
      const view = await loadDialogPage(db(), reader, caseId);
      expect(view.messages.map((m) => [m.authorRole, m.visibility, m.body])).toEqual([
        ['applicant', 'case', 'Er det noe mer dere trenger?'],
        ['decisionMaker', 'case', 'Vi ser på saken nå.'],
      ]);
      expect(view.canPostAs).toEqual(['case']);
    }
    for (const caseworker of [hbe.endorser, hbe.decisionMaker, hbe.assessor]) {
      const view = await loadDialogPage(db(), caseworker, caseId);
      expect(view.messages.map((m) => m.visibility)).toEqual(['case', 'internal', 'case']);
      expect(view.messages[1]).toMatchObject({
        authorName: 'Kari Nordtveit',
        authorRole: 'endorser',
      });
      expect(view.canPostAs).toEqual(['case', 'internal']);
    }
  });

  it('puts the question the case waits for its applicant to answer on the dialog page', async () => {
    const caseId = await submittedCase();
    const submitted = await getCase(db(), hbe.applicant, caseId);
    expect((await loadDialogPage(db(), hbe.applicant, caseId)).question).toBeNull();
    await transition(db(), hbe.endorser, {
      caseId,
      version: submitted.version,
      event: 'returnToApplicant',
      reason: 'Hvilken dose er planlagt?',
    });
    for (const reader of [hbe.applicant, hbe.coAuthor, hbe.endorser]) {
      expect((await loadDialogPage(db(), reader, caseId)).question).toMatchObject({
        status: 'returned',
        question: {
          actorName: 'Kari Nordtveit',
          actorRole: 'endorser',
          reason: 'Hvilken dose er planlagt?',
        },
      });
    }
  });

  it('refuses an internal note from the applicant or a co-author, and stores nothing', async () => {
    const caseId = await submittedCase();
    expect(await refuse(post(hbe.applicant, caseId, 'Bare for dere', 'internal'))).toBe(
      'forbidden',
    );
    expect(await refuse(post(hbe.coAuthor, caseId, 'Bare for dere', 'internal'))).toBe('forbidden');
    expect((await loadDialogPage(db(), hbe.endorser, caseId)).messages).toEqual([]);
  });

  it('refuses bad input with every reason and stores nothing', async () => {
    const caseId = await submittedCase();
    expect(await post(hbe.endorser, caseId, '   ', 'everyone')).toEqual({
      ok: false,
      errors: ['messageRequired', 'visibilityInvalid'],
    });
    expect(await post(hbe.endorser, caseId, 'x'.repeat(5001), 'case')).toEqual({
      ok: false,
      errors: ['messageTooLong'],
    });
    expect((await loadDialogPage(db(), hbe.endorser, caseId)).messages).toEqual([]);
  });

  it("answers another trust's dialog with 404, and row-level security hides its messages", async () => {
    const caseId = await submittedCase();
    await post(hbe.applicant, caseId, 'Melding i HBE', 'case');
    expect(await refuse(loadDialogPage(db(), ous.decisionMaker, caseId))).toBe('notFound');
    expect(await refuse(post(ous.decisionMaker, caseId, 'Hei', 'case'))).toBe('notFound');
    expect(await refuse(post(ous.decisionMaker, caseId, 'Hei', 'internal'))).toBe('notFound');
    const seen = await inTenant(db(), ous.decisionMaker, (tx) =>
      tx.select().from(caseMessages).where(eq(caseMessages.caseId, caseId)),
    );
    expect(seen).toEqual([]);
    expect(
      await databaseError(
        inTenant(db(), ous.decisionMaker, (tx) =>
          tx.insert(caseMessages).values({
            trustId: hbe.applicant.trustId,
            caseId,
            authorId: ous.decisionMaker.userId,
            authorRole: 'decisionMaker',
            visibility: 'case',
            body: 'Smuglet inn',
          }),
        ),
      ),
    ).toMatch(/row-level security/);
  });

  it('keeps the dialog append-only for the application role', async () => {
    const caseId = await submittedCase();
    await post(hbe.endorser, caseId, 'Opprinnelig tekst', 'internal');
    expect(
      await databaseError(
        inTenant(db(), hbe.endorser, (tx) =>
          tx.update(caseMessages).set({ body: 'Endret' }).where(eq(caseMessages.caseId, caseId)),
        ),
      ),
    ).toMatch(/permission denied/);
    expect(
      await databaseError(
        inTenant(db(), hbe.endorser, (tx) => tx.execute(sql`delete from case_messages`)),
      ),
    ).toMatch(/permission denied/);
    expect((await loadDialogPage(db(), hbe.endorser, caseId)).messages[0]?.body).toBe(
      'Opprinnelig tekst',
    );
  });

  it('logs every read of the dialog', async () => {
    const caseId = await submittedCase();
    await loadDialogPage(db(), hbe.applicant, caseId);
    await loadDialogPage(db(), hbe.assessor, caseId);
    const rows = await db()
      .select({ userId: accessLog.userId, role: accessLog.role })
      .from(accessLog)
      .where(and(eq(accessLog.caseId, caseId), eq(accessLog.action, 'readMessages')))
      .orderBy(accessLog.id);
    expect(rows).toEqual([
      { userId: hbe.applicant.userId, role: 'applicant' },
      { userId: hbe.assessor.userId, role: 'assessor' },
    ]);
  });

  it('tells the other participants; an internal note never reaches the applicant', async () => {
    const caseId = await submittedCase();
    await post(hbe.applicant, caseId, 'Spørsmål til leder', 'case');
    // Awaiting endorsement the case has no committee yet (ADR 0009): no assessor is told.
    expect(new Set(await messageNotices(caseId))).toEqual(
      new Set([hbe.coAuthor.userId, hbe.endorser.userId, hbe.decisionMaker.userId]),
    );
    const before = (await messageNotices(caseId)).length;
    await post(hbe.endorser, caseId, 'Internt: sjekk budsjettet', 'internal');
    const after = (await messageNotices(caseId)).slice(before);
    expect(after).toEqual([hbe.decisionMaker.userId]);
  });

  it("tells the case's committee (its assigned members, else every assessor once assessed) and the delegate", async () => {
    const delegated = await submittedCase();
    const delegate = (await signIn(db(), 'HBE', 'endorser2')).actor;
    await delegateEndorsement(db(), hbe.endorser, { caseId: delegated, userId: delegate.userId });
    await post(hbe.applicant, delegated, 'Til lederen som forankrer', 'case');
    // The leader of another department the endorsement is delegated to is told with the rest.
    expect(new Set(await messageNotices(delegated))).toEqual(
      new Set([
        hbe.coAuthor.userId,
        hbe.endorser.userId,
        delegate.userId,
        hbe.decisionMaker.userId,
      ]),
    );

    const caseId = await submittedCase();
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId,
      version: (await getCase(db(), hbe.endorser, caseId)).version,
      reason: 'Godt begrunnet.',
    });
    await transition(db(), hbe.decisionMaker, {
      caseId,
      version: endorsed.version,
      event: 'startAssessment',
    });
    const told = async (body: string) => {
      const before = (await messageNotices(caseId)).length;
      await post(hbe.decisionMaker, caseId, body, 'internal');
      return new Set((await messageNotices(caseId)).slice(before));
    };
    // Under assessment with no one assigned: every assessor of the trust is the committee.
    expect(await told('Første vurdering')).toEqual(
      new Set([hbe.endorser.userId, hbe.assessor.userId, secondAssessor.userId]),
    );
    await assignCommitteeMember(db(), hbe.decisionMaker, {
      caseId,
      userId: secondAssessor.userId,
    });
    // Assigned: Randi Sæther is the committee; Solveig Aase, not assigned, is not told.
    expect(await told('Til komiteen')).toEqual(
      new Set([hbe.endorser.userId, secondAssessor.userId]),
    );
  });

  it('tells a leader invited to collaborate of messages and internal notes; revoked, no longer', async () => {
    const caseId = await submittedCase();
    const collaborator = (await signIn(db(), 'HBE', 'endorser2')).actor;
    await inviteCollaborator(db(), hbe.endorser, { caseId, userId: collaborator.userId });
    const told = async (author: Actor, body: string, visibility: string) => {
      const before = (await messageNotices(caseId)).length;
      await post(author, caseId, body, visibility);
      return new Set((await messageNotices(caseId)).slice(before));
    };
    expect(await told(hbe.applicant, 'Spørsmål til lederne', 'case')).toEqual(
      new Set([
        hbe.coAuthor.userId,
        hbe.endorser.userId,
        collaborator.userId,
        hbe.decisionMaker.userId,
      ]),
    );
    expect(await told(hbe.endorser, 'Internt: hva mener du?', 'internal')).toEqual(
      new Set([collaborator.userId, hbe.decisionMaker.userId]),
    );
    // The collaborator writes: the others are told, not the collaborator.
    expect(await told(collaborator, 'Internt: jeg støtter søknaden', 'internal')).toEqual(
      new Set([hbe.endorser.userId, hbe.decisionMaker.userId]),
    );
    // Shown as a leader's note, logged in the role that let them write it.
    expect(
      await db()
        .select({ role: accessLog.role, authorRole: caseMessages.authorRole })
        .from(accessLog)
        .innerJoin(caseMessages, eq(sql`${caseMessages.id}::text`, accessLog.objectId))
        .where(
          and(
            eq(accessLog.caseId, caseId),
            eq(accessLog.userId, collaborator.userId),
            eq(accessLog.action, 'postMessage'),
          ),
        ),
    ).toEqual([{ role: 'collaborator', authorRole: 'endorser' }]);
    // A revoked invitation (revoked_at set, as the owner) tells the leader nothing more.
    await db()
      .update(caseLeaders)
      .set({ revokedAt: new Date(), revokedBy: hbe.endorser.userId })
      .where(and(eq(caseLeaders.caseId, caseId), eq(caseLeaders.userId, collaborator.userId)));
    expect(await told(hbe.applicant, 'Nytt vedlegg', 'case')).toEqual(
      new Set([hbe.coAuthor.userId, hbe.endorser.userId, hbe.decisionMaker.userId]),
    );
    expect(await told(hbe.endorser, 'Internt: budsjett', 'internal')).toEqual(
      new Set([hbe.decisionMaker.userId]),
    );
  });

  it('keeps a draft dialog between the applicant and co-authors', async () => {
    const draft = await draftWithCoAuthor();
    await post(hbe.coAuthor, draft.id, 'Jeg har fylt inn dosen.', 'case');
    expect(await messageNotices(draft.id)).toEqual([hbe.applicant.userId]);
    expect(await refuse(loadDialogPage(db(), hbe.endorser, draft.id))).toBe('notFound');
  });

  it("marks the reader's notifications about the case read when the dialog is opened", async () => {
    const caseId = await submittedCase();
    await post(hbe.applicant, caseId, 'Hei', 'case');
    const unread = () =>
      db()
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.caseId, caseId),
            eq(notifications.userId, hbe.endorser.userId),
            sql`read_at is null`,
          ),
        );
    expect((await unread()).length).toBe(2); // submitted, and the message
    await loadDialogPage(db(), hbe.endorser, caseId);
    expect(await unread()).toEqual([]);
  });
});
