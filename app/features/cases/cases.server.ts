import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import {
  accessLog,
  caseDecisions,
  caseEvents,
  caseNumberCounters,
  cases,
  departments,
  trusts,
  users,
} from '../../db/schema';
import { hasRole, isRole, type Actor, type Role } from '../auth/domain/roles';
import { caseRoles } from './domain/access';
import {
  decisionSchema,
  fieldErrors,
  reasonSchema,
  submissionSchema,
  type ApplicationDraft,
  type DecisionOutcome,
} from './domain/application';
import { formatCaseNumber, norwegianYear } from './domain/case-number';
import { CaseError } from './domain/errors';
import {
  availableEvents,
  checkTransition,
  EDITABLE_STATUSES,
  isStatus,
  type CaseEvent,
  type Status,
} from './domain/workflow';

type CaseRow = typeof cases.$inferSelect;

const scopeOf = (actor: Actor) => ({ trustId: actor.trustId, userId: actor.userId });
export const statusOf = (row: CaseRow): Status => {
  if (!isStatus(row.status)) throw new Error(`Unknown status in database: ${row.status}`);
  return row.status;
};
const rolesFor = (actor: Actor, row: CaseRow) =>
  caseRoles(actor, { ...row, status: statusOf(row) });

/** Loads a case the actor may see, or throws notFound (for another trust, RLS already hides it). */
export async function loadVisibleCase(tx: Tx, actor: Actor, caseId: string) {
  if (!z.uuid().safeParse(caseId).success) throw new CaseError('notFound');
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw new CaseError('notFound');
  const roles = rolesFor(actor, row);
  if (roles.length === 0) throw new CaseError('notFound');
  return { row, roles };
}

/** Writes one access-log record (a read of personal data) in the caller's transaction. */
export async function logAccess(tx: Tx, actor: Actor, role: Role, caseId: string, action: string) {
  await tx.insert(accessLog).values({
    trustId: actor.trustId,
    userId: actor.userId,
    role,
    caseId,
    action,
  });
}

export interface CaseListItem {
  id: string;
  caseNumber: string | null;
  status: Status;
  drug: string;
  indication: string;
  updatedAt: Date;
  waitingForMe: boolean;
}

/** "My cases": everything the actor works on in their trust, what waits for them first. */
export async function listMyCases(
  db: Db,
  actor: Actor,
): Promise<{ waiting: CaseListItem[]; others: CaseListItem[] }> {
  const visible: SQL[] = [];
  if (hasRole(actor, 'applicant')) visible.push(eq(cases.applicantId, actor.userId));
  if (hasRole(actor, 'decisionMaker') || hasRole(actor, 'assessor')) {
    visible.push(ne(cases.status, 'draft'));
  }
  const endorserGrants = actor.grants.filter(
    (g) => g.role === 'endorser' && g.trustId === actor.trustId,
  );
  if (endorserGrants.some((g) => g.departmentId === null)) visible.push(ne(cases.status, 'draft'));
  const endorserDepartments = endorserGrants.flatMap((g) =>
    g.departmentId ? [g.departmentId] : [],
  );
  if (endorserDepartments.length > 0) {
    const departmentCases = and(
      ne(cases.status, 'draft'),
      inArray(cases.departmentId, endorserDepartments),
    );
    if (departmentCases) visible.push(departmentCases);
  }
  if (visible.length === 0) return { waiting: [], others: [] };

  const rows = await inTenant(db, scopeOf(actor), (tx) =>
    tx
      .select()
      .from(cases)
      .where(or(...visible))
      .orderBy(desc(cases.updatedAt))
      .limit(500),
  );
  const waiting: CaseListItem[] = [];
  const others: CaseListItem[] = [];
  for (const row of rows) {
    const roles = rolesFor(actor, row);
    if (roles.length === 0) continue;
    // "Withdraw" is always possible for an open case; it alone does not make a case wait for me.
    const events = availableEvents(statusOf(row), roles).filter((e) => e !== 'withdraw');
    const item: CaseListItem = {
      id: row.id,
      caseNumber: row.caseNumber,
      status: statusOf(row),
      drug: row.drug,
      indication: row.indication,
      updatedAt: row.updatedAt,
      waitingForMe: events.length > 0,
    };
    (item.waitingForMe ? waiting : others).push(item);
  }
  // Oldest first among what waits: the case that has waited longest is handled first.
  waiting.reverse();
  return { waiting, others };
}

export interface HistoryEntry {
  event: CaseEvent | 'create';
  fromStatus: Status | null;
  toStatus: Status;
  actorName: string;
  actorRole: Role;
  reason: string | null;
  at: Date;
}

export interface DecisionView {
  version: number;
  outcome: DecisionOutcome;
  reason: string;
  conditions: string | null;
  decidedByName: string;
  decidedAt: Date;
}

export interface CaseView {
  id: string;
  version: number;
  caseNumber: string | null;
  status: Status;
  scheme: ApplicationDraft['scheme'];
  patientScope: ApplicationDraft['patientScope'];
  patientId: string | null;
  drug: string;
  indication: string;
  justification: string;
  trustName: string;
  departmentName: string;
  applicantName: string;
  submittedAt: Date | null;
  createdAt: Date;
  roles: Role[];
  events: CaseEvent[];
  history: HistoryEntry[];
  decision: DecisionView | null;
}

