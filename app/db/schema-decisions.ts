import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { PHRASE_KINDS } from '../features/decisions/domain/phrases';
// A cycle with schema.ts (which re-exports this file): every use below is lazy (inside callbacks).
import { tenantPolicy, trusts, users } from './schema';

/**
 * A trust's standard texts for decisions (BRIEF §4.7): reseptmerknad (may contain {løpenummer}),
 * invoicing routine, standard condition, standard justification. Never deleted, only deactivated,
 * so that the texts earlier decisions were built from stay explainable.
 */
export const decisionPhrases = pgTable(
  'decision_phrases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    kind: text('kind', { enum: PHRASE_KINDS }).notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Raised by every change: an edit is a compare-and-set on the version the form was loaded with. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('decision_phrases_trust_kind').on(t.trustId, t.kind, t.sortOrder),
    tenantPolicy('decision_phrases'),
  ],
).enableRLS();

/**
 * Every version of a trust's phrase, as it was saved (created, edited, deactivated, activated),
 * with who saved it: append-only for the application role. Seeded phrases have no author.
 */
export const decisionPhraseVersions = pgTable(
  'decision_phrase_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    phraseId: uuid('phrase_id')
      .notNull()
      .references(() => decisionPhrases.id),
    version: integer('version').notNull(),
    kind: text('kind', { enum: PHRASE_KINDS }).notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    sortOrder: integer('sort_order').notNull(),
    active: boolean('active').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('decision_phrase_versions_once').on(t.phraseId, t.version),
    tenantPolicy('decision_phrase_versions'),
  ],
).enableRLS();

/** A phrase as just saved, as its row in `decision_phrase_versions` (null: no author, seeded). */
export function phraseVersionOf(
  phrase: typeof decisionPhrases.$inferSelect,
  changedBy: string | null,
): typeof decisionPhraseVersions.$inferInsert {
  return {
    trustId: phrase.trustId,
    phraseId: phrase.id,
    version: phrase.version,
    kind: phrase.kind,
    title: phrase.title,
    text: phrase.text,
    sortOrder: phrase.sortOrder,
    active: phrase.active,
    changedBy,
    createdAt: phrase.updatedAt,
  };
}
