import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import {
  accessLog,
  caseDecisions,
  caseEvents,
  caseOutcomes,
  caseUrgency,
  cases,
  notifications,
  stageAlerts,
  stageDeadlines,
  users,
} from '../../db/schema';
import { startBoss } from '../../jobs/boss.server';
import {
  CASE_CLOCKS_CRON,
  CASE_CLOCKS_QUEUE,
  scheduleCaseClocks,
} from '../../jobs/case-clocks.server';
import { completeAnswers, demoActors, signIn } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { databaseError, refusal } from '../../test/refusals';
import type { Actor } from '../auth/domain/roles';
import { SYSTEM_EMAIL, systemUserId } from '../auth/system-user.server';
import { grantRole } from '../admin/trust-admin.server';
import {
  createDraft,
  getCase,
  inviteCoAuthor,
  listMyCases,
  transition,
} from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import {
  assignCommitteeMember,
  delegateEndorsement,
  takeBackDelegation,
} from '../assessment/assessment.server';
import { reapply, recordOutcome, runFollowUps } from '../followup/followup.server';
import {
  getCaseClocks,
  getDeadlines,
  runStageAlerts,
  saveDeadlines,
  setUrgency,
} from './clocks.server';
import { deadlineBase, DEFAULT_DEADLINES, type DeadlineTable } from './domain/clocks';
import { endorseWithRatings } from '../../test/case-states';
import { APPROVAL_TERMS } from '../../test/decisions';

