import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import {
  activeCollaboration,
  caseCommittee,
  caseEndorsements,
  caseEvents,
  caseLeaderInputs,
  caseLeaders,
  casePreparations,
  caseRecommendations,
  caseSectionComments,
  caseWorksheets,
  users,
} from '../../db/schema';
import type { Actor, CaseRole, Role } from '../auth/domain/roles';
import { peopleWithRoles } from '../auth/people.server';
import {
  loadVisibleCase,
  logAccess,
  schemeOf,
  statusOf,
  transitionIn,
  type Person,
  type TransitionResult,
  type VisibleCase,
} from '../cases/cases.server';
import { fieldErrors, LIMITS, reasonSchema, type FieldErrors } from '../cases/domain/application';
import { CaseError } from '../cases/domain/errors';
import type { HistoryNote } from '../cases/domain/history';
import { applicableSections, SECTION_IDS, type SectionId } from '../cases/domain/questionnaire';
import { availableEvents, type Status } from '../cases/domain/workflow';
import { caseDrugIn } from '../fest/fest.server';
import { notify } from '../notifications/notifications.server';
import { localGuidanceIn } from '../guidance/guidance.server';
import {
  ASSESSMENT_STATUSES,
  CRITERIA_FIELDS,
  ENDORSEMENT_VERDICTS,
  RECOMMENDATIONS,
  ratingsInput,
  ratingsSchema,
  verdictNeedsRatings,
  type CriteriaRatings,
  type EndorsementVerdict,
  type Recommendation,
} from './domain/criteria';
import { LEADER_STATUS, leaderActionRole, leaderActions, parseLeaderInput } from './domain/leaders';

/** The committee roles, in the order a role is named when someone holds both. */
const COMMITTEE_ROLES: readonly Role[] = ['decisionMaker', 'assessor'];

function committeeRole(roles: readonly CaseRole[]): Role {
  const role = COMMITTEE_ROLES.find((r) => roles.includes(r));
  if (!role) throw new CaseError('forbidden');
  return role;
}

function requireAssessable(status: Status) {
  if (!ASSESSMENT_STATUSES.includes(status)) throw new CaseError('invalidTransition');
}

async function addNote(
  tx: Tx,
  row: { id: string; trustId: string; status: string },
  actor: Actor,
  role: Role,
  note: HistoryNote,
  reason: string | null,
) {
  await tx.insert(caseEvents).values({
    caseId: row.id,
    trustId: row.trustId,
    event: note,
    fromStatus: row.status,
    toStatus: row.status,
    actorId: actor.userId,
    actorRole: role,
    reason,
  });
}

export interface EndorsementInput {
  caseId: string;
  version: number;
  verdict: string;
  reason: string;
  /** The raw form values `severity.level`, `severity.text`, … */
  ratings: Readonly<Record<string, string>>;
}

/**
 * The leader's endorsement: endorse or not endorse with the structured assessment of severity,
 * benefit and resource use, or return with a question; always with a justification. The
 * assessment is stored in the same transaction as the status change; a return takes it too if
 * the leader rated the case (all three criteria, as always), so nothing they typed is dropped.
 */
export async function endorseCase(db: Db, actor: Actor, input: EndorsementInput) {
  const verdict = ENDORSEMENT_VERDICTS.find((v) => v === input.verdict);
  const errors: FieldErrors = {};
  if (!verdict) errors.verdict = 'verdictRequired';
  const reason = reasonSchema.safeParse({ reason: input.reason });
  if (!reason.success) Object.assign(errors, fieldErrors(reason.error));
  let ratings: CriteriaRatings | null = null;
  const rated = CRITERIA_FIELDS.some((f) => (input.ratings[f] ?? '').trim() !== '');
  if (!verdict || verdictNeedsRatings(verdict) || rated) {
    const parsed = ratingsSchema.safeParse(ratingsInput(input.ratings));
    if (parsed.success) ratings = parsed.data;
    else Object.assign(errors, fieldErrors(parsed.error));
  }
  if (!verdict || !reason.success || Object.keys(errors).length > 0) {
    throw new CaseError('invalid', errors);
  }
  return inTenant(db, actor, async (tx): Promise<TransitionResult> => {
    const result = await transitionIn(tx, actor, {
      caseId: input.caseId,
      version: input.version,
      event: verdict,
      reason: reason.data.reason,
    });
    if (ratings) {
      // The endorsement's trust is the actor's: only the case's own trust endorses (`caseRoles`),
      // and row-level security refuses any other.
      await tx.insert(caseEndorsements).values({
        caseId: input.caseId,
        trustId: actor.trustId,
        authorId: actor.userId,
        verdict,
        ratings,
        justification: reason.data.reason,
      });
    }
    return result;
  });
}

