import { ROLE_HISTORY_ACTIONS } from '../features/admin/domain/people';
import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, trusts, users } from './schema';

/**
 * The history of role grants and revocations in a trust (features/admin): who gave or took which
 * role from whom, and when. Append-only for the application role. The department is kept by name,
 * so that an emptied department can still be removed without losing the record.
 */
export const roleAssignmentEvents = pgTable(
  'role_assignment_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** `mergedFrom` / `mergedInto`: see ROLE_HISTORY_ACTIONS (`merge_person()`). */
    action: text('action', { enum: ROLE_HISTORY_ACTIONS }).notNull(),
    role: text('role').notNull(),
    departmentName: text('department_name'),
    /**
     * Who granted or revoked it: the administrator; null for the first administrator of a trust,
     * granted by the operator from the command line (`npm run admin:first`). For a merge, the
     * other user of the two.
     */
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('role_assignment_events_user').on(t.trustId, t.userId, t.id),
    tenantPolicy('role_assignment_events'),
  ],
).enableRLS();
