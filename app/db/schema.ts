import { sql } from 'drizzle-orm';
import type { Answers } from '../features/cases/domain/questionnaire';
import type { FestSnapshot } from '../features/fest/domain/snapshot';
import { openAnswers, sealAnswers } from '../features/privacy/patient-id-cipher.server';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  check,
  customType,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgRole,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The role every request runs as (`SET LOCAL ROLE`), so that row-level security applies even when
 * the connection itself is a superuser (as PGlite's is). Created by migration 0000.
 */
export const appRole = pgRole('sp_app').existing();

/** Rows of a tenant table are visible only inside a transaction bound to their trust. */
export const currentTrust = sql`nullif(current_setting('app.trust_id', true), '')::uuid`;
export const tenantPolicy = (table: string) =>
  pgPolicy(`${table}_tenant`, {
    as: 'permissive',
    for: 'all',
    to: appRole,
    using: sql`trust_id = ${currentTrust}`,
    withCheck: sql`trust_id = ${currentTrust}`,
  });

/**
 * Reference tables of a trust that everyone reads (sign-in reads them before a trust is bound,
 * case pages name other trusts' departments) but only the trust itself changes: its
 * administrator manages departments and role assignments (features/admin).
 */
const ownTrustWritePolicies = (table: string) => [
  pgPolicy(`${table}_read`, { as: 'permissive', for: 'select', to: appRole, using: sql`true` }),
  pgPolicy(`${table}_insert`, {
    as: 'permissive',
    for: 'insert',
    to: appRole,
    withCheck: sql`trust_id = ${currentTrust}`,
  }),
  pgPolicy(`${table}_update`, {
    as: 'permissive',
    for: 'update',
    to: appRole,
    using: sql`trust_id = ${currentTrust}`,
    withCheck: sql`trust_id = ${currentTrust}`,
  }),
  pgPolicy(`${table}_delete`, {
    as: 'permissive',
    for: 'delete',
    to: appRole,
    using: sql`trust_id = ${currentTrust}`,
  }),
];

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * The questionnaire answers (JSONB). The patient id is encrypted here, at the persistence boundary
 * (ADR 0012): every write stores only its ciphertext, every read gives the app the plaintext.
 */
const answersColumn = customType<{ data: Answers; driverData: unknown }>({
  dataType: () => 'jsonb',
  toDriver: (value) => JSON.stringify(sealAnswers(value)),
  fromDriver: (value) =>
    openAnswers((typeof value === 'string' ? JSON.parse(value) : value) as Answers),
});

export const trusts = pgTable('trusts', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  orgnr: text('orgnr').notNull().unique(),
  kind: text('kind', { enum: ['RHF', 'HF'] }).notNull(),
  parentOrgnr: text('parent_orgnr'),
});

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    name: text('name').notNull(),
    /** Raised by each rename: a rename is a compare-and-set on the version its form was shown with. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('departments_trust_name').on(t.trustId, t.name),
    ...ownTrustWritePolicies('departments'),
  ],
).enableRLS();

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  title: text('title').notNull(),
  /** HPR number (Helsepersonellregisteret): how a HelseID login finds its user. */
  hprNumber: text('hpr_number').unique(),
  /**
   * Keyed hash (HMAC-SHA-256, secret OIDC_PID_SECRET) of the national identity number from
   * HelseID, bound at the first login; never the number itself (ADR 10).
   */
  pidHash: text('pid_hash').unique(),
  /**
   * Set on a user found to be the same person as another, known by the other identifier (added
   * once by HPR number and once by identity number), when the person logged in: their roles and
   * everything else went to that user, their identifiers were cleared, and they are never matched
   * or listed again (`merge_person()`, ADR 0018). The row stays for the records naming it.
   */
  mergedInto: uuid('merged_into').references((): AnyPgColumn => users.id),
});

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    /** Null: the role applies to the whole trust. */
    departmentId: uuid('department_id').references(() => departments.id),
    role: text('role').notNull(),
  },
  (t) => [
    unique('role_assignments_unique')
      .on(t.userId, t.trustId, t.departmentId, t.role)
      .nullsNotDistinct(),
    index('role_assignments_trust').on(t.trustId, t.role),
    ...ownTrustWritePolicies('role_assignments'),
  ],
).enableRLS();

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the random session token; the token itself lives only in the signed cookie. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /**
     * The trust the session acts in; null while a user with roles in several trusts has not yet
     * chosen one (ADR 0026).
     */
    trustId: uuid('trust_id').references(() => trusts.id),
    /**
     * When the user chose the session's trust (the chooser or the header's switcher); null when
     * it was their only trust, set at login. With `previous_trust_id`, the record of a choice.
     */
    trustChosenAt: timestamp('trust_chosen_at', { withTimezone: true }),
    /** The trust of the session this one replaced when the user switched trust. */
    previousTrustId: uuid('previous_trust_id').references(() => trusts.id),
    createdAt: createdAt(),
    /** Absolute end (login + the absolute timeout). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Last request seen, at most a minute stale: the idle timeout counts from here. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * The concluded statuses of "My cases" (features/cases CONCLUDED_STATUSES: decided or final) as
 * partial-index predicates; listMyCases writes the same literal list so the planner matches them.
 */