/** Leaders (endorsers) of the trust, other than those given. */
const leadersIn = (tx: Tx, actor: Actor, exclude: readonly string[]) =>
  peopleWithRoles(tx, actor.trustId, ['endorser'], exclude);

/**
 * The leaders of the trust who may be delegated to or invited on a case: not the actor, not its
 * authors (conflict of interest), not a leader already on it.
 */
function leaderCandidates(tx: Tx, actor: Actor, c: VisibleCase) {
  return leadersIn(tx, actor, [
    actor.userId,
    c.row.applicantId,
    ...c.coAuthorIds,
    ...(c.delegateId ? [c.delegateId] : []),
    ...c.collaboratorIds,
  ]);
}

/** Whether a database error is a unique violation (23505) of the named index. */
function uniqueViolation(error: unknown, index: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ('code' in e && e.code === '23505') {
      return !('constraint' in e) || e.constraint === undefined || e.constraint === index;
    }
  }
  return false;
}

/** The leader named by a form, of those who may be added to the case, or a field error. */
async function chosenLeader(tx: Tx, actor: Actor, c: VisibleCase, userId: string) {
  if (userId.trim() === '') throw new CaseError('invalid', { userId: 'leaderRequired' });
  if (c.collaboratorIds.includes(userId)) {
    throw new CaseError('invalid', { userId: 'alreadyCollaborator' });
  }
  const leader = (await leaderCandidates(tx, actor, c)).find((l) => l.id === userId);
  if (!leader) throw new CaseError('invalid', { userId: 'invalidValue' });
  return leader;
}

/** The case for a leader action, row-locked, with what the actor may do (`leaderActions`). */
async function leaderCase(tx: Tx, actor: Actor, caseId: string) {
  const c = await loadVisibleCase(tx, actor, caseId, true);
  return { c, may: leaderActions(c.roles, statusOf(c.row), c.delegateId !== null) };
}

/**
 * Refuses a leader action the actor may not take: `forbidden` when no leader role of theirs on the
 * case could ever allow it, otherwise the state stands in the way (`invalidTransition`).
 */
function refuseLeaderAction(c: VisibleCase, leaderRoles: readonly CaseRole[]): never {
  if (!c.roles.some((r) => leaderRoles.includes(r))) throw new CaseError('forbidden');
  throw new CaseError('invalidTransition');
}

/** Adds the chosen leader to the case as its delegate or a collaborator; notes it and tells them. */
async function addCaseLeader(
  tx: Tx,
  actor: Actor,
  c: VisibleCase,
  userId: string,
  kind: 'delegate' | 'collaborator',
) {
  const leader = await chosenLeader(tx, actor, c, userId);
  await tx.insert(caseLeaders).values({
    caseId: c.row.id,
    trustId: c.row.trustId,
    userId: leader.id,
    kind,
    addedBy: actor.userId,
  });
  const delegated = kind === 'delegate';
  await addNote(
    tx,
    c.row,
    actor,
    leaderActionRole(c.roles),
    delegated ? 'delegateEndorsement' : 'inviteLeader',
    leader.name,
  );
  await notify(tx, {
    trustId: c.row.trustId,
    caseId: c.row.id,
    kind: delegated ? 'endorsementDelegated' : 'leaderInvited',
    recipientIds: [leader.id],
  });
}

/**
 * Delegates the endorsement to another leader of the trust (ADR 0024): they endorse, return or
 * decline instead; the department's leaders keep reading the case and may take it back. The
 * department's leader delegates, or the medical director (when no leader of the department may
 * endorse the case: they wrote it, or are away). At most one delegation is active per case: a
 * second one, also one racing this, is `alreadyDelegated`.
 */
