import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import {
  caseConsultations,
  caseLeaders,
  caseOutcomes,
  cases,
  caseUrgency,
  stageAlerts,
  stageDeadlines,
  trusts,
  users,
} from '../../db/schema';
import { hasRole, type Actor, type CaseRole } from '../auth/domain/roles';
import {
  caseTrailIn,
  latestDecisionIn,
  loadVisibleCase,
  logAccess,
  statusOf,
} from '../cases/cases.server';
import { caseRoles } from '../cases/domain/access';
import { CaseError } from '../cases/domain/errors';
import { FINAL_STATUSES, isStatus, type Status } from '../cases/domain/workflow';
import {
  canReapply,
  followUpErrors,
  urgencyRole,
  urgencySchema,
  type Effect,
  type FollowUpFieldErrors,
} from '../followup/domain/followup';
import { groupRecipients, notify } from '../notifications/notifications.server';
import { enteredCurrentStatus } from './stage-sql.server';
import {
  alertGroups,
  CLOCKED_STATUSES,
  deadlineDays,
  deadlineTable,
  dueAlert,
  enteredCurrentAt,
  isClocked,
  isOverdue,
  mergeDeadlines,
  RESPONSIBLE,
  stageDueAt,
  stageTimes,
  type ClockedStatus,
  type DeadlineBase,
  type DeadlineConflicts,
  type DeadlineTable,
  type StageTime,
} from './domain/clocks';
import { eachApart } from '../../lib/each-apart.server';

/**
 * A background job's transaction for one trust: row-level security as for a request, but no
 * user is bound (the job acts for nobody; what it writes names its own actor).
 */
export const inTrustJob = <T>(db: Db, trustId: string, fn: (tx: Tx) => Promise<T>) =>
  inTenant(db, { trustId, userId: '' }, fn);

/**
 * `work` for every trust, each in its own job transaction (`inTrustJob`) and each apart
 * (`eachApart`): one trust's fault leaves the others' cases to be done. `job` names it in the log.
 */
export async function inEachTrustJob(
  db: Db,
  job: string,
  work: (tx: Tx, trustId: string) => Promise<void>,
): Promise<void> {
  const trustIds = await db.select({ id: trusts.id }).from(trusts);
  await eachApart(
    trustIds,
    ({ id }) => `${job} in trust ${id}`,
    ({ id }) => inTrustJob(db, id, (tx) => work(tx, id)),
  );
}

async function trustDeadlines(tx: Tx, trustId: string): Promise<DeadlineTable> {
  const rows = await tx
    .select({
      status: stageDeadlines.status,
      normalDays: stageDeadlines.normalDays,
      urgentDays: stageDeadlines.urgentDays,
    })
    .from(stageDeadlines)
    .where(eq(stageDeadlines.trustId, trustId));
  return deadlineTable(rows);
}

/** The trust's deadlines, for its administrator. */
export async function getDeadlines(db: Db, actor: Actor): Promise<DeadlineTable> {
  if (!hasRole(actor, 'trustAdmin')) throw new CaseError('forbidden');
  return inTenant(db, actor, (tx) => trustDeadlines(tx, actor.trustId));
}

export type DeadlineSaveResult =
  | { ok: true }
  /** Someone saved some of the same deadlines since the form was shown: nothing changed. */
  | { ok: false; stored: DeadlineTable; conflicts: DeadlineConflicts };

/**
 * Stores the deadlines the administrator changed, merged per field with what is stored
 * (`mergeDeadlines`): `base` is what the form was shown with, `wanted` what it sent. Fields they
 * did not change are not written; one someone else changed meanwhile is a conflict, and then
 * nothing is written. Saves of one trust's deadlines take turns, so the comparison holds.
 */
