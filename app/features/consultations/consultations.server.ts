import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import {
  caseConsultations,
  caseEvents,
  cases,
  roleAssignments,
  trusts,
  users,
} from '../../db/schema';
import { hasRole, type Actor, type CaseRole, type Role } from '../auth/domain/roles';
import { loadVisibleCase, logAccess, schemeOf, statusOf } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import { accessRole } from '../cases/domain/access';
import {
  checkTransition,
  TRANSITIONS,
  type CaseEvent,
  type Status,
} from '../cases/domain/workflow';
import { notify } from '../notifications/notifications.server';
import {
  checkAnswer,
  checkRequest,
  consultationState,
  isPending,
  MAX_DEADLINE_DAYS,
  type ConsultationFieldErrors,
  type ConsultationRequest,
  type ConsultationState,
} from './domain/consultation';
import { consultationNotice } from './domain/notices';
import { askedIn, openGrantsToMe, revokePendingGrant } from './grants.server';
import { addDays, dateInNorway } from '../cases/domain/dates';

/** A request or answer with bad input: nothing was changed; the form shows these per field. */
export class ConsultationInputError extends Error {
  constructor(readonly fieldErrors: ConsultationFieldErrors) {
    super('invalid consultation input');
    this.name = 'ConsultationInputError';
  }
}

/** A consultation id from the URL: anything but a UUID names no consultation. */
function requireId(id: string) {
  if (!z.uuid().safeParse(id).success) throw new CaseError('notFound');
}

/** Who in a trust can answer a consultation (and so is worth consulting). */
const ANSWERING_ROLES: readonly Role[] = ['decisionMaker', 'assessor'];

/** Whether the actor is of those who answer consultations to their trust. */
export const answersConsultations = (actor: Actor) =>
  ANSWERING_ROLES.some((r) => hasRole(actor, r));

export interface TrustOption {
  id: string;
  name: string;
}

export interface ConsultationView {
  id: string;
  consultedTrustName: string;
  question: string;
  deadline: string;
  requestedByName: string;
  requestedAt: Date;
  state: ConsultationState;
  /** Still holding the case in consultation (may be revoked). */
  pending: boolean;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: Date | null;
  revokedAt: Date | null;
}

/** What the case page shows about consultations, depending on who looks. */
export type ConsultationPanel =
  | {
      mode: 'home';
      caseVersion: number;
      consultations: ConsultationView[];
      /** Trusts that may be consulted, when the actor may ask now (else empty). */
      trusts: TrustOption[];
      /** Whether the actor holds a role that asks (the director), whatever the status now. */
      asks: boolean;
      canRequest: boolean;
      canRevoke: boolean;
    }
  | {
      mode: 'consulted';
      caseVersion: number;
      grant: ConsultationView & { askingTrustName: string };
      canAnswer: boolean;
    };

/** Trusts other than the actor's in which someone could answer a consultation. */
async function consultableTrusts(tx: Tx, actor: Actor): Promise<TrustOption[]> {
  return tx
    .selectDistinct({ id: trusts.id, name: trusts.name })
    .from(trusts)
    .innerJoin(roleAssignments, eq(roleAssignments.trustId, trusts.id))
    .where(and(ne(trusts.id, actor.trustId), inArray(roleAssignments.role, [...ANSWERING_ROLES])))
    .orderBy(asc(trusts.name));
}

