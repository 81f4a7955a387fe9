import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
// A cycle with schema.ts (which re-exports this file): every use below is lazy (inside callbacks).
import { cases, tenantPolicy, trusts, users } from './schema';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A trust's own deadline for a stage (days; shorter for urgent cases). Unset: the defaults. */
export const stageDeadlines = pgTable(
  'stage_deadlines',
  {
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    status: text('status').notNull(),
    normalDays: integer('normal_days').notNull(),
    urgentDays: integer('urgent_days').notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.trustId, t.status] }), tenantPolicy('stage_deadlines')],
).enableRLS();

/**
 * Reminders and escalations sent for overdue stages. One row per stage visit (the case, the
 * status and when it was entered) and kind: the unique key makes each alert go out once, even
 * with several app instances running the job at the same time.
 */
export const stageAlerts = pgTable(
  'stage_alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    status: text('status').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    kind: text('kind', { enum: ['reminder', 'escalation'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('stage_alerts_once').on(t.caseId, t.status, t.enteredAt, t.kind),
    tenantPolicy('stage_alerts'),
  ],
).enableRLS();

/** Who marked a case urgent (or took the mark away), why and when. Append-only. */
export const caseUrgency = pgTable(
  'case_urgency',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    urgent: boolean('urgent').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    actorRole: text('actor_role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_urgency_case').on(t.caseId, t.id), tenantPolicy('case_urgency')],
).enableRLS();

/** The treatment's outcome, recorded by the applicant at follow-up. Append-only. */
export const caseOutcomes = pgTable(
  'case_outcomes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    effect: text('effect').notNull(),
    sideEffects: text('side_effects'),
    continued: boolean('continued').notNull(),
    stopReason: text('stop_reason'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('case_outcomes_case').on(t.caseId, t.id), tenantPolicy('case_outcomes')],
).enableRLS();
