import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { inTenant, type Db } from '../../db/database.server';
import { caseChanges, caseDecisions, caseEvents, caseOutcomes, cases } from '../../db/schema';
import { SYSTEM_ROLE, type Actor } from '../auth/domain/roles';
import { systemUserId } from '../auth/system-user.server';
import { loadVisibleCase, logAccess, schemeOf, statusOf } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import { checkTransition } from '../cases/domain/workflow';
import { inEachTrustJob } from '../clocks/clocks.server';
import { notify } from '../notifications/notifications.server';
import {
  canReapply,
  evaluationDue,
  followUpErrors,
  outcomeSchema,
  type FollowUpFieldErrors,
} from './domain/followup';
import { dateInNorway } from '../cases/domain/dates';

/**
 * Moves decided cases whose evaluation date (in Norway) has come, as of `now`, to follow-up and
 * asks the applicant to record the outcome. Safe to run twice or on two instances at once: the
 * move is a compare-and-set on status and version.
 *
 * The job, not a person, begins the follow-up, and the audit row says so: the system user
 * (`systemUserId`, as the retention job) in the role `system`, which the transition table gives
 * `beginFollowUp` beside the medical director (who may begin it by hand). The move and its audit
 * row are written in one transaction.
 */
export async function runFollowUps(db: Db, now: Date): Promise<number> {
  const today = dateInNorway(now);
  let moved = 0;
  // The owner's connection, before any tenant transaction (PGlite has only one connection).
  const actorId = await systemUserId(db);
  // Each trust apart: one trust's fault leaves the others' cases to be done.
  await inEachTrustJob(db, 'Follow-ups', async (tx, trustId) => {
    const decided = await tx
      .select({
        id: cases.id,
        version: cases.version,
        applicantId: cases.applicantId,
        evaluationDate: caseDecisions.evaluationDate,
      })
      .from(cases)
      .innerJoin(caseDecisions, eq(caseDecisions.caseId, cases.id))
      .where(
        and(
          eq(cases.status, 'decided'),
          // A retrospective case (etterregistrering) was followed up before the portal, if at all.
          eq(cases.retrospective, false),
          sql`${caseDecisions.version} = (select max(d.version) from case_decisions d where d.case_id = ${cases.id})`,
          isNotNull(caseDecisions.evaluationDate),
        ),
      );
    for (const c of decided.filter((d) => evaluationDue(d.evaluationDate, today))) {
      const check = checkTransition('decided', 'beginFollowUp', [SYSTEM_ROLE], 'anyScheme');
      if (!check.ok) throw new Error('The transition table lost decided → followUp (system)');
      const [updated] = await tx
        .update(cases)
        .set({
          status: check.transition.to,
          version: sql`${cases.version} + 1`,
          updatedAt: now,
        })
        .where(and(eq(cases.id, c.id), eq(cases.status, 'decided'), eq(cases.version, c.version)))
        .returning({ id: cases.id });
      if (!updated) continue;
      await tx.insert(caseEvents).values({
        caseId: c.id,
        trustId,
        event: 'beginFollowUp',
        fromStatus: 'decided',
        toStatus: check.transition.to,
        actorId,
        actorRole: check.role,
        createdAt: now,
      });
      await notify(tx, {
        trustId,
        caseId: c.id,
        kind: 'followUpDue',
        recipientIds: [c.applicantId],
      });
      moved += 1;
    }
  });
  return moved;
}

export type OutcomeResult = { ok: true } | { ok: false; errors: FollowUpFieldErrors };

/**
 * The applicant records the treatment's outcome at follow-up; it is kept (append-only) and
 * closes the case (recordOutcome), with a compare-and-set on the version the applicant saw.
 */
export async function recordOutcome(
  db: Db,
  actor: Actor,
  caseId: string,
  input: {
    version: number;
    effect: string;
    sideEffects: string;
    continuation: string;
    stopReason: string;
  },
): Promise<OutcomeResult> {
  const parsed = outcomeSchema.safeParse(input);
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, caseId);
    const from = statusOf(row);
    const check = checkTransition(from, 'recordOutcome', roles, schemeOf(row));
    // No longer possible because the case moved on since the form was shown (someone recorded
    // the outcome in another tab): that is a conflict, as with a version the case no longer has.
    const stale = row.version !== input.version;
    if (!check.ok) {
      throw new CaseError(check.error === 'invalidTransition' && stale ? 'conflict' : check.error);
    }
    if (!parsed.success) return { ok: false, errors: followUpErrors(parsed.error) };
    if (row.version !== input.version) throw new CaseError('conflict');
    const data = parsed.data;
    const [updated] = await tx
      .update(cases)
      .set({
        status: check.transition.to,
        version: sql`${cases.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(cases.id, row.id), eq(cases.status, from), eq(cases.version, input.version)))
      .returning({ id: cases.id });
    if (!updated) throw new CaseError('conflict');
    await tx.insert(caseOutcomes).values({
      caseId: row.id,
      trustId: row.trustId,
      effect: data.effect,
      sideEffects: data.sideEffects || null,
      continued: data.continuation === 'continued',
      stopReason: data.continuation === 'stopped' ? data.stopReason : null,
      recordedBy: actor.userId,
    });
    // A change of the case's health data (the treatment's effect): on the access log too.
    await logAccess(tx, actor, check.role, row.id, 'recordOutcome');
    await tx.insert(caseEvents).values({
      caseId: row.id,
      trustId: row.trustId,
      event: 'recordOutcome',
      fromStatus: from,
      toStatus: check.transition.to,
      actorId: actor.userId,
      actorRole: check.role,
      reason: data.continuation === 'stopped' ? data.stopReason : null,
    });
    return { ok: true };
  });
}

/**
 * Starts a new application from an earlier one that has come to an end: a draft with the same
 * answers (the applicant then updates them), linked by previous_case_id. Copying reads the
 * earlier case's contents, which is logged. The earlier case's row lock keeps it to one draft: a
 * second click (or tab) while the applicant's draft from it still exists opens that draft.
 */
export async function reapply(db: Db, actor: Actor, caseId: string): Promise<{ id: string }> {
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, caseId, true);
    const status = statusOf(row);
    if (!roles.includes('applicant')) throw new CaseError('forbidden');
    if (!canReapply(roles, status)) throw new CaseError('invalidTransition');
    const [draft] = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(
        and(
          eq(cases.previousCaseId, row.id),
          eq(cases.applicantId, actor.userId),
          eq(cases.status, 'draft'),
        ),
      )
      .limit(1);
    if (draft) return draft;
    const grant = actor.grants.find((g) => g.role === 'applicant' && g.trustId === actor.trustId);
    const [created] = await tx
      .insert(cases)
      .values({
        trustId: row.trustId,
        departmentId: grant?.departmentId ?? row.departmentId,
        applicantId: actor.userId,
        status: 'draft',
        answers: row.answers,
        previousCaseId: row.id,
      })
      .returning({ id: cases.id });
    if (!created) throw new Error('Insert returned no row');
    await tx.insert(caseEvents).values({
      caseId: created.id,
      trustId: row.trustId,
      event: 'create',
      fromStatus: null,
      toStatus: 'draft',
      actorId: actor.userId,
      actorRole: 'applicant',
    });
    const questionIds = Object.keys(row.answers);
    if (questionIds.length > 0) {
      await tx.insert(caseChanges).values(
        questionIds.map((questionId) => ({
          caseId: created.id,
          trustId: row.trustId,
          actorId: actor.userId,
          questionId,
        })),
      );
    }
    await logAccess(tx, actor, 'applicant', row.id, 'reapply');
    return created;
  });
}