export async function delegateEndorsement(
  db: Db,
  actor: Actor,
  input: { caseId: string; userId: string },
) {
  try {
    return await inTenant(db, actor, async (tx) => {
      const { c, may } = await leaderCase(tx, actor, input.caseId);
      if (!may.delegate) {
        const delegating: readonly CaseRole[] = ['endorser', 'delegator', 'decisionMaker'];
        const leader = c.roles.some((r) => delegating.includes(r));
        if (leader && c.delegateId !== null && statusOf(c.row) === LEADER_STATUS) {
          throw new CaseError('alreadyDelegated');
        }
        refuseLeaderAction(c, delegating);
      }
      await addCaseLeader(tx, actor, c, input.userId, 'delegate');
    });
  } catch (error) {
    // Another leader delegated the same case at the same time: the partial unique index decides.
    if (uniqueViolation(error, 'case_leaders_one_delegate')) {
      throw new CaseError('alreadyDelegated');
    }
    // The chosen leader was added to the case meanwhile (invited, or the other delegation's).
    if (uniqueViolation(error, 'case_leaders_active')) throw new CaseError('conflict');
    throw error;
  }
}

/**
 * Takes a delegation back (ADR 0024): the delegation is revoked (who, when), never deleted; the
 * department's leader endorses again and the delegate is told (without a link: the case is closed
 * to a delegate from another department now). The department's leaders take it back, or the
 * medical director (who may then delegate it to someone else).
 */
export async function takeBackDelegation(db: Db, actor: Actor, input: { caseId: string }) {
  return inTenant(db, actor, async (tx) => {
    const { c, may } = await leaderCase(tx, actor, input.caseId);
    const taking: readonly CaseRole[] = ['delegator', 'decisionMaker'];
    if (c.delegateId === null && c.roles.some((r) => r === 'endorser' || taking.includes(r))) {
      throw new CaseError('notDelegated');
    }
    if (!may.takeBack) refuseLeaderAction(c, taking);
    const revoked = await revokeLeader(tx, actor, c, { kind: 'delegate' }, 'takeBackDelegation');
    if (!revoked) throw new CaseError('conflict');
  });
}

/**
 * Revokes the case's active leader row of this kind (the one delegate, or the named collaborator)
 * as the actor, never deleting it; notes it with the leader's name and tells the leader, by the
 * case number (the case may be closed to them now: `linksToCase`). Whether one was active.
 */
async function revokeLeader(
  tx: Tx,
  actor: Actor,
  c: VisibleCase,
  which: { kind: 'delegate' } | { kind: 'collaborator'; userId: string },
  note: 'takeBackDelegation' | 'removeLeader',
): Promise<boolean> {
  const [revoked] = await tx
    .update(caseLeaders)
    .set({ revokedAt: new Date(), revokedBy: actor.userId })
    .where(
      and(
        eq(caseLeaders.caseId, c.row.id),
        eq(caseLeaders.kind, which.kind),
        which.kind === 'collaborator' ? eq(caseLeaders.userId, which.userId) : undefined,
        isNull(caseLeaders.revokedAt),
      ),
    )
    .returning({ userId: caseLeaders.userId });
  if (!revoked) return false;
  const [leader] = await tx
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, revoked.userId));
  await addNote(tx, c.row, actor, leaderActionRole(c.roles), note, leader?.name ?? null);
  await notify(tx, {
    trustId: c.row.trustId,
    caseId: c.row.id,
    kind: note === 'takeBackDelegation' ? 'delegationTakenBack' : 'leaderRemoved',
    caseNumber: c.row.caseNumber,
    recipientIds: [revoked.userId],
  });
  return true;
}

/**
 * Invites another leader of the trust to collaborate on the endorsement (ADR 0024): they read the
 * case and give input, but do not endorse. The leader who endorses (the department's, or the
 * delegate) invites.
 */
