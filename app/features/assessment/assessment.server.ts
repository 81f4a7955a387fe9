import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import {
  caseCommittee,
  caseEndorsements,
  caseEvents,
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
  statusOf,
  transitionIn,
  type Person,
  type TransitionResult,
} from '../cases/cases.server';
import { fieldErrors, LIMITS, reasonSchema, type FieldErrors } from '../cases/domain/application';
import { CaseError } from '../cases/domain/errors';
import type { HistoryNote } from '../cases/domain/history';
import { applicableSections, SECTION_IDS, type SectionId } from '../cases/domain/questionnaire';
import type { Status } from '../cases/domain/workflow';
import { notify } from '../notifications/notifications.server';
import {
  ASSESSMENT_STATUSES,
  ENDORSEMENT_VERDICTS,
  RECOMMENDATIONS,
  ratingsInput,
  ratingsSchema,
  verdictNeedsRatings,
  type CriteriaRatings,
  type EndorsementVerdict,
  type Recommendation,
} from './domain/criteria';

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
 * assessment is stored in the same transaction as the status change.
 */
export async function endorseCase(db: Db, actor: Actor, input: EndorsementInput) {
  const verdict = ENDORSEMENT_VERDICTS.find((v) => v === input.verdict);
  const errors: FieldErrors = {};
  if (!verdict) errors.verdict = 'verdictRequired';
  const reason = reasonSchema.safeParse({ reason: input.reason });
  if (!reason.success) Object.assign(errors, fieldErrors(reason.error));
  let ratings: CriteriaRatings | null = null;
  if (!verdict || verdictNeedsRatings(verdict)) {
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
      const { row } = await loadVisibleCase(tx, actor, input.caseId);
      await tx.insert(caseEndorsements).values({
        caseId: row.id,
        trustId: row.trustId,
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
const leadersIn = (tx: Tx, actor: Actor, exclude: string[]) =>
  peopleWithRoles(tx, actor.trustId, ['endorser'], exclude);

export const LEADER_KINDS = ['delegate', 'collaborator'] as const;
export type LeaderKind = (typeof LEADER_KINDS)[number];

/** Delegates the endorsement to another leader of the trust, or invites one to collaborate on it. */
export async function addLeader(
  db: Db,
  actor: Actor,
  input: { caseId: string; userId: string; kind: string },
) {
  const kind = LEADER_KINDS.find((k) => k === input.kind);
  if (!kind) throw new CaseError('invalid', { kind: 'invalidValue' });
  return inTenant(db, actor, async (tx) => {
    const { row, roles, leaderIds } = await loadVisibleCase(tx, actor, input.caseId, true);
    if (!roles.includes('endorser')) throw new CaseError('forbidden');
    if (statusOf(row) !== 'submitted') throw new CaseError('invalidTransition');
    const candidates = await leadersIn(tx, actor, [actor.userId, ...leaderIds]);
    const leader = candidates.find((c) => c.id === input.userId);
    if (!leader) throw new CaseError('invalid', { userId: 'invalidValue' });
    await tx.insert(caseLeaders).values({
      caseId: row.id,
      trustId: row.trustId,
      userId: leader.id,
      kind,
      addedBy: actor.userId,
    });
    await addNote(
      tx,
      row,
      actor,
      'endorser',
      kind === 'delegate' ? 'delegateEndorsement' : 'inviteLeader',
      leader.name,
    );
    await notify(tx, {
      trustId: row.trustId,
      caseId: row.id,
      kind: 'leaderInvited',
      recipientIds: [leader.id],
    });
  });
}

export interface LeaderView extends Person {
  kind: LeaderKind;
}

export interface EndorsementView {
  authorName: string;
  verdict: EndorsementVerdict;
  ratings: CriteriaRatings;
  justification: string;
  at: Date;
}

/** What the leader sees when endorsing: earlier assessments, added leaders and whom to add. */
export async function getEndorsementPanel(db: Db, actor: Actor, caseId: string) {
  return inTenant(db, actor, (tx) => getEndorsementPanelIn(tx, actor, caseId));
}

/** `getEndorsementPanel` in the caller's transaction (the case page reads all its sections in one). */
export async function getEndorsementPanelIn(tx: Tx, actor: Actor, caseId: string) {
  const { row, roles, leaderIds } = await loadVisibleCase(tx, actor, caseId);
  const internal = roles.some((r) => r === 'endorser' || r === 'decisionMaker' || r === 'assessor');
  if (!internal) return null;
  return {
    endorsements: await endorsementsOf(tx, row.id),
    // The case row names its added leaders: read them only if there are any.
    leaders: leaderIds.length === 0 ? [] : await leadersOf(tx, row.id),
    candidates:
      roles.includes('endorser') && statusOf(row) === 'submitted'
        ? await leadersIn(tx, actor, [actor.userId, ...leaderIds])
        : [],
  };
}

async function leadersOf(tx: Tx, caseId: string): Promise<LeaderView[]> {
  const rows = await tx
    .select({ id: users.id, name: users.name, title: users.title, kind: caseLeaders.kind })
    .from(caseLeaders)
    .innerJoin(users, eq(users.id, caseLeaders.userId))
    .where(eq(caseLeaders.caseId, caseId))
    .orderBy(asc(caseLeaders.addedAt))
    .prepare('sp_case_leaders')
    .execute();
  return rows;
}

async function endorsementsOf(tx: Tx, caseId: string): Promise<EndorsementView[]> {
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

/** Everything the complete assessment shows, for the medical director and the committee. */
export async function getAssessment(db: Db, actor: Actor, caseId: string) {
  return inTenant(db, actor, async (tx) => {
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
    const recommendations = await tx
      .select({
        outcome: caseRecommendations.outcome,
        text: caseRecommendations.text,
        authorName: users.name,
        at: caseRecommendations.createdAt,
      })
      .from(caseRecommendations)
      .innerJoin(users, eq(users.id, caseRecommendations.authorId))
      .where(eq(caseRecommendations.caseId, row.id))
      .orderBy(desc(caseRecommendations.id));
    await logAccess(tx, actor, role, row.id, 'assessment');
    return {
      id: row.id,
      caseNumber: row.caseNumber,
      status,
      answers: row.answers,
      sections: applicableSections(row.answers).map((s) => s.id),
      open: ASSESSMENT_STATUSES.includes(status),
      canAssign: roles.includes('decisionMaker'),
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
      recommendations: recommendations.flatMap((r): RecommendationView[] => {
        const outcome = RECOMMENDATIONS.find((o) => o === r.outcome);
        return outcome ? [{ ...r, outcome }] : [];
      }),
    };
  });
}

export type AssessmentView = Awaited<ReturnType<typeof getAssessment>>;

/** Saves the actor's own priority-criteria worksheet (one per person and case). */
export async function saveWorksheet(
  db: Db,
  actor: Actor,
  input: { caseId: string; ratings: Readonly<Record<string, string>> },
) {
  const parsed = ratingsSchema.safeParse(ratingsInput(input.ratings));
  if (!parsed.success) throw new CaseError('invalid', fieldErrors(parsed.error));
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, input.caseId, true);
    const role = committeeRole(roles);
    requireAssessable(statusOf(row));
    await tx
      .insert(caseWorksheets)
      .values({
        caseId: row.id,
        trustId: row.trustId,
        authorId: actor.userId,
        authorRole: role,
        ratings: parsed.data,
      })
      .onConflictDoUpdate({
        target: [caseWorksheets.caseId, caseWorksheets.authorId],
        set: { ratings: parsed.data, authorRole: role, updatedAt: new Date() },
      });
    await logAccess(tx, actor, role, row.id, 'saveWorksheet');
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
    committeeRole(roles);
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

/** The committee's recommendation (innstilling); the decision in the complete flow needs one. */
export async function recommend(
  db: Db,
  actor: Actor,
  input: { caseId: string; outcome: string; text: string },
) {
  const parsed = recommendationSchema.safeParse({ outcome: input.outcome, text: input.text });
  if (!parsed.success) throw new CaseError('invalid', fieldErrors(parsed.error));
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, input.caseId);
    const role = committeeRole(roles);
    if (statusOf(row) !== 'underAssessment') throw new CaseError('invalidTransition');
    await tx.insert(caseRecommendations).values({
      caseId: row.id,
      trustId: row.trustId,
      outcome: parsed.data.outcome,
      text: parsed.data.text,
      authorId: actor.userId,
      authorRole: role,
    });
    await addNote(tx, row, actor, role, 'recommend', null);
    await logAccess(tx, actor, role, row.id, 'recommend');
  });
}