export async function saveDeadlines(
  db: Db,
  actor: Actor,
  input: { base: DeadlineBase; wanted: DeadlineTable },
): Promise<DeadlineSaveResult> {
  if (!hasRole(actor, 'trustAdmin')) throw new CaseError('forbidden');
  return inTenant(db, actor, async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`stage_deadlines:${actor.trustId}`}))`,
    );
    const stored = await trustDeadlines(tx, actor.trustId);
    const { merged, changed, conflicts } = mergeDeadlines(stored, input.base, input.wanted);
    if (Object.keys(conflicts).length > 0) return { ok: false, stored, conflicts };
    if (changed.length === 0) return { ok: true };
    const now = new Date();
    await tx
      .insert(stageDeadlines)
      .values(
        changed.map((status) => ({
          trustId: actor.trustId,
          status,
          ...merged[status],
          updatedBy: actor.userId,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [stageDeadlines.trustId, stageDeadlines.status],
        set: {
          normalDays: sql`excluded.normal_days`,
          urgentDays: sql`excluded.urgent_days`,
          updatedBy: sql`excluded.updated_by`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
    return { ok: true };
  });
}

export interface LinkedCase {
  id: string;
  caseNumber: string | null;
}

export interface OutcomeView {
  effect: Effect;
  sideEffects: string | null;
  continued: boolean;
  stopReason: string | null;
  recordedByName: string;
  at: Date;
}

/** What the case page shows of clocks, urgency, follow-up and re-application. */
export interface ClocksView {
  caseId: string;
  status: Status;
  version: number;
  urgent: boolean;
  urgency: { reason: string | null; actorName: string; at: Date } | null;
  canSetUrgency: boolean;
  stages: (StageTime & { status: Status })[];
  /** Registered after the fact: its stages before the registration are not known (`stageTimes`). */
  retrospective: boolean;
  /**
   * The current stage's deadline: the trust's `days` for it, or (in consultation) the last day
   * its medical director gave the consulted trust (`consultationDeadline`, `stageDueAt`).
   */
  current: {
    status: ClockedStatus;
    days: number;
    consultationDeadline: string | null;
    dueAt: Date;
    overdue: boolean;
  } | null;
  previous: LinkedCase | null;
  next: LinkedCase[];
  canReapply: boolean;
  evaluationDate: string | null;
  outcome: OutcomeView | null;
  canRecordOutcome: boolean;
}

/**
 * The case page's clocks panel. It is read in the same request as getCase, whose access-log
 * record ('view') covers this read of the case too.
 */
export async function getCaseClocks(
  db: Db,
  actor: Actor,
  caseId: string,
  now: Date,
): Promise<ClocksView> {
  return inTenant(db, actor, (tx) => getCaseClocksIn(tx, actor, caseId, now));
}

/** `getCaseClocks` in the caller's transaction (the case page reads all its sections in one). */
export async function getCaseClocksIn(
  tx: Tx,
  actor: Actor,
  caseId: string,
  now: Date,
): Promise<ClocksView> {
  const { row, roles } = await loadVisibleCase(tx, actor, caseId);
  const status = statusOf(row);
  // The case page reads the trail and the newest decision once for the case view and the clocks.
  const events = await caseTrailIn(tx, row.id);
  const stages = stageTimes(events, now, FINAL_STATUSES).flatMap((s) =>
    isStatus(s.status) ? [{ ...s, status: s.status }] : [],
  );
  let current: ClocksView['current'] = null;
  if (isClocked(status)) {
    const deadline = (await trustDeadlines(tx, row.trustId))[status];
    const entered = enteredCurrentAt(events);
    const consultationDeadline =
      status === 'inConsultation'
        ? ((await consultationDeadlines(tx, [row.id])).get(row.id) ?? null)
        : null;
    const due = stageDueAt({
      status,
      enteredAt: entered,
      urgent: row.urgent,
      deadline,
      consultationDeadline,
    });
    if (due) {
      current = {
        status,
        days: deadlineDays(deadline, row.urgent),
        consultationDeadline,
        dueAt: due,
        overdue: isOverdue(due, now),
      };
    }
  }
  const [urgency] = row.urgent
    ? await tx
        .select({ reason: caseUrgency.reason, actorName: users.name, at: caseUrgency.createdAt })
        .from(caseUrgency)
        .innerJoin(users, eq(users.id, caseUrgency.actorId))
        .where(and(eq(caseUrgency.caseId, row.id), eq(caseUrgency.urgent, true)))
        .orderBy(desc(caseUrgency.id))
        .limit(1)
        .prepare('sp_case_urgency')
        .execute()
    : [];
  const linked = await tx
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      status: cases.status,
      trustId: cases.trustId,
      departmentId: cases.departmentId,
      applicantId: cases.applicantId,
      previousCaseId: cases.previousCaseId,
    })
    .from(cases)
    .where(
      row.previousCaseId
        ? or(eq(cases.id, row.previousCaseId), eq(cases.previousCaseId, row.id))
        : eq(cases.previousCaseId, row.id),
    )
    .orderBy(asc(cases.createdAt))
    .prepare(row.previousCaseId ? 'sp_case_linked_both' : 'sp_case_linked_next')
    .execute();
  // Linked cases are shown only to those who may open them (a new draft is its writer's alone).
  const visible = linked.filter(
    (l) =>
      isStatus(l.status) &&
      caseRoles(actor, {
        ...l,
        status: l.status,
        coAuthorIds: [],
        delegateId: null,
        collaboratorIds: [],
      }).length,
  );
  const decision = await latestDecisionIn(tx, row.id);
  const recorder = alias(users, 'recorder');
  const [outcome] = await tx
    .select({
      effect: caseOutcomes.effect,
      sideEffects: caseOutcomes.sideEffects,
      continued: caseOutcomes.continued,
      stopReason: caseOutcomes.stopReason,
      recordedByName: recorder.name,
      at: caseOutcomes.createdAt,
    })
    .from(caseOutcomes)
    .innerJoin(recorder, eq(recorder.id, caseOutcomes.recordedBy))
    .where(eq(caseOutcomes.caseId, row.id))
    .orderBy(desc(caseOutcomes.id))
    .limit(1)
    .prepare('sp_case_outcome')
    .execute();
  const previous = visible.find((l) => l.id === row.previousCaseId);
  return {
    caseId: row.id,
    status,
    version: row.version,
    urgent: row.urgent,
    urgency: urgency ?? null,
    canSetUrgency: urgencyRole(roles, status) !== null,
    stages,
    retrospective: row.retrospective,
    current,
    previous: previous ? { id: previous.id, caseNumber: previous.caseNumber } : null,
    next: visible
      .filter((l) => l.previousCaseId === row.id)
      .map((l) => ({ id: l.id, caseNumber: l.caseNumber })),
    canReapply: canReapply(roles, status),
    evaluationDate: decision?.evaluationDate ?? null,
    outcome: outcome ? { ...outcome, effect: outcome.effect as Effect } : null,
    canRecordOutcome: status === 'followUp' && roles.includes('applicant'),
  } satisfies ClocksView;
}

export type UrgencyResult = { ok: true } | { ok: false; errors: FollowUpFieldErrors };

/**
 * Marks a case urgent with a justification, or takes the mark away: its writers while they write
 * it, the leader and the medical director while it is handled. Urgent cases get the shorter
 * deadlines from then on. Each change is kept (case_urgency). A case someone else marked urgent
 * meanwhile keeps the second justification too (nothing typed is dropped); taking away a mark
 * already gone changes nothing.
 */
export async function setUrgency(
  db: Db,
  actor: Actor,
  caseId: string,
  input: { urgent: boolean; reason: string },
): Promise<UrgencyResult> {
  const parsed = urgencySchema.safeParse({ reason: input.reason });
  if (input.urgent && !parsed.success) return { ok: false, errors: followUpErrors(parsed.error) };
  const reason = input.reason.trim() || null;
  if (reason && reason.length > 10_000) return { ok: false, errors: { reason: 'tooLong' } };
  await inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, caseId, true);
    const role = urgencyRole(roles, statusOf(row));
    if (!role) {
      // A writer once the case is sent, a leader once it is decided: the status stands in the way.
      const marks: readonly CaseRole[] = ['applicant', 'coAuthor', 'endorser', 'decisionMaker'];
      throw new CaseError(roles.some((r) => marks.includes(r)) ? 'invalidTransition' : 'forbidden');
    }
    if (row.urgent === input.urgent && !input.urgent) return;
    if (row.urgent !== input.urgent) {
      await tx.update(cases).set({ urgent: input.urgent }).where(eq(cases.id, row.id));
    }
    await tx.insert(caseUrgency).values({
      caseId: row.id,
      trustId: row.trustId,
      urgent: input.urgent,
      reason,
      actorId: actor.userId,
      actorRole: role,
    });
    // The reason is about the patient's condition: a change on the access log too.
    await logAccess(tx, actor, role, row.id, input.urgent ? 'markUrgent' : 'unmarkUrgent');
  });
  return { ok: true };
}

/**
 * The last day of each case's open consultation (unanswered, not revoked; at most one per case,
 * `case_consultations_one_open`), by case id: the stage «inConsultation» is due when it ends.
 */
async function consultationDeadlines(
  tx: Tx,
  caseIds: readonly string[],
): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map();
  const open = await tx
    .select({ caseId: caseConsultations.caseId, deadline: caseConsultations.deadline })
    .from(caseConsultations)
    .where(
      and(
        inArray(caseConsultations.caseId, [...caseIds]),
        isNull(caseConsultations.revokedAt),
        isNull(caseConsultations.answeredAt),
      ),
    );
  return new Map(open.map((c) => [c.caseId, c.deadline]));
}

export interface AlertsSent {
  reminders: number;
  escalations: number;
}

/**
 * Finds cases whose current stage is past its deadline (as of `now`) and sends what is due: a
 * reminder to whoever must act, later an escalation to the medical director. Each alert is first
 * recorded in stage_alerts; only the transaction whose insert took the unique key notifies, so a
 * second run, or a second app instance at the same time, sends nothing twice.
 */
export async function runStageAlerts(db: Db, now: Date): Promise<AlertsSent> {
  const sent: AlertsSent = { reminders: 0, escalations: 0 };
  // Each trust apart: one trust's fault leaves the others' cases to be done.
  await inEachTrustJob(db, 'Stage alerts', async (tx, trustId) => {
    const open = await tx
      .select({
        id: cases.id,
        status: cases.status,
        urgent: cases.urgent,
        departmentId: cases.departmentId,
        applicantId: cases.applicantId,
        enteredAt: enteredCurrentStatus,
      })
      .from(cases)
      // Retrospective cases (etterregistrering) never run on the portal's clocks.
      .where(and(inArray(cases.status, [...CLOCKED_STATUSES]), eq(cases.retrospective, false)));
    if (open.length === 0) return;
    const deadlines = await trustDeadlines(tx, trustId);
    const alerts = await tx
      .select({
        caseId: stageAlerts.caseId,
        status: stageAlerts.status,
        enteredAt: stageAlerts.enteredAt,
        kind: stageAlerts.kind,
      })
      .from(stageAlerts)
      .where(
        inArray(
          stageAlerts.caseId,
          open.map((c) => c.id),
        ),
      );
    const delegations = await tx
      .select({ caseId: caseLeaders.caseId, userId: caseLeaders.userId })
      .from(caseLeaders)
      .where(
        and(
          inArray(
            caseLeaders.caseId,
            open.map((c) => c.id),
          ),
          eq(caseLeaders.kind, 'delegate'),
          isNull(caseLeaders.revokedAt),
        ),
      );
    const delegateOf = new Map(delegations.map((d) => [d.caseId, d.userId]));
    const consulting = open.filter((c) => c.status === 'inConsultation').map((c) => c.id);
    const consultationDeadlineOf = await consultationDeadlines(tx, consulting);
    for (const c of open) {
      const enteredAt = c.enteredAt;
      if (!isClocked(c.status) || !enteredAt) continue;
      const status = c.status;
      const due = stageDueAt({
        status,
        enteredAt,
        urgent: c.urgent,
        deadline: deadlines[status],
        consultationDeadline: consultationDeadlineOf.get(c.id) ?? null,
      });
      if (!due) continue;
      const kinds = alerts
        .filter(
          (a) =>
            a.caseId === c.id &&
            a.status === status &&
            a.enteredAt.getTime() === enteredAt.getTime(),
        )
        .map((a) => a.kind);
      const kind = dueAlert({ due, urgent: c.urgent, sent: kinds, now });
      if (!kind) continue;
      const [taken] = await tx
        .insert(stageAlerts)
        .values({ caseId: c.id, trustId, status, enteredAt, kind, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: stageAlerts.id });
      if (!taken) continue;
      const delegateId = delegateOf.get(c.id) ?? null;
      await notify(tx, {
        trustId,
        caseId: c.id,
        kind: kind === 'reminder' ? 'stageReminder' : 'stageEscalation',
        recipientIds: await groupRecipients(
          tx,
          { ...c, trustId, caseId: c.id, delegateId },
          alertGroups(kind, RESPONSIBLE[status]),
        ),
      });
      if (kind === 'reminder') sent.reminders += 1;
      else sent.escalations += 1;
    }
  });
  return sent;
}

/** A notice after a redirect from one of the clocks panel's forms (`?frister=` on the case page). */
export type ClocksNotice = 'urgent' | 'notUrgent' | 'outcome';
const NOTICES: Record<string, ClocksNotice> = {
  haster: 'urgent',
  'ikke-haster': 'notUrgent',
  utfall: 'outcome',
};

/** The case page's clocks panel as of now, with the notice its URL carries. */
export async function loadClocksPanel(tx: Tx, actor: Actor, caseId: string, url: URL) {
  const view = await getCaseClocksIn(tx, actor, caseId, new Date());
  return { view, notice: NOTICES[url.searchParams.get('frister') ?? ''] ?? null };
}