export async function inviteCollaborator(
  db: Db,
  actor: Actor,
  input: { caseId: string; userId: string },
) {
  try {
    return await inTenant(db, actor, async (tx) => {
      const { c, may } = await leaderCase(tx, actor, input.caseId);
      // A delegating leader no longer invites: the delegate endorses, and invites.
      if (!may.invite) refuseLeaderAction(c, ['endorser']);
      await addCaseLeader(tx, actor, c, input.userId, 'collaborator');
    });
  } catch (error) {
    if (uniqueViolation(error, 'case_leaders_active')) {
      throw new CaseError('invalid', { userId: 'alreadyCollaborator' });
    }
    throw error;
  }
}

/**
 * Takes a collaborating leader off the endorsement (ADR 0024): their invitation is revoked (who,
 * when), never deleted, which ends the role it gave them at once; the input they gave stays. The
 * leader who endorses (who invites) does it while the case awaits endorsement, and the leader is
 * told (`leaderRemoved`, without a link to the case). Naming someone who does not collaborate (a
 * second click) changes nothing.
 */
export async function removeCollaborator(
  db: Db,
  actor: Actor,
  input: { caseId: string; userId: string },
) {
  return inTenant(db, actor, async (tx) => {
    const { c, may } = await leaderCase(tx, actor, input.caseId);
    if (!may.removeCollaborator) refuseLeaderAction(c, ['endorser']);
    if (!c.collaboratorIds.includes(input.userId)) return;
    await revokeLeader(
      tx,
      actor,
      c,
      { kind: 'collaborator', userId: input.userId },
      'removeLeader',
    );
  });
}

/**
 * A collaborating leader's input on the endorsement (ADR 0024): a text, optionally with ratings on
 * the priority criteria. Append-only; the leader who invited them is told.
 */
export async function giveLeaderInput(
  db: Db,
  actor: Actor,
  input: { caseId: string; values: Readonly<Record<string, string>> },
) {
  const parsed = parseLeaderInput(input.values);
  if (!parsed.ok) throw new CaseError('invalid', parsed.errors);
  return inTenant(db, actor, async (tx) => {
    const { c, may } = await leaderCase(tx, actor, input.caseId);
    if (!may.giveInput) refuseLeaderAction(c, ['collaborator']);
    await tx.insert(caseLeaderInputs).values({
      caseId: c.row.id,
      trustId: c.row.trustId,
      authorId: actor.userId,
      ratings: parsed.ratings,
      body: parsed.body,
    });
    await addNote(tx, c.row, actor, 'endorser', 'giveLeaderInput', null);
    await logAccess(tx, actor, 'collaborator', c.row.id, 'giveLeaderInput');
    const inviters = await tx
      .select({ id: caseLeaders.addedBy })
      .from(caseLeaders)
      .where(
        and(
          eq(caseLeaders.caseId, c.row.id),
          eq(caseLeaders.userId, actor.userId),
          activeCollaboration,
        ),
      );
    await notify(tx, {
      trustId: c.row.trustId,
      caseId: c.row.id,
      kind: 'leaderInputGiven',
      recipientIds: [...inviters.map((i) => i.id), ...(c.delegateId ? [c.delegateId] : [])],
      exceptUserId: actor.userId,
    });
  });
}

export interface LeaderInputView {
  authorName: string;
  ratings: CriteriaRatings | null;
  body: string;
  at: Date;
}

export interface EndorsementView {
  authorName: string;
  verdict: EndorsementVerdict;
  ratings: CriteriaRatings;
  justification: string;
  at: Date;
}

/**
 * What the leaders, the medical director and the committee see of the endorsement: earlier
 * assessments, the delegate and collaborators, the collaborators' input, and for the leaders what
 * they may do (`leaderActions`) with the leaders they may choose.
 */
export async function getEndorsementPanel(db: Db, actor: Actor, caseId: string) {
  return inTenant(db, actor, (tx) => getEndorsementPanelIn(tx, actor, caseId));
}

/** The roles that see the endorsement panel (never the applicant or a consulted trust). */
const PANEL_ROLES: readonly CaseRole[] = [
  'endorser',
  'delegator',
  'collaborator',
  'decisionMaker',
  'assessor',
];

