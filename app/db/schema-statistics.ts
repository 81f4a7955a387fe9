import { sql } from 'drizzle-orm';
import { date, integer, pgPolicy, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
// A cycle with schema.ts (which re-exports this file): every use below is lazy (inside callbacks).
import { appRole, trusts } from './schema';

/**
 * The statistics dashboard's precomputed aggregates (ADR 0015), derived from `case_summaries` by
 * the trigger `case_summaries_statistics` in the same transaction as every summary change, and
 * rebuilt set-based by `rebuild_statistics()`. Each case counts once per grain: in its submission
 * day, month and year (Norwegian time), so a period is answered from whole years and months plus
 * the days at its edges. Empty text (not null) stands for an unknown scheme, scope or ATC code, so
 * the primary key covers it. Every trust reads every row; only the owner writes.
 */

const national = (name: string) =>
  pgPolicy(name, { as: 'permissive', for: 'select', to: appRole, using: sql`true` });

// Columns the tables share, built afresh for each table (a column builder belongs to one table).
/** The period a row counts: 'day', 'month' or 'year', from its first day (Norwegian time). */
const periodColumns = () => ({
  grain: text('grain').notNull(),
  period: date('period', { mode: 'string' }).notNull(),
});
const trustColumn = () =>
  uuid('trust_id')
    .notNull()
    .references(() => trusts.id);
/**
 * Volumes, outcomes and follow-up of the cases a row counts; `notEndorsed` and `withdrawn` count
 * the cases that ended without a decision, by the status they ended in (migration 0052: the
 * default is only for the rows there were, which the migration then counts).
 */
const volumeCounts = () => ({
  submitted: integer('submitted').notNull(),
  decided: integer('decided').notNull(),
  approved: integer('approved').notNull(),
  approvedWithConditions: integer('approved_with_conditions').notNull(),
  rejected: integer('rejected').notNull(),
  continued: integer('continued').notNull(),
  stopped: integer('stopped').notNull(),
  notEndorsed: integer('not_endorsed').notNull().default(0),
  withdrawn: integer('withdrawn').notNull().default(0),
});
/**
 * A stage's histogram: `[tenths, n]` pairs by tenths (a two-dimensional `integer` array), how many
 * cases spent that many tenths of a day in `stage`; only counts above zero are kept. Integers
 * rather than `jsonb`, whose numbers are `numeric`: a view reads tens of thousands of pairs, and
 * PostgreSQL writes integers as text at about half the cost.
 */
export type StageHistogram = [tenths: number, n: number][];
const stageHistogram = () => ({
  stage: text('stage').notNull(),
  histogram: integer('histogram').array().array().$type<StageHistogram>().notNull(),
});

/** Counts per period and per filterable dimension: volumes, outcomes and follow-up. */
export const statisticsVolumes = pgTable(
  'statistics_volumes',
  {
    ...periodColumns(),
    trustId: trustColumn(),
    scheme: text('scheme').notNull(),
    patientScope: text('patient_scope').notNull(),
    /** The ATC code cut at level 5 (the finest level the dashboard filters or groups by). */
    atc5: text('atc5').notNull(),
    ...volumeCounts(),
  },
  (t) => [
    primaryKey({
      name: 'statistics_volumes_pk',
      columns: [t.grain, t.period, t.trustId, t.scheme, t.patientScope, t.atc5],
    }),
    national('statistics_volumes_national_read'),
  ],
).enableRLS();

/**
 * Stage times as histograms, one row per period, trust and stage ('total' is submission to first
 * decision): how many cases spent each number of tenths of a day (rounded, the precision the
 * dashboard shows) in the stage. Exact medians and percentiles of the rounded times follow from
 * the counts. One row per stage rather than per bin, so a period reads as many rows at a million
 * cases as at ten thousand.
 */
export const statisticsStageHistograms = pgTable(
  'statistics_stage_histograms',
  {
    ...periodColumns(),
    trustId: trustColumn(),
    ...stageHistogram(),
  },
  (t) => [
    primaryKey({
      name: 'statistics_stage_histograms_pk',
      columns: [t.grain, t.period, t.trustId, t.stage],
    }),
    national('statistics_stage_histograms_national_read'),
  ],
).enableRLS();

/**
 * Coarser volumes for the views without an ATC filter (ADR 0015): `statistics_volumes` without
 * the ATC code, so a period reads at most trusts × schemes × scopes rows per grain period.
 */
export const statisticsSchemeVolumes = pgTable(
  'statistics_scheme_volumes',
  {
    ...periodColumns(),
    trustId: trustColumn(),
    scheme: text('scheme').notNull(),
    patientScope: text('patient_scope').notNull(),
    ...volumeCounts(),
  },
  (t) => [
    primaryKey({
      name: 'statistics_scheme_volumes_pk',
      columns: [t.grain, t.period, t.trustId, t.scheme, t.patientScope],
    }),
    national('statistics_scheme_volumes_national_read'),
  ],
).enableRLS();

/**
 * Submissions per ATC code (level 5), scheme and scope, without the trust (ADR 0015): the volumes
 * by ATC group of every view without a trust filter.
 */
export const statisticsAtcVolumes = pgTable(
  'statistics_atc_volumes',
  {
    ...periodColumns(),
    scheme: text('scheme').notNull(),
    patientScope: text('patient_scope').notNull(),
    atc5: text('atc5').notNull(),
    submitted: integer('submitted').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'statistics_atc_volumes_pk',
      columns: [t.grain, t.period, t.scheme, t.patientScope, t.atc5],
    }),
    national('statistics_atc_volumes_national_read'),
  ],
).enableRLS();