const toDraft = (row: CaseRow): ApplicationDraft => ({
  scheme: row.scheme as ApplicationDraft['scheme'],
  patientScope: row.patientScope as ApplicationDraft['patientScope'],
  patientId: row.patientId ?? '',
  drug: row.drug,
  indication: row.indication,
  justification: row.justification,
});

/**
 * The whole case for someone working it. Reading it is a read of personal data (the patient's
 * identity), so every call is written to the access log in the same transaction.
 */
export async function getCase(
  db: Db,
  actor: Actor,
  caseId: string,
  action: 'view' | 'edit' = 'view',
): Promise<CaseView> {
  return inTenant(db, scopeOf(actor), async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, caseId);
    const [names] = await tx
      .select({ trust: trusts.name, department: departments.name, applicant: users.name })
      .from(trusts)
      .innerJoin(departments, eq(departments.id, row.departmentId))
      .innerJoin(users, eq(users.id, row.applicantId))
      .where(eq(trusts.id, row.trustId));
    const history = await tx
      .select({
        event: caseEvents.event,
        fromStatus: caseEvents.fromStatus,
        toStatus: caseEvents.toStatus,
        actorName: users.name,
        actorRole: caseEvents.actorRole,
        reason: caseEvents.reason,
        at: caseEvents.createdAt,
      })
      .from(caseEvents)
      .innerJoin(users, eq(users.id, caseEvents.actorId))
      .where(eq(caseEvents.caseId, row.id))
      .orderBy(asc(caseEvents.id));
    const decider = alias(users, 'decider');
    const [decision] = await tx
      .select({
        version: caseDecisions.version,
        outcome: caseDecisions.outcome,
        reason: caseDecisions.reason,
        conditions: caseDecisions.conditions,
        decidedByName: decider.name,
        decidedAt: caseDecisions.decidedAt,
      })
      .from(caseDecisions)
      .innerJoin(decider, eq(decider.id, caseDecisions.decidedBy))
      .where(eq(caseDecisions.caseId, row.id))
      .orderBy(desc(caseDecisions.version))
      .limit(1);
    const [firstRole] = roles;
    if (firstRole) await logAccess(tx, actor, firstRole, row.id, action);
    const status = statusOf(row);
    return {
      ...toDraft(row),
      id: row.id,
      version: row.version,
      caseNumber: row.caseNumber,
      status,
      patientId: row.patientId,
      trustName: names?.trust ?? '',
      departmentName: names?.department ?? '',
      applicantName: names?.applicant ?? '',
      submittedAt: row.submittedAt,
      createdAt: row.createdAt,
      roles,
      events: availableEvents(status, roles),
      history: history.map((h) => ({
        ...h,
        event: h.event as HistoryEntry['event'],
        fromStatus: h.fromStatus as Status | null,
        toStatus: h.toStatus as Status,
        actorRole: isRole(h.actorRole) ? h.actorRole : 'applicant',
      })),
      decision: decision ? { ...decision, outcome: decision.outcome as DecisionOutcome } : null,
    };
  });
}

/**
 * Creates a draft (caseId undefined) or saves the applicant's changes to it. A save is a
 * compare-and-set on the version the applicant loaded: a concurrent change is a conflict.
 */
export async function saveDraft(
  db: Db,
  actor: Actor,
  input: ApplicationDraft,
  target?: { caseId: string; version: number },
): Promise<{ id: string; version: number; status: Status }> {
  return inTenant(db, scopeOf(actor), async (tx) => {
    const content = { ...input, patientId: input.patientId === '' ? null : input.patientId };
    if (!target) {
      const grant = actor.grants.find((g) => g.role === 'applicant' && g.trustId === actor.trustId);
      if (!grant) throw new CaseError('forbidden');
      const departmentId = grant.departmentId ?? (await firstDepartment(tx, actor.trustId));
      const [created] = await tx
        .insert(cases)
        .values({
          ...content,
          trustId: actor.trustId,
          departmentId,
          applicantId: actor.userId,
          status: 'draft',
        })
        .returning({ id: cases.id, version: cases.version });
      if (!created) throw new Error('Insert returned no row');
      await tx.insert(caseEvents).values({
        caseId: created.id,
        trustId: actor.trustId,
        event: 'create',
        fromStatus: null,
        toStatus: 'draft',
        actorId: actor.userId,
        actorRole: 'applicant',
      });
      return { ...created, status: 'draft' };
    }
    const { row, roles } = await loadVisibleCase(tx, actor, target.caseId);
    if (!roles.includes('applicant')) throw new CaseError('forbidden');
    if (row.version !== target.version) throw new CaseError('conflict');
    if (!EDITABLE_STATUSES.includes(statusOf(row))) throw new CaseError('invalidTransition');
    const [updated] = await tx
      .update(cases)
      .set({ ...content, version: sql`${cases.version} + 1`, updatedAt: new Date() })
      .where(
        and(eq(cases.id, row.id), eq(cases.status, row.status), eq(cases.version, target.version)),
      )
      .returning({ id: cases.id, version: cases.version });
    if (!updated) throw new CaseError('conflict');
    return { ...updated, status: statusOf(row) };
  });
}

