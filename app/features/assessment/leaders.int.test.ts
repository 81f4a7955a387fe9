import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import {
  accessLog,
  caseEvents,
  caseLeaderInputs,
  caseLeaders,
  notifications,
} from '../../db/schema';
import { completeAnswers, demoActors, signIn } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { databaseError, refusal, refusalWithFields } from '../../test/refusals';
import { grantRole } from '../admin/trust-admin.server';
import type { Actor } from '../auth/domain/roles';
import {
  createDraft,
  getCase,
  inviteCoAuthor,
  listMyCases,
  transition,
} from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import {
  delegateEndorsement,
  endorseCase,
  getEndorsementPanel,
  giveLeaderInput,
  inviteCollaborator,
  removeCollaborator,
  takeBackDelegation,
} from './assessment.server';

const refuse = (promise: Promise<unknown>) => refusal(promise, CaseError);

const RATINGS = {
  'severity.level': '4',
  'severity.text': 'Livstruende uten behandling.',
  'benefit.level': '3',
  'benefit.text': 'God dokumentert respons.',
  'resourceUse.level': '2',
  'resourceUse.text': 'Moderat kostnad.',
};

describe.each(TEST_DATABASES)('delegating and collaborating on the endorsement on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let ous: Awaited<ReturnType<typeof demoActors>>;
  /** A leader of another department (Jon Eide). */
  let otherLeader: Actor;
  /** A second leader of the case's department (the second committee member, made leader). */
  let secondDepartmentLeader: Actor;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    ous = await demoActors(database.db, 'OUS');
    otherLeader = (await signIn(database.db, 'HBE', 'endorser2')).actor;
    const assessor2 = (await signIn(database.db, 'HBE', 'assessor2')).actor;
    const departmentId = hbe.endorser.grants[0]?.departmentId ?? null;
    expect(
      await grantRole(database.db, hbe.trustAdmin, assessor2.userId, {
        role: 'endorser',
        departmentId,
      }),
    ).toEqual({ ok: true });
    secondDepartmentLeader = (await signIn(database.db, 'HBE', 'assessor2')).actor;
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

  const leaderRows = (caseId: string) =>
    db()
      .select()
      .from(caseLeaders)
      .where(eq(caseLeaders.caseId, caseId))
      .orderBy(asc(caseLeaders.id));

  const toldOf = async (caseId: string, user: Actor) =>
    (
      await db()
        .select({ kind: notifications.kind })
        .from(notifications)
        .where(and(eq(notifications.caseId, caseId), eq(notifications.userId, user.userId)))
        .orderBy(asc(notifications.id))
    ).map((n) => n.kind);

  const notes = async (caseId: string) =>
    (
      await db()
        .select({ event: caseEvents.event, actorId: caseEvents.actorId, reason: caseEvents.reason })
        .from(caseEvents)
        .where(eq(caseEvents.caseId, caseId))
        .orderBy(asc(caseEvents.id))
    ).filter((e) => e.event !== 'create' && e.event !== 'submit');

  const endorse = (who: Actor, caseId: string, version: number) =>
    endorseCase(db(), who, {
      caseId,
      version,
      verdict: 'endorse',
      reason: 'Forankret.',
      ratings: RATINGS,
    });

  it('refuses a delegation by the wrong person, to an unknown or ineligible user, and changes nothing', async () => {
    const c = await submittedCase();
    const to = (userId: string, who: Actor = hbe.endorser) =>
      refusalWithFields(delegateEndorsement(db(), who, { caseId: c.id, userId }));
    expect(await to(otherLeader.userId, hbe.applicant)).toEqual({ code: 'forbidden', fields: {} });
    // The committee has no say in who endorses (the medical director has: below).
    expect(await to(otherLeader.userId, hbe.assessor)).toEqual({ code: 'forbidden', fields: {} });
    expect(await to(otherLeader.userId, otherLeader)).toEqual({ code: 'notFound', fields: {} });
    expect(await to(otherLeader.userId, ous.endorser)).toEqual({ code: 'notFound', fields: {} });
    expect(await to('')).toEqual({ code: 'invalid', fields: { userId: 'leaderRequired' } });
    // Not a leader, the applicant (conflict of interest), oneself, someone of another trust.
    for (const userId of [
      hbe.assessor.userId,
      hbe.applicant.userId,
      hbe.endorser.userId,
      ous.endorser.userId,
      'not-a-uuid',
    ]) {
      expect(await to(userId)).toEqual({ code: 'invalid', fields: { userId: 'invalidValue' } });
    }
    expect(await leaderRows(c.id)).toEqual([]);
    expect(await notes(c.id)).toEqual([]);
  });

  it('delegates: the delegate is told and endorses, the delegating leader only reads, a second delegation is refused', async () => {
    const c = await submittedCase();
    expect(await refuse(getCase(db(), otherLeader, c.id))).toBe('notFound');
    await delegateEndorsement(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId });

    expect(await toldOf(c.id, otherLeader)).toEqual(['endorsementDelegated']);
    expect(await notes(c.id)).toEqual([
      { event: 'delegateEndorsement', actorId: hbe.endorser.userId, reason: 'Jon Eide' },
    ]);
    const delegator = await getCase(db(), hbe.endorser, c.id);
    expect(delegator.roles).toEqual(['delegator']);
    expect(delegator.events).not.toContain('endorse');
    const panel = await getEndorsementPanel(db(), hbe.endorser, c.id);
    expect(panel?.delegate).toMatchObject({ name: 'Jon Eide', addedByName: 'Kari Nordtveit' });
    expect(panel?.may).toEqual({
      delegate: false,
      takeBack: true,
      invite: false,
      removeCollaborator: false,
      giveInput: false,
    });
    expect(await refuse(endorse(hbe.endorser, c.id, c.version))).toBe('forbidden');
    // The other leader of the department is a delegator too.
    expect((await getCase(db(), secondDepartmentLeader, c.id)).roles).toContain('delegator');

    // Delegating again (to anyone, by anyone of the department, or by the delegate) is refused.
    for (const [who, userId] of [
      [hbe.endorser, secondDepartmentLeader.userId],
      [secondDepartmentLeader, hbe.endorser.userId],
      [otherLeader, secondDepartmentLeader.userId],
    ] as const) {
      expect(await refuse(delegateEndorsement(db(), who, { caseId: c.id, userId }))).toBe(
        'alreadyDelegated',
      );
    }
    // The delegate cannot take it back: only the department's leaders can.
    expect(await refuse(takeBackDelegation(db(), otherLeader, { caseId: c.id }))).toBe('forbidden');
    expect(await leaderRows(c.id)).toHaveLength(1);

    const delegate = await getCase(db(), otherLeader, c.id);
    expect(delegate.roles).toEqual(['endorser']);
    expect(delegate.events).toContain('endorse');
    await endorse(otherLeader, c.id, delegate.version);
    expect((await getCase(db(), hbe.endorser, c.id)).status).toBe('endorsed');
    // Too late to take it back once endorsed.
    expect(await refuse(takeBackDelegation(db(), hbe.endorser, { caseId: c.id }))).toBe(
      'invalidTransition',
    );
  });

  it('does not tell a leader who co-wrote the application that it waits for their endorsement', async () => {
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    expect(
      await grantRole(db(), hbe.trustAdmin, secondDepartmentLeader.userId, {
        role: 'applicant',
        departmentId: hbe.endorser.grants[0]?.departmentId ?? null,
      }),
    ).toEqual({ ok: true });
    await inviteCoAuthor(db(), hbe.applicant, draft.id, secondDepartmentLeader.userId);
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: (await getCase(db(), hbe.applicant, draft.id)).version,
      event: 'submit',
    });
    expect(await toldOf(draft.id, hbe.endorser)).toEqual(['caseSubmitted']);
    // A co-author holds no judging role on the case (ADR 0021): nothing waits for them.
    expect(await toldOf(draft.id, secondDepartmentLeader)).toEqual(['coAuthorInvited']);
  });

  it('tells the delegate, not the department, when a delegated case comes back after a return', async () => {
    const c = await submittedCase();
    // Told at submission: the department's leaders.
    for (const leader of [hbe.endorser, secondDepartmentLeader]) {
      expect(await toldOf(c.id, leader)).toEqual(['caseSubmitted']);
    }
    await delegateEndorsement(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId });
    const returned = await transition(db(), otherLeader, {
      caseId: c.id,
      version: (await getCase(db(), otherLeader, c.id)).version,
      event: 'returnToApplicant',
      reason: 'Mangler dosering.',
    });
    await transition(db(), hbe.applicant, {
      caseId: c.id,
      version: returned.version,
      event: 'resubmit',
    });
    // The delegation outlives the return: the delegate endorses the case sent in again, and is
    // the one told it waits; the department's leaders, who cannot endorse it now, are not.
    expect(await toldOf(c.id, otherLeader)).toEqual(['endorsementDelegated', 'caseSubmitted']);
    for (const leader of [hbe.endorser, secondDepartmentLeader]) {
      expect(await toldOf(c.id, leader)).toEqual(['caseSubmitted']);
    }
    expect((await getCase(db(), otherLeader, c.id)).events).toContain('endorse');
  });

  it('a case no leader of its department may endorse: the directors are told, delegate it and take it back; the delegate endorses', async () => {
    const departmentId = hbe.endorser.grants[0]?.departmentId ?? null;
    // Both leaders of the department write applications too, and co-write this one.
    for (const leader of [hbe.endorser, secondDepartmentLeader]) {
      const granted = await grantRole(db(), hbe.trustAdmin, leader.userId, {
        role: 'applicant',
        departmentId,
      });
      expect(granted.ok || granted.errors.role === 'alreadyHeld').toBe(true);
    }
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    for (const leader of [hbe.endorser, secondDepartmentLeader]) {
      await inviteCoAuthor(db(), hbe.applicant, draft.id, leader.userId);
    }
    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: (await getCase(db(), hbe.applicant, draft.id)).version,
      event: 'submit',
    });
    // No one to tell that it waits for their endorsement: the medical director is told instead.
    expect(await toldOf(draft.id, hbe.decisionMaker)).toEqual(['endorsementWithoutLeader']);
    for (const leader of [hbe.endorser, secondDepartmentLeader]) {
      expect(await toldOf(draft.id, leader)).toEqual(['coAuthorInvited']);
      expect((await getCase(db(), leader, draft.id)).events).not.toContain('endorse');
      expect(
        await refuse(
          delegateEndorsement(db(), leader, { caseId: draft.id, userId: otherLeader.userId }),
        ),
      ).toBe('forbidden');
    }

    const panel = await getEndorsementPanel(db(), hbe.decisionMaker, draft.id);
    expect(panel?.actingAs).toBe('decisionMaker');
    expect(panel?.may).toMatchObject({ delegate: true, takeBack: false, invite: false });
    const names = panel?.candidates.map((c) => c.name) ?? [];
    expect(names).toContain('Jon Eide');
    expect(names).not.toContain('Kari Nordtveit');
    // Not to a leader who wrote it (conflict of interest).
    expect(
      await refusalWithFields(
        delegateEndorsement(db(), hbe.decisionMaker, {
          caseId: draft.id,
          userId: secondDepartmentLeader.userId,
        }),
      ),
    ).toEqual({ code: 'invalid', fields: { userId: 'invalidValue' } });

    await delegateEndorsement(db(), hbe.decisionMaker, {
      caseId: draft.id,
      userId: otherLeader.userId,
    });
    expect(await toldOf(draft.id, otherLeader)).toEqual(['endorsementDelegated']);
    expect((await getEndorsementPanel(db(), hbe.decisionMaker, draft.id))?.may).toMatchObject({
      delegate: false,
      takeBack: true,
    });
    expect(
      await refuse(
        delegateEndorsement(db(), hbe.decisionMaker, {
          caseId: draft.id,
          userId: otherLeader.userId,
        }),
      ),
    ).toBe('alreadyDelegated');
    // Taken back (to give it to someone else) and delegated again.
    await takeBackDelegation(db(), hbe.decisionMaker, { caseId: draft.id });
    expect(await toldOf(draft.id, otherLeader)).toEqual([
      'endorsementDelegated',
      'delegationTakenBack',
    ]);
    await delegateEndorsement(db(), hbe.decisionMaker, {
      caseId: draft.id,
      userId: otherLeader.userId,
    });
    const noted = await db()
      .select({ event: caseEvents.event, role: caseEvents.actorRole, reason: caseEvents.reason })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, draft.id), eq(caseEvents.actorId, hbe.decisionMaker.userId)))
      .orderBy(asc(caseEvents.id));
    expect(noted).toEqual([
      { event: 'delegateEndorsement', role: 'decisionMaker', reason: 'Jon Eide' },
      { event: 'takeBackDelegation', role: 'decisionMaker', reason: 'Jon Eide' },
      { event: 'delegateEndorsement', role: 'decisionMaker', reason: 'Jon Eide' },
    ]);
    await endorse(otherLeader, draft.id, submitted.version);
    expect((await getCase(db(), hbe.decisionMaker, draft.id)).status).toBe('endorsed');
  });

  it('takes a delegation back (revoked, never deleted), tells the delegate, and delegates again', async () => {
    const c = await submittedCase();
    expect(await refuse(takeBackDelegation(db(), hbe.endorser, { caseId: c.id }))).toBe(
      'notDelegated',
    );
    await delegateEndorsement(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId });
    expect(await refuse(takeBackDelegation(db(), hbe.applicant, { caseId: c.id }))).toBe(
      'forbidden',
    );
    await takeBackDelegation(db(), hbe.endorser, { caseId: c.id });

    const [row] = await leaderRows(c.id);
    expect(row).toMatchObject({ kind: 'delegate', userId: otherLeader.userId });
    expect(row?.revokedAt).toBeInstanceOf(Date);
    expect(row?.revokedBy).toBe(hbe.endorser.userId);
    expect(await toldOf(c.id, otherLeader)).toEqual([
      'endorsementDelegated',
      'delegationTakenBack',
    ]);
    expect((await notes(c.id)).map((n) => [n.event, n.reason])).toEqual([
      ['delegateEndorsement', 'Jon Eide'],
      ['takeBackDelegation', 'Jon Eide'],
    ]);
    expect(await refuse(getCase(db(), otherLeader, c.id))).toBe('notFound');
    expect((await getCase(db(), hbe.endorser, c.id)).roles).toEqual(['endorser']);
    expect(await refuse(takeBackDelegation(db(), hbe.endorser, { caseId: c.id }))).toBe(
      'notDelegated',
    );

    // Delegating again after the take-back works, also to the same leader.
    await delegateEndorsement(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId });
    const rows = await leaderRows(c.id);
    expect(rows.map((r) => r.revokedAt === null)).toEqual([false, true]);
    expect((await getCase(db(), otherLeader, c.id)).roles).toEqual(['endorser']);
  });

  it('two leaders delegating at once: one wins, the other is told it is delegated already', async () => {
    const c = await submittedCase();
    const results = await Promise.allSettled([
      delegateEndorsement(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId }),
      delegateEndorsement(db(), secondDepartmentLeader, {
        caseId: c.id,
        userId: hbe.endorser.userId,
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.flatMap((r): unknown[] => (r.status === 'rejected' ? [r.reason] : []));
    expect(refused).toHaveLength(1);
    const [reason] = refused;
    expect(reason instanceof CaseError && reason.code).toBe('alreadyDelegated');
    const active = (await leaderRows(c.id)).filter((r) => r.revokedAt === null);
    expect(active).toHaveLength(1);
    expect(await notes(c.id)).toHaveLength(1);
  });

  it('invites a collaborator, who reads and gives input but never endorses; the input is shown to the leader and the committee', async () => {
    const c = await submittedCase();
    expect(
      await refuse(
        inviteCollaborator(db(), hbe.applicant, { caseId: c.id, userId: otherLeader.userId }),
      ),
    ).toBe('forbidden');
    await inviteCollaborator(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId });
    expect(
      await refusalWithFields(
        inviteCollaborator(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId }),
      ),
    ).toEqual({ code: 'invalid', fields: { userId: 'alreadyCollaborator' } });
    expect(await toldOf(c.id, otherLeader)).toEqual(['leaderInvited']);

    const view = await getCase(db(), otherLeader, c.id);
    expect(view.roles).toEqual(['collaborator']);
    expect(view.events).toEqual([]);
    expect(await refuse(endorse(otherLeader, c.id, view.version))).toBe('forbidden');
    expect(
      await refuse(
        inviteCollaborator(db(), otherLeader, {
          caseId: c.id,
          userId: secondDepartmentLeader.userId,
        }),
      ),
    ).toBe('forbidden');
    expect(
      await refuse(
        delegateEndorsement(db(), otherLeader, { caseId: c.id, userId: hbe.endorser.userId }),
      ),
    ).toBe('forbidden');

    // Input: the text is required, ratings all or none; nothing is stored when refused.
    expect(
      await refusalWithFields(
        giveLeaderInput(db(), otherLeader, {
          caseId: c.id,
          values: { 'severity.level': '2', body: ' ' },
        }),
      ),
    ).toMatchObject({
      code: 'invalid',
      fields: { body: 'leaderInputRequired', 'severity.text': 'ratingTextRequired' },
    });
    expect(
      await refuse(
        giveLeaderInput(db(), hbe.endorser, { caseId: c.id, values: { body: 'Innspill.' } }),
      ),
    ).toBe('forbidden');
    expect(
      await db().select().from(caseLeaderInputs).where(eq(caseLeaderInputs.caseId, c.id)),
    ).toEqual([]);
    await giveLeaderInput(db(), otherLeader, {
      caseId: c.id,
      values: { ...RATINGS, body: 'Jeg støtter søknaden.' },
    });
    await giveLeaderInput(db(), otherLeader, { caseId: c.id, values: { body: 'Ett tillegg.' } });
    expect(await toldOf(c.id, hbe.endorser)).toContain('leaderInputGiven');

    for (const who of [hbe.endorser, hbe.decisionMaker, hbe.assessor, otherLeader]) {
      const panel = await getEndorsementPanel(db(), who, c.id);
      expect(panel?.inputs).toEqual([
        expect.objectContaining({
          authorName: 'Jon Eide',
          body: 'Jeg støtter søknaden.',
          ratings: {
            severity: { level: 4, text: RATINGS['severity.text'] },
            benefit: { level: 3, text: RATINGS['benefit.text'] },
            resourceUse: { level: 2, text: RATINGS['resourceUse.text'] },
          },
        }),
        expect.objectContaining({ body: 'Ett tillegg.', ratings: null }),
      ]);
    }
    expect(await getEndorsementPanel(db(), hbe.applicant, c.id)).toBeNull();
    expect((await notes(c.id)).map((n) => n.event)).toEqual([
      'inviteLeader',
      'giveLeaderInput',
      'giveLeaderInput',
    ]);
    // Each input is on the access log, in the collaborating leader's role.
    expect(
      await db()
        .select({ userId: accessLog.userId, role: accessLog.role })
        .from(accessLog)
        .where(and(eq(accessLog.caseId, c.id), eq(accessLog.action, 'giveLeaderInput'))),
    ).toEqual([
      { userId: otherLeader.userId, role: 'collaborator' },
      { userId: otherLeader.userId, role: 'collaborator' },
    ]);

    // The responsible leader endorses; input is closed after that.
    await endorse(hbe.endorser, c.id, c.version);
    expect(
      await refuse(
        giveLeaderInput(db(), otherLeader, { caseId: c.id, values: { body: 'For sent.' } }),
      ),
    ).toBe('invalidTransition');
  });

  it('lets the delegate invite a collaborator, and tells the delegate of the input', async () => {
    const c = await submittedCase();
    await delegateEndorsement(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId });
    // The delegating leader no longer invites; the delegate does.
    expect(
      await refuse(
        inviteCollaborator(db(), hbe.endorser, {
          caseId: c.id,
          userId: secondDepartmentLeader.userId,
        }),
      ),
    ).toBe('forbidden');
    await inviteCollaborator(db(), otherLeader, {
      caseId: c.id,
      userId: secondDepartmentLeader.userId,
    });
    const roles = (await getCase(db(), secondDepartmentLeader, c.id)).roles;
    expect(roles).toEqual(expect.arrayContaining(['delegator', 'collaborator']));
    await giveLeaderInput(db(), secondDepartmentLeader, {
      caseId: c.id,
      values: { body: 'Innspill.' },
    });
    expect(await toldOf(c.id, otherLeader)).toEqual(['endorsementDelegated', 'leaderInputGiven']);
  });

  it('takes a collaborator off (revoked, never deleted): their access ends, their input stays, they are told', async () => {
    const c = await submittedCase();
    await inviteCollaborator(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId });
    await giveLeaderInput(db(), otherLeader, { caseId: c.id, values: { body: 'Innspill.' } });
    // Only the leader who endorses takes an invitation back; the collaborator cannot.
    for (const who of [otherLeader, hbe.applicant, hbe.decisionMaker]) {
      expect(
        await refuse(removeCollaborator(db(), who, { caseId: c.id, userId: otherLeader.userId })),
      ).toBe('forbidden');
    }
    // Naming someone who does not collaborate (or nothing valid) changes nothing.
    for (const userId of [secondDepartmentLeader.userId, 'not-a-uuid']) {
      await removeCollaborator(db(), hbe.endorser, { caseId: c.id, userId });
    }
    expect((await getCase(db(), otherLeader, c.id)).roles).toEqual(['collaborator']);

    await removeCollaborator(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId });
    // A second click: nothing more.
    await removeCollaborator(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId });
    const [row] = await leaderRows(c.id);
    expect(row).toMatchObject({ kind: 'collaborator', revokedBy: hbe.endorser.userId });
    expect(row?.revokedAt).toBeInstanceOf(Date);
    expect(await refuse(getCase(db(), otherLeader, c.id))).toBe('notFound');
    expect(
      await refuse(giveLeaderInput(db(), otherLeader, { caseId: c.id, values: { body: 'Mer.' } })),
    ).toBe('notFound');
    expect(await toldOf(c.id, otherLeader)).toEqual(['leaderInvited', 'leaderRemoved']);
    expect(
      await db()
        .select({ caseNumber: notifications.caseNumber })
        .from(notifications)
        .where(and(eq(notifications.caseId, c.id), eq(notifications.kind, 'leaderRemoved'))),
    ).toEqual([{ caseNumber: (await getCase(db(), hbe.endorser, c.id)).caseNumber }]);
    expect((await notes(c.id)).filter((n) => n.event === 'removeLeader')).toEqual([
      { event: 'removeLeader', actorId: hbe.endorser.userId, reason: otherLeader.name },
    ]);
    // The leader who endorses still sees the input, and may invite the same leader again.
    const panel = await getEndorsementPanel(db(), hbe.endorser, c.id);
    expect(panel?.collaborators).toEqual([]);
    expect(panel?.inputs.map((i) => i.body)).toEqual(['Innspill.']);
    await inviteCollaborator(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId });
    expect((await getCase(db(), otherLeader, c.id)).roles).toEqual(['collaborator']);
  });

  it('takes a collaborator off only while the case awaits endorsement', async () => {
    const c = await submittedCase();
    await inviteCollaborator(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId });
    await endorse(hbe.endorser, c.id, (await getCase(db(), hbe.endorser, c.id)).version);
    expect(
      await refuse(
        removeCollaborator(db(), hbe.endorser, { caseId: c.id, userId: otherLeader.userId }),
      ),
    ).toBe('invalidTransition');
    expect((await getCase(db(), otherLeader, c.id)).roles).toEqual(['collaborator']);
  });

  it('«Mine saker»: a delegated case waits for the delegate, not the delegating leader; a collaboration is listed', async () => {
    const delegated = await submittedCase();
    const collaborated = await submittedCase();
    const own = await submittedCase();
    await delegateEndorsement(db(), hbe.endorser, {
      caseId: delegated.id,
      userId: otherLeader.userId,
    });
    await inviteCollaborator(db(), hbe.endorser, {
      caseId: collaborated.id,
      userId: otherLeader.userId,
    });
    const ids = (list: { items: { id: string }[] }) => list.items.map((i) => i.id);

    const leader = await listMyCases(db(), hbe.endorser);
    expect(ids(leader.waiting)).toEqual(expect.arrayContaining([collaborated.id, own.id]));
    expect(ids(leader.waiting)).not.toContain(delegated.id);
    expect(ids(leader.others)).toContain(delegated.id);
    expect(leader.others.items.find((i) => i.id === delegated.id)?.waitingForMe).toBe(false);

    const other = await listMyCases(db(), otherLeader);
    expect(ids(other.waiting)).toContain(delegated.id);
    expect(ids(other.waiting)).not.toContain(collaborated.id);
    expect(ids(other.others)).toContain(collaborated.id);
    expect([...ids(other.waiting), ...ids(other.others)]).not.toContain(own.id);

    // Taken back: it waits for the department's leader again and leaves the delegate's list.
    await takeBackDelegation(db(), hbe.endorser, { caseId: delegated.id });
    expect(ids((await listMyCases(db(), hbe.endorser)).waiting)).toContain(delegated.id);
    const after = await listMyCases(db(), otherLeader);
    expect([...ids(after.waiting), ...ids(after.others)]).not.toContain(delegated.id);
  });

  it('keeps leader input append-only and delegations undeletable for the application role', async () => {
    const scope = { trustId: hbe.endorser.trustId, userId: hbe.endorser.userId };
    for (const statement of [
      sql`update case_leader_inputs set body = 'endret'`,
      sql`delete from case_leader_inputs`,
      sql`delete from case_leaders`,
      sql`update case_leaders set user_id = ${hbe.endorser.userId}`,
    ]) {
      expect(await databaseError(inTenant(db(), scope, (tx) => tx.execute(statement)))).toMatch(
        /permission denied/,
      );
    }
  });
});