/** `getEndorsementPanel` in the caller's transaction (the case page reads all its sections in one). */
export async function getEndorsementPanelIn(tx: Tx, actor: Actor, caseId: string) {
  const c = await loadVisibleCase(tx, actor, caseId);
  if (!c.roles.some((r) => PANEL_ROLES.includes(r))) return null;
  const may = leaderActions(c.roles, statusOf(c.row), c.delegateId !== null);
  // The case row names its delegate and collaborators: read them only if there are any.
  const leaders =
    c.delegateId === null && c.collaboratorIds.length === 0 ? [] : await leadersOf(tx, c.row.id);
  return {
    endorsements: await endorsementsOf(tx, c.row.id),
    delegate: leaders.find((l) => l.kind === 'delegate') ?? null,
    collaborators: leaders.filter((l) => l.kind === 'collaborator'),
    inputs: await leaderInputsOf(tx, c.row.id),
    may,
    /** Whether the actor takes the leader actions as a leader or as the medical director. */
    actingAs: leaderActionRole(c.roles),
    candidates: may.delegate || may.invite ? await leaderCandidates(tx, actor, c) : [],
    /** The treating trust's own guidance under the endorsement form's (while it awaits one). */
    guidance:
      statusOf(c.row) === 'submitted'
        ? await localGuidanceIn(tx, c.row.trustId, 'endorsement')
        : null,
  };
}

export interface LeaderView extends Person {
  kind: 'delegate' | 'collaborator';
  addedByName: string;
  at: Date;
}

/** The case's active delegation and collaborators, in the order they were added. */
async function leadersOf(tx: Tx, caseId: string): Promise<LeaderView[]> {
  const addedBy = alias(users, 'added_by');
  return tx
    .select({
      id: users.id,
      name: users.name,
      title: users.title,
      kind: caseLeaders.kind,
      addedByName: addedBy.name,
      at: caseLeaders.addedAt,
    })
    .from(caseLeaders)
    .innerJoin(users, eq(users.id, caseLeaders.userId))
    .innerJoin(addedBy, eq(addedBy.id, caseLeaders.addedBy))
    .where(and(eq(caseLeaders.caseId, caseId), isNull(caseLeaders.revokedAt)))
    .orderBy(asc(caseLeaders.id))
    .prepare('sp_case_leaders')
    .execute();
}

async function leaderInputsOf(tx: Tx, caseId: string): Promise<LeaderInputView[]> {
  return tx
    .select({
      authorName: users.name,
      ratings: caseLeaderInputs.ratings,
      body: caseLeaderInputs.body,
      at: caseLeaderInputs.createdAt,
    })
    .from(caseLeaderInputs)
    .innerJoin(users, eq(users.id, caseLeaderInputs.authorId))
    .where(eq(caseLeaderInputs.caseId, caseId))
    .orderBy(asc(caseLeaderInputs.id))
    .prepare('sp_case_leader_inputs')
    .execute();
}

/** The case's endorsements, newest first (also on the decision letter). */
export async function endorsementsOf(tx: Tx, caseId: string): Promise<EndorsementView[]> {
  const rows = await tx
    .select({
      authorName: users.name,
      verdict: caseEndorsements.verdict,
      ratings: caseEndorsements.ratings,
      justification: caseEndorsements.justification,
      at: caseEndorsements.createdAt,
    })
    .from(caseEndorsements)
    .innerJoin(users, eq(users.id, caseEndorsements.authorId))
    .where(eq(caseEndorsements.caseId, caseId))
    .orderBy(desc(caseEndorsements.id))
    .prepare('sp_case_endorsements')
    .execute();
  return rows.flatMap((r) => {
    const verdict = ENDORSEMENT_VERDICTS.find((v) => v === r.verdict);
    return verdict ? [{ ...r, verdict }] : [];
  });
}

export interface WorksheetView {
  authorId: string;
  authorName: string;
  authorRole: Role;
  ratings: CriteriaRatings;
  /** What the author's next save must name (a compare-and-set). */
  version: number;
  updatedAt: Date;
}

export interface SectionComment {
  id: number;
  sectionId: SectionId;
  authorName: string;
  authorRole: Role;
  body: string;
  at: Date;
}

export interface RecommendationView {
  outcome: Recommendation;
  text: string;
  authorName: string;
  at: Date;
}

