import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  INQUIRY_EVENTS,
  INQUIRY_LIMITS,
  INQUIRY_STATUSES,
} from '../features/inquiries/domain/inquiry';
// A cycle with schema.ts (which re-exports this file): every use below is lazy (inside callbacks).
import { appRole, caseSummaries, currentTrust, currentUser, trusts, users } from './schema';

const listOf = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A request for more information about one case of the national overview (features/inquiries):
 * a person of another trust asks the case's trust by løpenummer; its medical director answers.
 * It references the national summary (`case_summaries`), never the case, and holds nothing of the
 * case but the two texts its people wrote. Two trusts read the row: the case's (`trust_id`, which
 * answers) and the asking one (`asker_trust_id`); no other. Never deleted; the answer (by the
 * case's trust) and the withdrawal (by the person who asked) are compare-and-sets on `version`
 * while `status` is open, and once answered or withdrawn the row is closed to every change by the
 * application role.
 */
export const caseInquiries = pgTable(
  'case_inquiries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseSummaries.caseId),
    /** The case's trust, which answers. */
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    askerTrustId: uuid('asker_trust_id')
      .notNull()
      .references(() => trusts.id),
    askedBy: uuid('asked_by')
      .notNull()
      .references(() => users.id),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    question: text('question').notNull(),
    status: text('status', { enum: INQUIRY_STATUSES }).notNull().default('open'),
    version: integer('version').notNull().default(1),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** When the person who asked withdrew the question (status `withdrawn`). */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    index('case_inquiries_trust').on(t.trustId, t.status, t.askedAt),
    index('case_inquiries_asker').on(t.askedBy, t.askedAt),
    index('case_inquiries_case').on(t.caseId),
    // One open question per person and case: a second click sends nothing twice, and the asker
    // waits for the answer before asking again.
    uniqueIndex('case_inquiries_one_open')
      .on(t.caseId, t.askedBy)
      .where(sql`status = 'open'`),
    check('case_inquiries_other_trust', sql`asker_trust_id <> trust_id`),
    check('case_inquiries_status', sql.raw(`status in (${listOf(INQUIRY_STATUSES)})`)),
    check(
      'case_inquiries_question_length',
      sql.raw(`char_length(question) <= ${INQUIRY_LIMITS.question}`),
    ),
    check(
      'case_inquiries_answer_length',
      sql.raw(`char_length(answer) <= ${INQUIRY_LIMITS.answer}`),
    ),
    check(
      'case_inquiries_answered',
      sql`(status = 'answered') = (answer is not null and answered_by is not null and answered_at is not null)`,
    ),
    check('case_inquiries_withdrawn', sql`(status = 'withdrawn') = (withdrawn_at is not null)`),
    pgPolicy('case_inquiries_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`trust_id = ${currentTrust} or asker_trust_id = ${currentTrust}`,
    }),
    // Asked by the current user from the current trust, to the trust whose case it is.
    pgPolicy('case_inquiries_ask', {
      as: 'permissive',
      for: 'insert',
      to: appRole,
      withCheck: sql`asker_trust_id = ${currentTrust} and asked_by = ${currentUser} and status = 'open' and exists (select 1 from case_summaries s where s.case_id = case_inquiries.case_id and s.trust_id = case_inquiries.trust_id)`,
    }),
    // Answered by the case's trust, by the current user, while open (the column grants in the
    // migration allow only the answer's and the withdrawal's columns).
    pgPolicy('case_inquiries_answer', {
      as: 'permissive',
      for: 'update',
      to: appRole,
      using: sql`trust_id = ${currentTrust} and status = 'open'`,
      withCheck: sql`trust_id = ${currentTrust} and answered_by = ${currentUser} and status = 'answered'`,
    }),
    // Withdrawn by the person who asked, from the trust they asked from, while open; nothing of
    // an answer written with it.
    pgPolicy('case_inquiries_withdraw', {
      as: 'permissive',
      for: 'update',
      to: appRole,
      using: sql`asker_trust_id = ${currentTrust} and asked_by = ${currentUser} and status = 'open'`,
      withCheck: sql`asker_trust_id = ${currentTrust} and asked_by = ${currentUser} and status = 'withdrawn' and answer is null and answered_by is null`,
    }),
  ],
).enableRLS();

/**
 * The audit trail of the inquiries: who asked, answered or withdrew, when (the texts are on the
 * inquiry, each written once). Written in the change's transaction; append-only for the
 * application role; read by the same two trusts as its inquiry.
 */
export const caseInquiryEvents = pgTable(
  'case_inquiry_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    inquiryId: uuid('inquiry_id')
      .notNull()
      .references(() => caseInquiries.id),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    askerTrustId: uuid('asker_trust_id')
      .notNull()
      .references(() => trusts.id),
    event: text('event', { enum: INQUIRY_EVENTS }).notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_inquiry_events_inquiry').on(t.inquiryId, t.id),
    check('case_inquiry_events_event', sql.raw(`event in (${listOf(INQUIRY_EVENTS)})`)),
    pgPolicy('case_inquiry_events_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`trust_id = ${currentTrust} or asker_trust_id = ${currentTrust}`,
    }),
    // The current user's own act, in the trust that acts: the asking trust asks and withdraws,
    // the case's trust answers; the trusts are the inquiry's own.
    pgPolicy('case_inquiry_events_write', {
      as: 'permissive',
      for: 'insert',
      to: appRole,
      withCheck: sql`actor_id = ${currentUser} and ((event in ('ask', 'withdraw') and asker_trust_id = ${currentTrust}) or (event = 'answer' and trust_id = ${currentTrust})) and exists (select 1 from case_inquiries i where i.id = case_inquiry_events.inquiry_id and i.trust_id = case_inquiry_events.trust_id and i.asker_trust_id = case_inquiry_events.asker_trust_id)`,
    }),
  ],
).enableRLS();