const concludedStatus = sql.raw(`status in ('decided', 'notEndorsed', 'closed', 'withdrawn')`);
const activeStatus = sql.raw(`status not in ('decided', 'notEndorsed', 'closed', 'withdrawn')`);

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => users.id),
    caseNumber: text('case_number').unique(),
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    /** The questionnaire answers, keyed by question id (see domain/questionnaire.ts). */
    answers: answersColumn('answers').notNull().default({}),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Urgent cases get the trust's shorter stage deadlines. */
    urgent: boolean('urgent').notNull().default(false),
    /** A re-application links to the case it was started from (and that case links back by query). */
    previousCaseId: uuid('previous_case_id').references((): AnyPgColumn => cases.id),
    /** Registered after the fact (etterregistrering): decided before the portal existed. */
    retrospective: boolean('retrospective').notNull().default(false),
    /**
     * The chosen drug's FEST facts when the application was last sent (submit, resubmit), for
     * judging it on what the applicant saw (ADR 0027). Null: no FEST product, never sent, or sent
     * before snapshots existed (no backfill).
     */
    festSnapshot: jsonb('fest_snapshot').$type<FestSnapshot>(),
  },
  (t) => [
    index('cases_trust_status').on(t.trustId, t.status),
    index('cases_previous').on(t.previousCaseId),
    index('cases_applicant').on(t.applicantId),
    // "My cases" (features/cases listMyCases): active cases (the working set) and concluded
    // cases, each newest first, per way of seeing a case, so neither reads the trust's history.
    // Ascending on purpose: read backwards they give `updated_at desc, id desc` (nulls first),
    // the order the query asks for; a `desc` index here would be `desc nulls last` and not match.
    index('cases_active_trust').on(t.trustId, t.updatedAt, t.id).where(activeStatus),
    index('cases_active_applicant').on(t.applicantId, t.updatedAt, t.id).where(activeStatus),
    index('cases_active_department').on(t.departmentId, t.updatedAt, t.id).where(activeStatus),
    index('cases_concluded_trust').on(t.trustId, t.updatedAt, t.id).where(concludedStatus),
    index('cases_concluded_applicant').on(t.applicantId, t.updatedAt, t.id).where(concludedStatus),
    index('cases_concluded_department')
      .on(t.departmentId, t.updatedAt, t.id)
      .where(concludedStatus),
    // The register filtered by department (features/national/register.server.ts, migration 0052):
    // the keyset `(created_at, id) < cursor order by created_at desc, id desc` within a
    // department, read backwards (ascending on purpose, as above). Without it a page walks the
    // trust's keyset (migration 0019) and filters, reading the trust's history for a small
    // department. A leader's «Min avdeling» for one department is served by it too.
    index('cases_department_created_keyset').on(t.departmentId, t.createdAt, t.id),
    tenantPolicy('cases'),
  ],
).enableRLS();

/** The audit trail of every status change: append-only for the application role. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    event: text('event').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    actorRole: text('actor_role').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_events_case').on(t.caseId, t.id),
    // When a case entered its status (clocks/stage-sql.server.ts): an index-only lookup.
    index('case_events_entered').on(t.caseId, t.toStatus, t.createdAt),
    tenantPolicy('case_events'),
  ],
).enableRLS();

/** Decisions are frozen: a later change is a new row with a higher version, never an update. */
export const caseDecisions = pgTable(
  'case_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    version: integer('version').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason').notNull(),
    conditions: text('conditions'),
    /** When the treatment is to be evaluated; the applicant is then asked to record the outcome. */
    evaluationDate: date('evaluation_date', { mode: 'string' }),
    /** The whole decision text as composed from its parts and the trust's phrases (frozen). */
    text: text('text'),
    /** Reseptmerknad with the løpenummer filled in. */
    prescriptionNote: text('prescription_note'),
    /** The invoicing routine that applies. */
    invoicing: text('invoicing'),
    /**
     * Tilgangsordningen: the interregional committee took the decision and the trust's medical
     * director recorded it (the case came from atInterregionalCommittee; revisions keep the flag).
     */
    interregionalCommittee: boolean('interregional_committee').notNull().default(false),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: createdAt(),
  },
  (t) => [unique('case_decisions_version').on(t.caseId, t.version), tenantPolicy('case_decisions')],
).enableRLS();

/** Gap-free løpenummer sequence per trust and year; incremented in the submitting transaction. */
export const caseNumberCounters = pgTable(
  'case_number_counters',
  {
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.trustId, t.year] }), tenantPolicy('case_number_counters')],
).enableRLS();

