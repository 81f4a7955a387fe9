import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
// A cycle with schema.ts (which re-exports this file): every use below is lazy (inside callbacks).
import { appRole, cases, tenantPolicy, trusts, users } from './schema';

/**
 * Cross-trust consultation (BRIEF §4): the case's trust grants another trust's director or
 * committee read access to one case, with a question and a deadline. The grant is open while it is
 * neither revoked nor answered and its deadline day has not passed; only then may the consulted
 * trust read the case (see `consulted_case()` in the migration) and answer (`answer_consultation()`).
 */
export const caseConsultations = pgTable(
  'case_consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The case's trust, which asks. */
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    consultedTrustId: uuid('consulted_trust_id')
      .notNull()
      .references(() => trusts.id),
    question: text('question').notNull(),
    /** The last day (Norwegian time) the consulted trust may read and answer. */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('case_consultations_case').on(t.caseId, t.requestedAt),
    index('case_consultations_consulted').on(t.consultedTrustId),
    check('case_consultations_other_trust', sql`consulted_trust_id <> trust_id`),
    // At most one open consultation per case (an expired one is revoked before the next).
    uniqueIndex('case_consultations_one_open')
      .on(t.caseId)
      .where(sql`revoked_at is null and answered_at is null`),
    tenantPolicy('case_consultations'),
    // The consulted trust sees a grant made to it only while the grant is open and only its
    // director and committee (consulted_case_ids()), as it sees the case; it answers through
    // answer_consultation(). An answered, revoked or expired question is the asking trust's record.
    pgPolicy('case_consultations_consulted', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`consulted_trust_id = nullif(current_setting('app.trust_id', true), '')::uuid and revoked_at is null and answered_at is null and case_id in (select consulted_case_ids())`,
    }),
  ],
).enableRLS();