/** The committee's recommendations on a case, newest first; with `limit`, only that many. */
export async function recommendationsOf(
  tx: Tx,
  caseId: string,
  limit?: number,
): Promise<RecommendationView[]> {
  const query = tx
    .select({
      outcome: caseRecommendations.outcome,
      text: caseRecommendations.text,
      authorName: users.name,
      at: caseRecommendations.createdAt,
    })
    .from(caseRecommendations)
    .innerJoin(users, eq(users.id, caseRecommendations.authorId))
    .where(eq(caseRecommendations.caseId, caseId))
    .orderBy(desc(caseRecommendations.id));
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.flatMap((r): RecommendationView[] => {
    const outcome = RECOMMENDATIONS.find((o) => o === r.outcome);
    return outcome ? [{ ...r, outcome }] : [];
  });
}

/** Everything the complete assessment shows, for the medical director and the committee. */
export function getAssessment(db: Db, actor: Actor, caseId: string) {
  return inTenant(db, actor, (tx) => getAssessmentIn(tx, actor, caseId));
}

/** `getAssessment` in the caller's transaction (the assessment page reads all it shows in one). */
export async function getAssessmentIn(tx: Tx, actor: Actor, caseId: string) {
  const { row, roles } = await loadVisibleCase(tx, actor, caseId);
  const role = committeeRole(roles);
  const status = statusOf(row);
  const comments = await tx
    .select({
      id: caseSectionComments.id,
      sectionId: caseSectionComments.sectionId,
      authorName: users.name,
      authorRole: caseSectionComments.authorRole,
      body: caseSectionComments.body,
      at: caseSectionComments.createdAt,
    })
    .from(caseSectionComments)
    .innerJoin(users, eq(users.id, caseSectionComments.authorId))
    .where(eq(caseSectionComments.caseId, row.id))
    .orderBy(asc(caseSectionComments.id));
  const worksheets = await tx
    .select({
      authorId: caseWorksheets.authorId,
      authorName: users.name,
      authorRole: caseWorksheets.authorRole,
      ratings: caseWorksheets.ratings,
      version: caseWorksheets.version,
      updatedAt: caseWorksheets.updatedAt,
    })
    .from(caseWorksheets)
    .innerJoin(users, eq(users.id, caseWorksheets.authorId))
    .where(eq(caseWorksheets.caseId, row.id))
    .orderBy(asc(users.name));
  const committee = await tx
    .select({ id: users.id, name: users.name, title: users.title })
    .from(caseCommittee)
    .innerJoin(users, eq(users.id, caseCommittee.userId))
    .where(eq(caseCommittee.caseId, row.id))
    .orderBy(asc(users.name));
  const assessors = roles.includes('decisionMaker')
    ? await peopleWithRoles(
        tx,
        row.trustId,
        ['assessor'],
        committee.map((m) => m.id),
      )
    : [];
  const [preparation] = await tx
    .select({
      notes: casePreparations.notes,
      version: casePreparations.version,
      updatedByName: users.name,
      updatedAt: casePreparations.updatedAt,
    })
    .from(casePreparations)
    .innerJoin(users, eq(users.id, casePreparations.updatedBy))
    .where(eq(casePreparations.caseId, row.id));
  const recommendations = await recommendationsOf(tx, row.id);
  await logAccess(tx, actor, role, row.id, 'assessment');
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    status,
    /** The case version the recommendation form posts (a compare-and-set, ADR 0003). */
    version: row.version,
    answers: row.answers,
    sections: applicableSections(row.answers).map((s) => s.id),
    open: ASSESSMENT_STATUSES.includes(status),
    canAssign: roles.includes('decisionMaker'),
    canRecommend: availableEvents(status, roles, schemeOf(row)).includes('recommend'),
    endorsements: await endorsementsOf(tx, row.id),
    comments: comments.flatMap((c): SectionComment[] => {
      const sectionId = SECTION_IDS.find((id) => id === c.sectionId);
      const authorRole = COMMITTEE_ROLES.find((r) => r === c.authorRole);
      return sectionId && authorRole ? [{ ...c, sectionId, authorRole }] : [];
    }),
    worksheets: worksheets.flatMap((w): WorksheetView[] => {
      const authorRole = COMMITTEE_ROLES.find((r) => r === w.authorRole);
      return authorRole ? [{ ...w, authorRole }] : [];
    }),
    committee,
    assessors,
    preparation: preparation ?? null,
    recommendations,
    /** The treating trust's own guidance for the assessment, under the national guidance. */
    guidance: await localGuidanceIn(tx, row.trustId, 'assessment'),
    /**
     * The drug as it was sent and as FEST has it today (ADR 0027), and whether FEST contradicts
     * the scheme: read in this transaction (FEST is reference data without row-level security).
     */
    drug: {
      snapshot: row.festSnapshot,
      sent: row.submittedAt !== null,
      ...(await caseDrugIn(tx, row.answers, row.festSnapshot)),
    },
  };
}