/** The case's consultations, newest first; `applicantId` tells a withdrawal's end (`consultationState`). */
async function consultationsOf(tx: Tx, caseId: string, today: string, applicantId: string) {
  const requester = alias(users, 'requester');
  const answerer = alias(users, 'answerer');
  const consulted = alias(trusts, 'consulted');
  const rows = await tx
    .select({
      id: caseConsultations.id,
      consultedTrustName: consulted.name,
      question: caseConsultations.question,
      deadline: caseConsultations.deadline,
      requestedByName: requester.name,
      requestedAt: caseConsultations.requestedAt,
      answer: caseConsultations.answer,
      answeredByName: answerer.name,
      answeredAt: caseConsultations.answeredAt,
      revokedAt: caseConsultations.revokedAt,
      revokedBy: caseConsultations.revokedBy,
    })
    .from(caseConsultations)
    .innerJoin(consulted, eq(consulted.id, caseConsultations.consultedTrustId))
    .innerJoin(requester, eq(requester.id, caseConsultations.requestedBy))
    .leftJoin(answerer, eq(answerer.id, caseConsultations.answeredBy))
    .where(eq(caseConsultations.caseId, caseId))
    .orderBy(desc(caseConsultations.requestedAt))
    .prepare('sp_case_consultations')
    .execute();
  return rows.map(({ revokedBy, ...r }): ConsultationView => ({
    ...r,
    state: consultationState({ ...r, revokedBy }, today, applicantId),
    pending: isPending(r),
  }));
}

/**
 * The consultation section of the case page. The home trust's director and committee see every
 * consultation with its answer; the consulted trust sees only its open grant. Others: null. The
 * case read itself is logged by getCase.
 */
export async function getConsultationPanel(
  db: Db,
  actor: Actor,
  caseId: string,
): Promise<ConsultationPanel | null> {
  return inTenant(db, actor, (tx) => getConsultationPanelIn(tx, actor, caseId));
}

/** `getConsultationPanel` in the caller's transaction (the case page reads all its sections in one). */
export async function getConsultationPanelIn(
  tx: Tx,
  actor: Actor,
  caseId: string,
): Promise<ConsultationPanel | null> {
  return (await panelIn(tx, actor, caseId)).panel;
}

/** The consultation panel, and the role the actor reads it in (the access log's, `accessRole`). */
async function panelIn(
  tx: Tx,
  actor: Actor,
  caseId: string,
): Promise<{ panel: ConsultationPanel | null; role: CaseRole | null }> {
  const { row, roles } = await loadVisibleCase(tx, actor, caseId);
  const status = statusOf(row);
  return {
    panel: await panelOf(tx, actor, row, roles, status),
    role: accessRole(roles, status),
  };
}

async function panelOf(
  tx: Tx,
  actor: Actor,
  row: typeof cases.$inferSelect,
  roles: readonly CaseRole[],
  status: Status,
): Promise<ConsultationPanel | null> {
  const today = dateInNorway(new Date());
  const all = await consultationsOf(tx, row.id, today, row.applicantId);
  if (roles.includes('consultant')) {
    const [grant] = all.filter((c) => c.state === 'open');
    if (!grant) return null;
    const [asking] = await tx
      .select({ name: trusts.name })
      .from(trusts)
      .where(eq(trusts.id, row.trustId));
    return {
      mode: 'consulted',
      caseVersion: row.version,
      grant: { ...grant, askingTrustName: asking?.name ?? '' },
      canAnswer: checkTransition(status, 'answerConsultation', roles, schemeOf(row)).ok,
    };
  }
  if (!roles.includes('decisionMaker') && !roles.includes('assessor')) return null;
  const canRequest = checkTransition(status, 'requestConsultation', roles, schemeOf(row)).ok;
  return {
    mode: 'home',
    caseVersion: row.version,
    consultations: all,
    trusts: canRequest ? await consultableTrusts(tx, actor) : [],
    asks: TRANSITIONS.some(
      (t) =>
        t.event === 'requestConsultation' &&
        roles.some((role) => (t.roles as readonly string[]).includes(role)),
    ),
    canRequest,
    canRevoke: checkTransition(status, 'cancelConsultation', roles, schemeOf(row)).ok,
  };
}

/**
 * Changes the case's status (compare-and-set) and records the event and the access (as
 * `transition()` does), in the caller's transaction.
 */
