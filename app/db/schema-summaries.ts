import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
// A cycle with schema.ts (which re-exports this file): every use below is lazy (inside callbacks).
import { appRole, cases, trusts } from './schema';

/**
 * The national summary of every submitted case (BRIEF §4.9, §7): løpenummer, trust, scheme,
 * drug, indication codes, dates, outcome and time per stage, and nothing that identifies a
 * patient. It is derived, never written by the application: the database function
 * `refresh_case_summary()` (migration 0016; since 0042 the drug's ATC code and substance from the
 * case's FEST snapshot, ADR 0027) recomputes a case's row from its case, decisions, events and
 * outcome in the same transaction as every change to them (triggers), so the national overview,
 * statistics and precedent search read only this table and cannot reach a personal field. Every trust reads every row; only the owner writes.
 */
export const caseSummaries = pgTable(
  'case_summaries',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    caseNumber: text('case_number').notNull(),
    status: text('status').notNull(),
    scheme: text('scheme'),
    patientScope: text('patient_scope'),
    /** The drug as the applicant chose it (the FEST product name, or free text). */
    drugLabel: text('drug_label'),
    festProductId: text('fest_product_id'),
    /** Active substance(s) and ATC code from FEST at the time of the last change. */
    substance: text('substance'),
    atcCode: text('atc_code'),
    /** Diagnosis codes in the `ICD10:C50.9` form; the first is the main indication. */
    diagnosisCodes: text('diagnosis_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    primaryDiagnosis: text('primary_diagnosis'),
    /** Registered after the fact (etterregistrering), with its original dates. */
    retrospective: boolean('retrospective').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** When the first decision was made; the outcome and conditions are the latest version's. */
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    outcome: text('outcome'),
    conditions: text('conditions'),
    evaluationDate: date('evaluation_date', { mode: 'string' }),
    /** The follow-up outcome: treatment continued (true) or stopped (false); null before. */
    continued: boolean('continued'),
    /** Seconds spent in each finished stage (status → seconds), from the audit trail. */
    stageSeconds: jsonb('stage_seconds').$type<Record<string, number>>().notNull().default({}),
    /** Seconds from submission to the first decision. */
    processingSeconds: bigint('processing_seconds', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_summaries_submitted').on(t.submittedAt.desc(), t.caseId.desc()),
    index('case_summaries_trust_submitted').on(t.trustId, t.submittedAt.desc()),
    index('case_summaries_atc_diagnosis').on(t.atcCode, t.primaryDiagnosis),
    index('case_summaries_substance').on(t.substance),
    index('case_summaries_decided').on(t.decidedAt),
    index('case_summaries_diagnoses').using('gin', t.diagnosisCodes),
    // National overview keyset on submitted time (features/national, migration `lists`): the
    // index above is `desc nulls last`, which `order by submitted_at desc, case_id desc` (nulls
    // first) cannot use, so the first page was a sequential scan and sort of every summary.
    // Ascending indexes serve both directions.
    index('case_summaries_submitted_keyset').on(t.submittedAt, t.caseId),
    index('case_summaries_trust_submitted_keyset').on(t.trustId, t.submittedAt, t.caseId),
    // A case page's cohort signal reads the trust's recent applications with the case's main
    // indication (features/precedents, migration `case_page`): without it, every application of the
    // trust within the window, a number that grows with the trust's volume.
    index('case_summaries_trust_diagnosis_submitted').on(
      t.trustId,
      t.primaryDiagnosis,
      t.submittedAt,
    ),
    // The cohort signal counts a trust's single-patient applications in its window per drug and
    // main indication (features/precedents, migration `cohorts`): every column it groups by is in
    // the index, so the count reads no summary (an index-only scan); by `trust_submitted` it read
    // one heap page per application, about 2,000 at ten times national volume.
    index('case_summaries_cohorts')
      .on(t.trustId, t.submittedAt, t.primaryDiagnosis, t.atcCode, t.substance)
      .where(sql`patient_scope = 'single'`),
    pgPolicy('case_summaries_national_read', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`true`,
    }),
  ],
).enableRLS();
