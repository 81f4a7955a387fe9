import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases, tenantPolicy, trusts, users } from './schema';

/**
 * The dialog of a case: one thread between the applicant (and co-authors), the leader and the
 * medical director or committee. `visibility` is 'case' (everyone working the case) or 'internal'
 * (caseworkers only; never the applicant). Append-only for the application role.
 */
export const caseMessages = pgTable(
  'case_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    authorRole: text('author_role').notNull(),
    visibility: text('visibility').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_messages_case').on(t.caseId, t.id), tenantPolicy('case_messages')],
).enableRLS();