/** Colleagues invited to co-author a case (same trust). */
export const caseCollaborators = pgTable(
  'case_collaborators',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    invitedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.userId] }),
    index('case_collaborators_user').on(t.userId),
    tenantPolicy('case_collaborators'),
  ],
).enableRLS();

/** Who changed which answer, when: the field-level history of an application. Append-only. */
export const caseChanges = pgTable(
  'case_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    questionId: text('question_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_changes_case').on(t.caseId, t.id), tenantPolicy('case_changes')],
).enableRLS();

/**
 * Every read and change of personal data: who, in which role, for what purpose, which case and
 * object, when. Append-only for the application role and hash-chained per trust: a BEFORE INSERT
 * trigger (see the auditlog migration, ADR 0012) sets `seq`, `prev_hash` and `hash`.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    /** Null for reads that concern no one case (the log controller's own reading of the log). */
    caseId: uuid('case_id').references(() => cases.id),
    action: text('action').notNull(),
    /** Why (features/auditlog/domain/purposes.ts). */
    purpose: text('purpose').notNull().default('casework'),
    /** What within the case, e.g. the attachment id of a download. */
    objectId: text('object_id'),
    /**
     * The reader's own trust when it is not the log's: a consulted trust's read of this trust's
     * case (ADR 0025). Written only by `log_consulted_access()`; part of the hash when set.
     */
    readerTrustId: uuid('reader_trust_id').references(() => trusts.id),
    /**
     * Position in the trust's chain (1, 2, …), set by the trigger; unique per trust through the
     * index access_log_chain, created in the migration after the existing rows are chained.
     */
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('access_log_case').on(t.caseId, t.id),
    index('access_log_user').on(t.trustId, t.userId, t.createdAt),
    tenantPolicy('access_log'),
    check('access_log_reader_other_trust', sql`${t.readerTrustId} <> ${t.trustId}`),
    // The application role writes only its own trust's reads; another trust's reader goes
    // through log_consulted_access() (SECURITY DEFINER, which checks the consultation grant).
    pgPolicy('access_log_own_reader', {
      as: 'restrictive',
      for: 'insert',
      to: appRole,
      withCheck: sql`reader_trust_id is null`,
    }),
  ],
).enableRLS();

/** The current user's own id, bound per transaction by inTenant. */
export const currentUser = sql`nullif(current_setting('app.user_id', true), '')::uuid`;

/**
 * In-app notifications, and the outbox for their e-mail. A recipient sees only their own; anyone
 * working a case may notify (a consulted trust's director lives in another trust, hence no trust check).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The trust the case belongs to (not necessarily the recipient's active trust). */
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    caseId: uuid('case_id').references(() => cases.id),
    kind: text('kind').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /**
     * Set once the e-mail has been handed to the mail server; null rows, unless given up, are
     * the outbox (features/notifications/domain/outbox.ts).
     */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    /** How many times the e-mail has been tried. */
    emailAttempts: integer('email_attempts').notNull().default(0),
    /**
     * When the e-mail may be tried next: a claim sets it a lease ahead (a run that stops gives it
     * back then), a failed send a back-off ahead.
     */
    emailNextAt: timestamp('email_next_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the e-mail is given up (refused for good, or too late); the notice itself stays. */
    emailGivenUpAt: timestamp('email_given_up_at', { withTimezone: true }),
    /**
     * The case number as it was when sent, kept only for a recipient who cannot read the case
     * (`linksToCase` false: the consulted trust after a withdrawal): the list cannot join it.
     */
    caseNumber: text('case_number'),
  },
  (t) => [
    index('notifications_user').on(t.userId, t.id),
    index('notifications_outbox_due')
      .on(t.emailNextAt, t.id)
      .where(sql`emailed_at is null and email_given_up_at is null`),
    // The unread ones: the case page marks a case's read, the header counts them (migration
    // `case_page`). By user alone, both read every notification the user ever had.
    index('notifications_unread')
      .on(t.userId, t.caseId)
      .where(sql`read_at is null`),
    pgPolicy('notifications_own', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`user_id = ${currentUser}`,
    }),
    pgPolicy('notifications_mark_read', {
      as: 'permissive',
      for: 'update',
      to: appRole,
      using: sql`user_id = ${currentUser}`,
      withCheck: sql`user_id = ${currentUser}`,
    }),
    pgPolicy('notifications_send', {
      as: 'permissive',
      for: 'insert',
      to: appRole,
      withCheck: sql`true`,
    }),
  ],
).enableRLS();

export * from './schema-attachments';
export * from './schema-fest';
export * from './schema-assessment';
export * from './schema-decisions';
export * from './schema-dialog';
export * from './schema-consultations';
export * from './schema-clocks';
export * from './schema-summaries';
export * from './schema-precedents';
export * from './schema-retrospective';
export * from './schema-statistics';
export * from './schema-admin';
export * from './schema-auth';
export * from './schema-guidance';
export * from './schema-inquiries';