async function firstDepartment(tx: Tx, trustId: string): Promise<string> {
  const [department] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.trustId, trustId))
    .orderBy(asc(departments.name))
    .limit(1);
  if (!department) throw new CaseError('forbidden');
  return department.id;
}

export interface TransitionInput {
  caseId: string;
  /** The version the actor saw; a change in between is a conflict (409). */
  version: number;
  event: CaseEvent;
  reason?: string;
  outcome?: string;
  conditions?: string;
}

/**
 * Fires one workflow event: checks the transition table, validates the payload, then changes the
 * status with a compare-and-set on status and version, in the same transaction as the audit
 * record (and, at first submission, the løpenummer; at a decision, the frozen decision record).
 */
export async function transition(
  db: Db,
  actor: Actor,
  input: TransitionInput,
): Promise<{ version: number; caseNumber: string | null }> {
  return inTenant(db, scopeOf(actor), async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, input.caseId);
    if (row.version !== input.version) throw new CaseError('conflict');
    const from = statusOf(row);
    const check = checkTransition(from, input.event, roles);
    if (!check.ok) throw new CaseError(check.error);

    let reason: string | null = input.reason?.trim() || null;
    let decision: { outcome: DecisionOutcome; conditions: string | null } | null = null;
    if (input.event === 'decide') {
      const parsed = decisionSchema.safeParse({
        outcome: input.outcome ?? '',
        reason: input.reason ?? '',
        conditions: input.conditions ?? '',
      });
      if (!parsed.success) throw new CaseError('invalid', fieldErrors(parsed.error));
      reason = parsed.data.reason;
      decision = { outcome: parsed.data.outcome, conditions: parsed.data.conditions || null };
    } else if (check.transition.reasonRequired) {
      const parsed = reasonSchema.safeParse({ reason: input.reason ?? '' });
      if (!parsed.success) throw new CaseError('invalid', fieldErrors(parsed.error));
      reason = parsed.data.reason;
    }
    if (input.event === 'submit' || input.event === 'resubmit') {
      const parsed = submissionSchema.safeParse(toDraft(row));
      if (!parsed.success) throw new CaseError('invalid', fieldErrors(parsed.error));
    }

    const now = new Date();
    const [updated] = await tx
      .update(cases)
      .set({
        status: check.transition.to,
        version: sql`${cases.version} + 1`,
        updatedAt: now,
        ...(input.event === 'submit' ? { submittedAt: now } : {}),
      })
      .where(and(eq(cases.id, row.id), eq(cases.status, from), eq(cases.version, input.version)))
      .returning({ version: cases.version, caseNumber: cases.caseNumber });
    if (!updated) throw new CaseError('conflict');

    let caseNumber = updated.caseNumber;
    if (input.event === 'submit' && caseNumber === null) {
      caseNumber = await assignCaseNumber(tx, row, now);
    }
    if (decision) {
      const [previous] = await tx
        .select({ version: caseDecisions.version })
        .from(caseDecisions)
        .where(eq(caseDecisions.caseId, row.id))
        .orderBy(desc(caseDecisions.version))
        .limit(1);
      await tx.insert(caseDecisions).values({
        caseId: row.id,
        trustId: row.trustId,
        version: (previous?.version ?? 0) + 1,
        outcome: decision.outcome,
        reason: reason ?? '',
        conditions: decision.conditions,
        decidedBy: actor.userId,
      });
    }
    await tx.insert(caseEvents).values({
      caseId: row.id,
      trustId: row.trustId,
      event: input.event,
      fromStatus: from,
      toStatus: check.transition.to,
      actorId: actor.userId,
      actorRole: check.role,
      reason,
    });
    return { version: updated.version, caseNumber };
  });
}

/**
 * The next løpenummer for the case's trust and year. The counter row is locked by the upsert until
 * the submitting transaction ends, so concurrent submissions queue and a rolled-back submission
 * leaves no gap.
 */
async function assignCaseNumber(tx: Tx, row: CaseRow, at: Date): Promise<string> {
  const year = norwegianYear(at);
  const [counter] = await tx
    .insert(caseNumberCounters)
    .values({ trustId: row.trustId, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [caseNumberCounters.trustId, caseNumberCounters.year],
      set: { lastValue: sql`${caseNumberCounters.lastValue} + 1` },
    })
    .returning({ value: caseNumberCounters.lastValue });
  const [trust] = await tx
    .select({ code: trusts.code })
    .from(trusts)
    .where(eq(trusts.id, row.trustId));
  if (!counter || !trust) throw new Error('Case number: counter or trust missing');
  const caseNumber = formatCaseNumber(trust.code, year, counter.value);
  await tx.update(cases).set({ caseNumber }).where(eq(cases.id, row.id));
  return caseNumber;
}
