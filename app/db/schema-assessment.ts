import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { CriteriaRatings } from '../features/assessment/domain/criteria';
// A cycle with schema.ts (which re-exports this file): every use below is lazy (inside callbacks).
import { cases, tenantPolicy, trusts, users } from './schema';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const caseRef = () =>
  uuid('case_id')
    .notNull()
    .references(() => cases.id);
const trustRef = () =>
  uuid('trust_id')
    .notNull()
    .references(() => trusts.id);
const userRef = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => users.id);

/** The leader's structured assessment given with endorse / not endorse. Append-only. */
export const caseEndorsements = pgTable(
  'case_endorsements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: caseRef(),
    trustId: trustRef(),
    authorId: userRef('author_id'),
    verdict: text('verdict').notNull(),
    ratings: jsonb('ratings').$type<CriteriaRatings>().notNull(),
    justification: text('justification').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_endorsements_case').on(t.caseId, t.id), tenantPolicy('case_endorsements')],
).enableRLS();

/**
 * Leaders a case's endorsement was delegated to (`delegate`: they endorse instead of the
 * department's leaders) or who were invited to give input on it (`collaborator`, ADR 0024). A
 * delegation taken back is revoked (`revoked_at`, `revoked_by`), never deleted; at most one
 * delegation per case is active.
 */
export const caseLeaders = pgTable(
  'case_leaders',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: caseRef(),
    trustId: trustRef(),
    userId: userRef('user_id'),
    kind: text('kind', { enum: ['delegate', 'collaborator'] }).notNull(),
    addedBy: userRef('added_by'),
    addedAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('case_leaders_one_delegate')
      .on(t.caseId)
      .where(sql`${t.kind} = 'delegate' and ${t.revokedAt} is null`),
    uniqueIndex('case_leaders_active')
      .on(t.caseId, t.userId)
      .where(sql`${t.revokedAt} is null`),
    index('case_leaders_user').on(t.userId),
    tenantPolicy('case_leaders'),
  ],
).enableRLS();

/** A `case_leaders` row that is the case's active delegation (`case_leaders_one_delegate`'s predicate). */
export const activeDelegation = sql`${caseLeaders.kind} = 'delegate' and ${caseLeaders.revokedAt} is null`;
/** A `case_leaders` row that is an active invitation to collaborate on the endorsement. */
export const activeCollaboration = sql`${caseLeaders.kind} = 'collaborator' and ${caseLeaders.revokedAt} is null`;

/**
 * Input from a leader invited to collaborate on the endorsement: optional ratings on the priority
 * criteria and a text. Append-only.
 */
export const caseLeaderInputs = pgTable(
  'case_leader_inputs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: caseRef(),
    trustId: trustRef(),
    authorId: userRef('author_id'),
    ratings: jsonb('ratings').$type<CriteriaRatings>(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_leader_inputs_case').on(t.caseId, t.id), tenantPolicy('case_leader_inputs')],
).enableRLS();

/** Committee members assigned to assess a case. */
export const caseCommittee = pgTable(
  'case_committee',
  {
    caseId: caseRef(),
    trustId: trustRef(),
    userId: userRef('user_id'),
    assignedBy: userRef('assigned_by'),
    assignedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), tenantPolicy('case_committee')],
).enableRLS();

/** Each assessor's (and the director's) priority-criteria worksheet; their own, editable until decided. */
export const caseWorksheets = pgTable(
  'case_worksheets',
  {
    caseId: caseRef(),
    trustId: trustRef(),
    authorId: userRef('author_id'),
    authorRole: text('author_role').notNull(),
    ratings: jsonb('ratings').$type<CriteriaRatings>().notNull(),
    /** Raised by each save: a save is a compare-and-set on the version its form was shown with. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.authorId] }), tenantPolicy('case_worksheets')],
).enableRLS();

/** Internal comments on one section of the application, during the complete assessment. Append-only. */
export const caseSectionComments = pgTable(
  'case_section_comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: caseRef(),
    trustId: trustRef(),
    sectionId: text('section_id').notNull(),
    authorId: userRef('author_id'),
    authorRole: text('author_role').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_section_comments_case').on(t.caseId, t.id),
    tenantPolicy('case_section_comments'),
  ],
).enableRLS();

/** The committee's shared preparation notes; a compare-and-set on `version` guards concurrent edits. */
export const casePreparations = pgTable(
  'case_preparations',
  {
    caseId: caseRef().primaryKey(),
    trustId: trustRef(),
    notes: text('notes').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: userRef('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [tenantPolicy('case_preparations')],
).enableRLS();

/** The committee's recommendation (innstilling) before the decision; the newest counts. Append-only. */
export const caseRecommendations = pgTable(
  'case_recommendations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: caseRef(),
    trustId: trustRef(),
    outcome: text('outcome').notNull(),
    text: text('text').notNull(),
    authorId: userRef('author_id'),
    authorRole: text('author_role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_recommendations_case').on(t.caseId, t.id),
    tenantPolicy('case_recommendations'),
  ],
).enableRLS();