const refuse = (promise: Promise<unknown>) => refusal(promise, CaseError);
const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe.each(TEST_DATABASES)('stage clocks and follow-up on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let secondAssessor: Actor;
  let ous: Awaited<ReturnType<typeof demoActors>>;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    secondAssessor = (await signIn(database.db, 'HBE', 'assessor2')).actor;
    ous = await demoActors(database.db, 'OUS');
  });
  afterAll(() => database.close());

  async function submitted(actor: Actor = hbe.applicant, urgentReason?: string) {
    const draft = await createDraft(db(), actor, completeAnswers);
    if (urgentReason) {
      expect(
        await setUrgency(db(), actor, draft.id, { urgent: true, reason: urgentReason }),
      ).toEqual({ ok: true });
    }
    const done = await transition(db(), actor, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    return { id: draft.id, version: done.version, at: new Date() };
  }

  /**
   * The clocks' notifications about one case (reminders, escalations, follow-up), as
   * (kind, recipient) pairs; the workflow's own notifications of each transition are left out.
   */
  async function notified(caseId: string) {
    const rows = await db()
      .select({ kind: notifications.kind, userId: notifications.userId })
      .from(notifications)
      .where(
        and(
          eq(notifications.caseId, caseId),
          inArray(notifications.kind, ['stageReminder', 'stageEscalation', 'followUpDue']),
        ),
      )
      .orderBy(asc(notifications.id));
    return rows.map((r) => `${r.kind}:${r.userId}`);
  }

  it('reminds the endorser once when the stage is overdue, and escalates to the medical director later', async () => {
    const c = await submitted();
    expect(await runStageAlerts(db(), later(c.at, 7 * DAY - 60 * MINUTE))).toMatchObject({
      reminders: 0,
    });
    expect(await notified(c.id)).toEqual([]);

    await runStageAlerts(db(), later(c.at, 7 * DAY + MINUTE));
    expect(await notified(c.id)).toEqual([`stageReminder:${hbe.endorser.userId}`]);
    await runStageAlerts(db(), later(c.at, 7 * DAY + 2 * MINUTE));
    await runStageAlerts(db(), later(c.at, 9 * DAY));
    expect(await notified(c.id)).toHaveLength(1);

    await runStageAlerts(db(), later(c.at, 10 * DAY + MINUTE));
    expect(await notified(c.id)).toEqual([
      `stageReminder:${hbe.endorser.userId}`,
      `stageEscalation:${hbe.decisionMaker.userId}`,
    ]);
    await runStageAlerts(db(), later(c.at, 30 * DAY));
    expect(await notified(c.id)).toHaveLength(2);
    const alerts = await db().select().from(stageAlerts).where(eq(stageAlerts.caseId, c.id));
    expect(alerts.map((a) => [a.status, a.kind]).sort()).toEqual([
      ['submitted', 'escalation'],
      ['submitted', 'reminder'],
    ]);
  });

  it('sends each alert once when two instances run the job at the same moment', async () => {
    const c = await submitted();
    const at = later(c.at, 7 * DAY + MINUTE);
    await Promise.all([runStageAlerts(db(), at), runStageAlerts(db(), at)]);
    expect(await notified(c.id)).toEqual([`stageReminder:${hbe.endorser.userId}`]);
  });

  it('reminds the delegate, not the delegating leader, while the endorsement is delegated', async () => {
    const delegated = await submitted();
    const delegate = (await signIn(db(), 'HBE', 'endorser2')).actor;
    await delegateEndorsement(db(), hbe.endorser, {
      caseId: delegated.id,
      userId: delegate.userId,
    });
    const takenBack = await submitted();
    await delegateEndorsement(db(), hbe.endorser, {
      caseId: takenBack.id,
      userId: delegate.userId,
    });
    await takeBackDelegation(db(), hbe.endorser, { caseId: takenBack.id });

    await runStageAlerts(db(), later(takenBack.at, 7 * DAY + MINUTE));
    expect(await notified(delegated.id)).toEqual([`stageReminder:${delegate.userId}`]);
    // Taken back, the case is the department's leader's again.
    expect(await notified(takenBack.id)).toEqual([`stageReminder:${hbe.endorser.userId}`]);
  });

  it('never reminds a leader who co-wrote the case; the escalation reaches the director, who may delegate it', async () => {
    const granted = await grantRole(db(), hbe.trustAdmin, hbe.endorser.userId, {
      role: 'applicant',
      departmentId: hbe.endorser.grants[0]?.departmentId ?? null,
    });
    expect(granted.ok || granted.errors.role === 'alreadyHeld').toBe(true);
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    await inviteCoAuthor(db(), hbe.applicant, draft.id, hbe.endorser.userId);
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: (await getCase(db(), hbe.applicant, draft.id)).version,
      event: 'submit',
    });
    const at = new Date();
    // The department's only leader wrote it: no one to remind, the director is told at once
    // (endorsementWithoutLeader) and by the escalation.
    await runStageAlerts(db(), later(at, 7 * DAY + MINUTE));
    expect(await notified(draft.id)).toEqual([]);
    await runStageAlerts(db(), later(at, 10 * DAY + MINUTE));
    expect(await notified(draft.id)).toEqual([`stageEscalation:${hbe.decisionMaker.userId}`]);

    // Delegated by the director, the reminder goes to the delegate.
    const second = await createDraft(db(), hbe.applicant, completeAnswers);
    await inviteCoAuthor(db(), hbe.applicant, second.id, hbe.endorser.userId);
    await transition(db(), hbe.applicant, {
      caseId: second.id,
      version: (await getCase(db(), hbe.applicant, second.id)).version,
      event: 'submit',
    });
    const delegate = (await signIn(db(), 'HBE', 'endorser2')).actor;
    await delegateEndorsement(db(), hbe.decisionMaker, {
      caseId: second.id,
      userId: delegate.userId,
    });
    await runStageAlerts(db(), later(new Date(), 7 * DAY + MINUTE));
    expect(await notified(second.id)).toEqual([`stageReminder:${delegate.userId}`]);
  });

  it('starts a new clock when the case moves on, and reminds whoever must act there', async () => {
    const c = await submitted();
    await runStageAlerts(db(), later(c.at, 8 * DAY));
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      reason: 'Godt begrunnet.',
    });
    const assessing = await transition(db(), hbe.assessor, {
      caseId: c.id,
      version: endorsed.version,
      event: 'startAssessment',
    });
    const entered = new Date();
    await runStageAlerts(db(), later(entered, 21 * DAY + MINUTE));
    const assessmentReminders = (await notified(c.id)).slice(1).sort();
    expect(assessmentReminders).toEqual(
      [
        `stageReminder:${hbe.decisionMaker.userId}`,
        `stageReminder:${hbe.assessor.userId}`,
        `stageReminder:${secondAssessor.userId}`,
      ].sort(),
    );
    await transition(db(), hbe.assessor, {
      caseId: c.id,
      version: assessing.version,
      event: 'requestInformation',
      reason: 'Mangler siste prøvesvar.',
    });
    const asked = new Date();
    await runStageAlerts(db(), later(asked, 14 * DAY + MINUTE));
    expect((await notified(c.id)).at(-1)).toBe(`stageReminder:${hbe.applicant.userId}`);
  });

  it("reminds the case's committee in the assessment: its assigned members, not every assessor", async () => {
    const endorse = async (c: { id: string; version: number }) =>
      endorseWithRatings(db(), hbe.endorser, {
        caseId: c.id,
        version: c.version,
        reason: 'Godt begrunnet.',
      });
    const assigned = await submitted();
    const assignedEndorsed = await endorse(assigned);
    await assignCommitteeMember(db(), hbe.decisionMaker, {
      caseId: assigned.id,
      userId: secondAssessor.userId,
    });
    const unassigned = await submitted();
    await endorse(unassigned);
    const endorsedAt = new Date();

    await runStageAlerts(db(), later(endorsedAt, 7 * DAY + MINUTE));
    // Endorsed, waiting for the assessment to start: the medical directors and the assigned member
    // (Randi Sæther); Solveig Aase, not assigned, is not reminded.
    expect((await notified(assigned.id)).sort()).toEqual(
      [
        `stageReminder:${hbe.decisionMaker.userId}`,
        `stageReminder:${secondAssessor.userId}`,
      ].sort(),
    );
    // No one assigned and never under assessment: the case has no committee yet.
    expect(await notified(unassigned.id)).toEqual([`stageReminder:${hbe.decisionMaker.userId}`]);

    await transition(db(), hbe.decisionMaker, {
      caseId: assigned.id,
      version: assignedEndorsed.version,
      event: 'startAssessment',
    });
    const assessing = new Date();
    await runStageAlerts(db(), later(assessing, 21 * DAY + MINUTE));
    expect((await notified(assigned.id)).slice(2).sort()).toEqual(
      [
        `stageReminder:${hbe.decisionMaker.userId}`,
        `stageReminder:${secondAssessor.userId}`,
      ].sort(),
    );
  });

  it('gives an urgent case the short deadline, shows it in my cases and reminds sooner', async () => {
    const c = await submitted(hbe.applicant, 'Rask progresjon, behandling må starte innen en uke.');
    const { waiting } = await listMyCases(db(), hbe.endorser);
    const item = waiting.items.find((w) => w.id === c.id);
    expect(item?.urgent).toBe(true);
    const due = item?.dueAt?.getTime() ?? 0;
    expect(Math.abs(due - later(c.at, 2 * DAY).getTime())).toBeLessThan(60 * 1000);

    await runStageAlerts(db(), later(c.at, 2 * DAY + MINUTE));
    expect(await notified(c.id)).toEqual([`stageReminder:${hbe.endorser.userId}`]);
    await runStageAlerts(db(), later(c.at, 3 * DAY + 2 * MINUTE));
    expect(await notified(c.id)).toHaveLength(2);

    const view = await getCaseClocks(db(), hbe.endorser, c.id, later(c.at, 3 * DAY));
    expect(view).toMatchObject({
      urgent: true,
      urgency: {
        reason: 'Rask progresjon, behandling må starte innen en uke.',
        actorName: 'Ingrid Haugland',
      },
      current: { status: 'submitted', days: 2, overdue: true },
      canSetUrgency: true,
    });
  });

  it('lets only the writers (while writing) and the leader or director (while handled) mark urgency', async () => {
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    expect(await setUrgency(db(), hbe.applicant, draft.id, { urgent: true, reason: ' ' })).toEqual({
      ok: false,
      errors: { reason: 'reasonRequired' },
    });
    const [row] = await db().select().from(cases).where(eq(cases.id, draft.id));
    expect(row?.urgent).toBe(false);
    expect(
      await refuse(setUrgency(db(), ous.applicant, draft.id, { urgent: true, reason: 'x' })),
    ).toBe('notFound');
    const c = await submitted();
    // The applicant, once it is sent: the status stands in the way; the committee: never.
    expect(await refuse(setUrgency(db(), hbe.applicant, c.id, { urgent: true, reason: 'x' }))).toBe(
      'invalidTransition',
    );
    expect(await refuse(setUrgency(db(), hbe.assessor, c.id, { urgent: true, reason: 'x' }))).toBe(
      'forbidden',
    );
    expect(
      await setUrgency(db(), hbe.decisionMaker, c.id, { urgent: true, reason: 'Haster' }),
    ).toEqual({ ok: true });
    // Marked urgent by the leader too (the two forms at once): their reason is kept as well.
    expect(
      await setUrgency(db(), hbe.endorser, c.id, { urgent: true, reason: 'Rask progresjon.' }),
    ).toEqual({ ok: true });
    expect(
      (
        await db()
          .select({ urgent: caseUrgency.urgent, reason: caseUrgency.reason })
          .from(caseUrgency)
          .where(eq(caseUrgency.caseId, c.id))
          .orderBy(caseUrgency.id)
      ).map((u) => u.reason),
    ).toEqual(['Haster', 'Rask progresjon.']);
    expect(await setUrgency(db(), hbe.endorser, c.id, { urgent: false, reason: '' })).toEqual({
      ok: true,
    });
    // Taken away twice: the second changes nothing.
    expect(await setUrgency(db(), hbe.decisionMaker, c.id, { urgent: false, reason: '' })).toEqual({
      ok: true,
    });
    expect((await getCaseClocks(db(), hbe.endorser, c.id, new Date())).urgent).toBe(false);
    // Each change is on the access log, in the role that made it; the refused ones are not.
    expect(
      await db()
        .select({ userId: accessLog.userId, role: accessLog.role, action: accessLog.action })
        .from(accessLog)
        .where(
          and(
            eq(accessLog.caseId, c.id),
            inArray(accessLog.action, ['markUrgent', 'unmarkUrgent']),
          ),
        )
        .orderBy(accessLog.id),
    ).toEqual([
      { userId: hbe.decisionMaker.userId, role: 'decisionMaker', action: 'markUrgent' },
      { userId: hbe.endorser.userId, role: 'endorser', action: 'markUrgent' },
      { userId: hbe.endorser.userId, role: 'endorser', action: 'unmarkUrgent' },
    ]);
    expect(
      await databaseError(
        inTenant(db(), hbe.endorser, (tx) =>
          tx.execute(sql`update case_urgency set reason = 'endret'`),
        ),
      ),
    ).toMatch(/permission denied/);
  });

  it('lets the trust administrator set the deadlines, for their trust only', async () => {
    expect(await getDeadlines(db(), ous.trustAdmin)).toEqual(DEFAULT_DEADLINES);
    expect(await refuse(getDeadlines(db(), hbe.applicant))).toBe('forbidden');
    const fromDefaults = (wanted: DeadlineTable) => ({
      base: deadlineBase(DEFAULT_DEADLINES),
      wanted,
    });
    expect(
      await refuse(saveDeadlines(db(), hbe.decisionMaker, fromDefaults(DEFAULT_DEADLINES))),
    ).toBe('forbidden');
    const c = await submitted();
    expect(
      await saveDeadlines(
        db(),
        hbe.trustAdmin,
        fromDefaults({ ...DEFAULT_DEADLINES, submitted: { normalDays: 0, urgentDays: 0 } }),
      ),
    ).toEqual({ ok: true });
    expect((await getDeadlines(db(), hbe.trustAdmin)).submitted).toEqual({
      normalDays: 0,
      urgentDays: 0,
    });
    expect(await getDeadlines(db(), ous.trustAdmin)).toEqual(DEFAULT_DEADLINES);
    const { waiting } = await listMyCases(db(), hbe.endorser);
    const item = waiting.items.find((w) => w.id === c.id);
    expect(item?.dueAt?.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await getCaseClocks(db(), hbe.endorser, c.id, new Date())).current).toMatchObject({
      status: 'submitted',
      days: 0,
      overdue: true,
    });
    await saveDeadlines(db(), hbe.trustAdmin, {
      base: deadlineBase(await getDeadlines(db(), hbe.trustAdmin)),
      wanted: DEFAULT_DEADLINES,
    });
    expect(await getDeadlines(db(), hbe.trustAdmin)).toEqual(DEFAULT_DEADLINES);
  });

  it('merges the deadline form per field: a stale form writes only its own changes, and a field changed by someone else meanwhile is a conflict that changes nothing', async () => {
    const admin = ous.trustAdmin;
    const shown = await getDeadlines(db(), admin);
    const base = deadlineBase(shown);
    // Tab A sets «Til forankring» to 10; tab B, shown the same form, sets «Forankret» to 12.
    const tabA = { ...shown, submitted: { ...shown.submitted, normalDays: 10 } };
    const tabB = { ...shown, endorsed: { ...shown.endorsed, normalDays: 12 } };
    expect(await saveDeadlines(db(), admin, { base, wanted: tabA })).toEqual({ ok: true });
    expect(await saveDeadlines(db(), admin, { base, wanted: tabB })).toEqual({ ok: true });
    const both = {
      ...shown,
      submitted: { ...shown.submitted, normalDays: 10 },
      endorsed: { ...shown.endorsed, normalDays: 12 },
    };
    expect(await getDeadlines(db(), admin)).toEqual(both);
    // Only the stages changed have a row (the others still follow the defaults).
    const rows = await db()
      .select({ status: stageDeadlines.status })
      .from(stageDeadlines)
      .where(eq(stageDeadlines.trustId, admin.trustId))
      .orderBy(asc(stageDeadlines.status));
    expect(rows.map((r) => r.status)).toEqual(['endorsed', 'submitted']);

    // A stale tab changes «Til forankring» too: a conflict naming what is stored; nothing written,
    // not even its other change.
    const stale = {
      ...shown,
      submitted: { ...shown.submitted, normalDays: 9 },
      recommended: { ...shown.recommended, urgentDays: 1 },
    };
    expect(await saveDeadlines(db(), admin, { base, wanted: stale })).toEqual({
      ok: false,
      stored: both,
      conflicts: { 'submitted.normalDays': 10 },
    });
    expect(await getDeadlines(db(), admin)).toEqual(both);
    // Saved again against what is stored now, its changes are written.
    expect(
      await saveDeadlines(db(), admin, {
        base: deadlineBase(both),
        wanted: { ...both, submitted: stale.submitted, recommended: stale.recommended },
      }),
    ).toEqual({ ok: true });
    const after = await getDeadlines(db(), admin);
    expect([after.submitted.normalDays, after.recommended.urgentDays]).toEqual([9, 1]);

    // Saves of the same field from the same form at the same moment: one is written.
    const from = deadlineBase(after);
    const results = await Promise.all(
      [20, 25, 30, 35, 40, 45].map((days) =>
        saveDeadlines(db(), admin, {
          base: from,
          wanted: { ...after, underAssessment: { ...after.underAssessment, normalDays: days } },
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const kept = (await getDeadlines(db(), admin)).underAssessment.normalDays;
    expect(results.find((r) => !r.ok)).toMatchObject({
      conflicts: { 'underAssessment.normalDays': kept },
    });
    await saveDeadlines(db(), admin, {
      base: deadlineBase(await getDeadlines(db(), admin)),
      wanted: DEFAULT_DEADLINES,
    });
  });

  it('shows the time in each stage, and hides the case from another trust', async () => {
    const c = await submitted();
    const view = await getCaseClocks(db(), hbe.applicant, c.id, later(c.at, DAY));
    expect(view.stages.map((s) => [s.status, s.visits, s.current])).toEqual([
      ['draft', 1, false],
      ['submitted', 1, true],
    ]);
    expect(view.stages[1]?.ms).toBeGreaterThanOrEqual(DAY - 60 * 1000);
    expect(await refuse(getCaseClocks(db(), ous.decisionMaker, c.id, new Date()))).toBe('notFound');
  });

  async function decided(evaluationDate: string) {
    const c = await submitted();
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      reason: 'Godt begrunnet.',
    });
    const done = await transition(db(), hbe.decisionMaker, {
      caseId: c.id,
      version: endorsed.version,
      event: 'decide',
      outcome: 'approved',
      reason: 'Innvilges.',
      ...APPROVAL_TERMS,
    });
    // The decision module sets the evaluation date; here the database owner writes it.
    await db().update(caseDecisions).set({ evaluationDate }).where(eq(caseDecisions.caseId, c.id));
    return { id: c.id, version: done.version };
  }

  it('moves a decided case to follow-up on its evaluation date (Norwegian time), once', async () => {
    const c = await decided('2031-06-01');
    expect(await runFollowUps(db(), new Date('2031-05-31T21:59:00Z'))).toBe(0); // 23:59 in Oslo
    const [before] = await db().select().from(cases).where(eq(cases.id, c.id));
    expect(before?.status).toBe('decided');

    const at = new Date('2031-05-31T22:00:00Z'); // midnight in Oslo
    const [first, second] = await Promise.all([runFollowUps(db(), at), runFollowUps(db(), at)]);
    expect(first + second).toBe(1);
    const [after] = await db().select().from(cases).where(eq(cases.id, c.id));
    expect(after).toMatchObject({ status: 'followUp', version: c.version + 1 });
    // The job began it, as the system user in the role `system`: not the deciding director.
    const events = await db()
      .select({
        event: caseEvents.event,
        actorId: caseEvents.actorId,
        actor: users.name,
        email: users.email,
        role: caseEvents.actorRole,
        at: caseEvents.createdAt,
      })
      .from(caseEvents)
      .innerJoin(users, eq(users.id, caseEvents.actorId))
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.event, 'beginFollowUp')));
    expect(events).toEqual([
      {
        event: 'beginFollowUp',
        actorId: await systemUserId(db()),
        actor: 'Søknadsportal',
        email: SYSTEM_EMAIL,
        role: 'system',
        at,
      },
    ]);
    expect(events[0]?.actorId).not.toBe(hbe.decisionMaker.userId);
    // The case page shows it as the system's.
    const view = await getCase(db(), hbe.applicant, c.id);
    expect(view.history.filter((h) => h.event === 'beginFollowUp')).toMatchObject([
      {
        actorName: 'Søknadsportal',
        actorRole: 'system',
        fromStatus: 'decided',
        toStatus: 'followUp',
      },
    ]);
    expect((await notified(c.id)).filter((n) => n.startsWith('followUpDue'))).toEqual([
      `followUpDue:${hbe.applicant.userId}`,
    ]);
    expect(await runFollowUps(db(), new Date('2031-07-01T00:00:00Z'))).toBe(0);
  });

  it('records the outcome at follow-up and closes the case; the record is append-only', async () => {
    const c = await decided('2030-01-15');
    await runFollowUps(db(), new Date('2030-01-15T12:00:00Z'));
    const version = c.version + 1;
    const view = await getCaseClocks(db(), hbe.applicant, c.id, new Date());
    expect(view).toMatchObject({ canRecordOutcome: true, evaluationDate: '2030-01-15' });
    const input = {
      version,
      effect: 'partial',
      sideEffects: 'Lett kvalme',
      continuation: 'stopped',
      stopReason: '',
    };
    expect(await recordOutcome(db(), hbe.applicant, c.id, input)).toEqual({
      ok: false,
      errors: { stopReason: 'stopReasonRequired' },
    });
    expect(await refuse(recordOutcome(db(), hbe.decisionMaker, c.id, input))).toBe('forbidden');
    expect(await refuse(recordOutcome(db(), ous.applicant, c.id, input))).toBe('notFound');
    expect(
      await refuse(
        recordOutcome(db(), hbe.applicant, c.id, { ...input, version: 1, stopReason: 'Kvalme' }),
      ),
    ).toBe('conflict');
    expect(
      await recordOutcome(db(), hbe.applicant, c.id, { ...input, stopReason: 'Bivirkninger' }),
    ).toEqual({ ok: true });
    const [row] = await db().select().from(cases).where(eq(cases.id, c.id));
    expect(row?.status).toBe('closed');
    // On the access log once, in the applicant's role (the refused tries are not).
    expect(
      await db()
        .select({ userId: accessLog.userId, role: accessLog.role })
        .from(accessLog)
        .where(and(eq(accessLog.caseId, c.id), eq(accessLog.action, 'recordOutcome'))),
    ).toEqual([{ userId: hbe.applicant.userId, role: 'applicant' }]);
    const outcomes = await db().select().from(caseOutcomes).where(eq(caseOutcomes.caseId, c.id));
    expect(outcomes).toMatchObject([
      {
        effect: 'partial',
        sideEffects: 'Lett kvalme',
        continued: false,
        stopReason: 'Bivirkninger',
        recordedBy: hbe.applicant.userId,
      },
    ]);
    expect((await getCaseClocks(db(), hbe.decisionMaker, c.id, new Date())).outcome).toMatchObject({
      effect: 'partial',
      recordedByName: 'Ingrid Haugland',
    });
    expect(
      await refuse(
        recordOutcome(db(), hbe.applicant, c.id, {
          ...input,
          version: version + 1,
          stopReason: 'x',
        }),
      ),
    ).toBe('invalidTransition');
    // The same post again from a second tab (the version the form was shown with): the case
    // moved on since, so it is a conflict («endret av noen andre»), not «ikke mulig».
    expect(
      await refuse(recordOutcome(db(), hbe.applicant, c.id, { ...input, stopReason: 'x' })),
    ).toBe('conflict');
    expect(
      await databaseError(
        inTenant(db(), hbe.applicant, (tx) =>
          tx.execute(sql`update case_outcomes set effect = 'good'`),
        ),
      ),
    ).toMatch(/permission denied/);
    // The bare workflow event cannot close the case without an outcome.
    const other = await decided('2030-01-15');
    await runFollowUps(db(), new Date('2030-01-15T12:00:00Z'));
    expect(
      await refuse(
        transition(db(), hbe.applicant, {
          caseId: other.id,
          version: other.version + 1,
          event: 'recordOutcome',
          reason: 'God effekt',
        }),
      ),
    ).toBe('invalidTransition');
  });

  it('starts a re-application from an ended case: answers copied, linked both ways', async () => {
    const c = await submitted();
    expect(await refuse(reapply(db(), hbe.applicant, c.id))).toBe('invalidTransition');
    await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      verdict: 'notEndorse',
      reason: 'Ikke i tråd med prioriteringene.',
    });
    expect(await refuse(reapply(db(), hbe.endorser, c.id))).toBe('forbidden');
    expect(await refuse(reapply(db(), ous.applicant, c.id))).toBe('notFound');

    const created = await reapply(db(), hbe.applicant, c.id);
    const [copy] = await db().select().from(cases).where(eq(cases.id, created.id));
    expect(copy).toMatchObject({
      status: 'draft',
      previousCaseId: c.id,
      applicantId: hbe.applicant.userId,
      answers: completeAnswers,
      caseNumber: null,
      urgent: false,
    });
    const oldView = await getCaseClocks(db(), hbe.applicant, c.id, new Date());
    expect(oldView.next).toEqual([{ id: created.id, caseNumber: null }]);
    expect(oldView.canReapply).toBe(true);
    const newView = await getCaseClocks(db(), hbe.applicant, created.id, new Date());
    expect(newView.previous?.id).toBe(c.id);
    // The new draft is the applicant's alone: the leader sees no link to it yet.
    expect((await getCaseClocks(db(), hbe.endorser, c.id, new Date())).next).toEqual([]);
    const logged = await db()
      .select({ action: accessLog.action })
      .from(accessLog)
      .where(and(eq(accessLog.caseId, c.id), eq(accessLog.action, 'reapply')));
    expect(logged).toHaveLength(1);
  });

  it('makes one draft of a re-application clicked twice at once, and opens it on a later click', async () => {
    const c = await submitted();
    await endorseWithRatings(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      verdict: 'notEndorse',
      reason: 'Ikke i tråd med prioriteringene.',
    });
    const [first, second] = await Promise.all([
      reapply(db(), hbe.applicant, c.id),
      reapply(db(), hbe.applicant, c.id),
    ]);
    expect(second).toEqual(first);
    expect(await reapply(db(), hbe.applicant, c.id)).toEqual(first);
    const drafts = await db().select().from(cases).where(eq(cases.previousCaseId, c.id));
    expect(drafts.map((d) => d.id)).toEqual([first.id]);
    // Sent in, the draft is no longer there to open: a new re-application is a new draft.
    await transition(db(), hbe.applicant, {
      caseId: first.id,
      version: drafts[0]?.version ?? 0,
      event: 'submit',
    });
    expect((await reapply(db(), hbe.applicant, c.id)).id).not.toBe(first.id);
  });

  it('starts an extension from a case in follow-up, linked to it; the outcome is still recorded', async () => {
    const c = await decided('2030-03-01');
    await runFollowUps(db(), new Date('2030-03-01T12:00:00Z'));
    const view = await getCaseClocks(db(), hbe.applicant, c.id, new Date());
    expect(view).toMatchObject({ status: 'followUp', canReapply: true, canRecordOutcome: true });
    expect(await refuse(reapply(db(), hbe.decisionMaker, c.id))).toBe('forbidden');

    const created = await reapply(db(), hbe.applicant, c.id);
    const [copy] = await db().select().from(cases).where(eq(cases.id, created.id));
    expect(copy).toMatchObject({ status: 'draft', previousCaseId: c.id, answers: completeAnswers });
    // The earlier case stays in follow-up until the outcome is recorded.
    const [earlier] = await db().select().from(cases).where(eq(cases.id, c.id));
    expect(earlier).toMatchObject({ status: 'followUp', version: c.version + 1 });
    expect(
      await recordOutcome(db(), hbe.applicant, c.id, {
        version: c.version + 1,
        effect: 'good',
        sideEffects: '',
        continuation: 'continued',
        stopReason: '',
      }),
    ).toEqual({ ok: true });
    expect((await getCaseClocks(db(), hbe.applicant, c.id, new Date())).next).toEqual([
      { id: created.id, caseNumber: null },
    ]);
  });

  it('schedules the case clocks job in pg-boss', async () => {
    const boss = await startBoss(database, { pollingIntervalSeconds: 0.5 });
    try {
      await scheduleCaseClocks(boss, db());
      expect(await boss.getSchedules()).toContainEqual(
        expect.objectContaining({ name: CASE_CLOCKS_QUEUE, cron: CASE_CLOCKS_CRON }),
      );
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
