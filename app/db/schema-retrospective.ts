import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SheetRow } from '../features/retrospective/domain/retrospective';
// A cycle with schema.ts (which re-exports this file): every use below is lazy (inside callbacks).
import { cases, tenantPolicy, trusts, users } from './schema';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * Who registered a retrospective case (etterregistrering), when, and the trust's own earlier
 * reference (an archive number), unique per trust so a file imported twice does not duplicate.
 * Append-only for the application role.
 */
export const retrospectiveRegistrations = pgTable(
  'retrospective_registrations',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    reference: text('reference'),
    registeredBy: uuid('registered_by')
      .notNull()
      .references(() => users.id),
    /** The bulk import the case came with; null when registered by form. */
    importId: uuid('import_id'),
    registeredAt: createdAt(),
  },
  (t) => [
    uniqueIndex('retrospective_registrations_reference')
      .on(t.trustId, sql`lower(${t.reference})`)
      .where(sql`${t.reference} is not null`),
    index('retrospective_registrations_trust').on(t.trustId, t.registeredAt),
    // A confirmed file's cases: what a second confirmation of it answers.
    index('retrospective_registrations_import')
      .on(t.importId)
      .where(sql`${t.importId} is not null`),
    tenantPolicy('retrospective_registrations'),
  ],
).enableRLS();

/**
 * A parsed spreadsheet waiting for its confirmation (the preview), kept server-side so the
 * confirmation never trusts the browser: the rows are validated again when imported. Only the user
 * who uploaded it may confirm it, within an hour; the row is deleted when imported.
 */
export const retrospectiveImports = pgTable(
  'retrospective_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    rows: jsonb('rows').$type<SheetRow[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('retrospective_imports_trust').on(t.trustId),
    tenantPolicy('retrospective_imports'),
  ],
).enableRLS();