export type AssessmentView = Awaited<ReturnType<typeof getAssessmentIn>>;

export type WorksheetSaveResult =
  | { ok: true; version: number }
  /** Saved since the form was shown (another tab or window): nothing changed; the stored version. */
  | { ok: false; version: number };

/**
 * Saves the actor's own priority-criteria worksheet (one per person and case): a compare-and-set
 * on the version the form was shown with (0: none saved yet), with the access log entry in the
 * same transaction. A stale or missing version changes nothing and answers with the stored one.
 */
export async function saveWorksheet(
  db: Db,
  actor: Actor,
  input: { caseId: string; ratings: Readonly<Record<string, string>>; version: number | null },
): Promise<WorksheetSaveResult> {
  const parsed = ratingsSchema.safeParse(ratingsInput(input.ratings));
  if (!parsed.success) throw new CaseError('invalid', fieldErrors(parsed.error));
  const ratings = parsed.data;
  const expected = input.version;
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, input.caseId, true);
    const role = committeeRole(roles);
    requireAssessable(statusOf(row));
    const mine = and(eq(caseWorksheets.caseId, row.id), eq(caseWorksheets.authorId, actor.userId));
    const now = new Date();
    const write = async () => {
      if (expected === null) return [];
      if (expected === 0) {
        return tx
          .insert(caseWorksheets)
          .values({
            caseId: row.id,
            trustId: row.trustId,
            authorId: actor.userId,
            authorRole: role,
            ratings,
            version: 1,
            updatedAt: now,
          })
          .onConflictDoNothing({ target: [caseWorksheets.caseId, caseWorksheets.authorId] })
          .returning({ version: caseWorksheets.version });
      }
      return tx
        .update(caseWorksheets)
        .set({
          ratings,
          authorRole: role,
          version: sql`${caseWorksheets.version} + 1`,
          updatedAt: now,
        })
        .where(and(mine, eq(caseWorksheets.version, expected)))
        .returning({ version: caseWorksheets.version });
    };
    const [saved] = await write();
    if (!saved) {
      const [stored] = await tx
        .select({ version: caseWorksheets.version })
        .from(caseWorksheets)
        .where(mine);
      return { ok: false, version: stored?.version ?? 0 };
    }
    await logAccess(tx, actor, role, row.id, 'saveWorksheet');
    return { ok: true, version: saved.version };
  });
}

const commentSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, { error: 'commentRequired' })
    .max(LIMITS.long, { error: 'tooLong' }),
});

/** An internal comment on one section of the application (never shown to the applicant). */
export async function addSectionComment(
  db: Db,
  actor: Actor,
  input: { caseId: string; sectionId: string; body: string },
) {
  const parsed = commentSchema.safeParse({ body: input.body });
  if (!parsed.success) throw new CaseError('invalid', fieldErrors(parsed.error));
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, input.caseId);
    const role = committeeRole(roles);
    requireAssessable(statusOf(row));
    const section = applicableSections(row.answers).find((s) => s.id === input.sectionId);
    if (!section) throw new CaseError('invalid', { sectionId: 'invalidValue' });
    await tx.insert(caseSectionComments).values({
      caseId: row.id,
      trustId: row.trustId,
      sectionId: section.id,
      authorId: actor.userId,
      authorRole: role,
      body: parsed.data.body,
    });
    await logAccess(tx, actor, role, row.id, 'addSectionComment', { objectId: section.id });
  });
}

