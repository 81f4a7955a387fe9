import { sql } from 'drizzle-orm';
import { check, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
// A cycle with schema.ts (which re-exports this file): every use below is lazy (inside callbacks).
import { tenantPolicy, trusts, users } from './schema';

/**
 * The trust's cohort signal settings (features/precedents): how many similar single-patient
 * applications within how many days make the director be offered a group application or a
 * proposal to Nye Metoder. No row: the defaults (3 within 90 days).
 */
export const cohortSettings = pgTable(
  'cohort_settings',
  {
    trustId: uuid('trust_id')
      .primaryKey()
      .references(() => trusts.id),
    threshold: integer('threshold').notNull(),
    windowDays: integer('window_days').notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('cohort_settings_threshold', sql`${t.threshold} between 2 and 100`),
    check('cohort_settings_window', sql`${t.windowDays} between 7 and 730`),
    tenantPolicy('cohort_settings'),
  ],
).enableRLS();
