import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// A cycle with schema.ts (which re-exports this file): every use below is lazy (inside callbacks).
import { cases, tenantPolicy, trusts, users } from './schema';

/** PostgreSQL `bytea`: PGlite returns a Uint8Array, node-postgres a Buffer (also a Uint8Array). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** What is known about an attachment of a case. The bytes live in an AttachmentStore. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    /** Sanitised, and ending in an extension of the detected type. */
    fileName: text('file_name').notNull(),
    /** Detected from the bytes on upload, never taken from the client. */
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Where the bytes are in the store. */
    storageKey: text('storage_key').notNull().unique(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_case').on(t.caseId, t.uploadedAt), tenantPolicy('attachments')],
).enableRLS();

/** The bytes of attachments when ATTACHMENT_STORE=db (the default). */
export const attachmentContents = pgTable(
  'attachment_contents',
  {
    key: text('key').primaryKey(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    bytes: bytea('bytes').notNull(),
  },
  () => [tenantPolicy('attachment_contents')],
).enableRLS();