/** The medical director assigns an assessor of the trust to the case's committee. */
export async function assignCommitteeMember(
  db: Db,
  actor: Actor,
  input: { caseId: string; userId: string },
) {
  if (!z.uuid().safeParse(input.userId).success) {
    throw new CaseError('invalid', { userId: 'assessorRequired' });
  }
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, input.caseId, true);
    if (!roles.includes('decisionMaker')) throw new CaseError('forbidden');
    requireAssessable(statusOf(row));
    const member = (await peopleWithRoles(tx, row.trustId, ['assessor'])).find(
      (p) => p.id === input.userId,
    );
    if (!member) throw new CaseError('invalid', { userId: 'assessorRequired' });
    const inserted = await tx
      .insert(caseCommittee)
      .values({ caseId: row.id, trustId: row.trustId, userId: member.id, assignedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ userId: caseCommittee.userId });
    if (inserted.length === 0) return;
    await addNote(tx, row, actor, 'decisionMaker', 'assignCommitteeMember', member.name);
    await notify(tx, {
      trustId: row.trustId,
      caseId: row.id,
      kind: 'committeeAssigned',
      recipientIds: [member.id],
      exceptUserId: actor.userId,
    });
  });
}

const preparationSchema = z.object({
  notes: z.string().trim().max(LIMITS.long, { error: 'tooLong' }),
});

/**
 * Saves the shared preparation notes. `version` is the version the writer started from (0 for
 * none yet): if someone saved in between, this is a conflict and nothing is overwritten.
 */
export async function savePreparation(
  db: Db,
  actor: Actor,
  input: { caseId: string; notes: string; version: number },
) {
  const parsed = preparationSchema.safeParse({ notes: input.notes });
  if (!parsed.success) throw new CaseError('invalid', fieldErrors(parsed.error));
  if (!Number.isInteger(input.version) || input.version < 0) throw new CaseError('conflict');
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, input.caseId);
    const role = committeeRole(roles);
    requireAssessable(statusOf(row));
    const now = new Date();
    const saved =
      input.version === 0
        ? await tx
            .insert(casePreparations)
            .values({
              caseId: row.id,
              trustId: row.trustId,
              notes: parsed.data.notes,
              updatedBy: actor.userId,
              updatedAt: now,
            })
            .onConflictDoNothing()
            .returning({ version: casePreparations.version })
        : await tx
            .update(casePreparations)
            .set({
              notes: parsed.data.notes,
              version: sql`${casePreparations.version} + 1`,
              updatedBy: actor.userId,
              updatedAt: now,
            })
            .where(
              and(eq(casePreparations.caseId, row.id), eq(casePreparations.version, input.version)),
            )
            .returning({ version: casePreparations.version });
    if (saved.length === 0) throw new CaseError('conflict');
    await logAccess(tx, actor, role, row.id, 'savePreparation');
    return saved[0];
  });
}

const recommendationSchema = z.object({
  outcome: z.enum(RECOMMENDATIONS, { error: 'recommendationRequired' }),
  text: z
    .string()
    .trim()
    .min(1, { error: 'reasonRequired' })
    .max(LIMITS.long, { error: 'tooLong' }),
});

/**
 * The committee's recommendation (innstilling): the workflow event `recommend` (underAssessment →
 * recommended, a compare-and-set on the version the form was shown) with the recommendation row in
 * the same transaction. The recommendation's justification is the event's reason.
 */
export async function recommend(
  db: Db,
  actor: Actor,
  input: { caseId: string; version: number; outcome: string; text: string },
): Promise<TransitionResult> {
  const parsed = recommendationSchema.safeParse({ outcome: input.outcome, text: input.text });
  if (!parsed.success) throw new CaseError('invalid', fieldErrors(parsed.error));
  return inTenant(db, actor, async (tx) => {
    const result = await transitionIn(tx, actor, {
      caseId: input.caseId,
      version: input.version,
      event: 'recommend',
      reason: parsed.data.text,
    });
    // Only the case's own trust holds the committee roles (`caseRoles`): its trust is the actor's.
    await tx.insert(caseRecommendations).values({
      caseId: input.caseId,
      trustId: actor.trustId,
      outcome: parsed.data.outcome,
      text: parsed.data.text,
      authorId: actor.userId,
      authorRole: result.role,
    });
    return result;
  });
}