/**
 * Submissions per period, scheme and scope, without the trust or the ATC code (ADR 0015): the time
 * series of the views without a trust or ATC filter, a row per month and combination (280 for the
 * default view's three years) instead of one per trust as well.
 */
export const statisticsSubmissions = pgTable(
  'statistics_submissions',
  {
    ...periodColumns(),
    scheme: text('scheme').notNull(),
    patientScope: text('patient_scope').notNull(),
    submitted: integer('submitted').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'statistics_submissions_pk',
      columns: [t.grain, t.period, t.scheme, t.patientScope],
    }),
    national('statistics_submissions_national_read'),
  ],
).enableRLS();

/**
 * The stage-time histograms of `statistics_stage_histograms` per scheme and scope as well (ADR
 * 0015), for the views filtered by scheme or scope. Scheme and scope come before the trust in the
 * key, so a scheme filter reads only its own rows.
 */
export const statisticsSchemeStageHistograms = pgTable(
  'statistics_scheme_stage_histograms',
  {
    ...periodColumns(),
    scheme: text('scheme').notNull(),
    patientScope: text('patient_scope').notNull(),
    trustId: trustColumn(),
    ...stageHistogram(),
  },
  (t) => [
    primaryKey({
      name: 'statistics_scheme_stage_histograms_pk',
      columns: [t.grain, t.period, t.scheme, t.patientScope, t.trustId, t.stage],
    }),
    national('statistics_scheme_stage_histograms_national_read'),
  ],
).enableRLS();

/**
 * The stage-time histograms per ATC code (level 5) as well (ADR 0015), for the views filtered by an
 * ATC group, whose histograms would otherwise be counted from every selected case. Whole months
 * and years only: a day row would hold about one case, so the days at a period's edges are counted
 * from `case_summaries` (a few weeks of cases at most). The ATC code comes first in the key, so an
 * ATC group reads only its own rows.
 */
export const statisticsAtcStageHistograms = pgTable(
  'statistics_atc_stage_histograms',
  {
    ...periodColumns(),
    atc5: text('atc5').notNull(),
    scheme: text('scheme').notNull(),
    patientScope: text('patient_scope').notNull(),
    trustId: trustColumn(),
    ...stageHistogram(),
  },
  (t) => [
    primaryKey({
      name: 'statistics_atc_stage_histograms_pk',
      columns: [t.grain, t.atc5, t.period, t.scheme, t.patientScope, t.trustId, t.stage],
    }),
    national('statistics_atc_stage_histograms_national_read'),
  ],
).enableRLS();

/**
 * The stage-time histograms per ATC group without scheme and scope (ADR 0015), for the views
 * filtered by an ATC group only, the usual ones: the table above has a row per ATC code, scheme
 * and scope, which for a broad group over years is thousands of rows to sum where this has one
 * per trust, stage and period. A case counts in its code's group at every level a filter can name
 * (1, 3, 4 and 5 characters: L, L01, L01X, L01XC); cases without an ATC code are in none. Whole
 * months and years only, as above.
 */
export const statisticsAtcGroupStageHistograms = pgTable(
  'statistics_atc_group_stage_histograms',
  {
    ...periodColumns(),
    atcGroup: text('atc_group').notNull(),
    trustId: trustColumn(),
    ...stageHistogram(),
  },
  (t) => [
    primaryKey({
      name: 'statistics_atc_group_stage_histograms_pk',
      columns: [t.grain, t.atcGroup, t.period, t.trustId, t.stage],
    }),
    national('statistics_atc_group_stage_histograms_national_read'),
  ],
).enableRLS();