async function fire(
  tx: Tx,
  actor: Actor,
  caseId: string,
  version: number,
  event: CaseEvent,
  reason: string | null,
): Promise<{ caseRow: typeof cases.$inferSelect; version: number }> {
  const { row, roles } = await loadVisibleCase(tx, actor, caseId);
  if (row.version !== version) throw new CaseError('conflict');
  const from = statusOf(row);
  const check = checkTransition(from, event, roles, schemeOf(row));
  if (!check.ok) throw new CaseError(check.error);
  const [updated] = await tx
    .update(cases)
    .set({ status: check.transition.to, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(cases.id, row.id), eq(cases.status, from), eq(cases.version, version)))
    .returning({ version: cases.version });
  if (!updated) throw new CaseError('conflict');
  await tx.insert(caseEvents).values({
    caseId: row.id,
    trustId: row.trustId,
    event,
    fromStatus: from,
    toStatus: check.transition.to,
    actorId: actor.userId,
    actorRole: check.role,
    reason,
  });
  await logAccess(tx, actor, check.role, row.id, event);
  return { caseRow: row, version: updated.version };
}

/**
 * The director asks another trust (BRIEF §4): the case goes into consultation and the grant that
 * lets the consulted trust read it is created in the same transaction (the question is the
 * event's reason). The consulted trust's directors are notified.
 */
export async function requestConsultation(
  db: Db,
  actor: Actor,
  caseId: string,
  input: ConsultationRequest & { version: number },
): Promise<{ id: string }> {
  const today = dateInNorway(new Date());
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, caseId);
    const check = checkTransition(statusOf(row), 'requestConsultation', roles, schemeOf(row));
    if (!check.ok) throw new CaseError(check.error);
    const offered = await consultableTrusts(tx, actor);
    const checked = checkRequest(
      input,
      today,
      offered.map((t) => t.id),
    );
    if (!checked.ok) throw new ConsultationInputError(checked.errors);
    const { value } = checked;
    await fire(tx, actor, caseId, input.version, 'requestConsultation', value.question);
    const [grant] = await tx
      .insert(caseConsultations)
      .values({
        caseId: row.id,
        trustId: row.trustId,
        consultedTrustId: value.consultedTrustId,
        question: value.question,
        deadline: value.deadline,
        requestedBy: actor.userId,
      })
      .returning({ id: caseConsultations.id });
    if (!grant) throw new Error('Insert returned no row');
    await notify(tx, {
      trustId: row.trustId,
      caseId: row.id,
      kind: 'consultationRequested',
      recipientIds: await askedIn(tx, value.consultedTrustId),
      exceptUserId: actor.userId,
    });
    return grant;
  });
}

/**
 * The director takes the question back: the grant ends at once, the consulted trust's directors
 * are told (`consultationRevoked`), and the case is assessed again.
 */
export async function revokeConsultation(
  db: Db,
  actor: Actor,
  caseId: string,
  consultationId: string,
  version: number,
): Promise<void> {
  requireId(consultationId);
  await inTenant(db, actor, async (tx) => {
    const { caseRow } = await fire(tx, actor, caseId, version, 'cancelConsultation', null);
    // Nothing pending under that id: the whole transaction (status change included) is undone.
    if (!(await revokePendingGrant(tx, caseRow, consultationId, actor.userId))) {
      throw new CaseError('conflict');
    }
  });
}

/**
 * The consulted trust answers. Its only write, made by the database function
 * answer_consultation(), which re-checks the grant and the case's status and version: the answer
 * is stored on the grant, the case returns to assessment with the answer as the event's reason,
 * and the grant (so the read access) ends. The requesting director is notified. A consultation
 * no longer open to the actor's trust (a colleague answered first) is `consultationClosed`.
 */
