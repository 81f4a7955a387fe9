import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  GUIDANCE_LIMITS,
  GUIDANCE_PLACES,
  type GuidanceLink,
} from '../features/guidance/domain/guidance';
// A cycle with schema.ts (which re-exports this file): every use below is lazy (inside callbacks).
import { tenantPolicy, trusts, users } from './schema';

const placeCheck = sql.raw(`place in (${GUIDANCE_PLACES.map((p) => `'${p}'`).join(', ')})`);
const textCheck = sql.raw(`char_length(text) <= ${GUIDANCE_LIMITS.text}`);
const linksCheck = sql.raw(
  `jsonb_typeof(links) = 'array' and jsonb_array_length(links) <= ${GUIDANCE_LIMITS.links}`,
);

/**
 * A trust's own guidance per place (features/guidance, BRIEF §2): plain text and a few https
 * links, shown under the national guidance. One row per trust and place; `version` counts the
 * saves, and a save is a compare-and-set on it (two administrators never overwrite each other
 * unseen). Never deleted (an emptied text is a version too).
 */
export const trustGuidance = pgTable(
  'trust_guidance',
  {
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    place: text('place', { enum: GUIDANCE_PLACES }).notNull(),
    text: text('text').notNull().default(''),
    links: jsonb('links').$type<GuidanceLink[]>().notNull().default([]),
    version: integer('version').notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.trustId, t.place] }),
    check('trust_guidance_place', placeCheck),
    check('trust_guidance_text_length', textCheck),
    check('trust_guidance_links', linksCheck),
    tenantPolicy('trust_guidance'),
  ],
).enableRLS();

/**
 * Every saved version of a trust's guidance: who saved what, and when. Written in the save's
 * transaction; append-only for the application role.
 */
export const trustGuidanceVersions = pgTable(
  'trust_guidance_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    place: text('place', { enum: GUIDANCE_PLACES }).notNull(),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    links: jsonb('links').$type<GuidanceLink[]>().notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('trust_guidance_versions_once').on(t.trustId, t.place, t.version),
    tenantPolicy('trust_guidance_versions'),
  ],
).enableRLS();