export async function answerConsultation(
  db: Db,
  actor: Actor,
  caseId: string,
  consultationId: string,
  input: { version: number; answer: string },
): Promise<void> {
  requireId(consultationId);
  await inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, caseId).catch((error: unknown) => {
      // The consulted trust reads the case only while the grant is open: someone who may answer
      // and no longer sees it was beaten to it (a colleague answered first, or the grant ended).
      // Said the same for any case they cannot see, so it tells nothing about other cases.
      const closed =
        error instanceof CaseError && error.code === 'notFound' && answersConsultations(actor);
      throw closed ? new CaseError('consultationClosed') : error;
    });
    const check = checkTransition(statusOf(row), 'answerConsultation', roles, schemeOf(row));
    if (!check.ok) throw new CaseError(check.error);
    const checked = checkAnswer(input.answer);
    if (!checked.ok) throw new ConsultationInputError(checked.errors);
    const [grant] = await openGrantsToMe(
      tx,
      and(eq(caseConsultations.id, consultationId), eq(caseConsultations.caseId, row.id)),
    );
    if (!grant) throw new CaseError('consultationClosed');
    if (row.version !== input.version) throw new CaseError('conflict');
    // answer_consultation() takes the case row first (as every change of a case does), then logs
    // the answer in the case's trust's log while the grant is still open, and answers.
    const [result] = await tx
      .select({
        version: sql<
          number | null
        >`answer_consultation(${grant.id}, ${input.version}, ${checked.value})`,
      })
      .from(sql`(select 1) as one`);
    if (result?.version == null) throw new CaseError('conflict');
    await notify(tx, {
      trustId: row.trustId,
      caseId: row.id,
      kind: 'consultationAnswered',
      recipientIds: [grant.requestedBy],
    });
  });
}

export interface ConsultationToUs {
  consultationId: string;
  caseId: string;
  caseNumber: string | null;
  askingTrustName: string;
  deadline: string;
  requestedAt: Date;
}

/** "Konsultasjoner til oss": the open grants to the actor's trust, for its director and committee. */
export async function listConsultationsToUs(db: Db, actor: Actor): Promise<ConsultationToUs[]> {
  if (!answersConsultations(actor)) return [];
  return inTenant(db, actor, async (tx) => {
    const open = openGrantsToMe(tx).as('open_grants');
    return tx
      .select({
        consultationId: open.id,
        caseId: open.caseId,
        caseNumber: cases.caseNumber,
        askingTrustName: trusts.name,
        deadline: open.deadline,
        requestedAt: open.requestedAt,
      })
      .from(open)
      .innerJoin(cases, eq(cases.id, open.caseId))
      .innerJoin(trusts, eq(trusts.id, open.trustId))
      .orderBy(asc(open.deadline));
  });
}

/**
 * The consultation section on its own page (the request and answer forms, where a refused post
 * lands). Its questions and answers are about the patient, and no case page logged this read:
 * the read is on the access log (`readConsultation`, for a consulted trust in the case's trust's
 * log, ADR 0025).
 */
export async function consultationSection(db: Db, actor: Actor, caseId: string, url: URL) {
  return inTenant(db, actor, async (tx) => {
    const { panel, role } = await panelIn(tx, actor, caseId);
    if (panel && role) await logAccess(tx, actor, role, caseId, 'readConsultation');
    return sectionOf(panel, url);
  });
}

/**
 * The case page's consultation section, in the caller's transaction (the case page reads all its
 * sections in one, and logs its read itself): the panel and the confirmation to show, if any.
 */
export async function consultationSectionIn(tx: Tx, actor: Actor, caseId: string, url: URL) {
  return sectionOf(await getConsultationPanelIn(tx, actor, caseId), url);
}

function sectionOf(panel: ConsultationPanel | null, url: URL) {
  return {
    panel,
    notice: consultationNotice(url.searchParams),
    maxDeadline: addDays(dateInNorway(new Date()), MAX_DEADLINE_DAYS),
    today: dateInNorway(new Date()),
  };
}
export type ConsultationSectionData = Awaited<ReturnType<typeof consultationSection>>;

/** The start page's one call: open consultations to the actor's trust, and a confirmation. */
export async function consultationsHome(db: Db, actor: Actor, url: URL) {
  return {
    shown: answersConsultations(actor),
    items: await listConsultationsToUs(db, actor),
    notice: consultationNotice(url.searchParams),
  };
}
